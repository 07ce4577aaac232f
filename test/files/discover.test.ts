// Which files a folder or a glob picks (only Markdown, by `include`), and
// that `ignore` means the same set of files however they are named: its
// patterns are relative to the configuration's folder (`base`).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discover, markdownAtTop, type DiscoverOptions, type Target } from '../../src/files/discover.js';
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
afterEach(() => {
  spawnSync('chmod', ['-R', 'u+rwx', root]);
  rmSync(root, { recursive: true, force: true });
});

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
    expect(await discover(['loop.md'], options(root))).toEqual([{ file: 'loop.md', explicit: true, inputs: [0] }]);
  });

  it('a path that does not exist is still a usage error', async () => {
    await expect(discover(['missing.md'], options(root))).rejects.toThrow('missing.md: no such file or folder');
  });

  it('an empty path is a usage error, not the working directory', async () => {
    await expect(discover([''], options(root))).rejects.toThrow('"": an empty path; give a file, a folder or a glob');
  });
});

// Root reads any folder: as root, the search runs as nobody (setpriv), from a
// bundle of discover.ts. In CI the tests run, and fail, without setpriv.
const asRoot = process.getuid?.() === 0;
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];
const canLock =
  process.platform !== 'win32' && (!asRoot || Boolean(process.env.CI) || spawnSync('setpriv', [...NOBODY, 'true']).status === 0);

describe.runIf(canLock)('a folder met in a search that cannot be read is a finding, and the search goes on', () => {
  let bundle: string;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'coe-discover-bundle-'));
    chmodSync(dir, 0o755);
    bundle = path.join(dir, 'discover.mjs');
    // fdir loads with createRequire, picomatch with require: both need a require in the bundle.
    const banner = "import { createRequire as coeRequire } from 'node:module'; const require = coeRequire(import.meta.url);";
    await build({
      entryPoints: ['src/files/discover.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      banner: { js: banner },
    });
  });
  afterAll(() => rmSync(path.dirname(bundle), { recursive: true, force: true }));

  async function discoverUnprivileged(inputs: string[], opts: DiscoverOptions): Promise<Target[]> {
    if (!asRoot) return discover(inputs, opts);
    const script = `const { discover } = await import(${JSON.stringify(bundle)});
      discover(...JSON.parse(process.argv[1])).then((t) => console.log(JSON.stringify(t)), (e) => console.log(JSON.stringify({ error: e.message })));`;
    const run = spawnSync('setpriv', [...NOBODY, process.execPath, '--input-type=module', '-e', script, JSON.stringify([inputs, opts])], {
      encoding: 'utf8',
    });
    const out = JSON.parse(run.stdout || JSON.stringify({ error: run.stderr })) as Target[] | { error: string };
    if ('error' in out) throw new Error(out.error);
    return out;
  }

  const locked = (file: string, explicit = false) => ({
    file,
    explicit,
    problem: 'Folder could not be read: permission denied',
    inputs: [0],
  });

  beforeEach(() => {
    chmodSync(root, 0o755);
    put('docs/a.md');
    put('docs/sub/b.md');
    put('docs/locked/c.md');
    put('docs/sub/locked/d.md');
    chmodSync(path.join(root, 'docs/locked'), 0o000);
    chmodSync(path.join(root, 'docs/sub/locked'), 0o100);
  });

  it('a folder search reports each folder it cannot read, with the files it can', async () => {
    expect(await discoverUnprivileged(['docs'], options(root))).toEqual([
      { file: 'docs/a.md', explicit: false, inputs: [0] },
      locked('docs/locked'),
      { file: 'docs/sub/b.md', explicit: false, inputs: [0] },
      locked('docs/sub/locked'),
    ]);
  });

  it('so does a glob; one that reaches only such a folder is a finding, not "no files match"', async () => {
    expect(await discoverUnprivileged(['docs/**/*.md'], options(root))).toEqual([
      { file: 'docs/a.md', explicit: false, inputs: [0] },
      locked('docs/locked'),
      { file: 'docs/sub/b.md', explicit: false, inputs: [0] },
      locked('docs/sub/locked'),
    ]);
    expect(await discoverUnprivileged(['docs/locked/**'], options(root))).toEqual([locked('docs/locked')]);
  });

  it('a folder the search does not enter is not reported: ignored, or not under the pattern', async () => {
    expect(await discoverUnprivileged(['docs'], options(root, ['docs/locked/**', 'docs/sub/**'], root))).toEqual([
      { file: 'docs/a.md', explicit: false, inputs: [0] },
    ]);
    expect(await discoverUnprivileged(['docs/*.md'], options(root))).toEqual([{ file: 'docs/a.md', explicit: false, inputs: [0] }]);
  });

  it('a named folder that cannot be read is reported as before', async () => {
    expect(await discoverUnprivileged(['docs/locked'], options(root))).toEqual([locked('docs/locked', true)]);
  });
});

describe('markdownAtTop', () => {
  it('counts the names the default patterns take right inside the folders named, as discover finds them there', async () => {
    put('docs/a.md');
    put('docs/B.MD');
    put('docs/c.markdown');
    put('docs/notes.txt');
    put('docs/deeper/d.md');
    mkdirSync(path.join(root, 'docs/folder.md'));
    put('other/e.md');
    expect(markdownAtTop(['docs'], root)).toBe(2);
    expect(markdownAtTop(['docs', 'other', 'missing', 'docs/a.md'], root)).toBe(3);
    const found = await files(['docs'], options(root));
    expect(found.filter((f) => path.dirname(f) === 'docs')).toHaveLength(2);
  });
});
