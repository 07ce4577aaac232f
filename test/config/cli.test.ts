// Configuration through the BUILT CLI: found upward, --config, and exit 2 with
// a one-line message naming the file and the key before anything is linted.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseDocument, runCoe } from '../helpers/lint.js';

let dir: string;
const put = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
};
// An id with another prefix: an error unless idPrefix says INC.
const INC = baseDocument().replace('id: COE-2025-017', 'id: INC-2025-017');

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'coe-cli-config-'));
  put('incidents/2025-09-03-payments.md', INC);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lint = (cwd: string, ...args: string[]) => runCoe(['lint', '--now', '2025-09-10', ...args], { cwd });

describe('coe lint with a configuration', { timeout: 30_000 }, () => {
  it('uses the configured docs folder and id prefix, found upward', () => {
    put('.coerc.yaml', 'docs: incidents\nidPrefix: INC\n');
    put('sub/dir/.keep', '');
    expect(lint(dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(lint(path.join(dir, 'sub/dir'))).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('reads the "coe" key of package.json', () => {
    put('package.json', JSON.stringify({ name: 'x', coe: { docs: 'incidents', idPrefix: 'INC' } }));
    expect(lint(dir).code).toBe(0);
  });

  it('--config overrides the configuration found', () => {
    put('.coerc.json', JSON.stringify({ docs: 'incidents' }));
    put('ci/coe.yaml', 'idPrefix: INC\n');
    expect(lint(dir, 'incidents').code).toBe(1);
    expect(lint(dir, '--config', 'ci/coe.yaml', 'incidents').code).toBe(0);
  });

  it('an unknown key is exit 2 naming the file and the key', () => {
    put('.coerc.json', JSON.stringify({ docs: 'incidents', idprefix: 'INC' }));
    const run = lint(dir);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'coe: .coerc.json: unknown key "idprefix" (did you mean "idPrefix"? expected one of: docs, include, ignore, rules, sections, idPrefix, internalTerms, internalDomains, templates, fileTimeout, report)\n',
    });
  });

  it('a bad rule option is exit 2 naming the rule and the option', () => {
    put('.coerc.yaml', 'docs: incidents\nrules:\n  five-whys-depth: [warn, { minDepth: 0 }]\n');
    const run = lint(dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('coe: .coerc.yaml: "rules.five-whys-depth" option "minDepth": Too small: expected number to be >=1\n');
  });

  it('a missing --config file is exit 2', () => {
    expect(lint(dir, '--config', 'nope.json', 'incidents')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'coe: --config nope.json: no such file\n',
    });
  });
});
