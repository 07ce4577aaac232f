// What configuration may set: the registry's rules and the engine's
// `unused-disable`, each with its options schema.
import type { Configurable } from '../engine/rule.js';
import { UNUSED_DISABLE_RULE } from '../engine/builtins.js';
import { RULES } from '../rules/index.js';

/** Every rule that configuration may set, in the order of the format's rule table. */
export function configurableRules(): Configurable[] {
  return [...RULES, UNUSED_DISABLE_RULE];
}
