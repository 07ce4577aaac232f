// A deterministic generator of realistic COEs for the benchmarks. Each COE is
// one of the examples, varied: its frontmatter (id, dates, severity,
// detection, services, tags, regions, related), its headings (aliases,
// numbering), its timeline (a list or a table), its optional sections
// (customer summary dropped; mitigation, communication and a metrics table
// added) and the status of its action items (those of incidents older than
// four months are closed, as in a kept docs repo). They are 6 to 11 KB. A few
// carry findings (a TODO, a blaming word, an undefined reference, a misspelt
// key, besides the examples' own), and 5% of the files are other Markdown
// (READMEs, runbooks, decision records, meeting notes), some with
// frontmatter. The same seed gives the same files.
//   node bench/generate.mjs DIR N [SEED]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DAY = 86_400_000;

/** The date the benchmarks lint with (`--now`): the generated incidents fall in the three years before it. */
export const NOW = '2026-12-01';

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
const TEAMS = ['platform-team', 'payments-team', 'identity-team', 'search-team', 'storage-team', 'edge-team', 'data-team', 'mobile-team'];

/** The sections of the examples, by their heading (case folded), and the other headings the format accepts for each. */
const SECTIONS = {
  impact: ['Impact summary', 'Customer impact'],
  timeline: ['Event timeline'],
  'five whys': ['5 whys', 'Root cause analysis'],
  detection: ['Detection review'],
  dependencies: ['Dependency review'],
  lessons: ['Lessons learned', 'Learnings'],
  'action items': ['Actions', 'Corrective actions'],
  mitigation: ['Mitigation and recovery'],
  'customer summary': ['Customer-facing summary'],
  communication: ['Customer communication'],
};
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

const MITIGATION = [
  'The on-call engineer rolled the change back through the deployment pipeline rather than by hand, so the rollback itself went through the usual checks.',
  'Traffic was shifted away from the affected zone while the cause was still being confirmed, which ended most of the customer impact within minutes.',
  'We scaled the fleet to twice its usual size as a precaution and kept it there until the next business day.',
  'Queued requests were replayed in order once the service was healthy again, and a sample of them was checked against the records of the day before.',
  'The team paused every other deployment to the same services until the incident was resolved.',
  'A second engineer verified each step of the recovery against the runbook before it was applied.',
  'Error rates were back to their usual level twelve minutes after the rollback, and latency a few minutes later.',
  'We kept the incident open for a day after mitigation to watch the next daily peak of traffic.',
  'Recovery took longer than it should have, because the runbook described a dashboard that had since been renamed.',
  'No data was lost: every write that was refused during the incident was retried by the clients and succeeded afterwards.',
  'The rollback was tested first in one region, then applied to the others at ten-minute intervals.',
  'Support agents were given a short answer for customers who asked, with the expected time of recovery.',
];
const COMMUNICATION = [
  'A status page notice went out during the incident and was updated every thirty minutes until recovery.',
  'Customers who contacted support were told what was affected, what was not, and when to expect the next update.',
  'Account managers wrote to the largest affected customers the following morning with a short summary.',
  'The notice named the functions customers use rather than our internal systems, and it said plainly that no data was lost.',
  'We posted a final update when the incident was resolved and linked the customer summary once it was approved.',
  'The first notice took longer than our goal of fifteen minutes, because the person on call for communication was not paged automatically.',
];
const METRICS = [
  'Error rate',
  'p99 latency',
  'Requests per second',
  'Queue depth',
  'Failed payments',
  'Sign-in success',
  'Cache hit ratio',
];

const OTHERS = [runbook, readme, decision, meeting];

function runbook(random) {
  const steps = Array.from({ length: 3 + Math.floor(random() * 8) }, (_, i) => `${i + 1}. ${pick(random, STEPS)}`);
  return `# Runbook: ${pick(random, ['draining a host', 'rotating a certificate', 'failing over the database', 'pausing a batch job'])}

${pick(random, PROSE)}

${steps.join('\n')}

| step | owner |
|---|---|
| drain | on-call |
| replace | platform |
| verify | ${pick(random, TEAMS)} |
`;
}

function readme(random) {
  const links = Array.from({ length: 2 + Math.floor(random() * 6) }, (_, i) => `- [${pick(random, TAGS)} reviews](./${i}.md)`);
  return `# ${pick(random, ['Incident reviews', 'Operations docs', 'COE archive'])}

${Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, PROSE)).join('\n\n')}

## Writing a review

\`\`\`bash
npx coe new "Short title of the incident"
npx coe lint docs/coe
\`\`\`

## Index

${links.join('\n')}
`;
}

