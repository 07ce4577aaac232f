// Timeline: list items or table rows, each starting with a time. A time alone
// takes the date and offset of the entry before it.
import type { List, ListItem, RootContent, Table } from 'mdast';
import type { TimelineEntry } from '../model/types.js';
import { rangeOf, textOf } from '../model/text.js';
import { cellTextRange } from './tables.js';
import type { SectionInput } from './context.js';
import { epochOf, matchEntryTime, type TimeMatch } from '../util/written-time.js';

interface Clock {
  date: string | undefined; // YYYY-MM-DD, local to the offset
  offset: number; // minutes east of UTC
}

export function parseTimeline(input: SectionInput, incidentStart: number | undefined): TimelineEntry[] {
  const raw = rawEntries(input.nodes);
  const clock: Clock = { date: startDate(incidentStart), offset: 0 };
  return raw.map(({ text, range }) => readEntry(text, range, clock));
}

function rawEntries(nodes: RootContent[]): { text: string; range: TimelineEntry['range'] }[] {
  // Every list and table of the section: a timeline may be split by day
  // headings or a paragraph, or switch bullet characters (a new list).
  const blocks = nodes.filter((n): n is List | Table => n.type === 'list' || n.type === 'table');
  return blocks.flatMap((block) => {
    if (block.type === 'list') {
      // A finding points at the entry's text, not at its bullet or its "|".
      return block.children.map((item: ListItem) => {
        const first = item.children[0];
        return { text: first ? textOf(first) : '', range: rangeOf(first ?? item) };
      });
    }
    return block.children.slice(1).map((row) => {
      const first = row.children[0];
      return { text: first ? textOf(first) : '', range: first ? cellTextRange(first) : rangeOf(row) };
    });
  });
}

function readEntry(text: string, range: TimelineEntry['range'], clock: Clock): TimelineEntry {
  const entry: TimelineEntry = { text, timeText: undefined, time: undefined, problem: undefined, hasDate: false, range };
  const m = timeAtStart(text.replace(/^[*_~\s]+/, ''));
  if (!m) {
    entry.problem = 'the entry does not begin with a time (e.g. "2025-10-20 06:48 UTC" or "06:48")';
    return entry;
  }
  entry.timeText = m.text;
  entry.hasDate = m.date !== undefined;
  if (m.problem) return { ...entry, problem: m.problem };
  if (m.date !== undefined) {
    // A full date and time: without an offset it is UTC, and it sets the clock.
    const offset = m.offset ?? 0;
    entry.time = epochOf(m.date, m, offset);
    if (entry.time === undefined) entry.problem = `"${m.text}" is not a real date and time`;
    else Object.assign(clock, { date: m.date, offset });
    return entry;
  }
  // A time alone takes the date and offset of the entry before it, or its own offset.
  if (m.offset !== undefined) clock.offset = m.offset;
  if (clock.date === undefined) return entry; // no date to take: the frontmatter is missing it
  entry.time = epochOf(clock.date, m, clock.offset);
  if (entry.time === undefined) entry.problem = `"${m.text}" is not a real time of day`;
  return entry;
}

// A time may stand in brackets or parentheses ("[07:33]", "(07:33 UTC)"),
// closed right after it or after the end of its range ("[07:33-07:35]").
// Read again without them, as written bare, so that a zone name after the
// closer ("[07:33] PST") is still found.
function timeAtStart(text: string): TimeMatch | undefined {
  const close = { '[': ']', '(': ')' }[text[0] ?? ''];
  if (!close) return matchEntryTime(text);
  const m = matchEntryTime(text.slice(1), true);
  if (!m || m.problem) return m;
  const end = 1 + m.span;
  return text[end] === close ? matchEntryTime(text.slice(1, end) + text.slice(end + 1), true) : undefined;
}

// The first time alone takes the date of incident.start, in UTC.
function startDate(start: number | undefined): string | undefined {
  return start === undefined ? undefined : new Date(start).toISOString().slice(0, 10);
}
