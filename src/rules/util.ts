// Small helpers shared by rules: where to report about a section or the file.
import type { CoeDocument, Range, SectionKey } from '../model/types.js';
import { SECTIONS } from '../model/sections.js';

export function fileStart(): Range {
  return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

/** The heading of a section (its first occurrence), or the file start. */
export function headingOf(doc: CoeDocument, key: SectionKey): Range {
  return doc.sectionsByKey.get(key)?.[0]?.headingRange ?? fileStart();
}

export function sectionName(key: SectionKey): string {
  return SECTIONS.find((s) => s.key === key)?.canonical ?? key;
}

export { plural } from '../util/text.js';

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
