// Times as people write them (format 3.2), read one way for the timeline and
// for `coe new`: `2025-10-20 06:48 UTC`, `2025-10-20T06:48Z`,
// `2025-10-20 08:48 +02:00`, `2025-10-20, 9:18 PM`, or a time alone (`06:48`,
// `06:48:10`) in a timeline. A full date and time without an offset is UTC;
// `UTC`, `GMT` and `Z` are offsets, and so are `UTC+2` and `GMT-05:00`. Zone
// names are not: several are ambiguous (util/zones.ts says what to write).
import { zoneNameAfter } from './zones.js';

export const TIME_EXAMPLES = '2025-10-20 06:48 UTC, 2025-10-20T06:48Z or 2025-10-20 08:48 +02:00';

// Read piece by piece, so that an offset that cannot be read is reported
// rather than dropped, as a regex backtracking past it would.
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:([Tt])|,?\s+)/;
// A colon after a time separates it from the text ("06:52: The alarm fires").
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?!\d|:\d)/;
// AM or PM as a whole word: "07:51 PMs join" is not 19:51.
const HALF = /^\s*([AaPp])\.?[Mm]\.?(?!\p{L}|\p{N})/u;
// An offset ends where a word would: "06:48 Zookeeper" has none.
const END = String.raw`(?!\p{L}|\p{N}|:\d)`;
// Each: the spaces before the offset, then the offset. U+2212 is a minus too.
const OFFSETS = [
  new RegExp(String.raw`^(\s*)((?:UTC|GMT)(?:[+\-\u2212]\d{1,2}(?::?\d{2})?)?)${END}`, 'iu'),
  new RegExp(String.raw`^(\s*)(Z)${END}`, 'iu'),
  new RegExp(String.raw`^(\s*)([+\-\u2212]\d{2}:?\d{2})${END}`, 'u'),
];
// A sign and digits after a time that no form above reads ("+2", "UTC +02:00"); not "+5%".
const STRAY = /^(\s*)([+\-\u2212]\d[\d:]*)(?![\d%.,])/u;

/** How the date was written: ISO 8601 with `T`, with a space, or not at all. */
type Form = 'iso' | 'spaced' | 'alone';

/** A time read from the start of a text. */
export interface TimeMatch {
  /** The characters read, trimmed. */
  text: string;
  /** YYYY-MM-DD as written, for a full date and time. */
  date: string | undefined;
  hour: number;
  minute: number;
  second: number;
  /** Fraction of a second as written (".5"), or ''. */
  fraction: string;
  /** The offset as written (`UTC`, `+02:00`), or undefined when none was. */
  zone: string | undefined;
  /** Minutes east of UTC, or undefined when no offset was written. */
  offset: number | undefined;
  /** Why the time cannot be read, when it cannot. */
  problem: string | undefined;
  /** `a` or `p` when AM or PM was written after the time. */
  half?: 'a' | 'p';
  /** How many characters of the input were read. */
  length: number;
}

/** Reads a full date and time, or a time alone, at the start of `text`. */
export function matchTime(text: string): TimeMatch | undefined {
  return readTime(text, '');
}

/** A time at the start of a timeline entry. */
export interface EntryTime extends TimeMatch {
  /** How many characters the time takes, with the end of its range if one follows. */
  span: number;
}

// Between the two times of a range: a dash (hyphen, en dash, minus sign) or
// "to". A spaced em dash separates the time from the text ("16:05 — 14:05 UTC
// the deploy starts"), so it joins a range only in brackets, closed after it.
const RANGE_JOIN = /^(?:\s*[-\u2013\u2212]\s*|\u2014|\s+to\s+)/u;
const CLOSED_RANGE_JOIN = /^(?:\s*[-\u2013\u2014\u2212]\s*|\s+to\s+)/u;

/**
 * Reads the time at the start of a timeline entry. A range ("13:20-13:25")
 * is read as its start, and what follows its end as if it followed the
 * start: "13:20-13:25 +02:00" means both times at +02:00, and
 * "13:20-13:25 EST" is no more readable than "13:20 EST".
 */
