// Cases found by reviewing documents nobody had tried: headings, 12-hour
// times, input limits at their edges, and places of frontmatter list items.
import { describe, expect, it } from 'vitest';
import { headingMatcher } from '../../src/model/sections.js';
import { checkLimits, DEFAULT_LIMITS } from '../../src/parse/limits.js';
import { baseDocument, edit, findingsOf, lineOf, lintString } from '../helpers/lint.js';
import { parse, withStart } from './helpers.js';

describe('headings', () => {
  const match = headingMatcher();
  it.each([
    ['1️⃣ Impact', 'impact'],
    ['🇪🇺 Impact', 'impact'],
    ['A. Impact', 'impact'],
    ['B) Timeline', 'timeline'],
  ])('matches "%s"', (heading, key) => expect(match(heading)).toBe(key));

  it('does not let an HTML comment in a heading hide the section', () => {
    const text = edit(baseDocument(), '## Impact\n', '## Impact <!-- what customers experienced -->\n');
    expect(findingsOf(lintString(text, { now: '2025-09-10' }), 'required-sections')).toEqual([]);
  });
});

describe('12-hour times', () => {
  it('reads 9:18 PM as 21:18, and 12:05 AM as 00:05', () => {
    const doc = parse(withStart('2025-10-20T06:48:00Z', '## Timeline\n\n- 2025-10-20 9:18 PM UTC — a\n- 2025-10-21 12:05 AM — b\n'));
    expect(doc.timeline?.map((e) => new Date(e.time!).toISOString())).toEqual(['2025-10-20T21:18:00.000Z', '2025-10-21T00:05:00.000Z']);
  });

  it('refuses 13:00 PM', () => {
    const doc = parse(withStart('2025-10-20T06:48:00Z', '## Timeline\n\n- 13:00 PM — a\n'));
    expect(doc.timeline?.[0]?.problem).toContain('not a real time');
  });
});

describe('limits at their edges', () => {
  const line = 'a'.repeat(DEFAULT_LIMITS.maxLineLength);
  it('a line of exactly the limit passes with LF and with CRLF', () => {
    expect(checkLimits(`${line}\n`, DEFAULT_LIMITS)).toBeUndefined();
    expect(checkLimits(`${line}\r\n`, DEFAULT_LIMITS)).toBeUndefined();
    expect(checkLimits(`${line}a\r\n`, DEFAULT_LIMITS)?.message).toContain('longer');
  });

  it('exactly the most lines passes, with or without a final newline', () => {
    const lines = Array.from({ length: DEFAULT_LIMITS.maxLines }, () => 'x');
    expect(checkLimits(lines.join('\n'), DEFAULT_LIMITS)).toBeUndefined();
    expect(checkLimits(`${lines.join('\n')}\n`, DEFAULT_LIMITS)).toBeUndefined();
    expect(checkLimits(`${lines.join('\n')}\nx`, DEFAULT_LIMITS)?.line).toBe(DEFAULT_LIMITS.maxLines + 1);
  });
});

describe('frontmatter list items', () => {
  it('reports a bad item at its own line, as a wrong value, not a missing key', () => {
    const text = edit(baseDocument(), 'authors: [Ines Okafor]', 'authors:\n  - Ines Okafor\n  - ""');
    const messages = lintString(text, { now: '2025-09-10' }).filter((m) => m.ruleId === 'frontmatter-schema');
    expect(messages.map((m) => m.line)).toEqual([lineOf(text, '  - ""')]);
    expect(messages[0]?.message).not.toContain('Missing');
  });
});

describe('ids written as inline code', () => {
  const now = { now: '2025-09-10' };
  it('count as references in the Lessons column and the five whys', () => {
    let text = edit(baseDocument(), '| in-progress | L2 |', '| in-progress | `L2` |');
    text = edit(text, 'run time. → L2', 'run time. → `L2`');
    const messages = lintString(text, now);
    expect(findingsOf(messages, 'lessons-have-actions')).toEqual([]);
    expect(findingsOf(messages, 'five-whys-leaf-action')).toEqual([]);
  });

  it('are checked by references-exist', () => {
    const text = edit(baseDocument(), '| in-progress | L2 |', '| in-progress | L2, `L9` |');
    expect(findingsOf(lintString(text, now), 'references-exist')).toEqual([['references-exist', 'error', lineOf(text, '`L9`')]]);
  });

  it('define an action item in the ID column, not reference it', () => {
    const text = edit(baseDocument(), '| AI-1 | Read', '| `AI-1` | Read');
    expect(findingsOf(lintString(text, now), 'references-exist')).toEqual([]);
  });
});

