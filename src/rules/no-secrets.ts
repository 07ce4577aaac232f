// No credentials: cloud keys, private keys, tokens, passwords in URLs
import { z } from 'zod';
import { defineRule } from '../engine/rule.js';

export default defineRule({
  meta: {
    id: 'no-secrets',
    severity: 'error',
    description: 'No credentials: cloud keys, private keys, tokens, passwords in URLs',
    options: z.strictObject({}),
  },
  check() {
    return []; // TODO(issue 3): not implemented yet
  },
});
