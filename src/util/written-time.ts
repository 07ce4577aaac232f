// Times as people write them (format 3.2), read one way for the timeline and
// for `coe new`: `2025-10-20 06:48 UTC`, `2025-10-20T06:48Z`,
// `2025-10-20 08:48 +02:00`, `2025-10-20, 9:18 PM`, or a time alone (`06:48`,
// `06:48:10`) in a timeline. A full date and time without an offset is UTC;
// `UTC`, `GMT` and `Z` are offsets, and so are `UTC+2` and `GMT-05:00`. Zone
// names are not: several are ambiguous (util/zones.ts says what to write).
import { zoneNameAfter } from './zones.js';

export const TIME_EXAMPLES = '2025-10-20 06:48 UTC, 2025-10-20T06:48Z or 2025-10-20 08:48 +02:00';

const CLOCK = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:\s*([AaPp])\.?[Mm]\.?)?`;
const ZONE = String.raw`\s*((?:[Uu][Tt][Cc]|[Gg][Mm][Tt])(?:[+-]\d{1,2}(?::?\d{2})?)?|[Zz]|[+-]\d{2}:?\d{2})?(?![\d:])`;
const FULL = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[Tt]|,?\s+)${CLOCK}${ZONE}`);
const ALONE = new RegExp(String.raw`^${CLOCK}${ZONE}`);

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
  /** How many characters of the input were read. */
  length: number;
}

/** Reads a full date and time, or a time alone, at the start of `text`. */
export function matchTime(text: string): TimeMatch | undefined {
  const full = FULL.exec(text);
  const m = full ?? ALONE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = full ? [m[1], m[2], m[3]] : [];
  const [h, mi, s, fraction, half, zone] = full ? m.slice(4) : m.slice(1);
  const whole = m[0];
  const match: TimeMatch = {
    text: whole.trim(),
    date: full ? `${y}-${mo}-${d}` : undefined,
    hour: toHour(Number(h), half),
    minute: Number(mi),
    second: Number(s ?? 0),
    fraction: fraction ?? '',
    zone,
    offset: zone === undefined ? undefined : offsetMinutes(zone),
    problem: undefined,
    length: whole.length,
  };
  if (zone === undefined) match.problem = zoneNameAfter(text.slice(whole.length), match.text);
  else if (match.offset === undefined) match.problem = `"${zone}" is not a UTC offset (from -12:00 to +14:00)`;
  return match;
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
export function offsetMinutes(zone: string): number | undefined {
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
