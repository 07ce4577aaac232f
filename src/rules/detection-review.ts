// The three detection questions (speed, observability, similar events) are answered
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';

export default defineRule({
  meta: {
    id: 'detection-review',
    severity: 'error',
    description: 'The three detection questions (speed, observability, similar events) are answered',
    options: z.strictObject({}),
  },
  check() {
    return []; // TODO(issue 3): not implemented yet
  },
});
