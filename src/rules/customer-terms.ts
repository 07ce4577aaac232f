// Internal names in what `coe export` publishes: the text it reads is the
// export's own (src/export/published.ts), and names match with the folding
// its glossary and leak check use (src/util/terms.ts). So a COE with no
// finding here is never refused by the export's leak check for a services
// entry or a configured internal term.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import type { CoeDocument, Point } from '../model/types.js';
import { DEFAULT_CONFIG } from '../config/config.js';
import { asExported, publishedTexts, type PublishedText } from '../export/published.js';
import { addressSpans, readableUrl, redactorFor, within } from '../export/redact.js';
import { frontmatterNames } from '../export/names.js';
import { fold, foldName, NameSet, REMOVED, showInvisible } from '../util/terms.js';
import { sectionName } from './util.js';
import { plural } from '../util/text.js';

type Why = 'no-entry' | 'internal-only' | 'link' | 'wording';

interface Mention {
  key: string;
  name: string;
  found: string;
  why: Why;
  where: PublishedText;
  start: Point;
  end: Point;
}

/** The internal names of a COE: its services and the configured terms, and the glossary's internal-only terms. */
function namesOf(doc: CoeDocument, internalTerms: string[]) {
  const glossary = Object.entries(doc.frontmatter.data.glossary ?? {});
  const worded = new Map(glossary.flatMap(([term, wording]) => (typeof wording === 'string' ? [[foldName(term), term] as const] : [])));
  // Read even from an invalid frontmatter, as the export's leak check reads them.
  const read = frontmatterNames(doc);
  const internalOnly = new Set(read.internalOnly.map(foldName));
  const names = new Map<string, string>();
  for (const name of [...read.services, ...internalTerms, ...read.internalOnly]) {
    const key = foldName(name);
    if (key && !names.has(key)) names.set(key, name.trim());
  }
  return { names, worded, internalOnly };
}

function mentionsIn(doc: CoeDocument, internalTerms: string[]): Mention[] {
  const { names, worded, internalOnly } = namesOf(doc, internalTerms);
  if (names.size === 0) return [];
  // In prose the glossary replaces worded names first, the longest at each place, as the export does.
  const prose = new NameSet([...worded.values(), ...names.values()]);
  // Link targets and glossary wordings are published as written: every internal name there is a mention.
  const verbatim = new NameSet(names.values());
  const redact = redactorFor(doc, { internalDomains: [], idPrefix: DEFAULT_CONFIG.idPrefix });
  const out: Mention[] = [];
  for (const where of publishedTexts(doc, redact)) {
    const asWritten = where.href || where.part === 'glossary';
    const text = where.href ? readableUrl(where.text) : where.text;
    // Found only for a text that has a mention: most have none.
    let addresses: ReturnType<typeof addressSpans> | undefined;
    for (const m of (asWritten ? verbatim : prose).mentions(where.href ? fold(text) : where.folded())) {
      const key = foldName(m.name);
      // The glossary does not reach into a bare URL or address: the export publishes it as written.
      addresses ??= asWritten ? [] : addressSpans(text);
      const inAddress = within(addresses, m);
      if (!asWritten && !inAddress && worded.has(key)) continue;
      if (inAddress && !names.has(key)) continue;
      const why: Why =
        where.href || inAddress ? 'link' : where.part === 'glossary' ? 'wording' : internalOnly.has(key) ? 'internal-only' : 'no-entry';
      const start = where.pointAt(where.href ? 0 : m.index);
      const end = where.href ? { line: start.line, column: start.column + where.text.length } : where.pointAt(m.index + m.length);
      out.push({ key, name: names.get(key) ?? m.name, found: text.slice(m.index, m.index + m.length), why, where, start, end });
    }
  }
  return out;
}

function partName(where: PublishedText): string {
  switch (where.part) {
    case 'title':
      return 'the title';
    case 'region':
      return 'the regions';
    case 'glossary':
      return `the glossary wording of "${where.term}"`;
    case 'action':
      return where.actionId ? `the action of ${where.actionId}` : 'an action item';
    default:
      return `the ${sectionName(where.part)} section`;
  }
}

