// Test helpers: lint a fixture or a string in process, and run the built CLI.
import { readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../src/config/config.js';
import { lintText } from '../../src/engine/lint.js';
import type { Level, Message } from '../../src/engine/rule.js';
import { configurableRules } from '../../src/config/rules.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures');
export const BIN = path.join(ROOT, 'bin/coe.js');

/** A rule's setting as a test writes it: options as in a configuration file, parsed here as the configuration would be. */
export interface RawRuleSetting {
  level?: Level;
  options?: unknown;
}

export interface LintCase {
  now?: string;
  config?: Omit<Partial<ResolvedConfig>, 'rules'> & { rules?: Record<string, RawRuleSetting> };
}

/** The configuration of a test: the defaults, with the given keys and rule settings (options parsed by their rule). */
export function testConfig(config: LintCase['config'] = {}): ResolvedConfig {
  const rules: ResolvedConfig['rules'] = {};
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const rule = configurableRules().find((r) => r.meta.id === id);
    if (!rule) throw new Error(`testConfig: no rule ${id}`);
    rules[id] = { level: setting.level, options: setting.options === undefined ? undefined : rule.parseOptions(setting.options) };
  }
  return { ...structuredClone(DEFAULT_CONFIG), ...config, rules };
}

export function lintString(text: string, { now = '2025-10-23', config = {} }: LintCase = {}): Message[] {
  const merged = testConfig(config);
  return lintText('test.md', text, merged, { now, internalTerms: merged.internalTerms }).messages;
}

/** Lints `test/fixtures/<name>`. */
export function lintFixture(name: string, options: LintCase = {}): Message[] {
  return lintString(readFileSync(path.join(FIXTURES, name), 'utf8'), options);
}

/** [ruleId, severity, line] of the findings of one rule, for exact assertions. */
export function findingsOf(messages: Message[], ruleId: string): [string, string, number][] {
  return messages.filter((m) => m.ruleId === ruleId).map((m) => [m.ruleId, m.severity, m.line]);
}

/** The base document, valid for every rule, with lines replaced or inserted. */
export function baseDocument(): string {
  return readFileSync(path.join(FIXTURES, 'base.md'), 'utf8');
}

/** Replaces exactly one occurrence of `from` in the text; fails loudly otherwise. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`edit: "${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`lineOf: "${needle}" not found`);
  return text.slice(0, at).split('\n').length;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `bin/coe.js` as a user would. */
export function runCoe(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the built `bin/coe.js` without blocking this thread: for long runs,
 * which would otherwise stall vitest's messages to its worker.
 */
export function runCoeAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Replaces the body of the level-2 section `## heading` (up to the next level-2 heading). */
export function withSection(text: string, heading: string, body: string): string {
  const open = `## ${heading}\n`;
  const start = text.indexOf(open);
  if (start === -1) throw new Error(`withSection: no "## ${heading}"`);
  const bodyStart = start + open.length;
  const next = text.indexOf('\n## ', bodyStart);
  const end = next === -1 ? text.length : next + 1;
  return `${text.slice(0, bodyStart)}\n${body}\n${text.slice(end)}`;
}
