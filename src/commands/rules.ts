// `coe rules`: the rules, their default severity and what they check.
import type { CommandIO } from './io.js';
import { catalog } from '../docs/catalog.js';
import { ruleDocsUrl } from '../docs/project.js';

export interface RulesOptions {
  format?: 'text' | 'json';
}

export async function runRules(options: RulesOptions, io: CommandIO): Promise<number> {
  // `fatal` is no rule to configure: it marks a file that could not be read.
  const rules = catalog()
    .filter((entry) => entry.configurable)
    .map(({ meta }) => ({
      id: meta.id,
      severity: meta.severity,
      ...(meta.draftSeverity ? { draftSeverity: meta.draftSeverity } : {}),
      description: meta.description,
      docsUrl: ruleDocsUrl(meta.id),
    }));
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  const severities = rules.map((r) => (r.draftSeverity ? `${r.severity} (${r.draftSeverity} in draft)` : r.severity));
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const severityWidth = Math.max(...severities.map((s) => s.length));
  const lines = rules.map((r, i) => `${r.id.padEnd(idWidth)}  ${severities[i]!.padEnd(severityWidth)}  ${r.description}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
