// Frontmatter present, valid YAML, the keys and types of section 2, milestones
// in order. The checks run when the frontmatter is read; this rule reports them.
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';
import { fileStart } from './util.js';

export default defineRule({
  meta: {
    id: 'frontmatter-schema',
    severity: 'error',
    description: 'Frontmatter is present, valid YAML, with the keys and types of the format and milestones in order',
    options: z.strictObject({}),
    docs: {
      rationale:
        'The frontmatter is the data of the COE: its milestones give the time to detect, engage and mitigate, its status decides what must be filled in, and its services and glossary keep internal names out of the customer RCA. A misspelt key or a wrong type would silently drop a value, so the keys and types are checked strictly, and malformed YAML, a duplicate or unknown key, a wrong type or a time without an offset is reported at its line. Keys of your own must begin with `x-`. Milestones must be in order: start ≤ detected ≤ engaged ≤ mitigated ≤ resolved; `engaged` and `mitigated` are required from status `review` on, `resolved` from `approved` on.',
      fail: [
        '---',
        'coe: 1',
        'id: COE-2025-17',
        'title: Delayed payment notifications',
        'status: review',
        'severity: high',
        'owner: payments-team',
        'authors: [Ines Okafor]',
        'services: [webhook-dispatcher, ledger-db]',
        'incident:',
        '  start: 2025-09-03 14:05',
        '  detected: 2025-09-03T14:09:00Z',
        '  engaged: 2025-09-03T14:02:00Z',
        '  mitigated: 2025-09-03T15:20:00Z',
        '  detectedby: alarm',
        '---',
      ].join('\n'),
      pass: [
        '---',
        'coe: 1',
        'id: COE-2025-017',
        'title: Delayed payment notifications',
        'status: review',
        'severity: 3',
        'owner: payments-team',
        'authors: [Ines Okafor]',
        'services: [webhook-dispatcher, ledger-db]',
        'incident:',
        '  start: 2025-09-03T14:05:00Z',
        '  detected: 2025-09-03T14:09:00Z',
        '  engaged: 2025-09-03T14:12:00Z',
        '  mitigated: 2025-09-03T15:20:00Z',
        '  detected_by: alarm',
        'x-team-channel: "#payments"',
        '---',
      ].join('\n'),
    },
  },
  check({ doc }) {
    const fm = doc.frontmatter;
    if (!fm.present) {
      return [{ message: 'Missing frontmatter: begin the file with a YAML block between "---" lines holding coe: 1, id, title, …', range: fileStart() }];
    }
    return fm.problems;
  },
});
