// The rule tester's splice: an excerpt's keys and sections into the minimal
// COE, each line remembering where it came from.
import { describe, expect, it } from 'vitest';
import { parseCoeDocument } from '../../src/parse/document.js';
import { splice } from '../helpers/splice.js';
import { MINIMAL, prepare } from '../helpers/rule-tester.js';
import fiveWhysTree from '../../src/rules/five-whys-tree.js';

const doc = (text: string) => {
  const parsed = parseCoeDocument('t.md', text);
  if (!parsed.ok) throw new Error(parsed.fatal.message);
  return parsed.doc;
};

describe('splice', () => {
  it('leaves the document as it is for an empty excerpt', () => {
    expect(splice(MINIMAL, '').text).toBe(MINIMAL);
  });

  it('replaces a frontmatter key, merges a mapping key by key, and adds new keys', () => {
    const { text } = splice(
      MINIMAL,
      '---\nstatus: draft\nincident:\n  detected_by: customer-report\n  customer_notified: 2025-09-03T14:30:00Z\ntags: [queues]\n---\n',
    );
    const fm = doc(text).frontmatter;
    expect(fm.problems).toEqual([]);
    expect(fm.data.status).toBe('draft');
    expect(fm.data.tags).toEqual(['queues']);
    expect(fm.data.incident?.detected_by).toBe('customer-report');
    expect(fm.data.incident?.start?.text).toBe('2025-09-03T14:05:00Z');
    expect(fm.data.incident?.customer_notified?.text).toBe('2025-09-03T14:30:00Z');
  });

  it('drops keys and sections', () => {
    const { text } = splice(MINIMAL, '', ['incident.resolved', 'glossary', '## Dependencies']);
    const d = doc(text);
    expect(d.frontmatter.data.incident?.resolved).toBeUndefined();
    expect(d.frontmatter.data.incident?.mitigated).toBeDefined();
    expect(d.frontmatter.data.glossary).toBeUndefined();
    expect(d.sectionsByKey.has('dependencies')).toBe(false);
    expect(d.sectionsByKey.has('lessons')).toBe(true);
  });

  it('replaces a section of the same heading (aliases too), adds the others at the end, and puts loose text under Notes', () => {
    const excerpt = 'A loose line.\n\n## Lessons learned\n\n- **L1:** One.\n- **L2:** Two.\n\n## Appendix\n\nMore.';
    const d = doc(splice(MINIMAL, excerpt).text);
    expect(d.sections.map((s) => s.heading)).toEqual([
      'Impact',
      'Timeline',
      'Five whys',
      'Detection',
      'Dependencies',
      'Lessons learned',
      'Action items',
      'Notes',
      'Appendix',
    ]);
    expect(d.lessons?.map((l) => l.text)).toEqual(['One.', 'Two.']);
  });

  it('remembers where each line came from', () => {
    const excerpt = '---\nseverity: 2\n---\n\n## Lessons\n\n- **L1:** One.\n- **L2:** Two.';
    const { text, origins } = splice(MINIMAL, excerpt);
    const lines = text.split('\n');
    expect(lines[origins.indexOf(1)]).toBe('severity: 2');
    expect(lines[origins.indexOf(7)]).toBe('- **L2:** Two.');
  });
});

describe('markers', () => {
  it('put the expected finding on the line it marks, and leave the text without them', () => {
    const { text, expected } = prepare(fiveWhysTree, {
      code: '## Five whys\n\n- 5% of calls failed for an hour. {five-whys-tree}\n  - Why? A bad deploy. → L1',
    });
    const line = text.split('\n').findIndex((l) => l === '- 5% of calls failed for an hour.') + 1;
    expect(line).toBeGreaterThan(0);
    expect(expected).toEqual([{ ruleId: 'five-whys-tree', severity: 'warn', line }]);
  });

  it('are not taken from a template placeholder', () => {
    const { expected } = prepare(fiveWhysTree, { code: '## Notes\n\nDue {{due date}}' });
    expect(expected).toEqual([]);
  });
});

describe('splice of a section twice', () => {
  it('puts the second right after the first, so a duplicate section can be written as an excerpt', () => {
    const d = doc(splice(MINIMAL, '## Lessons\n\n- **L1:** One.\n\n## Lessons learned\n\n- **L2:** Two.').text);
    expect(d.sections.map((s) => s.heading)).toEqual([
      'Impact',
      'Timeline',
      'Five whys',
      'Detection',
      'Dependencies',
      'Lessons',
      'Lessons learned',
      'Action items',
    ]);
  });
});
