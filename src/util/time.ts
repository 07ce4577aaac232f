// Dates and times: parsing the forms the format uses, and formatting them
// for messages and output, always in UTC.

/** 2025-10-20 06:48 UTC, with seconds when there are any (06:48:10). */
export function formatUtc(time: number): string {
  const iso = new Date(time).toISOString();
  const clock = iso.slice(17, 19) === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
  return `${iso.slice(0, 10)} ${clock} UTC`;
}

/** 45 min, 2 h 5 min, 1 d 3 h */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${days} d ${h} h` : `${days} d`;
}

export function parseIsoTime(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value.replace(' ', 'T'));
  return Number.isNaN(t) ? undefined : t;
}

/** Today's date where the user is, YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Parses YYYY-MM-DD strictly; undefined when it is not a real date. */
export function parseDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? t : undefined;
}

export const DAY_MS = 86_400_000;
