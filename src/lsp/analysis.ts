// One document, read and linted as `coe lint` reads and lints a file: the
// same parser, the same engine, the same configuration and inline controls.
// Every feature of the server answers from this, never from text of its own.
import type { ResolvedConfig } from '../config/config.js';
import { couldNotLint, lintLoaded, loadBytes, type FileResult } from '../engine/lint.js';
import { budgetMsOf, overBudget, withinBudget } from '../engine/budget.js';
import type { LintSettings, Message } from '../engine/rule.js';
import type { CoeDocument } from '../model/types.js';

export interface Analysis {
  version: number;
  /** The folder the configuration was found from; its paths are relative to it. */
  folder: string;
  config: ResolvedConfig;
  /** The model, when the text could be read (within the limits, parsed). */
  doc: CoeDocument | undefined;
  /** False for Markdown that is not a COE: the server leaves it alone. */
  isCoe: boolean;
  /** The findings, after inline controls; one `fatal` finding when there is no model. */
  messages: Message[];
}

/** Reads and lints one document's text. Never throws. */
export function analyze(
  file: string,
  text: string,
  at: { version: number; folder: string },
  config: ResolvedConfig,
  settings: LintSettings,
): Analysis {
  const { version, folder } = at;
  const failed = (result: FileResult): Analysis => ({ version, folder, config, doc: undefined, isCoe: true, messages: result.messages });
  try {
    // Within the time budget of `coe lint`: a keystroke must never hang the server.
    const budgetMs = budgetMsOf(config);
    const analysis = withinBudget(budgetMs, (): Analysis => {
      // Through the bytes, as `coe lint` reads a file: a binary file opened as
      // text (NUL bytes) is refused the same way, and a file over the limits is
      // refused before it is parsed, with one `fatal` finding.
      const loaded = loadBytes(file, Buffer.from(text, 'utf8'), config);
      if (!loaded.doc) return { version, folder, config, doc: undefined, isCoe: loaded.result.isCoe, messages: loaded.result.messages };
      const result = lintLoaded(file, loaded.doc, config, settings);
      return { version, folder, config, doc: loaded.doc, isCoe: result.isCoe, messages: result.messages };
    });
    return analysis.done ? analysis.value : failed(overBudget(file, budgetMs));
  } catch (error) {
    return failed(couldNotLint(file, error));
  }
}
