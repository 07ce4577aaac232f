// Which files a folder or a glob picks (only Markdown, by `include`), and
// that `ignore` means the same set of files however they are named: its
// patterns are relative to the configuration's folder (`base`).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discover } from '../../src/files/discover.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';

let root: string;
const put = (rel: string, text = '# x\n') => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};
const options = (cwd: string, ignore: string[] = [], base?: string) => ({
  cwd,
  include: DEFAULT_CONFIG.include,
  ignore: [...DEFAULT_CONFIG.ignore, ...ignore],
  base,
});
const files = async (inputs: string[], opts: ReturnType<typeof options>) => (await discover(inputs, opts)).map((t) => t.file);

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'coe-discover-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('globs pick Markdown only', () => {
  beforeEach(() => {
    put('docs/coe/a.md');
    put('docs/coe/notes.markdown');
    put('docs/coe/img/diagram.png', '\u0000\u0001binary');
    put('d/sub/c.txt', 'text');
    put('d/drafts/b.MD');
    put('d/drafts/e.md');
  });

  it('a glob passes over files the include patterns do not name, as a folder search does', async () => {
    expect(await files(['docs/coe/**'], options(root))).toEqual(['docs/coe/a.md', 'docs/coe/notes.markdown']);
    expect(await files(['docs/coe'], options(root))).toEqual(['docs/coe/a.md', 'docs/coe/notes.markdown']);
  });

  it('extensions match in their case, in a glob as in a folder: b.MD only when named', async () => {
    expect(await files(['d/{sub,drafts}/*'], options(root))).toEqual(['d/drafts/e.md']);
    expect(await files(['d'], options(root))).toEqual(['d/drafts/e.md']);
    expect(await files(['d/drafts/b.MD', 'd/sub/c.txt'], options(root))).toEqual(['d/drafts/b.MD', 'd/sub/c.txt']);
  });

  it('a glob that matches files but no Markdown is a usage error that says so', async () => {
    await expect(discover(['d/sub/*'], options(root))).rejects.toThrow(
      'No files to lint match the pattern "d/sub/*": it matches no **/*.md or **/*.markdown (the include setting)',
    );
    await expect(discover(['nothing/*.md'], options(root))).rejects.toThrow('No files match the pattern "nothing/*.md"');
  });
});

describe('ignore is relative to the configuration folder, however the files are named', () => {
  beforeEach(() => {
    put('docs/coe/drafts/wip.md');
    put('docs/coe/final.md');
  });

  it.each([[[] as string[]], [['docs/coe']], [['docs']], [['.']], [['docs/coe/**/*.md']], [['**/*.md']]])(
    'from the root: %j',
    async (inputs) => {
      const given = inputs.length ? inputs : ['docs/coe'];
      expect(await files(given, options(root, ['docs/coe/drafts/**'], root))).toEqual(['docs/coe/final.md']);
    },
  );

  it.each([[['coe']], [['.']], [['coe/**/*.md']], [['../docs/coe']]])('from a subfolder: %j', async (inputs) => {
    expect(await files(inputs, options(path.join(root, 'docs'), ['docs/coe/drafts/**'], root))).toEqual(['coe/final.md']);
  });

  it('a pattern relative to the docs folder matches nothing at the root, whichever folder is named', async () => {
    for (const input of ['docs/coe', 'docs', '.'])
      expect(await files([input], options(root, ['drafts/**'], root))).toEqual(['docs/coe/drafts/wip.md', 'docs/coe/final.md']);
  });
});

describe('a named path that exists but cannot be reached', () => {
  it('is a file to report, not a usage error (a link that loops)', async () => {
    symlinkSync('loop.md', path.join(root, 'loop.md'));
    expect(await discover(['loop.md'], options(root))).toEqual([{ file: 'loop.md', explicit: true }]);
  });

  it('a path that does not exist is still a usage error', async () => {
    await expect(discover(['missing.md'], options(root))).rejects.toThrow('missing.md: no such file or folder');
  });
});
