// The configuration after defaults: what the engine and commands read.
import path from 'node:path';
import type { SectionAliases } from '../model/sections.js';
import type { Level, RuleOptions } from '../engine/rule.js';

export interface RuleSetting {
  level: Level | undefined;
  /** Parsed by the rule's schema when the configuration loaded; undefined: the defaults. */
  options: RuleOptions | undefined;
}

export interface ResolvedConfig {
  /** Where the configuration was read from, if anywhere. */
  path: string | undefined;
  docs: string;
  include: string[];
  ignore: string[];
  rules: Record<string, RuleSetting>;
  sections: SectionAliases;
  idPrefix: string;
  internalTerms: string[];
  internalDomains: string[];
  templates: string;
  /** Seconds one file may take to lint in a pool of workers before it is stopped. */
  fileTimeout: number;
  report: ReportConfig;
}

/** A tenet the incidents may break (format 6), marked by a frontmatter tag. */
export interface Tenet {
  id: string;
  sentence: string;
  tag: string;
}

export interface ReportConfig {
  /** COEs sharing a service and a tag recur when their starts are this many days apart or less. */
  recurrenceDays: number;
  /** Open action items due within this many days are "due soon". */
  dueSoonDays: number;
  /** Tenets beyond the two of the format. */
  tenets: Tenet[];
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  path: undefined,
  docs: 'docs/coe',
  include: ['**/*.md', '**/*.markdown'],
  ignore: ['**/node_modules/**', '**/.git/**'],
  rules: {},
  sections: {},
  idPrefix: 'COE',
  internalTerms: [],
  internalDomains: [],
  templates: '.coe/templates',
  fileTimeout: 10,
  report: { recurrenceDays: 90, dueSoonDays: 14, tenets: [] },
};

/** The folder the patterns of `ignore` are relative to: the configuration file's, if there is one. */
export function configFolder(config: ResolvedConfig): string | undefined {
  return config.path === undefined ? undefined : path.dirname(config.path);
}
