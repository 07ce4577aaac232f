// The rule ids configuration may set: the registry's rules and the engine's
// `unused-disable`, each with its options schema.
import { z } from 'zod';
import type { RuleMeta } from '../engine/rule.js';
import { UNUSED_DISABLE } from '../engine/controls.js';
import { RULES } from '../rules/index.js';

export const UNUSED_DISABLE_META: RuleMeta = {
  id: UNUSED_DISABLE,
  severity: 'warn',
  description: 'A coe-disable comment suppresses nothing, or names a rule that does not exist',
  options: z.strictObject({}),
  docs: {
    rationale:
      'A `coe-disable` comment that suppresses nothing is left over from an edit, or names a rule by a wrong id; either way it would silently hide the next real finding in its span. The engine reports it after the rules ran, at the comment.',
    fail: ['<!-- coe-disable-next-line no-placeholders -->', 'The host was replaced at 08:50 UTC.'].join('\n'),
    pass: 'The host was replaced at 08:50 UTC.',
  },
};

/** Every rule that configuration may set, in the order of the format's rule table. */
export function configurableRules(): RuleMeta[] {
  return [...RULES.map((rule) => rule.meta), UNUSED_DISABLE_META];
}
