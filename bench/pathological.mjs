// Pathological inputs: shapes that once crashed, stalled or hung `coe`, made
// at the input limits (or past them, where the answer is a `fatal` finding),
// with the time `coe lint` takes on each (and `coe export`, for COEs).
// Rule: under 2 s on each, or a `fatal` finding; every file in the output;
// no stack trace and no warning on stderr.
//
//   npm run build && node bench/pathological.mjs [NAME …]
//
// test/e2e/pathological.test.ts runs the same shapes.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync, execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BASE = readFileSync(path.join(ROOT, 'test/fixtures/base.md'), 'utf8');

const repeat = (n, make) => Array.from({ length: n }, (_, i) => make(i)).join('');
/** The base COE with `body` as a section of its own before the lessons. */
const withNotes = (body) => BASE.replace('## Lessons\n', `## Notes\n\n${body}\n\n## Lessons\n`);
const withLessons = (body) => BASE.replace('## Lessons\n', `## Lessons\n\n${body}\n`);
const withFrontmatter = (yaml) => BASE.replace('coe: 1\n', `coe: 1\n${yaml}\n`);

/**
 * The shapes. `build(fit, limits)` returns the files of the shape (besides
 * good.md, the clean base COE); `fit(make)` is the text `make(n)` for the
 * largest n within the limits. `fatal`: the shape is past a limit by design, and
 * bad.md must get a `fatal` finding. `exportable`: time `coe export` too.
 */
