// The RCA model, built once from a CoeDocument; every renderer takes it.
// It holds only what customers may read: redacted text, no owners, authors,
// ids or internal sections. Beside it, where each piece came from in the
// COE, so that a leak can be traced to its source.
import type { TableCell } from 'mdast';
import type { ActionItem, CoeDocument, SectionKey, IncidentData } from '../model/types.js';
import type { ResolvedConfig } from '../config/config.js';
import { pushAll } from '../util/arrays.js';
import { isGlobalRegion, isOneOf, TERMS as ACTION_TERMS } from '../model/vocabulary.js';
import { parseDay, formatUtc } from '../util/time.js';
import { timeOf } from '../model/incident.js';
import type { Definition, Nodes } from 'mdast';
import { blocksText, inlineText, linkDefinitions, linksOf, removalsIn, toBlocks, toInlines, type Removal, type Tracer } from './content.js';
import { pointAt, rangeOf, textRun } from '../model/text.js';
import { dayInWords, windowInWords } from './dates.js';
import { redactorFor, type Redactor } from './redact.js';
import { publishedActions, sectionNodes, titleOf } from './published.js';
import { foldName } from '../util/terms.js';
import { oneLine } from '../util/text.js';
import {
  RCA_VERSION,
  TERMS,
  type ActionGroup,
  type Block,
  type MilestoneEvent,
  type Prose,
  type Rca,
  type RcaAction,
  type Term,
  type TimelineEvent,
} from './schema.js';

/** A piece of the draft and where in the COE it came from. */
export interface Origin {
  text: string;
  where: string;
}

export interface BuiltRca {
  rca: Rca;
  origins: Origin[];
  /** Things the author should know, for stderr: a missing Customer summary, @handles left out. */
  warnings: string[];
}

export const GROUP_HEADINGS: Record<Term, string> = {
  short: 'Immediate fixes',
  mid: 'In the coming weeks',
  long: 'Longer-term improvements',
  other: 'Other actions',
};

const MILESTONE_LABELS: Record<MilestoneEvent, string> = {
  start: 'Customers began to be affected',
  customer_notified: 'We first notified customers',
  mitigated: 'Customer impact ended',
  resolved: 'The issue was fully resolved',
};

export const PLACEHOLDER =
  'Placeholder: the root cause, in the words customers use, goes here. Add a "Customer summary" section to the COE and export again.';

export function buildRca(doc: CoeDocument, config: ResolvedConfig): BuiltRca {
  const fm = doc.frontmatter.data;
  const redact = redactorFor(doc, config);
  const at = where(doc.file);
  const origins: Origin[] = [];
  const warnings: string[] = [];
  const lineOf = (key: string) => doc.frontmatter.positions.get(key)?.start.line;
  const note = (text: string, where: string) => origins.push({ text, where });

  // Frontmatter values are one line each in the draft (oneLine): a newline must not start a block.
  const rawTitle = titleOf(doc);
  const titleLine = lineOf('title') ?? doc.title?.range.start.line;
  const title = oneLine(redact.text(rawTitle));
  note(title, at('the title', titleLine));

  const start = timeOf(fm.incident, 'start');
  const end = timeOf(fm.incident, 'mitigated');
  const windowText = windowInWords(start, end);
  const functions = affectedFunctions(fm.services ?? [], fm.glossary ?? {}).map(oneLine);
  const regions = (fm.regions ?? []).map((r) => oneLine(redact.text(r))).filter(Boolean);
  note(functions.join(', '), at('the glossary', lineOf('glossary')));
  note(regions.join(', '), at('the regions', lineOf('regions')));

  const people = removalTracer(doc);
  for (const r of removalsIn(rawTitle, redact.mask(rawTitle))) people.found.push({ ...r, where: `${doc.file}:${titleLine ?? 1}` });
  const prose = (key: SectionKey) =>
    sectionProse(doc, key, redact, (text, line) => note(text, at(`the ${sectionHeading(doc, key)} section`, line)), people.tracer);
  const whatHappened = prose('impact');
  const summary = prose('customer-summary');
  const placeholder = summary === undefined || summary.blocks.length === 0;
  if (placeholder) {
    warnings.push(
      summary === undefined
        ? 'it has no "Customer summary" section, so the Root cause of the draft is a placeholder: write one and export again'
        : 'its "Customer summary" section is empty, so the Root cause of the draft is a placeholder: fill it in and export again',
    );
  }
  const rootCause = placeholder ? placeholderProse() : summary;

  const rca: Rca = {
    kind: 'coe-rca',
    version: RCA_VERSION,
    title,
    summary: summarySentence(windowText, functions, regions),
    impactWindow: { start: isoOf(start), end: isoOf(end), text: windowText },
    affected: { functions, regions },
    whatHappened: whatHappened ?? { text: '', blocks: [] },
    rootCause: { placeholder, ...rootCause },
    actions: actionGroups(doc, redact, (text, line) => note(text, at('the Action items section', line)), people.tracer),
    timeline: timelineEvents(fm.incident),
  };
  warnings.push(...removalWarnings(people.found));
  return { rca, origins, warnings };
}

