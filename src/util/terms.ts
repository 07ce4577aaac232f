// Whole-name matching of internal terms, case folded. Used by the
// customer-terms rule and by the export's redaction and leak check.

export interface TermMatch {
  index: number;
  length: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern that finds a term whole: not inside a longer name of letters, digits, "-" or "_". */
export function termPattern(term: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${escape(term.trim()).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])`, 'giu');
}

export function findTerm(text: string, term: string): TermMatch[] {
  if (!term.trim()) return [];
  return [...text.matchAll(termPattern(term))].map((m) => ({ index: m.index, length: m[0].length }));
}
