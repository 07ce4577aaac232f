// How fast `coe lsp` answers on a 1,000-line COE, against the 200 ms target.
// Starts the built server (bin/coe.js lsp) as an editor does, opens the
// document of lsp-document.mjs, and times each kind of answer from the
// moment the request (or the change) is sent to the moment the answer (or the
// diagnostics) arrives, over several rounds: the lint after each edit (no
// debounce), and each request asked right after an edit, when the server
// must read the new text first, then asked again on the same text.
//   npm run build && node bench/lsp.mjs [--lines 1000] [--rounds 20] [--check]
// --check exits 1 when a 95th percentile is over the target.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { largeCoe } from './lsp-document.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_MS = 200;

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '20' },
    check: { type: 'boolean', default: false },
  },
});
const lines = Number(values.lines);
const rounds = Number(values.rounds);

const text = largeCoe(lines);
const uri = pathToFileURL(path.join(os.tmpdir(), 'coe-lsp-bench', 'coe.md')).href;
const child = spawn(process.execPath, [path.join(ROOT, 'bin/coe.js'), 'lsp'], { cwd: os.tmpdir(), stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const published = new Map();
connection.onNotification('textDocument/publishDiagnostics', (params) => published.get(params.version)?.(params.diagnostics));
connection.listen();

const diagnosticsOf = (version) => new Promise((resolve) => published.set(version, resolve));
const timed = async (run) => {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
};

await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: null,
  capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
  initializationOptions: { debounceMs: 0, now: '2025-10-01' },
});
await connection.sendNotification('initialized', {});

// Positions of the things asked about, 0-based.
const source = text.split('\n');
const find = (needle, offset = 0) => {
  const line = source.findIndex((l) => l.includes(needle));
  return { line, character: source[line].indexOf(needle) + offset };
};
const reference = find('→ L1\n'.trimEnd(), 3);
const textDocument = { uri };

let version = 1;
const first = await timed(async () => {
  const arrived = diagnosticsOf(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  return arrived;
});
const findings = first.result;
const finding = findings.find((d) => d.code === 'references-exist') ?? findings[0];

// A change a person makes: a word typed at the end of an Impact line.
const typedLine = find('Merchants in region').line;
async function edit() {
  version += 1;
  const at = { line: typedLine, character: source[typedLine].length };
  const arrived = diagnosticsOf(version);
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: at, end: at }, text: version % 2 ? ' x' : '' }],
  });
  return arrived;
}

const requests = {
  hover: () => connection.sendRequest('textDocument/hover', { textDocument, position: reference }),
  definition: () => connection.sendRequest('textDocument/definition', { textDocument, position: reference }),
  references: () =>
    connection.sendRequest('textDocument/references', { textDocument, position: reference, context: { includeDeclaration: true } }),
  rename: () => connection.sendRequest('textDocument/rename', { textDocument, position: reference, newName: 'L99' }),
  completion: () => connection.sendRequest('textDocument/completion', { textDocument, position: reference }),
  'code action': () =>
    connection.sendRequest('textDocument/codeAction', { textDocument, range: finding.range, context: { diagnostics: [finding] } }),
  'document symbols': () => connection.sendRequest('textDocument/documentSymbol', { textDocument }),
};

const samples = { 'diagnostics after an edit': [] };
for (const name of Object.keys(requests)) {
  samples[`${name}, after an edit`] = [];
  samples[name] = [];
}
for (let round = 0; round < rounds; round++) {
  // Each request right after an edit: the change is sent and the request follows at once.
  for (const [name, request] of Object.entries(requests)) {
    const published = edit();
    samples[`${name}, after an edit`].push((await timed(request)).ms);
    await published;
    samples[name].push((await timed(request)).ms);
  }
  samples['diagnostics after an edit'].push((await timed(edit)).ms);
}

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const rows = Object.entries(samples).map(([name, ms]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { name, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) };
});
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`coe lsp on a ${source.length - 1}-line COE (${Buffer.byteLength(text)} bytes, ${findings.length} findings), ${rounds} rounds`);
const load = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(`${os.cpus().length} × ${cpu}, load average ${load}, Node ${process.version}; target ${TARGET_MS} ms`);
console.log(`first diagnostics after opening (cold server): ${first.ms.toFixed(1)} ms`);
const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'answer'.padEnd(width)}  median ms  p95 ms  max ms`);
for (const r of rows) {
  const verdict = r.p95 <= TARGET_MS ? 'within target' : 'OVER TARGET';
  console.log(
    `${r.name.padEnd(width)}  ${r.median.toFixed(1).padStart(9)}  ${r.p95.toFixed(1).padStart(6)}  ${r.max.toFixed(1).padStart(6)}  ${verdict}`,
  );
}
const worst = Math.max(...rows.map((r) => r.p95));
console.log(`slowest 95th percentile: ${worst.toFixed(1)} ms (${worst <= TARGET_MS ? 'within' : 'over'} the ${TARGET_MS} ms target)`);
if (values.check && worst > TARGET_MS) process.exitCode = 1;
