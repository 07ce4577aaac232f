// The language server's benchmark still runs: its 1,000-line COE is one
// (exactly 1,000 lines, within the limits, linted with its few findings),
// and bench/lsp.mjs prints a time for every answer against the target.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { largeCoe } from '../../bench/lsp-document.mjs';
import { lintString, ROOT } from '../helpers/lint.js';

describe('bench/lsp.mjs', () => {
  it('lints a COE of exactly 1,000 lines with a few findings', () => {
    const text = largeCoe(1000);
    expect(text.split('\n')).toHaveLength(1001);
    expect(text.endsWith('\n')).toBe(true);
    const ids = lintString(text, { now: '2025-10-01' }).map((m) => m.ruleId);
    expect(ids).not.toContain('fatal');
    expect(ids).toEqual(expect.arrayContaining(['references-exist', 'action-item-validated', 'no-placeholders']));
  });

  // Run without blocking the test worker, which must keep answering vitest.
  it('times every answer against 200 ms', async () => {
    const run = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bench/lsp.mjs'), '--rounds', '1'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout).toMatch(/^coe lsp on a 1000-line COE \(\d+ bytes, 4 findings\), 1 rounds$/m);
    for (const name of [
      'diagnostics after an edit',
      'hover',
      'definition',
      'references',
      'rename',
      'completion',
      'code action',
      'document symbols',
    ]) {
      expect(run.stdout).toMatch(
        new RegExp(`^${name}(, after an edit)? +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d  (within target|OVER TARGET)$`, 'm'),
      );
    }
    expect(run.stdout).toMatch(/^slowest 95th percentile: \d+\.\d ms \((within|over) the 200 ms target\)$/m);
  });
});
