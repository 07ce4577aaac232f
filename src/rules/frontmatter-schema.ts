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
  },
  check({ doc }) {
    const fm = doc.frontmatter;
    if (!fm.present) {
      return [{ message: 'Missing frontmatter: begin the file with a YAML block between "---" lines holding coe: 1, id, title, …', range: fileStart() }];
    }
    return fm.problems;
  },
});
