// SARIF 2.1.0: valid against the OASIS schema (vendored in test/fixtures/sarif),
// with the shape GitHub code scanning needs.
import path from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { sarif } from '../../src/reporters/sarif.js';
import { sarifValidator } from './sarif-schema.js';
import { CWD, context, fileResult, message, RULES, sample } from './results.js';

const validate = sarifValidator();

function logOf(text: string): Log {
  const log = JSON.parse(text) as Log;
  const valid = validate(log);
  expect(validate.errors ?? [], 'SARIF schema errors').toEqual([]);
  expect(valid).toBe(true);
  return log;
}

describe('sarif', () => {
  it('is valid SARIF 2.1.0 and describes the tool and every rule', () => {
    const log = logOf(sarif(sample(), context()));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'coe', version: '1.2.3', informationUri: 'https://example.com/coe' });
    expect(run.tool.driver.rules!.map((r) => [r.id, r.helpUri, r.defaultConfiguration?.level])).toEqual([
      ['lessons-have-actions', 'https://example.com/rules/lessons-have-actions.md', 'error'],
      ['five-whys-tree', 'https://example.com/rules/five-whys-tree.md', 'warning'],
      ['fatal', undefined, 'error'],
    ]);
  });

  it('gives each finding its rule index, level and region', () => {
    const run = logOf(sarif(sample(), context())).runs[0]!;
    const results = run.results!;
    expect(results.map((r) => [r.ruleId, r.ruleIndex, r.level, r.locations![0]!.physicalLocation!.region!.startLine])).toEqual([
      ['five-whys-tree', 1, 'warning', 40],
      ['lessons-have-actions', 0, 'error', 88],
      ['not-a-known-rule', undefined, 'error', 90],
      ['fatal', 2, 'error', 1],
    ]);
    for (const result of results) {
      if (result.ruleIndex !== undefined) expect(run.tool.driver.rules![result.ruleIndex]!.id).toBe(result.ruleId);
    }
    expect(results[1]!.message.text).toBe('Lesson L2 has no action item: name it in the Lessons column');
    expect(results[1]!.locations![0]!.physicalLocation!.region).toEqual({ startLine: 88, startColumn: 3, endLine: 88, endColumn: 9 });
  });

  it('uses URIs relative to the working directory, encoded', () => {
    const run = logOf(sarif(sample(), context())).runs[0]!;
    expect(run.artifacts!.map((a) => [a.location!.uri, a.location!.uriBaseId])).toEqual([
      ['docs/coe/2025-10-20-orders.md', '%SRCROOT%'],
      ['docs/coe/clean.md', '%SRCROOT%'],
      ['docs/coe/broken%20file%20%232.md', '%SRCROOT%'],
    ]);
    const location = run.results![3]!.locations![0]!.physicalLocation!.artifactLocation!;
    expect(location).toEqual({ uri: 'docs/coe/broken%20file%20%232.md', uriBaseId: '%SRCROOT%', index: 2 });
    expect(run.originalUriBaseIds!['%SRCROOT%']!.uri).toMatch(/^file:\/\/.*\/work\/repo\/$/);
  });

  it('gives a file outside the working directory an absolute file URI', () => {
    const outside = path.resolve(CWD, '../elsewhere/x.md');
    const run = logOf(sarif([fileResult(outside, [message('fatal', 'error', 1, 'Gone')])], context())).runs[0]!;
    expect(run.artifacts![0]!.location).toEqual({ uri: `file://${outside}` });
  });

  it('drops an end before the start rather than write an invalid region', () => {
    const odd = fileResult('a.md', [message('fatal', 'error', 5, 'x', { column: 4, endLine: 5, endColumn: 2 })]);
    const region = logOf(sarif([odd], context())).runs[0]!.results![0]!.locations![0]!.physicalLocation!.region;
    expect(region).toEqual({ startLine: 5, startColumn: 4 });
  });

  it('is checked by a validator that rejects what GitHub would', () => {
    const log = JSON.parse(sarif(sample(), context())) as Log;
    (log.runs[0]!.results![0] as { level: string }).level = 'warn';
    expect(validate(log)).toBe(false);
  });

  it('is valid with no results and no rules', () => {
    const run = logOf(sarif([fileResult('a.md', [])], context({ rules: undefined, tool: undefined }))).runs[0]!;
    expect(run.results).toEqual([]);
    expect(run.tool.driver.rules).toEqual([]);
    expect(RULES.length).toBe(3);
  });
});