export function matchEntryTime(text: string, inBrackets = false): EntryTime | undefined {
  const start = matchTime(text);
  if (!start) return undefined;
  const join = start.problem ? null : (inBrackets ? CLOSED_RANGE_JOIN : RANGE_JOIN).exec(text.slice(start.length));
  const before = text.slice(0, start.length + (join?.[0].length ?? 0));
  const end = join ? readTime(text.slice(before.length), before) : undefined;
  return end
    ? withEnd(text, withHalf(text, start, end, before.length + end.length), end, before.length + end.length)
    : { ...start, span: start.length };
}

// "1:20-1:25 PM": AM or PM after a range's end holds for its start too, unless
// the start then comes after the end ("11:50-12:10 PM"), which is no time.
function withHalf(text: string, start: TimeMatch, end: TimeMatch, span: number): TimeMatch {
  if (!end.half || start.half || start.problem || end.problem) return start;
  const hour = toHour(start.hour, end.half);
  if (hour * 60 + start.minute <= end.hour * 60 + end.minute) return { ...start, hour, half: end.half };
  const range = text.slice(0, span).trim();
  return { ...start, problem: `"${range}" does not say whether its start is AM or PM: write the 24-hour times` };
}

// A range's start, with the offset or the problem of its end unless the start has an offset of its own.
function withEnd(text: string, start: TimeMatch, end: TimeMatch, span: number): EntryTime {
  if (start.zone !== undefined || (end.zone === undefined && end.problem === undefined)) return { ...start, span };
  if (end.problem !== undefined) return { ...start, problem: end.problem, span };
  // Quoted whole, so that a message shows where the offset came from.
  return { ...start, text: text.slice(0, span).trim(), zone: end.zone, offset: end.offset, length: span, span };
}

// `before`: the start of a range and its join when this is the range's end,
// so that the messages quote the range as written.
function readTime(text: string, before: string): TimeMatch | undefined {
  const date = DATE.exec(text);
  let at = date ? date[0].length : 0;
  const clock = CLOCK.exec(text.slice(at));
  if (!clock) return undefined;
  at += clock[0].length;
  const half = HALF.exec(text.slice(at));
  if (half) at += half[0].length;
  const form: Form = !date ? 'alone' : date[4] ? 'iso' : 'spaced';
  const zone = readZone(text.slice(at), form);
  at += zone.length;
  const match: TimeMatch = {
    text: text.slice(0, at).trim(),
    date: date ? `${date[1]}-${date[2]}-${date[3]}` : undefined,
    hour: toHour(Number(clock[1]), half?.[1]),
    minute: Number(clock[2]),
    second: Number(clock[3] ?? 0),
    fraction: clock[4] ?? '',
    zone: zone.zone,
    offset: zone.zone === undefined ? undefined : offsetMinutes(zone.zone),
    problem: undefined,
    length: at,
  };
  if (half) match.half = half[1]!.toLowerCase() as 'a' | 'p';
  match.problem = problemOf({ ...match, text: before + match.text }, zone, text.slice(at));
  return match;
}

interface ZoneRead {
  zone: string | undefined;
  length: number;
  /** What follows the time and looks like an offset but is not one as written. */
  stray: string | undefined;
  /** A `-hh:mm` right after the clock of a date written with a space: a range's end or an offset. */
  ambiguous: string | undefined;
}

// The offset right after a time. A `-` right after a time alone starts the end
// of a range ("07:33-07:35"); only ISO 8601's `T` form writes an offset so.
function readZone(rest: string, form: Form): ZoneRead {
  const read: ZoneRead = { zone: undefined, length: 0, stray: undefined, ambiguous: undefined };
  const m = OFFSETS.map((re) => re.exec(rest)).find((x) => x !== null);
  const attachedMinus = (spaces: string, sign: string) => spaces === '' && /^[-\u2212]/.test(sign);
  if (m && !(attachedMinus(m[1]!, m[2]!) && form !== 'iso')) {
    Object.assign(read, { zone: m[2], length: m[0].length });
  } else if (m && form === 'spaced') {
    read.ambiguous = m[2];
  }
  const stray = STRAY.exec(rest.slice(read.length));
  if (stray && !(read.zone === undefined && attachedMinus(stray[1]!, stray[2]!) && form === 'alone')) read.stray = stray[2];
  return read;
}

