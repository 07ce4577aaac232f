// The lint cache (engine/cache.ts) as runs share it: two runs at once on one
// cache (pre-commit runs a hook on batches of files in parallel) each keep
// what the other wrote.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LintCache, type CacheEntry } from '../../src/engine/cache.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'coe-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (hash: string): CacheEntry => ({ hash, isCoe: true, parts: { messages: [], dated: [], controls: [] } });
const noWarning = (message: string) => expect.fail(message);
const keptIn = (cache: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries((JSON.parse(readFileSync(cache, 'utf8')) as { entries: Record<string, CacheEntry> }).entries).map(([f, e]) => [
      path.basename(f),
      e.hash,
    ]),
  );

describe('LintCache', () => {
  const files = ['a.md', 'b.md', 'c.md'].map((f) => path.join(dir, f));
  files.forEach((f) => writeFileSync(f, '# a file\n'));

  it('keeps the entries another run wrote while this one ran, and its own where both linted a file', async () => {
    const cache = path.join(dir, 'shared.json');
    const first = await LintCache.open(cache, 'key', noWarning);
    const second = await LintCache.open(cache, 'key', noWarning);
    first.set(files[0]!, entry('a1'));
    first.set(files[2]!, entry('c1'));
    second.set(files[1]!, entry('b2'));
    second.set(files[2]!, entry('c2'));
    await first.save();
    await second.save();
    expect(keptIn(cache)).toEqual({ 'a.md': 'a1', 'b.md': 'b2', 'c.md': 'c2' });
    // And the merged file is a cache that the next run reads.
    const third = await LintCache.open(cache, 'key', noWarning);
    expect(third.get(files[0]!, 'a1')).toEqual(entry('a1'));
  });

  it('takes nothing from a cache written for another configuration', async () => {
    const cache = path.join(dir, 'other-key.json');
    const old = await LintCache.open(cache, 'old', noWarning);
    const current = await LintCache.open(cache, 'new', noWarning);
    old.set(files[0]!, entry('a1'));
    await old.save();
    current.set(files[1]!, entry('b2'));
    await current.save();
    expect(keptIn(cache)).toEqual({ 'b.md': 'b2' });
  });
});