// "ledger<U+200B>-db" (read as "ledger-db"): a name hidden by invisible or lookalike characters says so.
function quoted(m: Mention): string {
  const found = m.found.replaceAll(REMOVED, '').replace(/\s+/g, ' ');
  const plain = found.toLowerCase() === m.name.replace(/\s+/g, ' ').toLowerCase();
  return plain ? `"${found}"` : `"${showInvisible(found)}" (read as "${m.name}")`;
}

function message(m: Mention, more: number): string {
  const at = `Internal name ${quoted(m)} in ${m.where.href ? `a link target in ${partName(m.where)}` : partName(m.where)}`;
  const rest = more > 0 ? ` (${plural(more, 'more mention')} in the published text)` : '';
  switch (m.why) {
    case 'internal-only':
      return `${at}: the glossary marks it internal only (false), so customers never see it: reword${rest}`;
    case 'link':
      return `${at}: the export publishes link targets as written, so customers would see it: link elsewhere or drop the link${rest}`;
    case 'wording':
      return `${at}: the export puts the wording in as written, so customers would see it: reword the wording${rest}`;
    default:
      return `${at}: customers do not know it. Add a glossary entry (glossary: { ${m.name}: customer wording }) or describe the function customers use${rest}`;
  }
}

const before = (a: Point, b: Point) => a.line < b.line || (a.line === b.line && a.column < b.column);

export default defineRule({
  meta: {
    id: 'customer-terms',
    severity: 'warn',
    description: 'Internal names in what the customer RCA publishes have a glossary entry',
    options: z.strictObject({}),
    docs: {
      rationale:
        'Customers know the functions they use, not our service names. `coe export` publishes the title, the Impact ' +
        'narrative, the Customer summary and the Action cells of the action items that are not `dropped`; this rule ' +
        'reads exactly that text, as the export reads it, so a COE it passes is never refused by the export for a ' +
        'services entry or a configured `internalTerms` entry. Every such name needs a `glossary` entry that says it ' +
        "in customers' words (the export substitutes it), or the sentence should be reworded; a name the glossary " +
        'marks `false` is internal only, and any mention of it is reported. Names match whole and case folded, as a ' +
        'reader sees them: invisible characters (zero-width space and joiners, bidi marks) dropped, a soft hyphen read ' +
        'as nothing or as a hyphen, compatibility forms, hyphen variants and lookalike letters of other scripts folded: "Orders-API", ' +
        '`orders\\u00ADapi` and "оrders-api" with a Cyrillic "о" are "orders-api", "orders-apis" is not. Each name is ' +
        'reported once, at its first mention, with the number of other mentions. A name in a link target or in a ' +
        'glossary wording is reported even with a glossary entry, since the export publishes those as written. ' +
        'A frontmatter with a repeated key (a `frontmatter-schema` error) is read as the export reads it: each ' +
        'repeated key takes its last value.',
      fail: dedent`
        ---
        services: [orders-api, cell-router]
        glossary:
          config-deployer: false
        ---

        ## Customer summary

        orders-api returned errors because one cell-router host failed its disk, and config-deployer {customer-terms} {customer-terms} {customer-terms}
        could not replace it. orders-api recovered at 08:50 UTC.
      `,
      pass: dedent`
        ---
        services: [orders-api, cell-router]
        glossary:
          orders-api: order placement
          cell-router: request routing
          config-deployer: false
        ---

        ## Customer summary

        orders-api returned errors because one cell-router host failed its disk, and it could not be
        replaced automatically. orders-api recovered at 08:50 UTC.
      `,
    },
  },
  check({ doc: coe, settings }) {
    const doc = asExported(coe);
    const first = new Map<string, { mention: Mention; count: number }>();
    for (const m of mentionsIn(doc, settings.internalTerms)) {
      const seen = first.get(m.key);
      if (!seen) first.set(m.key, { mention: m, count: 1 });
      else {
        seen.count++;
        if (before(m.start, seen.mention.start)) seen.mention = m;
      }
    }
    const findings: RuleFinding[] = [];
    for (const { mention, count } of first.values()) {
      findings.push({ message: message(mention, count - 1), range: { start: mention.start, end: mention.end } });
    }
    return findings;
  },
});
