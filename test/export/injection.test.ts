// Values that would start a new block of the Markdown draft, and comments
// inside blocks of HTML, never reach customers as such.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseDocument, edit, runCoe } from '../helpers/lint.js';

const dir = mkdtempSync(path.join(tmpdir(), 'coe-inject-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function exportOf(text: string): { code: number; stdout: string } {
  const file = path.join(dir, `doc-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(file, text);
  const run = runCoe(['export', file, '--allow-lint-errors', '--allow-leaks'], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return run;
}

const headings = (markdown: string) => markdown.split('\n').filter((l) => /^#{1,6} /.test(l));
const EXPECTED = ['# Delayed payment notifications', '## What happened', '## Root cause', '## What we are doing'];

describe('export: no injected blocks', () => {
  it('keeps a title with newlines on one line', () => {
    const text = edit(
      baseDocument(),
      'title: Delayed payment notifications',
      'title: "Delayed payment notifications\\n\\n## Fake section"',
    );
    const out = exportOf(text).stdout;
    expect(headings(out).some((h) => h.startsWith('## Fake'))).toBe(false);
  });

  it('keeps glossary wording with newlines on one line', () => {
    const text = edit(baseDocument(), 'webhook-dispatcher: payment notifications', 'webhook-dispatcher: "payment\\n\\n## Fake section"');
    expect(headings(exportOf(text).stdout).some((h) => h.startsWith('## Fake'))).toBe(false);
  });

  it('drops comments inside a block of HTML', () => {
    const text = edit(baseDocument(), '## Customer summary\n', '## Customer summary\n\n<div>\n<!-- internal: do not publish -->\n</div>\n');
    const out = exportOf(text).stdout;
    expect(out).not.toContain('do not publish');
    expect(headings(out).slice(0, 4)).toEqual(EXPECTED);
  });
});

describe('export: internal hosts glued to punctuation', () => {
  it('removes them from prose and code, and drops a mailto with an internal recipient', () => {
    writeFileSync(path.join(dir, '.coerc.json'), JSON.stringify({ internalDomains: ['corp.example.com'] }));
    const summary =
      "Traffic left wiki.corp.example.com's backend (host=db.corp.example.com, git@git.corp.example.com:orders/api.git). [Mail us](mailto:oncall@corp.example.com,help@example.com).\n\n```\nDB_HOST=db.corp.example.com\n```\n";
    const text = edit(baseDocument(), '## Customer summary\n', `## Customer summary\n\n${summary}\n`);
    const out = exportOf(text).stdout;
    rmSync(path.join(dir, '.coerc.json'));
    expect(out).toContain('Mail us');
    expect(out).not.toMatch(/corp\.example\.com|mailto/);
  });
});

describe('export: hard line breaks', () => {
  it('do not let the next line start a heading or a list', () => {
    const text = edit(
      baseDocument(),
      '## Customer summary\n',
      '## Customer summary\n\nA disk failed\\\n# Injected heading\\\n- injected item\n',
    );
    const out = exportOf(text).stdout;
    expect(headings(out).some((h) => h.includes('Injected'))).toBe(false);
    expect(out.split('\n').some((l) => l.startsWith('- injected'))).toBe(false);
  });
});
