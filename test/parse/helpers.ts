// Parses text into the model for the parser tests; fails loudly on a fatal.
import { parseCoeDocument, type ParseOptions } from '../../src/parse/document.js';
import type { CoeDocument } from '../../src/model/types.js';

export function parse(text: string, options: ParseOptions = {}): CoeDocument {
  const result = parseCoeDocument('test.md', text, options);
  if (!result.ok) throw new Error(`fatal: ${result.fatal.message}`);
  return result.doc;
}

/** A frontmatter that gives the timeline its start date, then a body. */
export function withStart(start: string, body: string): string {
  return `---\ncoe: 1\nincident:\n  start: ${start}\n---\n\n${body}`;
}
