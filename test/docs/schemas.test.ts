// The JSON Schemas accept what coe accepts and reject what it rejects.
import path from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, frontmatterJsonSchema, outputJsonSchema } from '../../src/docs/schemas.js';
import { starterConfig } from '../../src/commands/init.js';
import { baseDocument, ROOT } from '../helpers/lint.js';

function validator(schema: object) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

function frontmatterOf(text: string): Record<string, unknown> {
  const [, yaml] = text.split(/^---$/m);
  return parse(yaml!) as Record<string, unknown>;
}

describe('frontmatter schema', () => {
  const validate = validator(frontmatterJsonSchema());
  const base = frontmatterOf(baseDocument());

  it('accepts the frontmatter of a valid COE, and keys that begin with x-', () => {
    expect(validate(base), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...base, 'x-team-channel': '#payments' })).toBe(true);
  });

  it.each([
    ['an unknown key', { statuss: 'draft' }],
    ['a wrong status', { status: 'done' }],
    ['a severity out of range', { severity: 6 }],
    ['an id of another prefix', { id: 'INC-2025-001' }],
    ['a time without an offset', { incident: { ...(base.incident as object), start: '2025-09-03T14:05:00' } }],
    ['no services', { services: [] }],
  ])('rejects %s', (_what, change) => {
    expect(validate({ ...base, ...change })).toBe(false);
  });

  it('follows the id prefix it is built for', () => {
    expect(validator(frontmatterJsonSchema('INC'))({ ...base, id: 'INC-2025-001' })).toBe(true);
  });
});

describe('config schema', () => {
  const validate = validator(configJsonSchema());

  it('accepts the starter configuration and every key', () => {
    expect(validate(JSON.parse(starterConfig('docs/coe'))), JSON.stringify(validate.errors)).toBe(true);
    const full = {
      docs: 'incidents',
      include: ['**/*.md'],
      ignore: ['drafts/**'],
      rules: { 'impact-narrative': ['error', { minWords: 40 }], 'no-secrets': 'warn', 'unused-disable': ['off'] },
      sections: { impact: ['What customers saw'] },
      idPrefix: 'INC',
      internalTerms: ['blue-fleet'],
      internalDomains: ['corp.example.com'],
      templates: '.coe/templates',
    };
    expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['an unknown key', { doc: 'x' }],
    ['an unknown rule', { rules: { 'no-such-rule': 'warn' } }],
    ['a wrong level', { rules: { 'no-secrets': 'warning' } }],
    ['a wrong option type', { rules: { 'impact-narrative': ['warn', { minWords: '80' }] } }],
    ['an unknown option', { rules: { 'impact-narrative': ['warn', { minWord: 80 }] } }],
    ['an unknown section', { sections: { impacts: ['x'] } }],
  ])('rejects %s', (_what, config) => {
    expect(validate(config)).toBe(false);
  });

  it('is draft 7, which the YAML and JSON language servers read', () => {
    expect(configJsonSchema().$schema).toBe('http://json-schema.org/draft-07/schema#');
  });
});

describe('output schemas (draft 2020-12)', () => {
  const compile = (schema: object) => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    return ajv.compile(schema);
  };

  it('report: the JSON of `coe report` on the examples is valid, and a report without its kind is not', async () => {
    const { loadPortfolio } = await import('../../src/portfolio/load.js');
    const { buildReport } = await import('../../src/report/build.js');
    const { DEFAULT_CONFIG } = await import('../../src/config/config.js');
    const io = { cwd: ROOT, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, resolve: (f: string) => path.resolve(ROOT, f) };
    const portfolio = await loadPortfolio(['examples'], DEFAULT_CONFIG, io);
    const report = JSON.parse(JSON.stringify(buildReport(portfolio, { now: '2026-12-01', config: DEFAULT_CONFIG.report }))) as Record<string, unknown>;
    const validate = compile(outputJsonSchema('report'));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...report, kind: undefined })).toBe(false);
  });

  it('actions: an array of rows, each with every field', () => {
    const validate = compile(outputJsonSchema('actions'));
    const row = {
      coe: 'COE-2025-001',
      id: 'AI-1',
      action: 'x',
      term: 'short',
      owner: 'sre',
      due: '2025-11-30',
      dueWritten: '2025-11-30',
      status: 'open',
      reach: null,
      lessons: ['L1'],
      daysOverdue: 1,
      validation: 'y',
      file: 'a.md',
      line: 85,
    };
    expect(validate([row, { ...row, due: null, dueWritten: 'Q3', daysOverdue: null }]), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(row)).toBe(false);
    const { line: _line, ...noLine } = row;
    expect(validate([noLine])).toBe(false);
  });

  it('carry their $id and title', () => {
    expect(outputJsonSchema('actions')).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://github.com/coe-tool/coe/raw/main/schemas/actions.schema.json',
      title: 'coe actions --format json',
    });
    expect(outputJsonSchema('report').$id).toBe('https://github.com/coe-tool/coe/raw/main/schemas/report.schema.json');
  });
});
