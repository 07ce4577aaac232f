// The command line: parse arguments, hand over to a command, map failures
// to exit codes. Commands load lazily so `coe lint` pays only for itself.
import path from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { UsageError } from './util/errors.js';
import type { CommandIO } from './commands/io.js';
import { FORMATS } from './reporters/index.js';
import { parseDay } from './util/time.js';
import { packageVersion } from './util/package.js';

function dateArg(value: string): string {
  if (parseDay(value) === undefined) throw new InvalidArgumentError('expected a date written YYYY-MM-DD');
  return value;
}

function concurrencyArg(value: string): number | 'auto' {
  if (value === 'auto') return value;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 64) throw new InvalidArgumentError('expected auto, or a whole number from 1 to 64');
  return n;
}

function countArg(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
}

export function buildProgram(io: CommandIO, setCode: (code: number) => void): Command {
  const program = new Command('coe')
    .description('Author, validate and export post-incident analyses (COE, Correction of Errors) written in Markdown')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command('lint')
    .description('Lint COE documents: files, folders and globs (default: the configured docs folder)')
    .argument('[paths...]', 'files, folders or globs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('stylish'))
    .option('--now <date>', 'the date action-item-overdue compares with (YYYY-MM-DD; default today)', dateArg)
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', countArg)
    .option('-q, --quiet', 'report errors only')
    .option('-c, --config <path>', 'use this configuration file')
    .option(
      '--concurrency <n>',
      'lint in this many worker processes: a number (1: this process alone) or auto (the cores, from 64 files on)',
      concurrencyArg,
      'auto',
    )
    .option('--cache', 'reuse the results of files that did not change since the last run with --cache')
    .option(
      '--cache-location <path>',
      'where the cache is kept: a file, or a folder for lint-cache.json (default node_modules/.cache/coe/lint-cache.json); implies --cache',
    )
    .option('--stdin', 'lint the document read from standard input')
    .option('--stdin-filename <path>', 'the file name to report for standard input')
    .option('--skip-non-coe', 'pass over Markdown that is not a COE even when named (for hooks that name every changed file)')
    .action(async (paths: string[], options) => {
      // Before the linter loads: a pool's workers start meanwhile (commands/early-workers.ts).
      const { lintWorkersEarly } = await import('./commands/early-workers.js');
      const early = await lintWorkersEarly(paths, options, io.cwd);
      const { runLint } = await import('./commands/lint.js');
      setCode(await runLint(paths, options, io, early));
    });

  // ── coe new ──
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  program
    .command('new')
    .description('Scaffold a COE from a template (asks for what is missing in a terminal)')
    .argument('[title]', 'title of the COE')
    .option('-t, --template <name>', 'template to start from (default: standard; in a terminal, asked)')
    .option('--severity <n>', 'severity, 1 (most severe) to 5')
    .option('--service <name>', 'impacted service, internal name (repeatable)', collect)
    .option('--region <name>', 'impacted region (repeatable)', collect)
    .option('--owner <name>', 'team or person accountable for the COE')
    .option('--author <name>', 'author (repeatable)', collect)
    .option('--start <time>', 'when impact began (e.g. 2025-10-20 06:48 UTC, 2025-10-20T08:48+02:00; no offset is UTC)')
    .option('--detected <time>', 'when we knew (the same forms)')
    .option(
      '--detected-by <source>',
      'how it was detected: alarm, aggregate-alarm, canary, traffic-anomaly, customer-report, support-cases, social-media or other',
    )
    .option('--dir <path>', 'folder to write in (default: the configured docs folder, else docs/coe)')
    .option('--id <id>', 'COE id (default: the next free id of the start year)')
    .option('--stdout', 'print the document instead of writing it')
    .addHelpText(
      'after',
      '\nIn a terminal, coe new asks for what the flags do not give. With no terminal,\nthe title, --severity, --service, --owner, --author, --start, --detected and\n--detected-by are required. It prints the path of the file it wrote.',
    )
    .option('-c, --config <path>', 'use this configuration file')
    .action(async (title: string | undefined, options) => {
      const { runNew } = await import('./commands/new.js');
      setCode(await runNew(title, options, io));
    });

  // ── coe export ──
  program
    .command('export')
    .description('Render the customer-facing RCA draft of a COE')
    .argument('<file>', 'the COE document')
    .addOption(
      new Option('-f, --format <format>', 'output format (markdown is another name for md)')
        .choices(['md', 'html', 'json', 'markdown'])
        .default('md'),
    )
    .option('-o, --output <file>', 'write to this file instead of stdout (an existing file only with --force)')
    .option('--force', 'overwrite the -o file if it exists (and nothing else)')
    .option('--allow-lint-errors', 'export even though coe lint finds errors in the COE')
    .option('--allow-leaks', 'export even though an internal name would reach customers')
    .option('-c, --config <path>', 'use this configuration file')
    .action(async (file: string, options) => {
      const { runExport } = await import('./commands/export.js');
      setCode(await runExport(file, options, io));
    });

  // ── coe report, coe actions ──
  program
    .command('report')
    .showHelpAfterError(false)
    .description(
      'The weekly operations meeting pack: counts, phase durations, tenets, recurrence, action items, reach and the review queue, across COEs',
    )
    .argument('[paths...]', 'files, folders or globs (default: the configured docs folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'html', 'json']).default('md'))
    .option('--since <date>', 'only COEs that began on or after this date (YYYY-MM-DD, UTC)', dateArg)
    .option('--until <date>', 'only COEs that began on or before this date (YYYY-MM-DD, UTC)', dateArg)
    .option('--now <date>', 'the date the report is computed at: overdue items, ages (YYYY-MM-DD; default today)', dateArg)
    .option('-o, --output <file>', 'write to this file instead of stdout (an existing file only with --force)')
    .option('--force', 'overwrite the -o file if it exists')
    .option('-c, --config <path>', 'use this configuration file')
    .option(
      '--concurrency <n>',
      'read COEs in this many worker processes: a number (1: this process alone) or auto (the cores, from 64 files on)',
      concurrencyArg,
      'auto',
    )
    .action(async (paths: string[], options) => {
      const { runReport } = await import('./commands/report.js');
      setCode(await runReport(paths, options, io));
    });

  program
    .command('actions')
    .description('Every action item of every COE, one row each: the ledger the operations meeting follows to the end')
    .argument('[paths...]', 'files, folders or globs (default: the configured docs folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .option('--status <list>', 'only these statuses, comma-separated: open, in-progress, done, validated, dropped')
    .option('--owner <name>', 'only items of this owner (the whole Owner cell, any case)')
    .option('--overdue', 'only open or in-progress items past their due date')
    .option('--due-before <date>', 'only items due strictly before this date (YYYY-MM-DD)')
    .option('--unvalidated', 'only items done but not yet validated')
    .option('--coe <id>', 'only the items of this COE')
    .option('--since <date>', 'only COEs that began on or after this date (YYYY-MM-DD, UTC)')
    .option('--until <date>', 'only COEs that began on or before this date (YYYY-MM-DD, UTC)')
    .option('--now <date>', 'the date items are overdue at (YYYY-MM-DD; default today); an item due that day is not overdue')
    .option('--check', 'exit 1 when a listed item is overdue (for a scheduled CI job)')
    .option('-o, --output <file>', 'write to this file instead of stdout (an existing file only with --force)')
    .option('--force', 'overwrite the -o file if it exists')
    .option('-c, --config <path>', 'use this configuration file')
    .option(
      '--concurrency <n>',
      'read COEs in this many worker processes: a number (1: this process alone) or auto (the cores, from 64 files on)',
      concurrencyArg,
      'auto',
    )
    // Bad usage is one line, as for every error of this command.
    .showHelpAfterError(false)
    .addHelpText(
      'after',
      [
        '',
        'Rows are in order of due date (none last), then COE id, then AI id. The',
        'filters combine: every one given must hold. The table fits the terminal',
        '(COLUMNS overrides its width; not a terminal: 100 columns); CSV is RFC',
        '4180, with a cell that begins with = + - @ or a tab, CR or LF written after',
        "a ' so that a spreadsheet shows it as text; JSON follows",
        'schemas/actions.schema.json.',
        '',
        'Exit codes: 0; with --check, 1 when a listed item is overdue; 2 for bad',
        'usage (a bad date, an unknown status, a path with no COEs).',
        '',
        'Examples:',
        '  coe actions --overdue',
        '  coe actions --owner payments-team --status open,in-progress',
        '  coe actions --unvalidated --format csv -o awaiting-validation.csv',
        '  coe actions --overdue --check     # in a scheduled CI job',
      ].join('\n'),
    )
    .action(async (paths: string[], options) => {
      const { runActions } = await import('./commands/actions.js');
      setCode(await runActions(paths, options, io));
    });

  // ── coe lsp ──
  program
    .command('lsp')
    .description('Run the language server on standard input and output, for editors (diagnostics, quick fixes, navigation, completion)')
    .option('--stdio', 'talk over standard input and output (the default and only transport; accepted for editors that pass it)')
    // vscode-languageclient passes it; vscode-languageserver reads it itself and stops the server when that process ends.
    .option('--clientProcessId <pid>', "the editor's process id: the server stops when that process ends")
    .action(async (options) => {
      const { runLsp } = await import('./commands/lsp.js');
      setCode(await runLsp(options, io));
    });

  // ── coe init, coe rules, coe schema ──
  program
    .command('init')
    .description(
      'Write a starter configuration and the docs folder; offer coe in package.json, a GitHub Actions workflow and a pre-commit hook',
    )
    .option('--docs <path>', 'the docs folder (default docs/coe)')
    .option('--package-json', 'add coe to the devDependencies of package.json (created if missing)')
    .option('--no-package-json', 'leave package.json alone')
    .option('--coe-spec <spec>', 'where package.json takes coe from: a git URL or a tarball (default github:coe-tool/coe)')
    .option('--github-actions', 'write .github/workflows/coe.yml')
    .option('--no-github-actions', 'do not write the workflow')
    .option('--pre-commit', 'write a pre-commit hook entry in .pre-commit-config.yaml')
    .option('--no-pre-commit', 'do not write the pre-commit hook entry')
    .option('-y, --yes', 'accept every default without asking (workflow and pre-commit hook included)')
    .action(async (options) => {
      const { runInit } = await import('./commands/init.js');
      setCode(await runInit(options, io));
    });

  program
    .command('rules')
    .description('List the rules with their default severity and what they check')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options) => {
      const { runRules } = await import('./commands/rules.js');
      setCode(await runRules(options, io));
    });

  program
    .command('schema')
    .description('Print a JSON Schema: of the COE frontmatter (default) or of the configuration file')
    .addArgument(new Argument('[name]', 'which schema').choices(['frontmatter', 'config']).default('frontmatter'))
    .option('-c, --config <path>', 'use this configuration file (its idPrefix shapes the frontmatter schema)')
    .action(async (name: 'frontmatter' | 'config', options) => {
      const { runSchema } = await import('./commands/schema.js');
      setCode(await runSchema(name, options, io));
    });

  return program;
}

export async function main(argv: string[], given?: CommandIO): Promise<number> {
  let io: CommandIO;
  try {
    io = given ?? processIO();
  } catch (error) {
    // The working directory was deleted under the shell: nothing can be resolved.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    process.stderr.write('coe: the current folder no longer exists\n');
    return 2;
  }
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    return handleError(error, io);
  }
}

function handleError(error: unknown, io: CommandIO): number {
  if (error instanceof CommanderError) {
    // Help and version end with code 0; usage errors are already printed.
    return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`coe: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`coe: unexpected error: ${message}\n`);
  if (process.env.COE_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
  return 2;
}

function processIO(): CommandIO {
  const cwd = process.cwd();
  return {
    cwd,
    // Node sets standard input up (a stream, and the modules of its kind)
    // when it is first asked for: a lint of files never pays for it.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    resolve: (file) => path.resolve(cwd, file),
  };
}
