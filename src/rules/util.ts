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
