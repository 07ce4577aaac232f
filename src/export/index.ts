// The export pipeline over a parsed COE, without I/O: build the RCA model,
// render it, and check the rendering for internal names.
import type { CoeDocument } from '../model/types.js';
import type { ResolvedConfig } from '../config/config.js';
import { buildRca } from './build.js';
import { findLeaks, internalNames, type Leak } from './leaks.js';
import { frontmatterNames } from './names.js';
import { RENDERERS, type ExportFormat } from './renderers.js';
import type { Rca } from './schema.js';
import { asExported } from './published.js';

export interface ExportResult {
  rca: Rca;
  output: string;
  leaks: Leak[];
  warnings: string[];
  /** Frontmatter keys whose names could not be read: the draft was not checked for them. */
  unreadable: string[];
}

export function exportDocument(coe: CoeDocument, config: ResolvedConfig, format: ExportFormat): ExportResult {
  const doc = asExported(coe);
  const built = buildRca(doc, config);
  const renderer = RENDERERS[format];
  const output = renderer.render(built.rca);
  const leaks = findLeaks(output, renderer.view, internalNames(doc, config), built.origins);
  const { unreadable } = frontmatterNames(doc);
  return { rca: built.rca, output, leaks, warnings: built.warnings, unreadable };
}
