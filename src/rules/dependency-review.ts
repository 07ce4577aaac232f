// The dependency review is filled in; failed or unhandled dependencies reference an action item
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';

export default defineRule({
  meta: {
    id: 'dependency-review',
    severity: 'error',
    description: 'The dependency review is filled in; failed or unhandled dependencies reference an action item',
    options: z.strictObject({}),
  },
  check() {
    return []; // TODO(issue 3): not implemented yet
  },
});
