// One document, read and linted as `coe lint` reads and lints a file: the
// same parser, the same engine, the same configuration and inline controls.
// Every feature of the server answers from this, never from text of its own.
import type { ResolvedConfig } from '../config/config.js';
import { couldNotLint, lintLoaded, lintText, parseOptionsOf } from '../engine/lint.js';
import type { LintSettings, Message } from '../engine/rule.js';
import type { CoeDocument } from '../model/types.js';
import { parseCoeDocument } from '../parse/document.js';

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
  try {
    const parsed = parseCoeDocument(file, text, parseOptionsOf(config));
    if (parsed.ok) {
      const result = lintLoaded(file, parsed.doc, config, settings);
      return { version, folder, config, doc: parsed.doc, isCoe: parsed.doc.frontmatter.hasCoeKey, messages: result.messages };
    }
    // Over a limit or not Markdown: the engine's one `fatal` finding, and whether it is a COE at all.
    const result = lintText(file, text, config, settings);
    return { version, folder, config, doc: undefined, isCoe: result.isCoe, messages: result.messages };
  } catch (error) {
    return { version, folder, config, doc: undefined, isCoe: true, messages: couldNotLint(file, error).messages };
  }
}
