import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, baseDocument, edit, findingsOf, lineOf, lintFixture, lintString } from '../helpers/lint.js';

const RULE = 'no-placeholders';
const of = (text: string, options = {}) => findingsOf(lintString(text, options), RULE);
const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'rules', RULE, name), 'utf8');

describe('no-placeholders', () => {
  it('passes the base document', () => {
    expect(of(baseDocument())).toEqual([]);
  });

  it('passes inline code, code blocks, HTML comments, TODOS, "a todo list" and mastodon', () => {
    expect(findingsOf(lintFixture(`rules/${RULE}/pass.md`), RULE)).toEqual([]);
  });

  it('reports each placeholder of the body and the frontmatter as an error in review', () => {
    expect(findingsOf(lintFixture(`rules/${RULE}/fail.md`), RULE)).toEqual([
      [RULE, 'error', 4], // title: "… {{subtitle}}"
      [RULE, 'error', 7], // owner: TBD
      [RULE, 'error', 35], // TODO: confirm …
      [RULE, 'error', 43], // (wording ???)
      [RULE, 'error', 94], // {{due date}}
      [RULE, 'error', 94], // FIXME
    ]);
  });

  it('reports at the exact column, in quoted frontmatter values too', () => {
    const messages = lintFixture(`rules/${RULE}/fail.md`).filter((m) => m.ruleId === RULE);
    expect(messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([
      [4, 39, 51],
      [7, 8, 11],
      [35, 1, 5],
      [43, 46, 49],
      [94, 1, 13],
      [94, 15, 20],
    ]);
    expect(messages[0]!.message).toContain('"{{subtitle}}"');
  });

  it('warns while the COE is a draft, and is an error from review on', () => {
    const text = fixture('fail.md');
    const draft = of(edit(text, 'status: review', 'status: draft'));
    expect(draft).toEqual([4, 7, 35, 43, 94, 94].map((line) => [RULE, 'warn', line]));
    const approved = of(edit(text, 'status: review', 'status: approved'));
    expect(approved.map(([, severity]) => severity)).toEqual(Array(6).fill('error'));
  });

  it('takes a configured level over the draft severity', () => {
    const text = edit(fixture('fail.md'), 'status: review', 'status: draft');
    const config = { rules: { [RULE]: { level: 'error' as const, options: {} } } };
    expect(of(text, { config }).map(([, severity]) => severity)).toEqual(Array(6).fill('error'));
  });

  it('matches whole words: "TODO:" and "TODO(x)" are placeholders, "TODOS" and "mastodon" are not', () => {
    const base = baseDocument();
    const at = 'Yes. Queue age is the delay merchants see';
    expect(of(edit(base, at, `TODO: check. ${at}`))).toEqual([[RULE, 'error', lineOf(base, at)]]);
    expect(of(edit(base, at, `${at} (TODO(ines) confirm)`))).toEqual([[RULE, 'error', lineOf(base, at)]]);
    expect(of(edit(base, at, `TODOS and mastodon and TBDs and FIXMEs. ${at}`))).toEqual([]);
    expect(of(edit(base, at, `Our todo list is empty. ${at}`))).toEqual([]);
  });

  it('reports ??? standing alone and {{…}}, not ?? or single braces, nor ??? closing a question', () => {
    const base = baseDocument();
    const at = 'Yes. Queue age is the delay merchants see';
    expect(of(edit(base, at, `Why?? {x} ${at}`))).toEqual([]);
    expect(of(edit(base, at, `Why???? Is checkout down??? ${at}`))).toEqual([]);
    expect(of(edit(base, at, `The count is ???. ${at}`))).toEqual([[RULE, 'error', lineOf(base, at)]]);
    expect(of(edit(base, at, `(???) ${at}`))).toEqual([[RULE, 'error', lineOf(base, at)]]);
    expect(of(edit(base, at, `{{ merchant_count }} merchants. ${at}`))).toEqual([[RULE, 'error', lineOf(base, at)]]);
  });

  it('does not read inline code or code blocks, but reads the prose beside them', () => {
    const base = baseDocument();
    const at = '- 14:30 — Status page notice posted.';
    const inline = edit(base, at, '- 14:30 — Status page notice posted (`TODO` and `{{x}}` in the template, TBD).');
    expect(of(inline)).toEqual([[RULE, 'error', lineOf(base, at)]]);
    expect(lintString(inline).find((m) => m.ruleId === RULE)?.message).toContain('"TBD"');
    const block = edit(base, '## Lessons', '```text\nTODO: FIXME ??? {{x}}\n```\n\nTBD\n\n## Lessons');
    expect(of(block)).toEqual([[RULE, 'error', lineOf(block, 'TBD\n')]]);
  });

  it('does not read HTML comments (template guidance)', () => {
    const base = baseDocument();
    const text = edit(base, '## Detection\n', '<!-- TODO: answer each question in 15 words or more -->\n\nFIXME\n\n## Detection\n');
    expect(of(text)).toEqual([[RULE, 'error', lineOf(text, 'FIXME\n')]]);
  });

  it('reports one finding per placeholder, in a frontmatter list too', () => {
    const base = baseDocument();
    expect(of(edit(base, 'authors: [Ines Okafor]', 'authors: [TBD, TODO]'))).toEqual([
      [RULE, 'error', 8],
      [RULE, 'error', 8],
    ]);
  });

  it('takes the words as an option', () => {
    const base = baseDocument();
    const at = 'Yes. Queue age is the delay merchants see';
    const text = edit(base, at, `XXX TODO ${at}`);
    const config = { rules: { [RULE]: { level: undefined, options: { words: ['XXX'] } } } };
    const messages = lintString(text, { config }).filter((m) => m.ruleId === RULE);
    expect(messages.map((m) => [m.line, m.column])).toEqual([[lineOf(base, at), 1]]);
  });
});
