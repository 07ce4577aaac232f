// Every rule id a finding can carry, with its metadata: the registry's rules,
// the engine's `unused-disable` and `fatal`. Commands hand reporters the plain
// data they need (`reportRules`); reporters know nothing of rule modules.
import type { RuleMeta } from '../engine/rule.js';
import { configurableRules } from '../config/rules.js';
import { FATAL_META } from '../engine/builtins.js';
import type { ReportRule } from '../reporters/types.js';
import { ruleDocsUrl } from './project.js';


export interface CatalogEntry {
  meta: RuleMeta;
  /** Whether configuration may set its level. */
  configurable: boolean;
}

export function catalog(): CatalogEntry[] {
  return [...configurableRules().map(({ meta }) => ({ meta, configurable: true })), { meta: FATAL_META, configurable: false }];
}

/** What reporters are told of the rules: plain data. */
export function reportRules(): ReportRule[] {
  return catalog().map(({ meta }) => ({
    id: meta.id,
    description: meta.description,
    defaultSeverity: meta.severity,
    helpUri: ruleDocsUrl(meta.id),
  }));
}
