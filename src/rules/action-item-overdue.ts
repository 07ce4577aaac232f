// An open or in-progress action item is past its due date
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';

export default defineRule({
  meta: {
    id: 'action-item-overdue',
    severity: 'warn',
    description: 'An open or in-progress action item is past its due date',
    options: z.strictObject({}),
  },
  check() {
    return []; // TODO(issue 3): not implemented yet
  },
});
