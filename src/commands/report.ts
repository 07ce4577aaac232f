// `coe report [PATH …]`: the weekly operations meeting's pack (format 6), from
// the COEs under the paths, in Markdown, HTML or JSON, on stdout or into -o.
import type { CommandIO } from './io.js';
import { loadConfig } from '../config/load.js';
import { loadPortfolio, portfolioInputs } from '../portfolio/load.js';
import { buildReport } from '../report/build.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../report/renderers.js';
import { checkOutput, writeOutput } from '../files/write.js';
import { UsageError } from '../util/errors.js';
import { today } from '../util/time.js';

export interface ReportOptions {
  format?: string;
  since?: string;
  until?: string;
  now?: string;
  output?: string;
  force?: boolean;
  config?: string;
  concurrency?: number | 'auto';
}

export async function runReport(paths: string[], options: ReportOptions, io: CommandIO): Promise<number> {
  const format = (options.format ?? 'md') as ReportFormat;
  if (!REPORT_FORMATS.includes(format))
    throw new UsageError(`Unknown report format "${options.format}" (expected ${REPORT_FORMATS.join(', ')})`);
  if (options.since && options.until && options.since > options.until) {
    throw new UsageError(`--since ${options.since} is after --until ${options.until}: the window would hold no day`);
  }
  const config = await loadConfig(io.cwd, options.config);
  const portfolio = await loadPortfolio(paths, config, io, options.concurrency ?? 'auto');
  if (portfolio.coes.length === 0 && portfolio.unreadable.length === 0) {
    const where = paths.length > 0 ? paths.join(', ') : config.docs;
    throw new UsageError(`No COE documents (Markdown with a "coe" frontmatter key) in ${where}: nothing to report`);
  }
  const report = buildReport(portfolio, { now: options.now ?? today(), since: options.since, until: options.until, config: config.report });
  const text = await renderReport(report, format);
  if (!options.output) {
    io.stdout.write(text);
    return 0;
  }
  const inputs = await portfolioInputs(portfolio, (file) => io.resolve(file), 'one of the COEs of the report');
  const target = io.resolve(options.output);
  await checkOutput(target, options.output, inputs);
  await writeOutput(target, options.output, text, options.force === true, inputs);
  return 0;
}
