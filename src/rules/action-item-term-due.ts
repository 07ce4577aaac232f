// Due dates are within the limits of each term; at least one mid- or long-term item
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';

export default defineRule({
  meta: {
    id: 'action-item-term-due',
    severity: 'warn',
    description: 'Due dates are within the limits of each term; at least one mid- or long-term item',
    options: z.strictObject({}),
  },
  check() {
    return []; // TODO(issue 3): not implemented yet
  },
});
