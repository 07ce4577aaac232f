// Every rule id a finding can carry, with its metadata: the registry's rules,
// the engine's `unused-disable` and `fatal`. Commands hand reporters the plain
// data they need (`reportRules`); reporters know nothing of rule modules.
import { z } from 'zod';
import type { RuleMeta } from '../engine/rule.js';
import { configurableRules } from '../config/rules.js';
import type { ReportRule } from '../reporters/types.js';
import { ruleDocsUrl } from './project.js';

export const FATAL_META: RuleMeta = {
  id: 'fatal',
  severity: 'error',
  description: 'The file could not be read, decoded as UTF-8 or parsed as Markdown, or is over the size or nesting limits',
  options: z.strictObject({}),
  docs: {
    rationale:
      'A file that cannot be read cannot be checked, so it gets this one finding instead of the rules\' findings, and the other files are still linted. It is not a rule that configuration or a `coe-disable` comment can turn off: fix the file (save it as UTF-8, split it, or flatten lists or quotes nested more than 100 levels deep). Input over the limits of what coe reads is refused before parsing, so no file can stall a run: 128 KB, 4,000 lines, lines of 100,000 characters, 100 levels of nesting, and bounds on Markdown structure (see the README). A FIFO, a device or a socket is never opened: it is reported as not a regular file.',
    fail: '',
    pass: '',
  },
};

export interface CatalogEntry {
  meta: RuleMeta;
  /** Whether configuration may set its level. */
  configurable: boolean;
}

export function catalog(): CatalogEntry[] {
  return [...configurableRules().map((meta) => ({ meta, configurable: true })), { meta: FATAL_META, configurable: false }];
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