describe('an action items section whose table cannot be read', () => {
  it('is reported once, by action-item-fields, not for every reference and lesson', () => {
    const start = baseDocument().indexOf('| ID | Action');
    const end = baseDocument().indexOf('## Customer summary');
    const text = `${baseDocument().slice(0, start)}We will fix it.\n\n${baseDocument().slice(end)}`;
    const ids = lintString(text, { now: '2025-09-10' })
      .filter((m) => m.severity === 'error')
      .map((m) => m.ruleId);
    expect(ids).toEqual(['action-item-fields']);
  });
});

describe('indentation and nesting', () => {
  it('does not count a line of spaces or an indented code line as nesting', () => {
    expect(checkLimits(`${' '.repeat(210)}\n`, DEFAULT_LIMITS)).toBeUndefined();
    expect(checkLimits(`${'\t'.repeat(60)}code\n`, DEFAULT_LIMITS)).toBeUndefined();
  });

  it('still counts list items nested by indentation', () => {
    const deep = Array.from({ length: 150 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n');
    // Without the limit on Markdown structure, which these lines pass first.
    expect(checkLimits(deep, { ...DEFAULT_LIMITS, maxMarkup: Infinity })?.message).toContain('nesting');
  });
});

describe('reference tokens', () => {
  it('are whole: "L7-balancer" is not a lesson reference', () => {
    const text = edit(baseDocument(), 'run time. → L2', 'run time on the L7-balancer. → L2');
    expect(findingsOf(lintString(text, { now: '2025-09-10' }), 'references-exist')).toEqual([]);
  });
});

describe('a frontmatter that is never closed', () => {
  it('is still a COE, with one frontmatter-schema finding at line 1', () => {
    const text = edit(baseDocument(), '  ledger-db: payment records\n---\n', '  ledger-db: payment records\n\n');
    const messages = lintString(text, { now: '2025-09-10' }).filter((m) => m.ruleId === 'frontmatter-schema');
    expect(messages.map((m) => [m.line, m.message.includes('never closed')])).toEqual([[1, true]]);
  });

  it('does not make other Markdown that opens with a rule a COE', () => {
    const messages = lintString('---\n\n# Notes\n\nSome text.\n');
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('Not a COE')]);
  });
});

describe('frontmatter messages say what to do', () => {
  const messageFor = (from: string, to: string) =>
    lintString(edit(baseDocument(), from, to), { now: '2025-09-10' }).find((m) => m.ruleId === 'frontmatter-schema')?.message;
  it('a number in quotes', () => expect(messageFor('severity: 3', 'severity: "3"')).toContain('without quotes'));
  it('a colon inside a plain value', () =>
    expect(messageFor('title: Delayed payment notifications', 'title: Delayed: payment: notifications')).toContain('quotes'));
});

describe('action items in several tables', () => {
  it('reads the rows of every table of the section', () => {
    const base = baseDocument();
    const row2 = base.split('\n').find((l) => l.startsWith('| AI-2 |'))!;
    const header = base.split('\n').filter((l) => l.startsWith('| ID |') || l.startsWith('|---|'));
    const text = edit(base, `${row2}\n`, `\n### Later\n\n${header.join('\n')}\n${row2}\n`);
    const messages = lintString(text, { now: '2025-09-10' });
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
  });
});

describe('words in scripts written without spaces', () => {
  it('are counted by a word segmenter', async () => {
    const { countWords } = await import('../../src/model/text.js');
    expect(countWords('検知は遅すぎました。顧客からの報告で初めて問題に気づきました。')).toBeGreaterThan(10);
    expect(countWords('Hello world, orders-api 3% failed')).toBe(5);
  });
});

describe('timeline offsets', () => {
  it('refuses a number that no zone uses, and keeps the clock as it was', () => {
    const doc = parse(withStart('2025-10-20T06:48:00Z', '## Timeline\n\n- 06:52 +1500 errors rise\n- 07:00 — next\n'));
    expect(doc.timeline?.[0]?.problem).toContain('not a UTC offset');
    expect(new Date(doc.timeline![1]!.time!).toISOString()).toBe('2025-10-20T07:00:00.000Z');
  });
});

describe('export -o onto its own COE', () => {
  it('is refused even with --force, and the COE is unchanged', async () => {
    const { mkdtempSync, writeFileSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { runCoe } = await import('../helpers/lint.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'coe-self-'));
    const file = path.join(dir, 'coe.md');
    writeFileSync(file, baseDocument());
    const run = runCoe(['export', file, '-o', file, '--force'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(baseDocument());
    rmSync(dir, { recursive: true, force: true });
  });
});
