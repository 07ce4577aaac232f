#!/usr/bin/env node
// Times `coe export` (and the customer-terms rule, which reads the same
// text) on generated COEs far past the input limits: 5 MB, 20,000 lines,
// lines of 100,000 characters. Each shape once stalled the export for seconds to
// hours. Run after `npm run build`:
//   node bench/pathological-export.mjs [--copies N] [--only NAME] [--json]
// Every export should take well under 2 s (parsing and linting, timed apart,
// are not the export's). test/export/pathological.test.ts runs it on each
// shape with a time limit, so a hang fails the test.
import { pathologicalExports } from './pathological-export-shapes.mjs';
import { DEFAULT_CONFIG } from '../dist/config/config.js';
import { parseOptionsOf } from '../dist/engine/lint.js';
import { parseCoeDocument } from '../dist/parse/document.js';
import { DEFAULT_LIMITS } from '../dist/parse/limits.js';
import { exportDocument } from '../dist/export/index.js';
import { EXPORT_FORMATS } from '../dist/export/renderers.js';
import customerTerms from '../dist/rules/customer-terms.js';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const copies = Number(option('--copies') ?? 10);
const only = option('--only');
const json = args.includes('--json');

const config = { ...DEFAULT_CONFIG, internalDomains: ['corp.example.com'], internalTerms: ['shard-7'] };
// The input limits (128 KB, 4,000 lines) refuse these files before any export;
// the shapes go far past them, to show that the export itself stays linear
// should the limits ever be raised.
const LOOSE = {
  ...DEFAULT_LIMITS,
  maxBytes: 8 * 1024 * 1024,
  maxLines: 25_000,
  maxMarkup: Infinity,
  maxParagraphMarks: Infinity,
  maxSetextHeadings: Infinity,
};
const seconds = (since) => (performance.now() - since) / 1000;

for (const { name, text } of pathologicalExports({ copies, big: only === undefined || only === '5 MB of prose' })) {
  if (only !== undefined && name !== only) continue;
  let t = performance.now();
  const parsed = parseCoeDocument('bench.md', text, { ...parseOptionsOf(config), limits: LOOSE });
  const parse = seconds(t);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.fatal.message}`);
  t = performance.now();
  customerTerms.check({
    doc: parsed.doc,
    options: customerTerms.defaults,
    settings: { now: '2026-01-01', internalTerms: config.internalTerms },
  });
  const rule = seconds(t);
  const exports = {};
  let leakedHost = false;
  for (const format of EXPORT_FORMATS) {
    t = performance.now();
    const { output } = exportDocument(parsed.doc, config, format);
    exports[format] = seconds(t);
    leakedHost ||= /corp\.example/i.test(output);
  }
  const result = { name, megabytes: text.length / 1e6, parse, customerTerms: rule, exports, leakedHost };
  if (json) console.log(JSON.stringify(result));
  else {
    const times = Object.entries(exports)
      .map(([f, s]) => `${f} ${s.toFixed(2)} s`)
      .join(', ');
    console.log(
      `${name.padEnd(24)} ${result.megabytes.toFixed(2).padStart(5)} MB  parse ${parse.toFixed(2)} s  customer-terms ${rule.toFixed(2)} s  export: ${times}`,
    );
  }
}
