// dependency-review: a filled-in dependency table, or a "None: …" paragraph
// with a reason; a dependency that failed references an action item.
import { expect, it } from 'vitest';
import rule from '../../src/rules/dependency-review.js';
import referencesExist from '../../src/rules/references-exist.js';
import { lintCase, prepare, ruleTester } from '../helpers/rule-tester.js';

const HEADER = '| Dependency | Promise | As promised | Our implementation | Failure mode | Blast radius |\n|---|---|---|---|---|---|';
const QUEUE =
  '| Message queue (internal) | 99.9% delivery within 1 s | yes | Sound: we read with long polling | expected-handled | Workers retry with backoff |';
const LEDGER =
  '| Ledger database (internal) | Writes within 50 ms | partly | We had no timeout on writes | expected-unhandled | Write timeout and retry (AI-2) |';
const MARK = ' {dependency-review}';

/** A Dependencies section of the given paragraphs or table lines. */
const dependencies = (...lines: string[]) => ['## Dependencies', '', ...lines].join('\n');
const table = (...rows: string[]) => dependencies(HEADER, ...rows);

const TEN = 'None. The cause was a configuration change to our own workers.';
const NINE = 'None. The cause was a configuration change to our workers.';

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE ("None" paragraph)', code: '' },
    { name: 'a filled-in table', code: table(QUEUE, LEDGER) },
    { name: 'a "None" paragraph of minNoneWords words, "None" itself not counted', code: dependencies(TEN) },
    { name: 'a shorter "None" paragraph when minNoneWords allows it', code: dependencies(NINE), options: { minNoneWords: 9 } },
    {
      name: '"Partly" with an action item',
      code: table(QUEUE, LEDGER.replace('partly', 'Partly').replace('expected-unhandled', 'expected-handled')),
    },
    {
      name: 'an action item anywhere in the row, in any column, with case-folded values',
      code: table('| Ledger database (AI-1) | Writes within 50 ms | NO | No timeout | Expected-Unhandled | Timeouts |'),
    },
    { name: 'a reference to an undefined action item, which references-exist reports', code: table(LEDGER.replace('AI-2', 'AI-9')) },
    { name: 'no Dependencies section, which required-sections reports', code: '', drop: ['## Dependencies'] },
  ],
  invalid: [
    {
      name: 'a section with neither a table nor a "None" paragraph, at the heading',
      code: `## Dependencies${MARK}\n\nWe did not look at dependencies for this incident.`,
      messages: [
        'Dependencies has no review: add a table with the columns | Dependency | Promise | As promised | Our implementation | Failure mode | Blast radius |',
      ],
    },
    {
      name: 'a "None" paragraph whose reason is too short',
      code: dependencies(`None: our own change.${MARK}`),
      messages: ['The "None" paragraph gives a reason of 3 words: say in at least 10 words why no dependency was involved'],
    },
    { name: 'a "None" paragraph one word short of minNoneWords', code: dependencies(`${NINE}${MARK}`), messages: ['a reason of 9 words'] },
    {
      name: 'a table with no rows',
      code: dependencies(HEADER.replace('|\n', `|${MARK}\n`)),
      messages: ['The dependency table has no rows'],
    },
    {
      name: 'missing columns, at the table header',
      code: dependencies(
        `| Dependency | SLA | Performed as promised | Failure mode |${MARK}`,
        '|---|---|---|---|',
        '| Message queue | 99.9% | yes | expected-handled |',
      ),
      messages: ['The dependency table lacks the columns "Our implementation", "Blast radius": add them to the header'],
    },
    {
      name: 'a row with empty cells',
      code: table(`| Message queue (internal) | 99.9% delivery within 1 s | yes |  | expected-handled | |${MARK}`),
      messages: ['Message queue (internal): fill in "Our implementation", "Blast radius"'],
    },
    {
      name: 'invalid As promised and Failure mode values, at their cells',
      code: table(
        QUEUE,
        `| Message queue (internal) | 99.9% delivery within 1 s | mostly | Sound | unexpected | Retries (AI-1) |${MARK}${MARK}`,
      ),
      messages: [
        'As promised "mostly" must be yes, no or partly',
        'Failure mode "unexpected" must be expected-handled, expected-unhandled or novel',
      ],
    },
    {
      name: '"Partly" (any case) as not as promised: it needs an action item',
      code: table(
        QUEUE,
        `${LEDGER.replace('partly', 'Partly').replace(' (AI-2)', '').replace('expected-unhandled', 'expected-handled')}${MARK}`,
      ),
      messages: [
        'Ledger database (internal) performed only partly as promised: reference the action item (AI-<n>) that limits the blast radius next time',
      ],
    },
    {
      name: '"no", and a failure mode other than expected-handled, with no action item',
      code: table(
        `${QUEUE.replace('| yes |', '| no |')}${MARK}`,
        `${QUEUE.replace('Message queue', 'Object store').replace('expected-handled', 'Novel')}${MARK}`,
        `${QUEUE.replace('Message queue', 'DNS').replace('expected-handled', 'expected-unhandled')}${MARK}`,
      ),
      messages: ['did not perform as promised', 'failed in a novel way', 'failed in a way we expected but did not handle'],
    },
  ],
});

it('dependency-review leaves an undefined action item to references-exist, which reports it', () => {
  const test = { code: table(`${LEDGER.replace('AI-2', 'AI-9')} {references-exist:error}`) };
  const { text, expected } = prepare(referencesExist, test);
  expect(lintCase(rule, test, text)).toEqual([]);
  expect(lintCase(referencesExist, test, text).map(({ ruleId, severity, line }) => ({ ruleId, severity, line }))).toEqual(expected);
});

// [rule, severity, line, column] of each finding, and where a text is in its document ([line, column]).
function places(code: string) {
  const test = { code };
  const { text } = prepare(rule, test);
  const lines = text.split('\n');
  const found = lintCase(rule, test, text).map((m) => [m.ruleId, m.severity, m.line, m.column]);
  const at = (row: string, needle: string): [number, number] => {
    const index = lines.findIndex((l) => l.startsWith(row));
    return [index + 1, lines[index]!.indexOf(needle) + 1];
  };
  return { found, at };
}

it('dependency-review reports an empty cell at the cell, just after its "|", not at the row', () => {
  const { found, at } = places(
    table('| Block storage (internal) | 99.99% volume availability | yes |  | expected-handled | Deep health check |'),
  );
  const [line, bar] = at('| Block storage', '|  |');
  expect(found).toEqual([['dependency-review', 'error', line, bar + 1]]);
});

it('dependency-review reports a missing action item at the cell that calls for it', () => {
  const partly = places(table(LEDGER.replace(' (AI-2)', '')));
  expect(partly.found).toEqual([['dependency-review', 'error', ...partly.at('| Ledger', 'partly')]]);
  const novel = places(table(QUEUE.replace('expected-handled', 'novel')));
  expect(novel.found).toEqual([['dependency-review', 'error', ...novel.at('| Message queue', 'novel')]]);
});
