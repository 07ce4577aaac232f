// detection-action: customer-driven or slow detection references an action
// item in the Detection section.
import dedent from 'dedent';
import { expect, it } from 'vitest';
import rule from '../../src/rules/detection-action.js';
import referencesExist from '../../src/rules/references-exist.js';
import { lintCase, prepare, ruleTester } from '../helpers/rule-tester.js';

// The minimal COE: detected by an alarm, 4 minutes after the start (14:05 → 14:09).
const incident = (lines: string) => `---\nincident:\n  ${lines.split('\n').join('\n  ')}\n---\n`;
const bySource = (source: string) => incident(`detected_by: ${source}`);
const detectedAt = (time: string) => incident(`detected: ${time}`);

/** A Detection section, its heading marked when a finding is expected, with a reference to `ref` if given. */
const detection = ({ mark = '', ref = '' } = {}) => dedent`
  ## Detection${mark ? ` {${mark}}` : ''}

  ### Would we detect similar events?

  Yes. Any loss of worker capacity raises queue age, and the same alarm would
  page us within minutes whatever the cause of the slowdown.${ref ? ` We will also add a canary (${ref}).` : ''}
`;
const reported = detection({ mark: 'detection-action' });

ruleTester(rule).run({
  valid: [
    { name: 'the minimal COE (alarm, 4 minutes to detect)', code: '' },
    { name: 'customer-driven detection that references an action item', code: bySource('customer-report') + detection({ ref: 'AI-2' }) },
    {
      name: 'a reference to an undefined action item, which references-exist alone reports (format 4.1)',
      code: bySource('customer-report') + detection({ ref: 'AI-9' }),
    },
    { name: 'detection in exactly 5 minutes: over means strictly greater', code: detectedAt('2025-09-03T14:10:00Z') },
    { name: 'slow detection that references an action item', code: detectedAt('2025-09-03T14:11:00Z') + detection({ ref: 'AI-1' }) },
    { name: 'slow detection within maxMinutesToDetect', code: detectedAt('2025-09-03T14:11:00Z'), options: { maxMinutesToDetect: 10 } },
    { name: 'an invalid detected_by, which frontmatter-schema reports', code: bySource('pager') },
    { name: 'no detected time, which frontmatter-schema reports', code: '', drop: ['incident.detected'] },
    { name: 'no Detection section, which required-sections reports', code: bySource('customer-report'), drop: ['## Detection'] },
  ],
  invalid: [
    ...['customer-report', 'support-cases', 'social-media'].map((source) => ({
      name: `customer-driven detection (${source}) with no action item, at the Detection heading`,
      code: bySource(source) + reported,
      messages: [
        `Detection was customer-driven (${source}) and time to detect was 4 min: reference in the Detection section the action item (AI-<n>) that will detect this sooner`,
      ],
    })),
    {
      name: 'a lesson reference, which does not count',
      code: bySource('customer-report') + detection({ mark: 'detection-action', ref: 'L1' }),
    },
    {
      name: 'slow detection (over 5 minutes), with the time to detect',
      code: detectedAt('2025-09-03T14:11:00Z') + reported,
      messages: ['Detection was slow: time to detect was 6 min, over the 5 min goal'],
    },
    {
      name: 'detection slower than maxMinutesToDetect',
      code: reported,
      options: { maxMinutesToDetect: 3 },
      messages: ['4 min, over the 3 min goal'],
    },
    {
      name: 'customer-driven detection with no detected time',
      code: bySource('customer-report') + reported,
      drop: ['incident.detected'],
      messages: [/^Detection was customer-driven \(customer-report\): reference/],
    },
  ],
});

it('detection-action leaves an undefined action item to references-exist, which reports it', () => {
  const test = { code: bySource('customer-report') + detection({ ref: 'AI-9' }).replace(/\.$/, '. {references-exist:error}') };
  const { text, expected } = prepare(referencesExist, test);
  expect(lintCase(rule, test, text)).toEqual([]);
  expect(lintCase(referencesExist, test, text).map(({ ruleId, severity, line }) => ({ ruleId, severity, line }))).toEqual(expected);
});
