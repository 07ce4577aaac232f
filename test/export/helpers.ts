// Export in process: parse a COE text and run the export pipeline on it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../src/config/config.js';
import { parseOptionsOf } from '../../src/engine/lint.js';
import { parseCoeDocument } from '../../src/parse/document.js';
import { exportDocument, type ExportResult } from '../../src/export/index.js';
import type { ExportFormat } from '../../src/export/renderers.js';
import type { CoeDocument } from '../../src/model/types.js';
import { FIXTURES } from '../helpers/lint.js';

export const EXPORT_FIXTURES = path.join(FIXTURES, 'export');

/** The configuration the export fixture is written for. */
export const ORDERS_CONFIG: Partial<ResolvedConfig> = { internalDomains: ['corp.example.com'], internalTerms: ['shard-7'] };

export function configOf(config: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return { ...structuredClone(DEFAULT_CONFIG), ...config };
}

export function parse(text: string, config: Partial<ResolvedConfig> = {}): CoeDocument {
  const parsed = parseCoeDocument('test.md', text, parseOptionsOf(configOf(config)));
  if (!parsed.ok) throw new Error(`fixture does not parse: ${parsed.fatal.message}`);
  return parsed.doc;
}

export function exportString(text: string, format: ExportFormat = 'md', config: Partial<ResolvedConfig> = {}): ExportResult {
  return exportDocument(parse(text, config), configOf(config), format);
}

export function ordersDocument(): string {
  return readFileSync(path.join(EXPORT_FIXTURES, 'orders.md'), 'utf8');
}

/** A complete COE that breaks no rule (a copy of the base fixture, so that the export tests own their values). */
export function paymentsDocument(): string {
  return readFileSync(path.join(EXPORT_FIXTURES, 'payments.md'), 'utf8');
}