function decision(random) {
  const number = String(1 + Math.floor(random() * 300)).padStart(4, '0');
  return `---
title: Record ${number}
status: ${pick(random, ['proposed', 'accepted', 'superseded'])}
date: 2025-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}
---

# ${number}. ${pick(random, ['Use one alarm per customer journey', 'Stage flag changes like deployments', 'Keep retries behind a budget'])}

## Context

${pick(random, PROSE)} ${pick(random, PROSE)}

## Decision

${pick(random, PROSE)}

## Consequences

${Array.from({ length: 2 + Math.floor(random() * 4) }, () => `- ${pick(random, STEPS)}`).join('\n')}
`;
}

function meeting(random) {
  const rows = Array.from(
    { length: 2 + Math.floor(random() * 10) },
    (_, i) => `| ${i + 1} | ${pick(random, TEAMS)} | ${pick(random, STEPS)} |`,
  );
  return `# Weekly operations review

*Notes, ${pick(random, ['Monday', 'Wednesday'])} meeting.*

| # | team | topic |
|---|---|---|
${rows.join('\n')}

${pick(random, PROSE)}
`;
}

const STEPS = [
  'Find the host in the dashboard.',
  'Take it out of the load balancer.',
  'Watch the error rate for five minutes.',
  'Announce the change in the operations channel.',
  'Check that the standby has caught up.',
  'Run the smoke tests against the new configuration.',
  'Record the time of each step in the ticket.',
  'Ask a second engineer to review the command before it runs.',
];
const PROSE = [
  'This folder holds the reviews of our incidents, one file each, written after the incident is mitigated.',
  'Each review follows the same template, so that lessons can be compared across teams and years.',
  'Reviews are approved in the weekly operations meeting, and their action items are tracked until they are validated.',
  'The steps below assume access to the production account and a second engineer on the call.',
  'We chose this option because it keeps each team in control of its own rollout while sharing one safety net.',
  'The alternative, a central approval for every change, was slower and caught fewer problems in our trial.',
];

/** The mdast of a Markdown text: CommonMark, frontmatter and GFM tables, as `coe` reads it. */
function parse(text) {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  const data = processor.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmTable()];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmTableFromMarkdown()];
  return processor.parse(text);
}

const slice = (text, node) => text.slice(node.position.start.offset, node.position.end.offset);

/** An example cut into its level-2 sections, with what the variations need, read from its syntax tree once. */
function template(text) {
  const end = text.indexOf('\n---', 4);
  const frontmatter = text.slice(4, end);
  const body = text.slice(end + 4);
  const tree = parse(body);
  const headings = tree.children.filter((node) => node.type === 'heading' && node.depth === 2);
  const sections = headings.map((heading, i) => {
    const from = heading.position.end.offset;
    const to = headings[i + 1]?.position.start.offset ?? body.length;
    const nodes = tree.children.filter((node) => node.position.start.offset >= from && node.position.end.offset <= to);
    const name = toString(heading).toLowerCase();
    const content = body.slice(from, to);
    return {
      name,
      content,
      table: name === 'timeline' ? timelineTable(body, nodes) : undefined,
      closed: name === 'action items' ? closeActions(body, from, content, nodes) : undefined,
    };
  });
  return { frontmatter, preamble: body.slice(0, headings[0].position.start.offset), sections };
}

/** The Timeline written as a GFM table, or undefined when an entry does not fit in a row. */
function timelineTable(body, nodes) {
  const list = nodes.find((node) => node.type === 'list');
  if (!list || nodes.some((node) => node !== list && node.type !== 'paragraph')) return undefined;
  const rows = [];
  for (const item of list.children) {
    if (item.children.length !== 1) return undefined;
    const line = slice(body, item.children[0])
      .split('\n')
      .map((l) => l.trim())
      .join(' ');
    // The entry's time, then a dash: the timeline's own grammar, not Markdown structure.
    const entry = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC|\d{2}:\d{2}) — (.+)$/.exec(line);
    if (!entry) return undefined;
    rows.push(`| ${entry[1]} | ${entry[2].replaceAll('|', '\\|')} |`);
  }
  const before = nodes.filter((node) => node.position.end.offset <= list.position.start.offset).map((node) => slice(body, node));
  return `\n\n${[...before, `| Time | Event |\n|---|---|\n${rows.join('\n')}`].join('\n\n')}\n\n`;
}

