import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintFixture, lintString } from '../helpers/lint.js';

const RULE = 'blameless-language';
const of = (text: string, options = {}) => findingsOf(lintString(text, options), RULE);
const withOptions = (options: unknown) => ({ config: { rules: { [RULE]: { level: undefined, options } } } });

// A sentence of the Detection section, outside the five whys.
const PROSE = 'Yes. Queue age is the delay merchants see';
// A root cause of the five whys.
const WHY = 'Why? The pool size cannot be changed at run time.';

describe('blameless-language', () => {
  it('passes the base document', () => {
    expect(of(baseDocument())).toEqual([]);
  });

  it('passes blameless, blame-free, careful, default, code, e-mail addresses and names outside the five whys', () => {
    expect(findingsOf(lintFixture(`rules/${RULE}/pass.md`), RULE)).toEqual([]);
  });

  it('reports blaming words anywhere in the prose, and names and @handles in the five whys', () => {
    expect(findingsOf(lintFixture(`rules/${RULE}/fail.md`), RULE)).toEqual([
      [RULE, 'warn', 30], // operator error (Impact)
      [RULE, 'warn', 41], // Careless (Timeline)
      [RULE, 'warn', 41], // Sloppy
      [RULE, 'warn', 51], // Ines Okafor (five whys)
      [RULE, 'warn', 51], // @ines-o
      [RULE, 'warn', 53], // Okafor alone
      [RULE, 'warn', 53], // should have / known, across a soft line break
      [RULE, 'warn', 80], // blamed (Lessons)
    ]);
  });

  it('reports the exact place, and a phrase across a line break from its first word to its last', () => {
    const messages = lintFixture(`rules/${RULE}/fail.md`).filter((m) => m.ruleId === RULE);
    const phrase = messages.find((m) => m.message.includes('"should have known"'))!;
    expect([phrase.line, phrase.column, phrase.endLine, phrase.endColumn]).toEqual([53, 19, 54, 12]);
    const name = messages.find((m) => m.message.includes('"Ines Okafor"'))!;
    expect([name.line, name.column, name.endColumn]).toEqual([51, 14, 25]);
  });

  it('matches case folded and whole: "Human error" yes, "blameless" and "blameworthy" no', () => {
    const base = baseDocument();
    const line = lineOf(base, PROSE);
    expect(of(edit(base, PROSE, `Human Error, not a failed check. ${PROSE}`))).toEqual([[RULE, 'warn', line]]);
    expect(of(edit(base, PROSE, `A blameless review; blameworthy nobody; no blame-free claim. ${PROSE}`))).toEqual([]);
    expect(of(edit(base, PROSE, `They are to BLAME. ${PROSE}`))).toEqual([[RULE, 'warn', line]]);
  });

  it('passes a blaming word in a negated clause (format 4.1)', () => {
    const base = baseDocument();
    const line = lineOf(base, PROSE);
    for (const sentence of [
      'Nobody was careless here.',
      'It was not the fault of any engineer.',
      'No one is to blame.',
      "This wasn't human error.",
      'We found no negligence in the change.',
    ]) {
      expect(of(edit(base, PROSE, `${sentence} ${PROSE}`)), sentence).toEqual([]);
    }
    // The negation holds for its clause only.
    expect(of(edit(base, PROSE, `It was not the alarm, but human error. ${PROSE}`))).toEqual([[RULE, 'warn', line]]);
    expect(of(edit(base, PROSE, `Nothing was lost. The deployer was careless. ${PROSE}`))).toEqual([[RULE, 'warn', line]]);
  });

  it('reports a fault word attached to a person (format 4.1)', () => {
    const base = baseDocument();
    const line = lineOf(base, PROSE);
    for (const sentence of [
      "The long delay was the night operator's mistake.",
      "It was Dana's mistake.",
      'It was his error.',
      'It was a mistake by the on-call engineer.',
      'The on-call engineer made a mistake.',
      "It was @sam's oversight.",
    ]) {
      expect(of(edit(base, PROSE, `${sentence} ${PROSE}`)), sentence).toEqual([[RULE, 'warn', line]]);
    }
    const message = lintString(edit(base, PROSE, `It was Dana's mistake. ${PROSE}`)).find((m) => m.ruleId === RULE)!;
    expect(message.message).toContain(`"Dana's mistake" attaches a fault to a person`);
    expect(message.column).toBe(1 + 'It was '.length);
  });

  it('passes fault words about systems, and negated faults', () => {
    const base = baseDocument();
    for (const sentence of [
      "The host's error rate rose to 100%.",
      'Their error budget was spent.',
      "It was the disk's error, not a person's.",
      'Errors by the load balancer reached 3%.',
      'The cache made an error in the key.',
      "It was not the operator's mistake.",
    ]) {
      expect(of(edit(base, PROSE, `${sentence} ${PROSE}`)), sentence).toEqual([]);
    }
  });

  it('takes either apostrophe in a phrase', () => {
    const base = baseDocument();
    const line = lineOf(base, PROSE);
    expect(of(edit(base, PROSE, `They didn’t bother. ${PROSE}`))).toEqual([[RULE, 'warn', line]]);
    expect(of(edit(base, PROSE, `They didn't bother. ${PROSE}`))).toEqual([[RULE, 'warn', line]]);
  });

  it('reports one finding for the longest phrase, not one per word list entry', () => {
    const base = baseDocument();
    const messages = lintString(edit(base, PROSE, `We should have known better. ${PROSE}`)).filter((m) => m.ruleId === RULE);
    expect(messages.map((m) => m.message.split('"')[1])).toEqual(['should have known better']);
  });

  it('does not read inline code or code blocks, but reads the prose beside them', () => {
    const base = baseDocument();
    const line = lineOf(base, PROSE);
    expect(of(edit(base, PROSE, `The log says \`human error\` and \`blame\`; the deploy was reckless. ${PROSE}`))).toEqual([
      [RULE, 'warn', line],
    ]);
    const block = edit(base, '## Lessons', '```text\noperator error: careless, negligent\n```\n\n## Lessons');
    expect(of(block)).toEqual([]);
  });

  it('looks for names and @handles in the five whys only', () => {
    const base = baseDocument();
    const why = lineOf(base, WHY);
    expect(of(edit(base, WHY, `Why? @okafor could not change the pool size at run time.`))).toEqual([[RULE, 'warn', why]]);
    expect(of(edit(base, WHY, `Why? INES OKAFOR could not change it at run time.`))).toEqual([[RULE, 'warn', why]]);
    expect(of(edit(base, WHY, `Why? Ines could not change it at run time.`))).toEqual([[RULE, 'warn', why]]);
    expect(of(edit(base, PROSE, `Ines Okafor and @okafor agree. ${PROSE}`))).toEqual([]);
  });

  it("takes the @handle of the COE's owner, and of the teams option, for a team, not a person", () => {
    const base = baseDocument();
    const why = lineOf(base, WHY);
    const owner = /^owner: (.+)$/m.exec(base)![1]!;
    expect(of(edit(base, WHY, `Why? @${owner} had no alarm on the queue age.`))).toEqual([]);
    const text = edit(base, WHY, `Why? @db-team and @Payments-Platform own the pool size.`);
    expect(of(text)).toEqual([
      [RULE, 'warn', why],
      [RULE, 'warn', why],
    ]);
    expect(of(text, withOptions({ teams: ['db-team', '@payments-platform'] }))).toEqual([]);
  });

  it('does not take an e-mail address for a handle, nor a name part that is also a word', () => {
    const base = baseDocument().replace('authors: [Ines Okafor]', 'authors: [Will Long]');
    expect(of(edit(base, WHY, `Why? It will take long; mail pool@example.com. No one will know.`))).toEqual([]);
    expect(of(edit(base, WHY, `Why? Will Long could not change it at run time.`))).toEqual([[RULE, 'warn', lineOf(base, WHY)]]);
  });

  it('can leave name parts alone, or names altogether', () => {
    const base = baseDocument();
    const text = edit(base, WHY, `Why? Okafor and Ines Okafor and @ines could not change it.`);
    expect(of(text, withOptions({ nameParts: false }))).toEqual([
      [RULE, 'warn', lineOf(base, WHY)],
      [RULE, 'warn', lineOf(base, WHY)],
    ]);
    expect(of(text, withOptions({ names: false }))).toEqual([]);
  });

  it('takes extra words, allowed words, and a list that replaces the default', () => {
    const base = baseDocument();
    const line = lineOf(base, PROSE);
    const text = edit(base, PROSE, `A cowboy deploy, then human error. ${PROSE}`);
    expect(of(text)).toEqual([[RULE, 'warn', line]]);
    expect(of(text, withOptions({ extraWords: ['cowboy deploy'] }))).toEqual([
      [RULE, 'warn', line],
      [RULE, 'warn', line],
    ]);
    expect(of(text, withOptions({ allowWords: ['Human Error'] }))).toEqual([]);
    expect(of(text, withOptions({ words: ['cowboy deploy'] }))).toEqual([[RULE, 'warn', line]]);
    expect(lintString(text, withOptions({ words: ['cowboy deploy'] })).find((m) => m.ruleId === RULE)?.message).toContain('"cowboy deploy"');
  });
});
