// No TODO, TBD, FIXME, ??? or {{…}} left from a template
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';

export default defineRule({
  meta: {
    id: 'no-placeholders',
    severity: 'error',
    description: 'No TODO, TBD, FIXME, ??? or {{…}} left from a template',
    options: z.strictObject({}),
  },
  check() {
    return []; // TODO(issue 3): not implemented yet
  },
});