/** The Action items section (`content`, from offset `from` of `body`) with each `open` or `in-progress` item that has a Validation marked `validated`. */
function closeActions(body, from, content, nodes) {
  const table = nodes.find((node) => node.type === 'table');
  if (!table) return content;
  const header = table.children[0].children.map((cell) => toString(cell).toLowerCase());
  const [status, validation] = [header.indexOf('status'), header.indexOf('validation')];
  let closed = '';
  let at = from;
  for (const row of table.children.slice(1)) {
    const value = row.children[status] && toString(row.children[status]);
    const validated = row.children[validation] && toString(row.children[validation]).trim() !== '';
    if ((value === 'open' || value === 'in-progress') && validated) {
      const text = row.children[status].children[0];
      closed += `${body.slice(at, text.position.start.offset)}validated`;
      at = text.position.end.offset;
    }
  }
  return closed + body.slice(at, from + content.length);
}

let cache;
function templates() {
  const dir = path.join(ROOT, 'examples');
  cache ??= readdirSync(dir)
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .sort()
    .map((n) => template(readFileSync(path.join(dir, n), 'utf8')));
  return cache;
}

const pick = (random, list) => list[Math.floor(random() * list.length)];
const some = (random, list, max) => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(random, list)))];
const sentences = (random, list, min, max) =>
  [...new Set(Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(random, list)))].join(' ');

function heading(random, name, number, roman) {
  const canonical = name.replace(/^./, (c) => c.toUpperCase());
  const text = random() < 0.12 ? pick(random, SECTIONS[name] ?? [canonical]) : canonical;
  if (number === undefined) return text;
  return `${roman ? ROMAN[number] : number + 1}. ${text}`;
}

function metricsTable(random) {
  const rows = some(random, METRICS, 6).map((metric) => {
    const before = 1 + Math.floor(random() * 900);
    return `| ${metric} | ${before} | ${before * (2 + Math.floor(random() * 40))} | ${before} |`;
  });
  return `\n\n| Metric | Before | During | After |\n|---|---|---|---|\n${rows.join('\n')}\n\n`;
}

/** One COE from `base`, varied by `random`. */
function coe(random, base, i, n) {
  const doc = parseDocument(base.frontmatter);
  // Every date moves by whole days, the body's too, so the COE stays as sound as its example.
  const oldStart = Date.parse(String(doc.getIn(['incident', 'start'])));
  const now = Date.parse(NOW);
  const newStart = now - (1 + Math.floor(random() * 3 * 365)) * DAY;
  const shift = Math.round((newStart - oldStart) / DAY) * DAY;
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
  if (random() < 0.005) doc.set('serverity', 2);

  const old = now - (oldStart + shift) > 120 * DAY;
  const numbered = random() < 0.1;
  const roman = random() < 0.2;
  const tableTimeline = random() < 0.3;
  const dropSummary = random() < 0.2;
  const mitigation = random() < 0.25;
  const communication = random() < 0.15;
  const metrics = random() < 0.2;
  const flaw = random();
  const sections = [];
  for (const section of base.sections) {
    let content = section.content;
    if (section.name === 'customer summary' && dropSummary) continue;
    if (section.name === 'timeline' && tableTimeline && section.table) content = section.table;
    if (section.name === 'action items' && old) content = section.closed;
    if (section.name === 'impact' && flaw < 0.03) content = `\n\nTODO: the figures from the data team.${content}`;
    if (section.name === 'impact' && flaw >= 0.03 && flaw < 0.05) content = `\n\nIt was human error.${content}`;
    if (section.name === 'detection' && flaw >= 0.05 && flaw < 0.07) content = `\n\nSee AI-99.${content}`;
    sections.push({ name: section.name, content });
    if (section.name === 'timeline' && mitigation && !base.sections.some((s) => s.name === 'mitigation'))
      sections.push({
        name: 'mitigation',
        content: `\n\n${sentences(random, MITIGATION, 2, 4)}\n\n${sentences(random, MITIGATION, 1, 3)}\n\n`,
      });
    if (section.name === 'dependencies' && communication)
      sections.push({ name: 'communication', content: `\n\n${sentences(random, COMMUNICATION, 2, 4)}\n\n` });
  }
  if (metrics) sections.push({ name: 'appendix: metrics', content: metricsTable(random) });
  const body = sections.map((s, k) => `## ${heading(random, s.name, numbered ? k : undefined, roman)}${s.content}`).join('');
  return `---\n${doc.toString()}---${move(base.preamble + body.trimEnd())}\n`;
}

/** Writes `n` files into `dir`; returns their names. */
export function generate(dir, n, seed = 1) {
  mkdirSync(dir, { recursive: true });
  const random = prng(seed);
  const bases = templates();
  const names = [];
  for (let i = 0; i < n; i++) {
    const name = `coe-${String(i).padStart(6, '0')}.md`;
    names.push(name);
    const text = random() < 0.05 ? pick(random, OTHERS)(random) : coe(random, bases[i % bases.length], i, n);
    writeFileSync(path.join(dir, name), text);
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
