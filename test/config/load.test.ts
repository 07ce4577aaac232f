// Configuration discovery and validation, in process: each kind of file, the
// upward search, --config, and the errors that name the file and the key.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'coe-config-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function put(rel: string, content: string): string {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

async function failure(cwd: string, explicit?: string): Promise<string> {
  const error = await loadConfig(cwd, explicit).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as Error).message;
}

describe('discovery', () => {
  it('gives the defaults when there is no configuration', async () => {
    expect(await loadConfig(root)).toEqual(DEFAULT_CONFIG);
  });

  it.each([
    ['.coerc.json', '{"idPrefix": "INC"}'],
    ['.coerc.yaml', 'idPrefix: INC\n'],
    ['.coerc.yml', 'idPrefix: INC\n'],
    ['coe.config.json', '{"idPrefix": "INC"}'],
    ['package.json', '{"name": "x", "coe": {"idPrefix": "INC"}}'],
  ])('reads %s', async (name, content) => {
    const file = put(name, content);
    const config = await loadConfig(root);
    expect(config.idPrefix).toBe('INC');
    expect(config.path).toBe(file);
  });

  it('searches upward from the working directory', async () => {
    const file = put('.coerc.json', '{"idPrefix": "UP"}');
    const cwd = path.join(root, 'a/b');
    mkdirSync(cwd, { recursive: true });
    const config = await loadConfig(cwd);
    expect(config.path).toBe(file);
    expect(config.idPrefix).toBe('UP');
  });

  it('passes over a package.json without a "coe" key on the way up', async () => {
    put('.coerc.yaml', 'idPrefix: ROOT\n');
    put('pkg/package.json', '{"name": "pkg"}');
    expect((await loadConfig(path.join(root, 'pkg'))).idPrefix).toBe('ROOT');
  });

  it('takes the nearest configuration, and a dedicated file before package.json', async () => {
    put('.coerc.json', '{"idPrefix": "FAR"}');
    put('near/package.json', '{"coe": {"idPrefix": "PKG"}}');
    put('near/coe.config.json', '{"idPrefix": "NEAR"}');
    expect((await loadConfig(path.join(root, 'near'))).idPrefix).toBe('NEAR');
  });

  it('reads --config instead of searching, relative to the working directory', async () => {
    put('.coerc.json', '{"idPrefix": "FOUND"}');
    const file = put('ci/strict.yaml', 'idPrefix: EXPLICIT\n');
    const config = await loadConfig(root, 'ci/strict.yaml');
    expect(config.idPrefix).toBe('EXPLICIT');
    expect(config.path).toBe(file);
  });

  it('reads the "coe" key of a package.json given with --config', async () => {
    put('other/package.json', '{"coe": {"idPrefix": "PKG"}}');
    expect((await loadConfig(root, 'other/package.json')).idPrefix).toBe('PKG');
  });

  it('takes an empty file for an empty configuration', async () => {
    const file = put('.coerc.yaml', '');
    expect(await loadConfig(root)).toEqual({ ...DEFAULT_CONFIG, path: file });
  });

  it('is an error when --config names no file', async () => {
    expect(await failure(root, 'missing.json')).toBe('--config missing.json: no such file');
  });
});

describe('values', () => {
  it('resolves paths against the folder of the configuration file', async () => {
    put('.coerc.json', '{"docs": "incidents", "templates": "tpl"}');
    const cwd = path.join(root, 'sub');
    mkdirSync(cwd);
    const config = await loadConfig(cwd);
    expect(config.docs).toBe(path.join('..', 'incidents'));
    expect(config.templates).toBe(path.join('..', 'tpl'));
    // Without the key, the default folder is under the configuration's folder too.
    put('sub/.coerc.json', '{}');
    expect((await loadConfig(cwd)).docs).toBe(path.join('docs', 'coe'));
  });

  it('replaces include, adds to ignore, and keeps every other key', async () => {
    put(
      '.coerc.yaml',
      [
        'include: ["**/*.coe.md"]',
        'ignore: ["drafts/**"]',
        'sections:',
        '  impact: [What customers saw]',
        'internalTerms: [blue-fleet]',
        'internalDomains: [corp.example.com]',
        'rules:',
        '  impact-narrative: [error, { minWords: 40 }]',
        '  five-whys-tree: warn',
        '  unused-disable: "off"',
        '  no-secrets: [warn]',
      ].join('\n'),
    );
    const config = await loadConfig(root);
    expect(config.include).toEqual(['**/*.coe.md']);
    expect(config.ignore).toEqual([...DEFAULT_CONFIG.ignore, 'drafts/**']);
    expect(config.sections).toEqual({ impact: ['What customers saw'] });
    expect(config.internalTerms).toEqual(['blue-fleet']);
    expect(config.internalDomains).toEqual(['corp.example.com']);
    expect(config.rules).toEqual({
      // Options are parsed once, here, with the rule's defaults filled in.
      'impact-narrative': { level: 'error', options: { minParagraphs: 2, minWords: 40, minProseShare: 0.5 } },
      'five-whys-tree': { level: 'warn', options: undefined },
      'unused-disable': { level: 'off', options: undefined },
      'no-secrets': { level: 'warn', options: undefined },
    });
  });
});

