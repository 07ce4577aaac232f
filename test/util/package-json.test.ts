import { describe, expect, it } from 'vitest';
import { addDevDependency, newPackageJson } from '../../src/util/package-json.js';

const add = (text: string) => addDevDependency(text, 'coe', 'github:coe-tool/coe');

describe('adding coe to a package.json', () => {
  it('a new one is private and holds only coe', () => {
    expect(JSON.parse(newPackageJson('coe', 'file:coe.tgz'))).toEqual({ private: true, devDependencies: { coe: 'file:coe.tgz' } });
  });

  it('keeps tabs, a missing final newline and a byte-order mark', () => {
    expect(add('\uFEFF{\n\t"name": "x"\n}')).toEqual({
      kind: 'added',
      text: '\uFEFF{\n\t"name": "x",\n\t"devDependencies": {\n\t\t"coe": "github:coe-tool/coe"\n\t}\n}',
    });
  });

  it('writes two spaces for a file on one line, and keeps the order of the other keys', () => {
    expect(add('{"z": 1, "a": [1, 2]}\n')).toEqual({
      kind: 'added',
      text: '{\n  "z": 1,\n  "a": [\n    1,\n    2\n  ],\n  "devDependencies": {\n    "coe": "github:coe-tool/coe"\n  }\n}\n',
    });
  });

  it('leaves coe where it is already, in any dependency list', () => {
    expect(add('{"dependencies": {"coe": "^0.1.0"}}')).toEqual({ kind: 'present', where: 'dependencies', spec: '^0.1.0' });
    expect(add('{"devDependencies": {"coe": "file:x.tgz"}}')).toEqual({ kind: 'present', where: 'devDependencies', spec: 'file:x.tgz' });
  });

  it('refuses what it cannot edit, saying why', () => {
    expect(add('{\n  "name": "x",\n}')).toEqual({ kind: 'unreadable', reason: 'not valid JSON at line 3, column 1' });
    expect(add('{"name": ')).toEqual({ kind: 'unreadable', reason: 'not valid JSON: it ends too soon' });
    expect(add('')).toEqual({ kind: 'unreadable', reason: 'not valid JSON: it ends too soon' });
    expect(add('[]')).toEqual({ kind: 'unreadable', reason: 'not a JSON object' });
    expect(add('{"devDependencies": ["coe"]}')).toEqual({ kind: 'unreadable', reason: '"devDependencies" is not an object' });
  });
});
