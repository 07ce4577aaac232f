// Shapes that once crashed or stalled the parse, in process: each must give
// a model or a `fatal` finding, quickly, without a throw or a warning.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../src/config/config.js';
import { lintBytes, lintText } from '../../src/engine/lint.js';
import { applyControls } from '../../src/engine/controls.js';
import { normalizeHeading } from '../../src/model/sections.js';
import { frontmatterId } from '../../src/new/ids.js';
import { parseCoeDocument } from '../../src/parse/document.js';
import { MAX_YAML_DEPTH, yamlTooDeep } from '../../src/parse/frontmatter.js';
import type { InputLimits } from '../../src/parse/limits.js';
import type { ControlComment } from '../../src/model/types.js';
import type { Message } from '../../src/engine/rule.js';
import { baseDocument, edit, findingsOf, lineOf, lintString } from '../helpers/lint.js';

const NOW = { now: '2025-09-10' };
const OPEN: InputLimits = {
  maxBytes: Infinity,
  maxLines: Infinity,
  maxLineLength: Infinity,
  maxNesting: Infinity,
  maxMarkup: Infinity,
  maxParagraphMarks: Infinity,
  maxTableColumns: Infinity,
  maxSetextHeadings: Infinity,
};
const withFrontmatter = (yaml: string) => edit(baseDocument(), 'coe: 1\n', `coe: 1\n${yaml}\n`);
const fatalOf = (text: string) => lintString(text, NOW).find((m) => m.ruleId === 'fatal')?.message;

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

describe('a paragraph of 140,000 references', () => {
  it('is read without a spread push overflowing the stack', () => {
    const lessons = `${Array.from({ length: 14 }, () => 'L1 '.repeat(10_000)).join('\n')}\n`;
    const text = edit(baseDocument(), '## Lessons\n', `## Lessons\n\n${lessons}`);
    const parsed = parseCoeDocument('test.md', text, { limits: OPEN });
    expect(parsed.ok && parsed.doc.references.filter((r) => r.id === 'L1').length).toBeGreaterThanOrEqual(140_000);
  });
});

describe('headings', () => {
  it('of 100,000 punctuation marks before a letter are folded in linear time', () => {
    const { value, ms } = timed(() => normalizeHeading(`${'!'.repeat(100_000)}a`));
    expect(value).toBe(`${'!'.repeat(100_000)}a`);
    expect(ms).toBeLessThan(500);
  });

  it('still lose trailing spaces and punctuation, astral ones included', () => {
    expect(normalizeHeading('Impact !!! ')).toBe('impact');
    expect(normalizeHeading('Five whys?\u{10100}')).toBe('five whys');
    expect(normalizeHeading('!!!')).toBe('');
  });
});

