// The benchmark's generator (bench/generate.mjs): the same seed gives the same
// files, and its variations of the examples (heading aliases and numbering,
// timelines as tables, sections dropped and added, action items closed) keep
// the COEs sound: linted with the BUILT CLI (build first), the only findings
// are the examples' own and the few the generator plants.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, NOW } from '../../bench/generate.mjs';
import { runCoe } from '../helpers/lint.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'coe-generate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (dir: string) => readdirSync(dir).map((n) => readFileSync(path.join(dir, n), 'utf8'));

describe('bench/generate.mjs', () => {
  it('gives the same files for the same seed, and others for another seed', () => {
    const names = generate(path.join(tmp, 'a'), 40, 7);
    expect(generate(path.join(tmp, 'b'), 40, 7)).toEqual(names);
    expect(read(path.join(tmp, 'b'))).toEqual(read(path.join(tmp, 'a')));
    generate(path.join(tmp, 'c'), 40, 8);
    expect(read(path.join(tmp, 'c'))).not.toEqual(read(path.join(tmp, 'a')));
  });

  it('writes varied COEs of 6 to 11 KB that stay sound, and some other Markdown', { timeout: 120_000 }, () => {
    const dir = path.join(tmp, 'lint');
    generate(dir, 400, 1);
    const texts = read(dir);
    const coes = texts.filter((t) => t.startsWith('---\ncoe: 1\n'));
    expect(coes.length).toBeGreaterThanOrEqual(360);
    expect(coes.length).toBeLessThan(400);
    const sizes = coes.map((t) => Buffer.byteLength(t));
    expect(Math.min(...sizes)).toBeGreaterThan(6_000);
    expect(Math.max(...sizes)).toBeLessThan(11_000);
    // The variations are there.
    expect(coes.filter((t) => t.includes('\n| Time | Event |\n')).length).toBeGreaterThan(40);
    expect(coes.filter((t) => /\n## (1|I)\. /.test(t)).length).toBeGreaterThan(10);
    expect(coes.filter((t) => /\n## (Impact summary|Customer impact)\n/.test(t)).length).toBeGreaterThan(10);
    expect(coes.filter((t) => t.includes('\n## Appendix: metrics\n')).length).toBeGreaterThan(20);

    const r = runCoe(['lint', '--format', 'json', '--now', NOW, dir]);
    expect(r.code).toBe(1); // the planted errors
    const files = JSON.parse(r.stdout) as { file: string; messages: { ruleId: string; message: string }[] }[];
    expect(files).toHaveLength(coes.length);
    const rules = new Set(files.flatMap((f) => f.messages.map((m) => m.ruleId)));
    // The examples' own findings (a draft's TODOs, done items, open items that fall due) and the planted ones.
    const expected = [
      'no-placeholders',
      'action-item-validated',
      'action-item-overdue',
      'blameless-language',
      'references-exist',
      'frontmatter-schema',
    ];
    expect([...rules].filter((id) => !expected.includes(id))).toEqual([]);
    const schema = files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'frontmatter-schema'));
    for (const m of schema) expect(m.message).toMatch(/^Unknown key "serverity"/);
    // Most COEs are clean but for the examples' own findings.
    expect(files.filter((f) => f.messages.length === 0).length).toBeGreaterThan(coes.length / 2);
  });
});
