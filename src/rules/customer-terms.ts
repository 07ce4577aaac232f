// Internal names in the sections customers read (Impact, Customer summary)
// have a glossary entry, so the export can put them in customers' words.
// Names match whole and case folded, with the matcher the export uses.
import { z } from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import type { CoeDocument, SectionKey } from '../model/types.js';
import { rangeAt } from '../model/text.js';
import { findTerm, type TermMatch } from '../util/terms.js';
import { sectionName } from './util.js';

const CUSTOMER_SECTIONS = new Set<SectionKey | undefined>(['impact', 'customer-summary']);

/** The `services` and configured internal terms that have no glossary entry, once each. */
export function termsWithoutGlossary(doc: CoeDocument, internalTerms: string[]): string[] {
  const glossary = new Set(Object.keys(doc.frontmatter.data.glossary ?? {}).map((k) => k.trim().toLowerCase()));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const term of [...(doc.frontmatter.data.services ?? []), ...internalTerms]) {
    const key = term.trim().toLowerCase();
    if (!key || seen.has(key) || glossary.has(key)) continue;
    seen.add(key);
    out.push(term.trim());
  }
  return out;
}

// Every whole occurrence; where two terms overlap ("orders" in "orders api"),
// the longer one is the mention.
function occurrences(text: string, terms: string[]): (TermMatch & { term: string })[] {
  const all = terms.flatMap((term) => findTerm(text, term).map((m) => ({ ...m, term })));
  all.sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: (TermMatch & { term: string })[] = [];
  for (const m of all) {
    if (!kept.some((k) => m.index < k.index + k.length && k.index < m.index + m.length)) kept.push(m);
  }
  return kept;
}

export default defineRule({
  meta: {
    id: 'customer-terms',
    severity: 'warn',
    description: 'Internal names in Impact or Customer summary have a glossary entry',
    options: z.strictObject({}),
    docs: {
      rationale:
        'Customers know the functions they use, not our service names. The Impact narrative and the Customer ' +
        'summary become the customer-facing RCA (`coe export`), so every internal name in them, the `services` of ' +
        'the frontmatter and the configured `internalTerms`, needs a `glossary` entry that says it in customers\' ' +
        'words (the export substitutes it), or the sentence should be reworded. Names match whole and case folded: ' +
        '"Orders-API" is "orders-api", "orders-apis" is not.',
      fail: [
        '---',
        'services: [orders-api, cell-router]',
        '---',
        '',
        '## Customer summary',
        '',
        'orders-api returned errors because one cell-router host failed its disk.',
      ].join('\n'),
      pass: [
        '---',
        'services: [orders-api, cell-router]',
        'glossary:',
        '  orders-api: order placement',
        '  cell-router: request routing',
        '---',
        '',
        '## Customer summary',
        '',
        'orders-api returned errors because one cell-router host failed its disk.',
      ].join('\n'),
    },
  },
  check({ doc, settings }) {
    const terms = termsWithoutGlossary(doc, settings.internalTerms);
    if (terms.length === 0) return [];
    const findings: RuleFinding[] = [];
    // Code too: the export shows it to customers, and its leak check looks there.
    for (const run of [...doc.prose, ...doc.code].filter((r) => CUSTOMER_SECTIONS.has(r.section))) {
      for (const m of occurrences(run.text, terms)) {
        const found = run.text.slice(m.index, m.index + m.length);
        findings.push({
          message: `Internal name "${found}" in ${sectionName(run.section!)}: customers do not know it. Add a glossary entry (glossary: { ${m.term}: customer wording }) or describe the function customers use`,
          range: rangeAt(run, m.index, m.length),
        });
      }
    }
    return findings;
  },
});
