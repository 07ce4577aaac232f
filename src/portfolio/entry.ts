// What one file gives the portfolio: a COE's figures, a COE that cannot be
// read (listed, never dropped), or nothing (other Markdown). Small, so that a
// worker of the pool sends it back instead of the document.
import { couldNotLint, type FileResult, type Loaded } from '../engine/lint.js';
import type { CoeDocument } from '../model/types.js';
import { summarize } from './summarize.js';
import type { PortfolioCoe, Unreadable } from './types.js';

export type PortfolioEntry = { coe: PortfolioCoe } | { unreadable: Unreadable } | { other: true };

/** Never throws: a COE whose figures cannot be read is listed as unreadable. */
export function entryOf(file: string, loaded: Loaded): PortfolioEntry {
  if (!loaded.doc) return failedEntry(file, loaded.result);
  try {
    return figuresEntry(file, loaded.doc);
  } catch (error) {
    return failedEntry(file, couldNotLint(file, error));
  }
}

function figuresEntry(file: string, doc: CoeDocument): PortfolioEntry {
  const fm = doc.frontmatter;
  if (!fm.hasCoeKey) return { other: true };
  // Its values cannot be trusted when its YAML cannot be read.
  const broken = fm.problems.find((p) => p.kind === 'syntax');
  if (broken) return { unreadable: { file, reason: `${broken.message} (line ${broken.range.start.line})` } };
  return { coe: summarize(doc) };
}

/** A file with no document: unreadable when it is (or may be) a COE. */
export function failedEntry(file: string, result: FileResult): PortfolioEntry {
  if (!result.isCoe) return { other: true };
  const fatal = result.messages[0];
  return { unreadable: { file, reason: `${fatal?.message ?? 'could not be read'} (line ${fatal?.line ?? 1})` } };
}
