// Reads every COE under the paths into a portfolio: one parse per file, with
// the parser and model of `coe lint`. A COE that cannot be read is listed as
// unreadable, never dropped; other Markdown is passed over.
import type { ResolvedConfig } from '../config/config.js';
import { discover } from '../files/discover.js';
import { loadFile } from '../engine/load.js';
import type { CommandIO } from '../commands/io.js';
import { summarize } from './summarize.js';
import type { Portfolio } from './types.js';

export async function loadPortfolio(paths: string[], config: ResolvedConfig, io: CommandIO): Promise<Portfolio> {
  const inputs = paths.length > 0 ? paths : [config.docs];
  const targets = await discover(inputs, { cwd: io.cwd, include: config.include, ignore: config.ignore });
  const portfolio: Portfolio = { coes: [], unreadable: [], duplicates: [] };
  for (const target of targets) {
    const loaded = await loadFile(target.file, io.resolve(target.file), config);
    if (!loaded.doc) {
      const fatal = loaded.result.messages[0];
      if (loaded.result.isCoe)
        portfolio.unreadable.push({ file: target.file, reason: `${fatal?.message ?? 'could not be read'} (line ${fatal?.line ?? 1})` });
      continue;
    }
    const fm = loaded.doc.frontmatter;
    if (!fm.hasCoeKey) continue;
    // Its values cannot be trusted when its YAML cannot be read.
    const broken = fm.problems.find((p) => p.kind === 'syntax');
    if (broken) portfolio.unreadable.push({ file: target.file, reason: `${broken.message} (line ${broken.range.start.line})` });
    else portfolio.coes.push(summarize(loaded.doc));
  }
  // The same documents give the same bytes, whatever order the files were found in.
  portfolio.coes.sort((a, b) => compare(a.id, b.id) || compare(a.file, b.file));
  portfolio.unreadable.sort((a, b) => compare(a.file, b.file));
  // An id names one COE: a second file with it is listed, not counted twice.
  const byId = new Map<string, string>();
  portfolio.coes = portfolio.coes.filter((coe) => {
    const first = byId.get(coe.id);
    if (first === undefined) byId.set(coe.id, coe.file);
    else portfolio.duplicates.push({ file: coe.file, id: coe.id, first });
    return first === undefined;
  });
  return portfolio;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