export const SHAPES = [
  // Crashes: stack overflows, out of memory.
  { name: 'yaml-explicit-keys', fatal: true, build: () => ({ 'bad.md': withFrontmatter(`${'? '.repeat(2000)}a`) }) },
  { name: 'yaml-explicit-keys-readme', fatal: true, build: () => ({ 'bad.md': `---\n${'? '.repeat(2000)}a\n---\n\n# Read me\n` }) },
  { name: 'yaml-flow-nesting', fatal: true, build: () => ({ 'bad.md': withFrontmatter(`x-a: ${'['.repeat(4000)}`) }) },
  { name: 'ordered-list-nesting', fatal: true, build: () => ({ 'bad.md': withNotes(`${'1. '.repeat(1000)}a`) }) },
  { name: 'nested-emphasis-20kb', fatal: true, build: () => ({ 'bad.md': withNotes(`${'*'.repeat(10_000)}a${'*'.repeat(10_000)}`) }) },
  { name: 'l1-tokens-140k', fatal: true, build: () => ({ 'bad.md': withLessons(repeat(14, () => `${'L1 '.repeat(10_000)}\n`)) }) },
  {
    name: 'wide-table-2mb',
    fatal: true,
    build: () => ({ 'bad.md': withNotes(repeat(22, (i) => `${i === 1 ? '|-'.repeat(50_000) : '|a'.repeat(50_000)}\n`)) }),
  },
  { name: 'star-a-100kb-line', fatal: true, build: () => ({ 'bad.md': withNotes('*a'.repeat(49_990)) }) },
  { name: 'deep-lists-99', fatal: true, build: () => ({ 'bad.md': withNotes(repeat(3000, () => `${'- '.repeat(99)}a\n`)) }) },

  // The same kinds of shape at the limits: linted, quickly.
  { name: 'yaml-depth-at-limit', exportable: true, build: () => ({ 'bad.md': withFrontmatter(`x-a:\n  ${'? '.repeat(90)}a`) }) },
  {
    name: 'yaml-many-keys',
    exportable: true,
    build: (fit) => ({ 'bad.md': fit((n) => withFrontmatter(repeat(n, (i) => `x-k${i}: v\n`))) }),
  },
  {
    name: 'yaml-flow-keys',
    exportable: true,
    build: (fit) => ({ 'bad.md': fit((n) => withFrontmatter(`x-a: {${repeat(n, (i) => `k${i}: v, `)}}`)) }),
  },
  { name: 'yaml-collection-keys', build: () => ({ 'bad.md': withFrontmatter('? [a, b]\n: x\n{c: 1}: y') }) },
  { name: 'ordered-nesting-at-limit', build: (fit) => ({ 'bad.md': fit((n) => withNotes(repeat(n, () => `${'1. '.repeat(100)}a\n`))) }) },
  {
    name: 'deep-lists-at-limit',
    exportable: true,
    build: (fit) => ({ 'bad.md': fit((n) => withNotes(repeat(n, () => `${'- '.repeat(99)}a\n`))) }),
  },
  { name: 'deep-lists-indented', build: (fit) => ({ 'bad.md': fit((n) => withNotes(repeat(n, (i) => `${'  '.repeat(i % 99)}- a\n`))) }) },
  { name: 'deep-list-lazy-lines', build: (fit) => ({ 'bad.md': fit((n) => withNotes(`${'- '.repeat(99)}a\n${'a\n'.repeat(n)}`)) }) },
  {
    name: 'deep-list-indented-lines',
    build: (fit) => ({ 'bad.md': fit((n) => withNotes(`${'- '.repeat(99)}a\n\n${`${' '.repeat(198)}a\n`.repeat(n)}`)) }),
  },
  { name: 'deep-quotes', build: (fit) => ({ 'bad.md': fit((n) => withNotes(repeat(n, () => `${'>'.repeat(99)} a\n`))) }) },
  // Paragraphs of as many emphasis and link marks as one may hold.
  {
    name: 'nested-emphasis-at-limit',
    exportable: true,
    build: (fit, { maxParagraphMarks: m }) => ({
      'bad.md': fit((n) => withNotes(repeat(n, () => `${'*'.repeat(m / 2)}a${'*'.repeat(m / 2)}\n\n`))),
    }),
  },
  {
    name: 'star-a-paragraphs',
    exportable: true,
    build: (fit, { maxParagraphMarks: m }) => ({ 'bad.md': fit((n) => withNotes(repeat(n, () => `${'*a'.repeat(m)}\n\n`))) }),
  },
  {
    name: 'a-star-paragraphs',
    build: (fit, { maxParagraphMarks: m }) => ({ 'bad.md': fit((n) => withNotes(repeat(n, () => `${'a* '.repeat(m)}\n\n`))) }),
  },
  {
    name: 'mixed-marks',
    build: (fit, { maxParagraphMarks: m }) => ({ 'bad.md': fit((n) => withNotes(repeat(n, () => `${'*_'.repeat(m / 2)}\n\n`))) }),
  },
  {
    name: 'links-unclosed',
    build: (fit, { maxParagraphMarks: m }) => ({ 'bad.md': fit((n) => withNotes(repeat(n, () => `${'[a]('.repeat(m / 2)}\n\n`))) }),
  },
  {
    name: 'link-shortcuts',
    build: (fit, { maxParagraphMarks: m }) => ({ 'bad.md': fit((n) => withNotes(repeat(n, () => `${'[a]'.repeat(m / 2)}\n\n`))) }),
  },
  {
    name: 'link-references',
    build: (fit, { maxParagraphMarks: m }) => ({ 'bad.md': fit((n) => withNotes(repeat(n, () => `${'[a][b]'.repeat(m / 4)}\n\n`))) }),
  },
  {
    name: 'image-openers',
    build: (fit, { maxParagraphMarks: m }) => ({ 'bad.md': fit((n) => withNotes(repeat(n, () => `${'!['.repeat(m)}\n\n`))) }),
  },
  {
    name: 'l1-tokens',
    exportable: true,
    build: (fit) => ({ 'bad.md': fit((n) => withLessons(repeat(n, () => `${'L1 '.repeat(1000)}\n`))) }),
  },
  { name: 'undefined-references', build: (fit) => ({ 'bad.md': fit((n) => withLessons(repeat(n, () => `${'L9 '.repeat(1000)}\n`))) }) },
  {
    name: 'wide-table-at-limit',
    exportable: true,
    build: (fit) => ({ 'bad.md': fit((n) => withNotes(repeat(n + 2, (i) => `${i === 1 ? '|-'.repeat(100) : '|a'.repeat(100)}\n`))) }),
  },
  { name: 'table-rows', exportable: true, build: (fit) => ({ 'bad.md': fit((n) => withNotes(`|a|b|\n|-|-|\n${'|a|b|\n'.repeat(n)}`)) }) },
  { name: 'setext-headings', build: (fit) => ({ 'bad.md': fit((n) => withNotes(`${'a\n===\n\n'.repeat(99)}${'a\n\n'.repeat(n)}`)) }) },
  { name: 'heading-punctuation', exportable: true, build: () => ({ 'bad.md': withNotes(`## ${'!'.repeat(99_990)}a`) }) },
  { name: 'long-token', exportable: true, build: () => ({ 'bad.md': withNotes('a'.repeat(100_000)) }) },
  {
    name: 'prose',
    exportable: true,
    build: (fit) => ({
      'bad.md': fit((n) =>
        withNotes(
          repeat(n, () => 'The dispatcher retried each notification and the queue grew, so we paged the on-call engineer at once.\n'),
        ),
      ),
    }),
  },
  { name: 'list-items', exportable: true, build: (fit) => ({ 'bad.md': fit((n) => withNotes('- a\n'.repeat(n))) }) },
  { name: 'paragraphs', build: (fit) => ({ 'bad.md': fit((n) => withNotes('a\n\n'.repeat(n))) }) },
  { name: 'backslashes', build: (fit) => ({ 'bad.md': fit((n) => withNotes(repeat(n, () => `${'\\'.repeat(1000)}\n\n`))) }) },
  { name: 'code-spans', build: (fit) => ({ 'bad.md': fit((n) => withNotes(repeat(n, (i) => `a${'`'.repeat((i % 300) + 1)}`))) }) },
  { name: 'entities', build: (fit) => ({ 'bad.md': fit((n) => withNotes(repeat(n, () => `${'&amp; '.repeat(100)}\n`))) }) },
  {
    name: 'fenced-code',
    exportable: true,
    build: (fit) => ({ 'bad.md': fit((n) => withNotes(`\`\`\`\n${'*a _b [c] `d` <e> | \\f\n'.repeat(n)}\`\`\``)) }),
  },
  { name: 'html-comment', build: (fit) => ({ 'bad.md': fit((n) => withNotes(`<!--\n${'a b c d e f g h\n'.repeat(n)}-->`)) }) },
  { name: 'definitions', build: (fit) => ({ 'bad.md': fit((n) => withNotes(repeat(n, (i) => `[a${i}]: /u\n`))) }) },
  // Rules that read the whole text or a section: no shape of it stalls them.
  { name: 'secret-literals', exportable: true, build: () => ({ 'bad.md': withNotes('token: "a '.repeat(9_000)) }) },
  { name: 'url-passwords', build: () => ({ 'bad.md': withNotes('a://b:c '.repeat(12_000)) }) },
  { name: 'key-names', build: () => ({ 'bad.md': withNotes(`${'password'.repeat(12_000)}: x`) }) },
  { name: 'internal-hosts', exportable: true, build: () => ({ 'bad.md': withNotes('db.corp.example.com '.repeat(4_900)) }) },
  {
    name: 'author-names',
    build: (fit) => ({
      'bad.md': fit((n) => BASE.replace('## Detection\n', `- Why? ${'Ines Okafor blamed '.repeat(n)}\n\n## Detection\n`)),
    }),
  },
  {
    name: 'headings',
    exportable: true,
    build: (fit) => ({ 'bad.md': fit((n) => withNotes(repeat(n, (i) => `## ${i % 2 ? 'Impact' : `Notes ${i}`}\n`))) }),
  },
  {
    name: 'timeline-entries',
    exportable: true,
    build: (fit) => ({
      'bad.md': fit((n) =>
        BASE.replace('## Timeline\n', `## Timeline\n\n${repeat(n, (i) => `- 2025-09-03 ${String(i % 24).padStart(2, '0')}:05 UTC — a\n`)}`),
      ),
    }),
  },
  { name: 'lessons', exportable: true, build: (fit) => ({ 'bad.md': fit((n) => withLessons(repeat(n, (i) => `- **L${i + 3}:** a\n`))) }) },
  {
    name: 'action-items',
    exportable: true,
    build: (fit) => ({
      'bad.md': fit((n) =>
        BASE.replace('| AI-2 |', `${repeat(n, (i) => `| AI-${i + 3} | a | short | t | 2025-09-05 | open | L1 | v |\n`)}| AI-2 |`),
      ),
    }),
  },
  {
    name: 'whys-deep',
    exportable: true,
    build: (fit) => ({
      'bad.md': fit((n) => BASE.replace('## Detection\n', `${repeat(n, (i) => `${'  '.repeat((i % 99) + 1)}- Why? a\n`)}\n## Detection\n`)),
    }),
  },
  { name: 'coe-disable-unclosed', build: (fit) => ({ 'bad.md': fit((n) => withNotes(repeat(n, () => '<!-- coe-disable -->\n'))) }) },
  { name: 'coe-disable-many-rules', build: () => ({ 'bad.md': withNotes(`<!-- coe-disable ${'a '.repeat(49_000)}-->`) }) },
];

/** The largest `make(n)` within the limits (n from 1 up to 1,000,000). */
export function fitter(checkLimits, limits) {
  return (make) => {
    const within = (n) => Buffer.byteLength(make(n)) <= limits.maxBytes && !checkLimits(make(n), limits);
    if (!within(1)) throw new Error('the shape is over a limit at n = 1');
    let [lo, hi] = [1, 2];
    while (hi < 1_000_000 && within(hi)) [lo, hi] = [hi, hi * 2];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (within(mid)) lo = mid;
      else hi = mid;
    }
    return make(lo);
  };
}

const TIME = '/usr/bin/time';
const CPU_MARK = 'coe-bench-cpu:';

/**
 * Runs the built CLI; `timeout` ends a hang. `ms` is wall time; `cpuMs`, with
 * `cpu`, is user and system time (through /usr/bin/time), which a busy
 * machine inflates less.
 */
export function runCli(args, { cwd = ROOT, timeout = 20_000, input = '', cpu = false } = {}) {
  const started = performance.now();
  const command = [process.execPath, path.join(ROOT, 'bin/coe.js'), ...args];
  const timed = cpu && existsSync(TIME) ? [TIME, '-f', `${CPU_MARK}%U %S`, ...command] : command;
  const r = spawnSync(timed[0], timed.slice(1), {
    cwd,
    input,
    encoding: 'utf8',
    timeout,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  let stderr = r.stderr ?? '';
  let cpuMs;
  const at = stderr.lastIndexOf(CPU_MARK);
  if (timed !== command && at !== -1) {
    const [user, system] = stderr
      .slice(at + CPU_MARK.length)
      .trim()
      .split(' ')
      .map(Number);
    cpuMs = (user + system) * 1000;
    stderr = stderr.slice(0, at).replace(/Command (exited with non-zero status \d+|terminated by signal \d+)\n$/, '');
  }
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr, ms: performance.now() - started, cpuMs };
}

/** What is wrong with a run's stderr: a stack trace, a runtime warning. */
export function noise(stderr) {
  if (/^\s+at /m.test(stderr)) return 'a stack trace';
  if (/Warning/.test(stderr)) return 'a warning';
  if (/unexpected error/i.test(stderr)) return 'an unexpected error';
  return undefined;
}

/** A folder holding good.md and the shape's files. */
export function shapeFolder(shape, fit, limits) {
  const dir = mkdtempSync(path.join(tmpdir(), `coe-${shape.name}-`));
  writeFileSync(path.join(dir, 'good.md'), BASE);
  for (const [name, text] of Object.entries(shape.build(fit, limits))) writeFileSync(path.join(dir, name), text);
  return dir;
}

export function exportArgs() {
  const help = runCli(['export', '--help']).stdout;
  return help.includes('--allow-lint-errors') ? ['--allow-lint-errors', '--allow-leaks'] : ['--force'];
}

function times(run) {
  return `${run.ms.toFixed(0)}/${run.cpuMs?.toFixed(0) ?? '?'} ms`.padStart(15);
}

function describeLint(run) {
  if (run.signal) return `killed (${run.signal}) after ${run.ms.toFixed(0)} ms`;
  const bad = noise(run.stderr);
  if (bad) return `stderr shows ${bad}`;
  try {
    const files = JSON.parse(run.stdout);
    const names = files.map((f) => f.file).sort();
    const fatal = files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'fatal').map((m) => `${f.file}: ${m.message}`));
    if (!names.includes('good.md') || !names.includes('bad.md')) return `lost a file (output: ${names.join(', ')})`;
    return fatal.length ? `fatal: ${fatal[0].replace(/^bad\.md: /, '')}` : `linted, exit ${run.code}`;
  } catch {
    return `exit ${run.code}, no JSON: ${run.stderr.trim().split('\n')[0] ?? ''}`;
  }
}

// Non-regular files and closed pipes.
function special() {
  const dir = mkdtempSync(path.join(tmpdir(), 'coe-special-'));
  writeFileSync(path.join(dir, 'good.md'), BASE);
  execFileSync('mkfifo', [path.join(dir, 'fifo')]);
  symlinkSync('fifo', path.join(dir, 'bad.md'));
  const rows = [
    ['FIFO link in a folder', runCli(['lint', '--format', 'json', '.'], { cwd: dir, timeout: 10_000 })],
    ['FIFO named', runCli(['lint', '--format', 'json', 'fifo', 'good.md'], { cwd: dir, timeout: 10_000 })],
    ['/dev/null named', runCli(['lint', '--format', 'json', '/dev/null', 'good.md'], { cwd: dir, timeout: 10_000 })],
    ['coe export FIFO', runCli(['export', 'fifo'], { cwd: dir, timeout: 10_000 })],
    [
      'coe new beside a FIFO link',
      runCli(
        [
          'new',
          'A title',
          '--severity',
          '3',
          '--service',
          's',
          '--owner',
          'o',
          '--author',
          'a',
          '--start',
          '2025-01-01T00:00:00Z',
          '--detected',
          '2025-01-01T00:01:00Z',
          '--detected-by',
          'alarm',
          '--dir',
          '.',
          '--stdout',
        ],
        { cwd: dir, timeout: 10_000 },
      ),
    ],
  ];
  for (const [name, run] of rows) {
    const status = run.signal
      ? `killed (${run.signal})`
      : `exit ${run.code}${noise(run.stderr) ? `, stderr shows ${noise(run.stderr)}` : ''}`;
    console.log(
      `${name.padEnd(34)} ${run.ms.toFixed(0).padStart(7)} ms  ${status}  ${(run.stderr.trim().split('\n')[0] ?? '').slice(0, 80)}`,
    );
  }
  // Far more output than a pipe holds: tens of thousands of findings.
  writeFileSync(path.join(dir, 'many.md'), withLessons('L9 '.repeat(30_000)));
  const piped = spawnSync(
    'sh',
    ['-c', `node ${JSON.stringify(path.join(ROOT, 'bin/coe.js'))} lint --format json many.md | head -c 1 >/dev/null`],
    { cwd: dir, encoding: 'utf8', timeout: 10_000 },
  );
  console.log(`${'coe lint | head'.padEnd(34)} ${''.padStart(10)}  stderr: ${noise(piped.stderr) ?? (piped.stderr.trim() || 'clean')}`);
  rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const { checkLimits, DEFAULT_LIMITS } = await import(pathToFileURL(path.join(ROOT, 'dist/parse/limits.js')).href);
  const fit = fitter(checkLimits, DEFAULT_LIMITS);
  const only = process.argv.slice(2);
  const exporting = exportArgs();
  console.log(`limits: ${JSON.stringify(DEFAULT_LIMITS)}\n`);
  console.log('times: wall/cpu of `coe lint bad.md good.md` and of `coe export bad.md`\n');
  console.log(`${'shape'.padEnd(28)} ${'size'.padStart(9)} ${'lint'.padStart(15)} ${'export'.padStart(15)}  outcome`);
  for (const shape of SHAPES) {
    if (only.length && !only.includes(shape.name)) continue;
    const dir = shapeFolder(shape, fit, DEFAULT_LIMITS);
    const size = readFileSync(path.join(dir, 'bad.md')).length;
    const lint = runCli(['lint', '--format', 'json', '--now', '2025-09-10', 'bad.md', 'good.md'], { cwd: dir, cpu: true });
    const exported = shape.exportable ? runCli(['export', 'bad.md', ...exporting], { cwd: dir, cpu: true }) : undefined;
    const exportNote =
      exported && (exported.signal || noise(exported.stderr)) ? `; export: ${exported.signal ?? noise(exported.stderr)}` : '';
    const slow = lint.ms > 2000 || (exported?.ms ?? 0) > 2000 ? '  SLOW' : '';
    console.log(
      `${shape.name.padEnd(28)} ${String(size).padStart(9)} ${times(lint)} ${exported ? times(exported) : ''.padStart(15)}  ${describeLint(lint)}${exportNote}${slow}`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
  if (!only.length || only.includes('special')) {
    console.log('');
    special();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