// "the Impact section (docs/coe/x.md:30)"
function where(file: string): (what: string, line: number | undefined) => string {
  return (what, line) => (line === undefined ? what : `${what} (${file}:${line})`);
}

function isoOf(time: number | undefined): string | null {
  return time === undefined ? null : new Date(time).toISOString();
}

// The customer functions of the impacted services: only those the glossary names
// (a term marked false is internal only, and is not named).
function affectedFunctions(services: string[], glossary: Record<string, string | false>): string[] {
  const byTerm = new Map<string, string>();
  for (const [term, wording] of Object.entries(glossary)) if (typeof wording === 'string') byTerm.set(foldName(term), wording.trim());
  const out: string[] = [];
  for (const service of services) {
    const wording = byTerm.get(foldName(service));
    if (wording && !out.includes(wording)) out.push(wording);
  }
  return out;
}

function summarySentence(windowText: string, functions: string[], regions: string[]): string {
  const using = functions.length > 0 ? ` using ${joinWords(functions)}` : '';
  const where =
    regions.length === 0
      ? ''
      : regions.some(isGlobalRegion)
        ? ' worldwide'
        : ` in the ${joinWords(regions)} ${regions.length === 1 ? 'region' : 'regions'}`;
  return `${windowText}, customers${using}${where} were affected.`;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function sectionHeading(doc: CoeDocument, key: SectionKey): string {
  return doc.sectionsByKey.get(key)?.[0]?.heading ?? key;
}

function sectionProse(
  doc: CoeDocument,
  key: SectionKey,
  redact: Redactor,
  note: (text: string, line: number | undefined) => void,
  tracer?: Tracer,
): Prose | undefined {
  const nodes = sectionNodes(doc, key);
  if (!nodes) return undefined;
  const blocks: Block[] = [];
  for (const node of nodes) {
    const made = toBlocks([node], redact, linkDefinitions(doc.root), tracer);
    if (made.length === 0) continue;
    pushAll(blocks, made);
    note([blocksText(made), ...linksOf(made)].join(' '), node.position?.start.line);
  }
  return { text: blocksText(blocks), blocks };
}

function placeholderProse(): Prose {
  const blocks: Block[] = [{ type: 'paragraph', content: [{ type: 'strong', children: [{ type: 'text', text: `[${PLACEHOLDER}]` }] }] }];
  return { text: blocksText(blocks), blocks };
}

function actionGroups(doc: CoeDocument, redact: Redactor, note: (text: string, line: number) => void, tracer?: Tracer): ActionGroup[] {
  const byTerm = new Map<Term, RcaAction[]>();
  for (const { item, cell } of publishedActions(doc)) {
    const action = toAction(item, cell, redact, linkDefinitions(doc.root), tracer);
    if (!action) continue;
    note([action.text, ...linksOf(action.content)].join(' '), item.range.start.line);
    const term: Term = isOneOf(ACTION_TERMS, item.term) ? item.term : 'other';
    const group = byTerm.get(term) ?? [];
    group.push(action);
    byTerm.set(term, group);
  }
  return TERMS.filter((t) => byTerm.has(t)).map((term) => ({
    term,
    heading: GROUP_HEADINGS[term],
    actions: sortActions(byTerm.get(term)!),
  }));
}

function toAction(
  item: ActionItem,
  cell: TableCell | undefined,
  redact: Redactor,
  definitions: Map<string, Definition>,
  tracer?: Tracer,
): RcaAction | undefined {
  const content = cell ? toInlines(cell.children, redact, definitions, tracer) : [];
  const text = inlineText(content).trim();
  if (!text) return undefined;
  const status = item.status.toLowerCase();
  const done = status === 'done' || status === 'validated';
  const dueTime = done ? undefined : parseDay(item.due);
  return {
    text,
    content,
    status: done ? 'done' : 'planned',
    due: dueTime === undefined ? null : item.due.trim(),
    dueText: dueTime === undefined ? null : dayInWords(dueTime),
  };
}

interface Removed extends Removal {
  /** file:line:column */
  where: string;
}

// The ids and @handles the draft leaves out of running text, where the COE
// has them: a sentence reads wrong without them ("Thanks to, and for the report").
function removalTracer(doc: CoeDocument): { tracer: Tracer; found: Removed[] } {
  const found: Removed[] = [];
  const pointOf = (node: Nodes, index: number) =>
    node.type === 'text' || node.type === 'inlineCode' || node.type === 'code'
      ? pointAt(textRun(node, doc.lines, undefined), index)
      : rangeOf(node).start;
  const tracer: Tracer = {
    removed(node, removal) {
      const point = pointOf(node, removal.index);
      found.push({ ...removal, where: `${doc.file}:${point.line}:${point.column}` });
    },
  };
  return { tracer, found };
}

const NAMED_SHOWN = 5;

function removalWarnings(found: Removed[]): string[] {
  const listed = (list: Removed[]) => {
    const shown = list.slice(0, NAMED_SHOWN).map((r) => `${r.text} (${r.where})`);
    return [...shown, ...(list.length > NAMED_SHOWN ? [`${list.length - NAMED_SHOWN} more`] : [])].join(', ');
  };
  const people = found.filter((r) => r.kind === 'person');
  const ids = found.filter((r) => r.kind === 'id');
  const addresses = found.filter((r) => r.kind === 'address');
  return [
    ...(people.length > 0
      ? [
          `the draft leaves out the people it names: ${listed(people)}; ` +
            'reword each sentence so it reads well without them (say "our on-call engineer" or "a customer", or leave the thanks out)',
        ]
      : []),
    ...(ids.length > 0
      ? [
          `the draft leaves out the ids its sentences name: ${listed(ids)}; ` +
            'reword each sentence so it reads well without them, or put the ids in brackets ("(AI-2)"), which go with them',
        ]
      : []),
    ...(addresses.length > 0
      ? [
          `the draft leaves out the internal addresses its sentences name (ticket links, internal hosts): ${listed(addresses)}; ` +
            'reword each sentence so it reads well without them (name a page customers can open, such as the status page, or leave the pointer out)',
        ]
      : []),
  ];
}

// What is done first, then what will be done, soonest first.
function sortActions(actions: RcaAction[]): RcaAction[] {
  const rank = (a: RcaAction) => (a.status === 'done' ? '' : (a.due ?? '9999'));
  return [...actions].sort((a, b) => rank(a).localeCompare(rank(b)));
}

function timelineEvents(incident: IncidentData | undefined): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const milestone of ['start', 'customer_notified', 'mitigated', 'resolved'] as const) {
    const time = timeOf(incident, milestone);
    if (time === undefined) continue;
    events.push({ milestone, label: MILESTONE_LABELS[milestone], time: new Date(time).toISOString(), text: formatUtc(time) });
  }
  return events.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}
