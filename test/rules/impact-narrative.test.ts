// impact-narrative: the Impact section is a narrative: at least minParagraphs
// paragraphs and minWords words, and mostly paragraphs rather than lists.
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintFixture, lintString, type LintCase, withSection } from '../helpers/lint.js';

const RULE = 'impact-narrative';
const base = baseDocument();
const HEADING = lineOf(base, '## Impact');

const findings = (text: string, options?: LintCase) => findingsOf(lintString(text, options), RULE);
const withOptions = (options: Record<string, unknown>): LintCase => ({ config: { rules: { [RULE]: { level: undefined, options } } } });
const warnAt = (...lines: number[]) => lines.map((line) => [RULE, 'warn', line]);

/** The base document with its Impact body replaced. */
const impact = (body: string): string => withSection(base, 'Impact', body);

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');
// The base Impact: two paragraphs, 45 + 38 = 83 words.
const BASE_WORDS = 83;

describe('impact-narrative passes', () => {
  it('passes the base document', () => {
    expect(findings(base)).toEqual([]);
  });

  it('passes a longer narrative', () => {
    expect(findingsOf(lintFixture('rules/impact-narrative/pass-narrative.md'), RULE)).toEqual([]);
  });

  it('passes exactly at the thresholds (they are inclusive)', () => {
    expect(findings(base, withOptions({ minWords: BASE_WORDS, minParagraphs: 2 }))).toEqual([]);
    expect(findings(impact(`${words(40)}.\n\n${words(40)}.\n`))).toEqual([]);
  });

  it('passes a narrative with a short list in it', () => {
    const text = edit(base, 'We were alerted at 14:09 UTC', '- queue age peaked at 40 minutes\n- 1,200 merchants affected\n\nWe were alerted at 14:09 UTC');
    expect(findings(text)).toEqual([]);
  });

  it('does not count comments as content', () => {
    const text = edit(base, 'We were alerted at 14:09 UTC', `<!-- ${words(200, 'note')} -->\n\nWe were alerted at 14:09 UTC`);
    expect(findings(text)).toEqual([]);
  });

  it('passes a short impact when the options allow it', () => {
    expect(findings(impact('Notifications were late for 75 minutes.\n'), withOptions({ minParagraphs: 1, minWords: 5 }))).toEqual([]);
    expect(findings(impact(''), withOptions({ minParagraphs: 0, minWords: 0 }))).toEqual([]);
  });

  it('passes a list when minProseShare is 0', () => {
    expect(findings(impact(`${words(45)}.\n\n${words(5)}.\n\n- ${words(60)}\n`), withOptions({ minProseShare: 0 }))).toEqual([]);
  });

  it('counts every word of a list, not just the words of its items joined', () => {
    // 60 words in paragraphs and 20 in ten list items: 80 words.
    const list = Array.from({ length: 10 }, () => '- two words').join('\n');
    expect(findings(impact(`${words(30)}.\n\n${words(30)}.\n\n${list}\n`))).toEqual([]);
  });
});

describe('impact-narrative reports', () => {
  it('reports too few paragraphs at the heading', () => {
    const text = edit(base, 'arrived.\n\nWe were alerted', 'arrived.\nWe were alerted');
    expect(findings(text)).toEqual(warnAt(HEADING));
  });

  it('reports too few words at the heading', () => {
    expect(findings(impact(`${words(40)}.\n\n${words(39)}.\n`))).toEqual(warnAt(HEADING));
  });

  it('reports an empty Impact: no paragraphs and no words', () => {
    expect(findings(impact(''))).toEqual(warnAt(HEADING, HEADING));
  });

  it('reports an Impact that is mostly a list at the list, with too few paragraphs and words', () => {
    expect(findingsOf(lintFixture('rules/impact-narrative/fail-bullets.md'), RULE)).toEqual(warnAt(26, 26, 30));
  });

  it('reports mostly lists or tables even with enough paragraphs and words', () => {
    const table = `| When | What |\n|---|---|\n| 14:05 | ${words(50)} |\n| 14:09 | ${words(50)} |`;
    const text = impact(`${words(45)}.\n\n${words(40)}.\n\n${table}\n`);
    expect(findings(text)).toEqual(warnAt(lineOf(text, '| When |')));
  });

  it('reports the first block that is not a paragraph', () => {
    const text = impact(`${words(10)}.\n\n\`\`\`\n${words(5)}\n\`\`\`\n\n${words(10)}.\n\n- ${words(60)}\n`);
    expect(findings(text)).toEqual(warnAt(lineOf(text, '```')));
  });

  it('takes minParagraphs and minWords from the options', () => {
    expect(findings(base, withOptions({ minParagraphs: 3 }))).toEqual(warnAt(HEADING));
    expect(findings(base, withOptions({ minWords: BASE_WORDS + 1 }))).toEqual(warnAt(HEADING));
  });

  it('takes minProseShare from the options', () => {
    const text = edit(base, 'We were alerted at 14:09 UTC', '- one short item\n\nWe were alerted at 14:09 UTC');
    expect(findings(text)).toEqual([]);
    expect(findings(text, withOptions({ minProseShare: 1 }))).toEqual(warnAt(lineOf(text, '- one short item')));
  });

  it('rejects options out of range', () => {
    expect(() => lintString(base, withOptions({ minProseShare: 2 }))).toThrow();
  });
});

describe('impact-narrative levels', () => {
  const text = impact('Late.\n');

  it('reports as an error when set to error', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'error', options: {} } } } })).toEqual([
      [RULE, 'error', HEADING],
      [RULE, 'error', HEADING],
    ]);
  });

  it('reports nothing when off', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'off', options: {} } } } })).toEqual([]);
  });
});
