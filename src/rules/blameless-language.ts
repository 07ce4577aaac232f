// No blaming words, and no names or @handles in the five whys
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';

export default defineRule({
  meta: {
    id: 'blameless-language',
    severity: 'warn',
    description: 'No blaming words, and no names or @handles in the five whys',
    options: z.strictObject({}),
  },
  check() {
    return []; // TODO(issue 3): not implemented yet
  },
});