describe('YAML nested too deeply', () => {
  it('in a COE is a fatal finding, not a stack overflow', () => {
    expect(fatalOf(withFrontmatter(`${'? '.repeat(2000)}a`))).toBe(
      `File is over a limit of what coe reads: the frontmatter nests deeper than ${MAX_YAML_DEPTH} levels`,
    );
    expect(fatalOf(withFrontmatter(`x-a: ${'['.repeat(150)}`))).toContain('nests deeper');
  });

  it('in Markdown that may not be a COE is reported: it cannot be told apart', () => {
    const result = lintText('README.md', `---\n${'? '.repeat(2000)}a\n---\n\n# Read me\n`, DEFAULT_CONFIG, {
      now: '2025-09-10',
      internalTerms: [],
    });
    expect(result.isCoe).toBe(true);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['fatal']);
  });

  it('just within the depth is read', () => {
    expect(fatalOf(withFrontmatter(`x-a:\n  ${'? '.repeat(90)}a`))).toBeUndefined();
  });

  it('is measured by indentation, indicators and brackets, not by text in scalars', () => {
    const deepIndent = Array.from({ length: 120 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(yamlTooDeep(deepIndent)).toBe(true);
    expect(yamlTooDeep(`- ${'- '.repeat(MAX_YAML_DEPTH)}a`)).toBe(true);
    // A block scalar's lines, a flow mapping's keys and an indented comment nest nothing.
    expect(
      yamlTooDeep(
        `a: |\n${' '.repeat(300)}text\nb: {${Array.from({ length: 500 }, (_, i) => `k${i}: v`).join(', ')}}\n${' '.repeat(300)}# note`,
      ),
    ).toBe(false);
  });

  it('in a folder scanned by coe new holds no id, and does not crash it', () => {
    expect(frontmatterId(`---\nid: COE-2025-001\n${'? '.repeat(3000)}a\n---\n`)).toBeUndefined();
    expect(frontmatterId('---\nid: COE-2025-001\n---\n')).toBe('COE-2025-001');
  });
});

describe('duplicate keys', () => {
  // Compared with a quarter of the keys, not with a clock: the same machine
  // under the load of a test run is two or three times slower. Linear time
  // takes four times as long; comparing each key with the ones before it, as
  // the yaml package does, sixteen.
  it('are found in linear time among 20,000 keys', () => {
    const documentOf = (n: number) => withFrontmatter(`${Array.from({ length: n }, (_, i) => `x-k${i}: v`).join('\n')}\nx-k7: again`);
    // The faster of two parses, and what it gave.
    const fastest = (text: string) => {
      const [a, b] = [1, 2].map(() => timed(() => parseCoeDocument('test.md', text, { limits: OPEN })));
      return a!.ms <= b!.ms ? a! : b!;
    };
    const text = documentOf(20_000);
    const { value, ms } = fastest(text);
    expect(ms / fastest(documentOf(5_000)).ms).toBeLessThan(8);
    const problems = value.ok ? value.doc.frontmatter.problems : [];
    expect(problems.map((p) => [p.message, p.range.start.line])).toEqual([
      ['Invalid YAML: Map keys must be unique', lineOf(text, 'x-k7: again')],
    ]);
  });

  it('are reported before a later YAML error, and after an earlier one', () => {
    // The second "title" is the base document's own, after the one added.
    const dupFirst = edit(withFrontmatter('title: again'), '  ledger-db: payment records\n', '  ledger-db: payment records\nx-bad: a: b\n');
    expect(
      lintString(dupFirst, NOW)
        .filter((m) => m.ruleId === 'frontmatter-schema')
        .map((m) => [m.line, m.message]),
    ).toEqual([[lineOf(dupFirst, 'title: Delayed'), 'Invalid YAML: Map keys must be unique']]);
    const errorFirst = withFrontmatter('x-bad: a: b\ntitle: again');
    const messages = lintString(errorFirst, NOW).filter((m) => m.ruleId === 'frontmatter-schema');
    expect(messages.map((m) => m.line)).toEqual([lineOf(errorFirst, 'x-bad')]);
    expect(messages[0]?.message).not.toContain('unique');
  });

  it('compare values: 1 and "1" are two keys', () => {
    const text = withFrontmatter('x-map:\n  1: a\n  "1": b');
    expect(findingsOf(lintString(text, NOW), 'frontmatter-schema')).toEqual([]);
  });
});

describe('a YAML key that is a list or a mapping', () => {
  it('is reported as an unknown key, with no runtime warning', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const messages = lintString(withFrontmatter('? [a, b]\n: x\n{c: 1}: y'), NOW);
      expect(findingsOf(messages, 'frontmatter-schema').length).toBeGreaterThan(0);
      expect(frontmatterId('---\nid: COE-2025-001\n? [a, b]\n: x\n---\n')).toBe('COE-2025-001');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('a failure while linting one file', () => {
  it('is a fatal finding of that file, not a throw', () => {
    const broken = {
      ...structuredClone(DEFAULT_CONFIG),
      get idPrefix(): string {
        throw new RangeError('Maximum call stack size exceeded');
      },
    } as ResolvedConfig;
    const result = lintBytes('test.md', Buffer.from(baseDocument()), broken, { now: '2025-09-10', internalTerms: [] });
    expect(result.isCoe).toBe(true);
    expect(result.messages.map((m) => [m.ruleId, m.message])).toEqual([
      ['fatal', 'File could not be linted: Maximum call stack size exceeded'],
    ]);
  });
});

// Spans are kept per rule and matched by binary search over sorted findings:
// a quadratic pass would take seconds here; the bound only catches that.
describe('inline control comments', () => {
  it('apply in time linear in comments and findings (10,000 unclosed coe-disable, 10,000 findings)', () => {
    const range = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 21 } });
    const controls: ControlComment[] = Array.from({ length: 10_000 }, (_, i) => ({
      kind: 'disable',
      directive: 'coe-disable',
      rules: ['a'],
      reason: undefined,
      range: range(i + 1),
    }));
    const messages: Message[] = Array.from({ length: 10_000 }, (_, i) => ({
      ruleId: 'b',
      severity: 'error',
      message: 'm',
      line: i + 1,
      column: 1,
      endLine: i + 1,
      endColumn: 1,
    }));
    const { ms } = timed(() => applyControls(messages, controls, new Set(['a', 'b']), 'warn'));
    expect(ms).toBeLessThan(2000);
  });
});
