import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintString } from '../helpers/lint.js';

const ID = 'detection-action';
const run = (text: string, options: Record<string, unknown> = {}) =>
  lintString(text, { config: { rules: { [ID]: { level: undefined, options } } } });
const findings = (text: string, options: Record<string, unknown> = {}) => findingsOf(run(text, options), ID);
const messageOf = (text: string) => run(text).find((m) => m.ruleId === ID)?.message ?? '';

const bySource = (source: string) => edit(baseDocument(), 'detected_by: alarm', `detected_by: ${source}`);
const detectedAt = (time: string) => edit(baseDocument(), 'detected: 2025-09-03T14:09:00Z', `detected: ${time}`);
const SIMILAR_END = 'page us within minutes whatever the cause of the slowdown.';
const withReference = (text: string, ref: string) => edit(text, SIMILAR_END, `${SIMILAR_END} We will also add a canary (${ref}).`);

describe('detection-action', () => {
  it('passes the base document (alarm, 4 minutes to detect)', () => {
    expect(findings(baseDocument())).toEqual([]);
  });

  for (const source of ['customer-report', 'support-cases', 'social-media']) {
    it(`reports customer-driven detection (${source}) with no action item at the Detection heading`, () => {
      const text = bySource(source);
      expect(findings(text)).toEqual([[ID, 'error', lineOf(text, '## Detection')]]);
      expect(messageOf(text)).toContain(`customer-driven (${source})`);
      expect(messageOf(text)).toContain('4 min');
    });
  }

  it('passes customer-driven detection that references an existing action item', () => {
    expect(findings(withReference(bySource('customer-report'), 'AI-2'))).toEqual([]);
  });

  it('counts a reference to an undefined action item: references-exist alone reports it (format 4.1)', () => {
    const text = withReference(bySource('customer-report'), 'AI-9');
    const messages = run(text);
    expect(findingsOf(messages, ID)).toEqual([]);
    expect(findingsOf(messages, 'references-exist')).toEqual([['references-exist', 'error', lineOf(text, '(AI-9)')]]);
  });

  it('does not count a lesson reference', () => {
    const text = withReference(bySource('customer-report'), 'L1');
    expect(findings(text)).toEqual([[ID, 'error', lineOf(text, '## Detection')]]);
  });

  it('reports slow detection (over 5 minutes) and gives the time to detect', () => {
    const text = detectedAt('2025-09-03T14:11:00Z');
    expect(findings(text)).toEqual([[ID, 'error', lineOf(text, '## Detection')]]);
    expect(messageOf(text)).toContain('6 min');
    expect(messageOf(text)).toContain('slow');
  });

  it('accepts detection in exactly 5 minutes (over means strictly greater)', () => {
    expect(findings(detectedAt('2025-09-03T14:10:00Z'))).toEqual([]);
  });

  it('passes slow detection that references an action item', () => {
    expect(findings(withReference(detectedAt('2025-09-03T14:11:00Z'), 'AI-1'))).toEqual([]);
  });

  it('reads the maxMinutesToDetect option', () => {
    const text = baseDocument();
    expect(findings(text, { maxMinutesToDetect: 3 })).toEqual([[ID, 'error', lineOf(text, '## Detection')]]);
    expect(findings(detectedAt('2025-09-03T14:11:00Z'), { maxMinutesToDetect: 10 })).toEqual([]);
  });

  it('passes over an invalid detected_by and a missing detected time (frontmatter-schema reports them)', () => {
    expect(findings(bySource('pager'))).toEqual([]);
    const text = edit(baseDocument(), '  detected: 2025-09-03T14:09:00Z\n', '');
    expect(findings(text)).toEqual([]);
  });

  it('still reports customer-driven detection when the times are missing', () => {
    const text = edit(bySource('customer-report'), '  detected: 2025-09-03T14:09:00Z\n', '');
    expect(findings(text)).toEqual([[ID, 'error', lineOf(text, '## Detection')]]);
  });

  it('passes over a missing Detection section (required-sections reports it)', () => {
    const base = bySource('customer-report');
    const section = base.slice(base.indexOf('## Detection'), base.indexOf('## Dependencies'));
    expect(findings(edit(base, section, ''))).toEqual([]);
  });
});