describe('errors name the file and the key', () => {
  it.each([
    [
      '{"doc": "x"}',
      '.coerc.json: unknown key "doc" (did you mean "docs"? expected one of: docs, include, ignore, rules, sections, idPrefix, internalTerms, internalDomains, templates, fileTimeout, report)',
    ],
    ['{"id_prefix": "INC"}', '.coerc.json: unknown key "id_prefix" (did you mean "idPrefix"? expected one of: docs,'],
    ['{"colour": "x"}', '.coerc.json: unknown key "colour" (expected one of: docs,'],
    ['{"docs": 3}', '.coerc.json: "docs": expected string, received number'],
    ['{"include": ["a", 2]}', '.coerc.json: "include[1]": expected string, received number'],
    ['{"idPrefix": "2COE"}', '.coerc.json: "idPrefix": expected letters and digits, beginning with a letter, e.g. COE'],
    [
      '{"sections": {"impacts": ["x"]}}',
      '.coerc.json: unknown key "impacts" in "sections" (did you mean "impact"? expected one of: impact, timeline, five-whys, detection, dependencies, lessons, action-items, mitigation, customer-summary, communication)',
    ],
    ['{"rules": {"no-such-rule": "warn"}}', '.coerc.json: unknown rule "rules.no-such-rule" (run `coe rules` for the list of rule ids)'],
    [
      '{"rules": {"no-placeholder": "warn"}}',
      '.coerc.json: unknown rule "rules.no-placeholder" (did you mean "no-placeholders"? run `coe rules` for the list of rule ids)',
    ],
    [
      '{"rules": {"Five_Whys_Depth": "warn"}}',
      '.coerc.json: unknown rule "rules.Five_Whys_Depth" (did you mean "five-whys-depth"? run `coe rules`',
    ],
    [
      '{"rules": {"no-secrets": "warning"}}',
      '.coerc.json: "rules.no-secrets": expected "off", "warn", "error" or [level, { options }], not "warning" (did you mean "warn"?)',
    ],
    [
      '{"rules": {"no-secrets": "loud"}}',
      '.coerc.json: "rules.no-secrets": expected "off", "warn", "error" or [level, { options }], not "loud"',
    ],
    [
      '{"rules": {"no-secrets": ["error", {}, 3]}}',
      '.coerc.json: "rules.no-secrets": expected "off", "warn", "error" or [level, { options }], not ["error",{},3]',
    ],
    [
      '{"rules": {"impact-narrative": ["warn", {"minWords": "80"}]}}',
      '.coerc.json: "rules.impact-narrative" option "minWords": expected number, received string',
    ],
    [
      '{"rules": {"impact-narrative": ["warn", {"minWord": 80}]}}',
      '.coerc.json: "rules.impact-narrative" option "minWord": unknown option (did you mean "minWords"? expected one of: minParagraphs, minWords, minProseShare)',
    ],
    [
      '{"rules": {"impact-narrative": ["warn", {"minProseShare": 2}]}}',
      '.coerc.json: "rules.impact-narrative" option "minProseShare": Too big: expected number to be <=1',
    ],
    [
      '{"rules": {"no-secrets": ["warn", {"x": 1}]}}',
      '.coerc.json: "rules.no-secrets" option "x": unknown option (this rule takes no options)',
    ],
    ['[1, 2]', '.coerc.json: the configuration must be an object of keys (docs, rules, …), not a list'],
    ['{"docs": ', '.coerc.json:1:10: not valid JSON: '],
  ])('%s', async (content, message) => {
    put('.coerc.json', content);
    const error = await failure(root);
    expect(error).toContain(message);
    expect(error).not.toContain('\n');
  });

  it('points at the line and column of a JSON syntax error', async () => {
    put('.coerc.json', '{\n  "rules": {\n    "five-whys-tree": "error",\n  }\n}\n');
    expect(await failure(root)).toBe('.coerc.json:4:3: not valid JSON: Expected double-quoted property name');
  });

  it('refuses a key given twice in a JSON object, as YAML does', async () => {
    put('.coerc.json', '{"rules": {"five-whys-tree": "off",\n  "five-whys-tree": "error"}}');
    expect(await failure(root)).toBe(
      '.coerc.json:2:3: the key "five-whys-tree" is given twice in the same object (JSON would keep the last)',
    );
  });

  it.each([
    ['', '.coerc.json: the file is empty: a JSON configuration is an object of keys (docs, rules, …); write {} for none'],
    ['  \n', '.coerc.json: the file is empty: a JSON configuration is an object of keys (docs, rules, …); write {} for none'],
    ['null', '.coerc.json: the configuration must be an object of keys (docs, rules, …), not null; write {} for none'],
  ])('refuses a JSON configuration that holds %j', async (content, message) => {
    put('.coerc.json', content);
    expect(await failure(root)).toBe(message);
    expect(await failure(root, '.coerc.json')).toBe(message);
  });

  it('refuses "coe": null in package.json', async () => {
    put('package.json', '{"name": "x", "coe": null}');
    expect(await failure(root)).toBe('package.json: "coe" is null: give it an object of keys (docs, rules, …), {} for none, or remove it');
  });

  it('names a configuration file that is a folder', async () => {
    mkdirSync(path.join(root, '.coerc.json'));
    expect(await failure(root)).toBe('.coerc.json: cannot be read: it is a folder, not a file');
  });

  // A configuration file that cannot be read: test/e2e/files-and-output.test.ts (run as nobody, since root reads any file).

  it('points at the line of a YAML error', async () => {
    put('.coerc.yaml', 'docs: a\ndocs: b\n');
    expect(await failure(root)).toBe('.coerc.yaml:2:1: not valid YAML: Map keys must be unique');
  });

  it('names the package.json of a bad "coe" key', async () => {
    put('package.json', '{"coe": "strict"}');
    expect(await failure(root)).toBe('package.json: the configuration must be an object of keys (docs, rules, …), not a string');
  });

  it('names a file found above the working directory by its path', async () => {
    put('.coerc.json', '{"doc": 1}');
    mkdirSync(path.join(root, 'sub'));
    expect(await failure(path.join(root, 'sub'))).toMatch(/^\/.*\.coerc\.json: unknown key "doc"/);
  });
});
