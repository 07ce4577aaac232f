// A done item is not complete until validated; validated and dropped items need the Validation column
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';

export default defineRule({
  meta: {
    id: 'action-item-validated',
    severity: 'warn',
    description: 'A done item is not complete until validated; validated and dropped items need the Validation column',
    options: z.strictObject({}),
  },
  check() {
    return []; // TODO(issue 3): not implemented yet
  },
});
