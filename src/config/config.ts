// The configuration after defaults: what the engine and commands read.
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
};
