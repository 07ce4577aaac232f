// Quick fix of `timeline-milestones`: add the missing milestone's entry at
// its place in time, with its full date and time. Written in an offset the
// timeline already uses, so the times alone after it keep their meaning;
// the section is read again with the entry before the fix is offered.
import type { List, ListItem, Table, TableRow } from 'mdast';
import type { Message } from '../engine/rule.js';
import type { Milestone } from '../model/frontmatter-schema.js';
import { timeOf } from '../model/incident.js';
import type { CoeDocument, TimelineEntry } from '../model/types.js';
import { parseMarkdown } from '../parse/markdown.js';
import { parseTimeline } from '../sections/timeline.js';
import { matchEntryTime } from '../util/written-time.js';
import { applyEdits, eolOf, insertLinesAfter, insertLinesBefore, type Edit } from './edits.js';
import type { Fix } from './fix-ids.js';
import { sectionNodes } from './ids.js';

const WHAT: Record<Milestone, string> = {
  start: 'impact began; what happened',
  detected: 'how we knew',
  engaged: 'an engineer engaged; who and how',
  mitigated: 'customer impact ended; what ended it',
  resolved: 'the risk of recurrence addressed; how',
  customer_notified: 'customers first notified; how',
};

type Slot = { kind: 'item'; node: ListItem } | { kind: 'row'; node: TableRow; table: Table };

export function timelineFixes(doc: CoeDocument, message: Message): Fix[] {
  const milestone = (Object.keys(WHAT) as Milestone[]).find((k) => message.message.includes(`"incident.${k}"`));
  const time = milestone ? timeOf(doc.frontmatter.data.incident, milestone) : undefined;
  const entries = doc.timeline ?? [];
  const slots = slotsOf(doc);
  if (!milestone || time === undefined || slots.length === 0 || slots.length !== entries.length) return [];
  const next = entries.findIndex((e) => e.time !== undefined && e.time > time);
  const index = next === -1 ? entries.length : next;
  for (const offset of offsetsNear(entries, index)) {
    const line = entryLine(doc, next === -1 ? slots.at(-1)! : slots[next]!, `${written(time, offset)}`, `TODO: ${WHAT[milestone]}`);
    const slot = next === -1 ? slots.at(-1)! : slots[next]!;
    const edit =
      next === -1
        ? insertLinesAfter(doc, slot.node.position!.end.line, [line])
        : insertLinesBefore(doc, slot.node.position!.start.line, [line]);
    if (keepsTimes(doc, edit, entries, index, time)) {
      return [{ title: `Add the timeline entry for incident.${milestone} (${written(time, offset)})`, edits: [edit] }];
    }
  }
  return [];
}

// The list items and table rows the entries were read from, in order.
function slotsOf(doc: CoeDocument): Slot[] {
  const blocks = sectionNodes(doc, 'timeline').filter((n): n is List | Table => n.type === 'list' || n.type === 'table');
  return blocks.flatMap((block): Slot[] =>
    block.type === 'list'
      ? block.children.map((node) => ({ kind: 'item', node }))
      : block.children.slice(1).map((node) => ({ kind: 'row', node, table: block })),
  );
}

// The offset of the entry before the new one first, then of the one after, then UTC, then any other.
function offsetsNear(entries: TimelineEntry[], index: number): number[] {
  const offsetOf = (e: TimelineEntry | undefined) => (e?.timeText ? matchEntryTime(e.timeText)?.offset : undefined);
  const all = [offsetOf(entries[index - 1]), offsetOf(entries[index]), 0, ...entries.map(offsetOf)];
  return [...new Set(all.filter((o): o is number => o !== undefined))];
}

/** 2025-10-20 06:48 UTC, or 2025-10-20 08:48 +02:00 in that offset. */
function written(time: number, offset: number): string {
  const iso = new Date(time + offset * 60_000).toISOString();
  const clock = iso.slice(17, 19) === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
  if (offset === 0) return `${iso.slice(0, 10)} ${clock} UTC`;
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${iso.slice(0, 10)} ${clock} ${zone}`;
}

// A line in the shape of its neighbour: the list item's own bullet, or a table row of as many cells.
function entryLine(doc: CoeDocument, slot: Slot, time: string, what: string): string {
  const start = slot.node.position!.start;
  const source = doc.lines[start.line - 1] ?? '';
  if (slot.kind === 'item') {
    const content = slot.node.children[0]?.position?.start;
    const prefix = content && content.line === start.line ? source.slice(0, content.column - 1) : `${source.slice(0, start.column - 1)}- `;
    return `${prefix}${time} — ${what}`;
  }
  const count = slot.table.children[0]?.children.length ?? 1;
  const cells = count === 1 ? [`${time} — ${what}`] : [time, what, ...Array<string>(count - 2).fill('')];
  return `${source.slice(0, start.column - 1)}| ${cells.join(' | ')} |`;
}

// Reads the section again with the new entry: it is at its place, at the
// milestone's minute, and every other entry keeps its time.
function keepsTimes(doc: CoeDocument, edit: Edit, before: TimelineEntry[], index: number, time: number): boolean {
  const section = doc.sectionsByKey.get('timeline')?.[0];
  if (!section) return false;
  const eol = eolOf(doc);
  const lines = applyEdits(doc.lines, eol, [edit]).split(eol);
  const from = section.headingRange.start.line;
  const text = lines.slice(from - 1, section.range.end.line + 1).join('\n');
  const root = parseMarkdown(text);
  const heading = root.children[0];
  if (heading?.type !== 'heading') return false;
  const after = parseTimeline(
    { key: 'timeline', nodes: root.children.slice(1), range: section.range, lines: text.split('\n'), definitions: new Set() },
    timeOf(doc.frontmatter.data.incident, 'start'),
  );
  if (after.length !== before.length + 1) return false;
  const minute = (t: number | undefined) => (t === undefined ? undefined : Math.floor(t / 60_000));
  if (minute(after[index]?.time) !== minute(time)) return false;
  const others = [...after.slice(0, index), ...after.slice(index + 1)];
  return others.every((e, i) => e.time === before[i]!.time);
}
