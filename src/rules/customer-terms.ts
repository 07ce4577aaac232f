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
import { readableUrl, redactorFor, type Redactor } from '../export/redact.js';
import { addressSpans, within } from '../util/addresses.js';
import { frontmatterNames } from '../export/names.js';
import { fold, foldName, NameSet, REMOVED, showInvisible } from '../util/terms.js';
import { sectionName } from './util.js';
import { oneLine, plural } from '../util/text.js';

type Why = 'no-entry' | 'internal-only' | 'link' | 'address' | 'wording' | 'drafted';

interface Mention {
  key: string;
  name: string;
  found: string;
  why: Why;
  where: PublishedText;
  start: Point;
  end: Point;
  /** For a name the export's changes make: the text as the draft has it. */
  draft?: string;
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
  // Only a name of several words can be made by putting a wording in or
  // taking an id out ("request routing" + " mesh"): a one-word name found in
  // the draft was in the text already, whole, or is not whole there either.
  const spanning = [...names.values()].some((n) => /\s/.test(n));
  const redact = redactorFor(doc, { internalDomains: [], idPrefix: DEFAULT_CONFIG.idPrefix });
  const out: Mention[] = [];
  for (const where of publishedTexts(doc, redact)) {
    const asWritten = where.href || where.part === 'glossary';
    const text = where.href ? readableUrl(where.text) : where.text;
    // Found only for a text that has a mention: most have none.
    let addresses: ReturnType<typeof addressSpans> | undefined;
    const seen = new Set<string>();
    // Where the export changes the text: a wording put in, or something left out.
    let changedAt = asWritten || !spanning ? -1 : text.indexOf(REMOVED);
    for (const m of (asWritten ? verbatim : prose).mentions(where.href ? fold(text) : where.folded())) {
      const key = foldName(m.name);
      seen.add(key);
      // The glossary does not reach into a bare URL or address: the export publishes it as written.
      addresses ??= asWritten ? [] : addressSpans(text);
      const inAddress = within(addresses, m);
      if (!asWritten && !inAddress && worded.has(key)) {
        if (spanning && (changedAt === -1 || m.index < changedAt)) changedAt = m.index;
        continue;
      }
      if (inAddress && !names.has(key)) continue;
      const why = whyOf(where, inAddress, internalOnly.has(key));
      const start = where.pointAt(where.href ? 0 : m.index);
      const end = where.href ? { line: start.line, column: start.column + where.text.length } : where.pointAt(m.index + m.length);
      out.push({ key, name: names.get(key) ?? m.name, found: text.slice(m.index, m.index + m.length), why, where, start, end });
    }
    if (changedAt !== -1) out.push(...draftedMentions(where, changedAt, redact, verbatim, seen));
  }
  return out;
}

// Why a name in the published text is reported (the drafted ones aside).
function whyOf(where: PublishedText, inAddress: boolean, internalOnly: boolean): Why {
  if (where.href) return 'link';
  if (inAddress) return 'address';
  if (where.part === 'glossary') return 'wording';
  return internalOnly ? 'internal-only' : 'no-entry';
}

// Names the export's own changes make: "cell-router mesh" worded "request
// routing mesh", "routing (AI-2) mesh" read "routing mesh" without the id.
// Pointed at the first change, since the name is not in the file as written.
function draftedMentions(where: PublishedText, changedAt: number, redact: Redactor, names: NameSet, seen: Set<string>): Mention[] {
  const draft = redact.text(where.text);
  const out: Mention[] = [];
  for (const m of names.mentions(fold(draft))) {
    const key = foldName(m.name);
    if (seen.has(key)) continue;
    seen.add(key);
    const start = where.pointAt(changedAt);
    out.push({ key, name: m.name, found: draft.slice(m.index, m.index + m.length), why: 'drafted', where, start, end: start, draft });
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
    case 'address':
      return `${at}, inside an address (a URL, host name or path): the export publishes an address as written, so customers would see it: reword or leave the address out${rest}`;
    case 'wording':
      return `${at}: the export puts the wording in as written, so customers would see it: reword the wording${rest}`;
    case 'drafted':
      return `${at} once the export has put in glossary wordings and left out ids: the draft reads "${excerpt(m.draft!, m.found)}", so customers would see it: reword${rest}`;
    default:
      return `${at}: customers do not know it. Add a glossary entry (glossary: { ${m.name}: customer wording }) or describe the function customers use${rest}`;
  }
}

// The words around a name in the draft's text, some 60 characters.
function excerpt(draft: string, found: string): string {
  const at = draft.indexOf(found);
  // Whole words: back to the space before, on to the space after.
  const before = at - 25;
  const after = draft.indexOf(' ', at + found.length + 25);
  const from = before <= 0 ? 0 : draft.lastIndexOf(' ', before) + 1;
  const to = after === -1 ? draft.length : after;
  return `${from > 0 ? '…' : ''}${oneLine(draft.slice(from, to))}${to < draft.length ? '…' : ''}`;
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
        '`orders\\u00ADapi` and "оrders-api" with a Cyrillic "о" are "orders-api", "orders-apis" is not. In Chinese and ' +
        'Japanese, which put no space between words, each Han or Hiragana character is a word of its own and a run of ' +
        'Katakana is one (as in Unicode word boundaries): "订单服务故障" and "注文APIの障害" name 订单服务 and 注文API, ' +
        '"在庫サービスチーム" does not name 在庫サービス. Each name is ' +
        'reported once, at its first mention, with the number of other mentions. A name in a link target, in a ' +
        'glossary wording or inside a bare address (a URL, a host name such as `orders-api.internal`, a path) is ' +
        'reported even with a glossary entry, since the export publishes those as written. ' +
        'It also reads the text as the draft will have it, with glossary wordings put in and ids left out, for a ' +
        'name those changes make ("cell-router mesh" worded "request routing mesh" names "routing mesh"). ' +
        'A frontmatter with a repeated key (a `frontmatter-schema` error) is read as the export reads it: each ' +
        'repeated key takes its last value.',
      fail: dedent(`
        ---
        services: [orders-api, cell-router]
        glossary:
          config-deployer: false
        ---

        ## Customer summary

        orders-api returned errors because one cell-router host failed its disk, and config-deployer {customer-terms} {customer-terms} {customer-terms}
        could not replace it. orders-api recovered at 08:50 UTC.
      `),
      pass: dedent(`
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
      `),
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
