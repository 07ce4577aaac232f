// The examples folder, linted with the built CLI as the README tells users to:
// the clean examples give no finding at all, and each broken example gives
// exactly the finding it is named for.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineOf, ROOT, runCoe, type RunResult } from './helpers/lint.js';

const EXAMPLES = path.join(ROOT, 'examples');
// Fixed, so that action-item-overdue gives the same answer on every day.
const NOW = '2026-11-20';

interface JsonFile {
  file: string;
  errorCount: number;
  warningCount: number;
  messages: { ruleId: string; severity: string; line: number }[];
}

const CLEAN = [
  '2026-09-08-checkout-database-failover.md',
  '2026-10-14-expired-api-certificate.md',
  '2026-11-03-search-ranking-flag.md',
];

const text = (name: string) => readFileSync(path.join(EXAMPLES, name), 'utf8');

/** What each broken example must report, and the clean example it copies. */
const BROKEN: { name: string; copyOf: string; expected: () => [string, string, number][] }[] = [
  {
    name: 'broken/five-whys-chain.md',
    copyOf: '2026-11-03-search-ranking-flag.md',
    expected: () => [['five-whys-tree', 'warn', lineOf(text('broken/five-whys-chain.md'), '- 27% of product searches')]],
  },
  {
    name: 'broken/secrets-in-runbook.md',
    copyOf: '2026-09-08-checkout-database-failover.md',
    expected: () => [['no-secrets', 'error', lineOf(text('broken/secrets-in-runbook.md'), 'psql "postgresql://checkout_admin:')]],
  },
  {
    name: 'broken/placeholders-in-review.md',
    copyOf: '2026-10-14-expired-api-certificate.md',
    expected: () => [['no-placeholders', 'error', lineOf(text('broken/placeholders-in-review.md'), 'TBD we will change')]],
  },
  {
    name: 'broken/detection-question-missing.md',
    copyOf: '2026-10-14-expired-api-certificate.md',
    expected: () => [['detection-review', 'error', lineOf(text('broken/detection-question-missing.md'), '## Detection')]],
  },
  {
    name: 'broken/dependency-without-action.md',
    copyOf: '2026-09-08-checkout-database-failover.md',
    expected: () => [['dependency-review', 'error', lineOf(text('broken/dependency-without-action.md'), '| Block storage (internal)')]],
  },
];

function parse(run: RunResult): JsonFile[] {
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as JsonFile[];
}

const tuples = (file: JsonFile | undefined) => file?.messages.map((m) => [m.ruleId, m.severity, m.line]);

describe('examples/', () => {
  let run: RunResult;
  let byFile: Map<string, JsonFile>;

  beforeAll(() => {
    run = runCoe(['lint', '--format', 'json', '--now', NOW, 'examples/']);
    byFile = new Map(parse(run).map((f) => [f.file, f]));
  });

  it('holds the files this test knows of, and nothing untested', () => {
    const top = readdirSync(EXAMPLES).filter((n) => n.endsWith('.md') && n !== 'README.md');
    const broken = readdirSync(path.join(EXAMPLES, 'broken')).map((n) => `broken/${n}`);
    expect(top.sort()).toEqual([...CLEAN].sort());
    expect(broken.sort()).toEqual(BROKEN.map((b) => b.name).sort());
  });

  it('lints every COE under examples/, passes over the README, and exits 1', () => {
    const expected = [...CLEAN, ...BROKEN.map((b) => b.name)].map((n) => path.join('examples', n));
    expect([...byFile.keys()].sort()).toEqual(expected.sort());
    expect(run.code).toBe(1);
  });

  for (const name of CLEAN) {
    it(`${name} gives no finding at all`, () => {
      expect(tuples(byFile.get(path.join('examples', name)))).toEqual([]);
    });
  }

  for (const broken of BROKEN) {
    it(`${broken.name} gives exactly the finding it is named for`, () => {
      expect(tuples(byFile.get(path.join('examples', broken.name)))).toEqual(broken.expected());
    });

    it(`${broken.name} is a copy of ${broken.copyOf} with one defect`, () => {
      const [a, b] = [text(broken.copyOf).split('\n'), text(broken.name).split('\n')];
      let head = 0;
      while (head < a.length && a[head] === b[head]) head++;
      let tail = 0;
      while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
      // One changed region, of a few lines at most.
      expect(head).toBeGreaterThan(0);
      expect(Math.max(a.length, b.length) - head - tail).toBeLessThanOrEqual(8);
    });
  }

  it('the clean examples alone, by a quoted glob, exit 0 with no output', () => {
    const clean = runCoe(['lint', '--now', NOW, 'examples/*.md']);
    expect({ code: clean.code, stdout: clean.stdout, stderr: clean.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('the clean examples stay clean with --max-warnings 0', () => {
    const clean = runCoe(['lint', '--now', NOW, '--max-warnings', '0', ...CLEAN.map((n) => `examples/${n}`)]);
    expect(clean.code).toBe(0);
  });
});