// Why a time cannot be read as written, or undefined.
function problemOf(match: TimeMatch, zone: ZoneRead, rest: string): string | undefined {
  const bare = match.text.replace(/\s*(?:UTC|GMT|Z)$/i, '');
  if (zone.ambiguous !== undefined) {
    const range = `${bare}${zone.ambiguous}`;
    return `"${range}" may be a time range or a time with an offset: write the offset after a space ("${bare} ${zone.ambiguous}"), or the range with "to"`;
  }
  if (zone.zone !== undefined && match.offset === undefined) return `"${zone.zone}" is not a UTC offset (from -12:00 to +14:00)`;
  if (zone.stray !== undefined && zone.zone !== undefined) {
    return `"${match.text} ${zone.stray}" has two offsets: write one (e.g. "${bare} ${offsetExample(zone.stray)}")`;
  }
  if (zone.stray !== undefined) {
    return `"${zone.stray}" after the time is not an offset as written: write hours and minutes after a space (e.g. "${bare} ${offsetExample(zone.stray)}")`;
  }
  return zone.zone === undefined ? zoneNameAfter(rest, match.text) : undefined;
}

// "+2" or "+0200" as an offset to write ("+02:00"); anything else, a generic one.
function offsetExample(stray: string): string {
  const m = /^([+\-\u2212])(\d{1,2})(?::?(\d{2}))?$/u.exec(stray);
  return m ? `${m[1] === '+' ? '+' : '-'}${m[2]!.padStart(2, '0')}:${m[3] ?? '00'}` : '-05:00';
}

/** Milliseconds since the epoch of a date and a time of day at an offset, or undefined when it is no real time. */
export function epochOf(
  date: string,
  match: Pick<TimeMatch, 'hour' | 'minute' | 'second' | 'fraction'>,
  offset: number,
): number | undefined {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  if (match.hour > 23 || match.minute > 59 || match.second > 59) return undefined;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  const ms = Math.round(Number(`0${match.fraction}`) * 1000);
  return Date.UTC(y, mo - 1, d, match.hour, match.minute, match.second) + ms - offset * 60_000;
}

export type WrittenTime = { ok: true; iso: string; epoch: number } | { ok: false; problem: string };

/** Reads a whole date and time (surrounding spaces allowed) into ISO 8601, or says what is wrong. */
export function readWrittenTime(text: string): WrittenTime {
  const trimmed = text.trim();
  const m = matchTime(trimmed);
  if (m?.problem) return { ok: false, problem: m.problem };
  if (!m || m.date === undefined || m.length !== trimmed.length) {
    return { ok: false, problem: `must be a date and a time, e.g. ${TIME_EXAMPLES}` };
  }
  const offset = m.offset ?? 0;
  const epoch = epochOf(m.date, m, offset);
  if (epoch === undefined) return { ok: false, problem: `"${trimmed}" is not a real date and time` };
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const iso = `${m.date}T${pad(m.hour)}:${pad(m.minute)}:${pad(m.second)}${m.fraction}${zone}`;
  return { ok: true, iso, epoch };
}

// A 12-hour time ("9:18 PM") becomes 21:18; an hour out of range stays out of range.
function toHour(h: number, half: string | undefined): number {
  if (!half) return h;
  if (h < 1 || h > 12) return 99;
  return (h % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
}

/** Minutes east of UTC, or undefined for an offset no zone uses (beyond -12:00..+14:00). */
export function offsetMinutes(written: string): number | undefined {
  const zone = written.replace(/\u2212/g, '-');
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const named = /^(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  const plain = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  const m = named ?? plain;
  if (!m || Number(m[3] ?? 0) > 59) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > (m[1] === '-' ? 12 * 60 : 14 * 60)) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
