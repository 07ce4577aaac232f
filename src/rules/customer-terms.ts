// Internal names in Impact or Customer summary have a glossary entry
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';

export default defineRule({
  meta: {
    id: 'customer-terms',
    severity: 'warn',
    description: 'Internal names in Impact or Customer summary have a glossary entry',
    options: z.strictObject({}),
  },
  check() {
    return []; // TODO(issue 3): not implemented yet
  },
});
