// Timeline: list items or table rows, each starting with a time. A time alone
// takes the date and offset of the entry before it.
import type { List, ListItem, RootContent, Table } from 'mdast';
import type { TimelineEntry } from '../model/types.js';
import { rangeOf, textOf } from '../model/text.js';
import type { SectionInput } from './context.js';
import { zoneNameAfter } from '../util/zones.js';

// 2025-10-20 06:48 UTC, 2025-10-20T06:48Z, 2025-10-20 08:48 +02:00, 2025-10-20 06:48
const FULL = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt]|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?\s*((?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|Z|[+-]\d{2}:?\d{2})?(?![\d:])/;
// 06:48, 06:48:10, optionally with an offset
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?\s*((?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|Z|[+-]\d{2}:?\d{2})?(?![\d:])/;

interface Clock {
  date: string | undefined; // YYYY-MM-DD, local to the offset
  offset: number; // minutes east of UTC
}

export function parseTimeline(input: SectionInput, incidentStart: string | undefined): TimelineEntry[] {
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
      return block.children.map((item: ListItem) => {
        const first = item.children[0];
        return { text: first ? textOf(first) : '', range: rangeOf(item) };
      });
    }
    return block.children.slice(1).map((row) => {
      const first = row.children[0];
      return { text: first ? textOf(first) : '', range: rangeOf(row) };
    });
  });
}

function readEntry(text: string, range: TimelineEntry['range'], clock: Clock): TimelineEntry {
  const entry: TimelineEntry = { text, timeText: undefined, time: undefined, problem: undefined, hasDate: false, range };
  const cleaned = text.replace(/^[*_~\s]+/, '');
  const zoneOf = (zone: string | undefined) => (zone === undefined || offsetMinutes(zone) !== undefined ? undefined : zone);
  const full = FULL.exec(cleaned);
  if (full) {
    const [whole, y, mo, d, h12, mi, s, half, zone] = full;
    const h = hour(h12, half);
    entry.timeText = whole.trim();
    entry.hasDate = true;
    const named = zone ? undefined : zoneNameAfter(cleaned.slice(whole.length), whole.trim());
    if (named) return { ...entry, problem: named };
    if (zoneOf(zone)) return { ...entry, timeText: whole.trim(), problem: `"${zone}" is not a UTC offset (from -12:00 to +14:00)` };
    const offset = zone ? offsetMinutes(zone)! : 0;
    entry.time = toEpoch(`${y}-${mo}-${d}`, h, Number(mi), Number(s ?? 0), offset);
    if (entry.time === undefined) entry.problem = `"${entry.timeText}" is not a real date and time`;
    else Object.assign(clock, { date: `${y}-${mo}-${d}`, offset });
    return entry;
  }
  const time = TIME.exec(cleaned);
  if (time) {
    const [whole, h12, mi, s, half, zone] = time;
    const h = hour(h12, half);
    entry.timeText = whole.trim();
    const named = zone ? undefined : zoneNameAfter(cleaned.slice(whole.length), whole.trim());
    if (named) return { ...entry, problem: named };
    if (zoneOf(zone)) return { ...entry, timeText: whole.trim(), problem: `"${zone}" is not a UTC offset (from -12:00 to +14:00)` };
    if (zone) clock.offset = offsetMinutes(zone)!;
    if (clock.date === undefined) return entry; // no date to take: the frontmatter is missing it
    entry.time = toEpoch(clock.date, h, Number(mi), Number(s ?? 0), clock.offset);
    if (entry.time === undefined) entry.problem = `"${entry.timeText}" is not a real time of day`;
    return entry;
  }
  entry.problem = 'the entry does not begin with a time (e.g. "2025-10-20 06:48 UTC" or "06:48")';
  return entry;
}

// A 12-hour time ("9:18 PM") becomes 21:18; an hour out of range stays out of range.
function hour(text: string | undefined, half: string | undefined): number {
  const h = Number(text);
  if (!half) return h;
  if (h < 1 || h > 12) return 99;
  return (h % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
}

function startDate(start: string | undefined): string | undefined {
  if (!start) return undefined;
  const t = Date.parse(start.replace(' ', 'T'));
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

// Minutes east of UTC, or undefined for a number that no zone uses.
function offsetMinutes(zone: string): number | undefined {
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 0;
  // UTC+2, GMT-05:00, UTC+0530: an offset from UTC written after its name.
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (!m || Number(m[3] ?? 0) > 59 || (!/^(UTC|GMT)/.test(zone) && (m[2]!.length !== 2 || m[3] === undefined))) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > (m[1] === '-' ? 12 * 60 : 14 * 60)) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

function toEpoch(date: string, h: number, mi: number, s: number, offset: number): number | undefined {
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return utc - offset * 60_000;
}
