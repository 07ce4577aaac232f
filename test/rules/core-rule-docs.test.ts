// The documentation examples of the core rules tell the truth: put into the
// base document, the failing excerpt is reported by its rule and the passing
// one is not.
import { describe, expect, it } from 'vitest';
import { findRule } from '../../src/rules/index.js';
import { baseDocument, findingsOf, lintString } from '../helpers/lint.js';

const CORE_RULES = [
  'frontmatter-schema',
  'required-sections',
  'impact-narrative',
  'timeline-order',
  'timeline-milestones',
  'five-whys-problem',
  'five-whys-tree',
  'five-whys-depth',
  'five-whys-leaf-action',
  'lessons-have-actions',
  'action-item-fields',
  'references-exist',
];

/** Splits text into blocks, each starting at a line that `starts` accepts. */
function blocks(text: string, starts: (line: string) => boolean): string[] {
  const out: string[][] = [];
  for (const line of text.split('\n')) {
    if (starts(line) || out.length === 0) out.push([line]);
    else out.at(-1)!.push(line);
  }
  return out.map((b) => b.join('\n').trimEnd()).filter((b) => b !== '');
}

/** Replaces a top-level frontmatter key (with its indented lines), or adds it. */
function replaceKey(text: string, block: string): string {
  const key = block.slice(0, block.indexOf(':') + 1);
  const end = text.indexOf('\n---\n', 4);
  const keys = blocks(text.slice(4, end), (line) => !line.startsWith(' '));
  const at = keys.findIndex((b) => b.startsWith(key));
  if (at === -1) keys.push(block);
  else keys[at] = block;
  return `---\n${keys.join('\n')}${text.slice(end)}`;
}

/** Replaces a level-2 section of the same heading, or adds it before the Customer summary. */
function replaceSection(text: string, block: string): string {
  const heading = block.split('\n')[0]!;
  const start = text.indexOf(`\n${heading}\n`);
  if (start === -1) return text.replace('\n## Customer summary', `\n${block}\n\n## Customer summary`);
  const next = text.indexOf('\n## ', start + 1);
  return `${text.slice(0, start + 1)}${block}\n${next === -1 ? '' : text.slice(next)}`;
}

/** The base document with the frontmatter keys and sections of an excerpt put in. */
function splice(base: string, excerpt: string): string {
  let text = base;
  let body = excerpt;
  if (excerpt.startsWith('---\n')) {
    const end = excerpt.indexOf('\n---', 4);
    for (const block of blocks(excerpt.slice(4, end), (line) => !line.startsWith(' '))) text = replaceKey(text, block);
    body = excerpt.slice(end + 4);
  }
  for (const block of blocks(body.trim(), (line) => line.startsWith('## '))) text = replaceSection(text, block);
  return text;
}

describe('docs examples of the core rules', () => {
  const base = baseDocument();

  it('splices an excerpt into the base document', () => {
    const text = splice(base, '---\nseverity: 2\nincident:\n  start: 2025-09-03T14:05:00Z\n---\n\n## Lessons\n\n- **L1:** x\n\n## Appendix\n\nA.');
    expect(text).toContain('\nseverity: 2\n');
    expect(text).not.toContain('detected_by');
    expect(text).toContain('## Lessons\n\n- **L1:** x\n\n## Action items');
    expect(text).toContain('## Appendix\n\nA.\n\n## Customer summary');
  });

  for (const id of CORE_RULES) {
    describe(id, () => {
      const docs = findRule(id)?.meta.docs;

      it('has a rationale and examples', () => {
        expect(docs?.rationale.length).toBeGreaterThan(100);
        expect(docs?.fail).not.toBe(docs?.pass);
      });

      it('reports the failing example', () => {
        expect(findingsOf(lintString(splice(base, docs!.fail)), id)).not.toEqual([]);
      });

      it('does not report the passing example', () => {
        expect(findingsOf(lintString(splice(base, docs!.pass)), id)).toEqual([]);
      });
    });
  }
});
