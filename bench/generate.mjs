// A deterministic generator of realistic COEs for the benchmarks: each is
// one of the examples with its frontmatter varied (id, dates, severity,
// status, detection, services, tags, regions, related), about 6 KB; a few
// carry findings (a TODO, a blaming word, an undefined reference), and 5% of
// the files are other Markdown (READMEs, runbooks). The same seed gives the
// same files.
//   node bench/generate.mjs DIR N [SEED]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** mulberry32: a small seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = [
  'orders-api',
  'checkout-api',
  'payments-gateway',
  'identity-service',
  'search-api',
  'notifications-service',
  'billing-service',
  'api-gateway',
  'cdn-config',
  'session-store',
  'ledger-db',
  'cell-router',
];
const TAGS = [
  'database',
  'dns',
  'config-change',
  'deployment',
  'certificates',
  'capacity',
  'third-party',
  'load-balancing',
  'feature-flags',
  'alarms',
  'batch',
  'migrations',
];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1'];
const SOURCES = ['alarm', 'aggregate-alarm', 'canary', 'traffic-anomaly', 'customer-report', 'support-cases', 'social-media', 'other'];

const OTHER = `# Runbook: draining a host

1. Find the host in the dashboard.
2. Take it out of the load balancer.
3. Watch the error rate for five minutes.

| step | owner |
|---|---|
| drain | on-call |
| replace | platform |
`;

function templates() {
  const dir = path.join(ROOT, 'examples');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .sort()
    .map((n) => readFileSync(path.join(dir, n), 'utf8'));
}

const pick = (random, list) => list[Math.floor(random() * list.length)];
const some = (random, list, max) => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(random, list)))];

/** Writes `n` files into `dir`; returns their names. */
export function generate(dir, n, seed = 1) {
  mkdirSync(dir, { recursive: true });
  const random = prng(seed);
  const bases = templates();
  const names = [];
  const start0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    const name = `coe-${String(i).padStart(6, '0')}.md`;
    names.push(name);
    if (random() < 0.05) {
      writeFileSync(path.join(dir, name), OTHER);
      continue;
    }
    const text = bases[i % bases.length];
    const end = text.indexOf('\n---', 4);
    const doc = parseDocument(text.slice(4, end));
    // Every date moves by whole days, the body's too, so the COE stays as sound as its example.
    const oldStart = Date.parse(String(doc.getIn(['incident', 'start'])));
    const shift = Math.round((start0 + Math.floor(random() * 3 * 365) * 86_400_000 - oldStart) / 86_400_000) * 86_400_000;
    const move = (value) => value.replace(/\d{4}-\d{2}-\d{2}/g, (day) => new Date(Date.parse(day) + shift).toISOString().slice(0, 10));
    for (const key of ['start', 'detected', 'engaged', 'mitigated', 'resolved', 'customer_notified']) {
      const value = doc.getIn(['incident', key]);
      if (value !== undefined) doc.setIn(['incident', key], move(String(value)));
    }
    const year = new Date(oldStart + shift).getUTCFullYear();
    doc.set('id', `COE-${year}-${String(i + 1).padStart(6, '0')}`);
    doc.set('severity', 1 + Math.floor(random() * 5));
    doc.set('services', some(random, SERVICES, 3));
    doc.set('tags', some(random, TAGS, 3));
    doc.set('regions', random() < 0.1 ? some(random, REGIONS, 3) : [pick(random, REGIONS)]);
    doc.setIn(['incident', 'detected_by'], pick(random, SOURCES));
    if (random() < 0.1) doc.set('related', [`COE-${year}-${String(1 + Math.floor(random() * n)).padStart(6, '0')}`]);
    let body = move(text.slice(end + 4));
    const flaw = random();
    if (flaw < 0.03) body = body.replace('## Impact\n', '## Impact\n\nTODO: the figures from the data team.\n');
    else if (flaw < 0.05) body = body.replace('## Impact\n', '## Impact\n\nIt was human error.\n');
    else if (flaw < 0.07) body = body.replace('## Detection\n', '## Detection\n\nSee AI-99.\n');
    writeFileSync(path.join(dir, name), `---\n${doc.toString()}---${body}`);
  }
  return names;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !count) {
    console.error('usage: node bench/generate.mjs DIR N [SEED]');
    process.exit(2);
  }
  generate(dir, Number(count), Number(seed ?? 1));
}
