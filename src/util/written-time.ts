// A date and time as people write it in a timeline entry or at a prompt, read
// into ISO 8601: `2025-10-20 06:48 UTC`, `2025-10-20T06:48Z`,
// `2025-10-20 08:48 +02:00`, `2025-10-20, 9:18 PM`. No offset means UTC.
// Zone names other than UTC and GMT are refused: several are ambiguous.

export type WrittenTime = { ok: true; iso: string; epoch: number } | { ok: false; problem: string };

export const TIME_EXAMPLES = '2025-10-20 06:48 UTC, 2025-10-20T06:48Z or 2025-10-20 08:48 +02:00';

const WRITTEN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt]|,?\s+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:\s*([AaPp])\.?[Mm]\.?)?\s*(?:(Z|z|UTC|GMT)|([+-])(\d{2}):?(\d{2})|(\p{L}[\p{L}\d/_+-]*))?$/iu;

/** Reads a whole date and time (surrounding spaces allowed) into ISO 8601, or says what is wrong. */
export function readWrittenTime(text: string): WrittenTime {
  const m = WRITTEN.exec(text.trim());
  if (!m) return { ok: false, problem: `must be a date and a time, e.g. ${TIME_EXAMPLES}` };
  const [, y, mo, d, h12, mi, s = '00', fraction = '', half, utc, sign, oh, om, zoneName] = m;
  if (zoneName) return { ok: false, problem: `"${zoneName}" is not an offset: write UTC or the offset, e.g. -05:00 for EST` };
  const hour = toHour(Number(h12), half);
  const [year, month, day, minute, second] = [Number(y), Number(mo), Number(d), Number(mi), Number(s)];
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDate = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!realDate || hour === undefined || minute > 59 || second > 59) return { ok: false, problem: `"${text.trim()}" is not a real date and time` };
  const offset = sign ? offsetOf(sign, Number(oh), Number(om)) : 0;
  if (offset === undefined) return { ok: false, problem: `"${sign}${oh}:${om}" is not a UTC offset (from -12:00 to +14:00)` };
  const zone = sign && !utc ? `${sign}${oh}:${om}` : 'Z';
  const iso = `${y}-${mo}-${d}T${pad(hour)}:${mi}:${s}${fraction}${zone}`;
  const epoch = Date.UTC(year, month - 1, day, hour, minute, second) + Number(`0${fraction}`) * 1000 - offset * 60_000;
  return { ok: true, iso, epoch };
}

// A 12-hour time ("9:18 PM") becomes 21:18.
function toHour(h: number, half: string | undefined): number | undefined {
  if (!half) return h < 24 ? h : undefined;
  if (h < 1 || h > 12) return undefined;
  return (h % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
}

// Minutes east of UTC, or undefined for an offset no zone uses.
function offsetOf(sign: string, hours: number, minutes: number): number | undefined {
  const total = hours * 60 + minutes;
  if (minutes > 59 || total > (sign === '-' ? 12 * 60 : 14 * 60)) return undefined;
  return sign === '-' ? -total : total;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
