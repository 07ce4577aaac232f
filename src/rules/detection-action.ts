// Slow or customer-driven detection references an action item
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';

export default defineRule({
  meta: {
    id: 'detection-action',
    severity: 'error',
    description: 'Slow or customer-driven detection references an action item',
    options: z.strictObject({}),
  },
  check() {
    return []; // TODO(issue 3): not implemented yet
  },
});
