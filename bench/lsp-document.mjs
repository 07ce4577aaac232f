// A COE of N lines for the language server's benchmark, within the
// limits of what coe reads: the minimal valid COE with a long Impact
// narrative, a long timeline, a wide five whys, 40 lessons and action items,
// and a few findings (a TODO, an undefined reference, a done item), so that
// every feature has something to answer.
//   import { largeCoe } from './lsp-document.mjs'; largeCoe(1000)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function largeCoe(lines = 1000) {
  const budget = Math.max(0, lines - 200 - 3 * 40);
  const entries = Math.floor(budget * 0.3);
  const causes = Math.floor(budget * 0.1);
  // The Impact narrative takes what is left, to the line.
  let prose = budget - entries - 3 * causes;
  let text = build(prose, entries, causes);
  for (let count = lineCount(text); count !== lines && prose > 0; count = lineCount(text)) {
    prose = Math.max(0, prose + Math.round(((lines - count) * 6) / 7) || Math.sign(lines - count));
    text = build(prose, entries, causes);
  }
  return text;
}

const lineCount = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

function build(prose, entries, causes) {
  const base = readFileSync(path.join(ROOT, 'test/fixtures/minimal.md'), 'utf8');
  const ids = 40;
  const impact = ['## Impact', ''];
  for (let i = 0; i < prose; i++) {
    impact.push(`Merchants in region ${(i % 7) + 1} received their payment notifications late while the backlog grew and drained again.`);
    if (i % 6 === 5) impact.push('');
  }
  const timeline = ['## Timeline', ''];
  const start = Date.parse('2025-09-03T14:05:00Z');
  for (let i = 0; i < entries; i++) {
    const t = new Date(start + i * 60_000).toISOString();
    timeline.push(`- ${t.slice(0, 10)} ${t.slice(11, 16)} UTC — Step ${i + 1} of the recovery: the worker pool is checked again.`);
  }
  const whys = ['## Five whys', '', '- Payment notifications were up to 40 minutes late for 75 minutes.'];
  for (let i = 0; i < causes; i++) {
    whys.push(`  - Why did part ${i + 1} of the queue fall behind? The workers of shard ${i + 1} could not keep up.`);
    whys.push(`    - Why? A configuration change halved the worker pool of shard ${i + 1}.`);
    whys.push(`      - Why? The pool size was set in two files and the change updated one. → L${(i % ids) + 1}`);
  }
  whys.push(`  - Why did nobody notice? The dashboard was not watched. → AI-${ids + 5}`);
  const lessons = ['## Lessons', ''];
  for (let i = 0; i < ids; i++) lessons.push(`- **L${i + 1}:** Shard ${i + 1} must read its pool size from one source of truth.`);
  const actions = [
    '## Action items',
    '',
    '| ID | Action | Term | Owner | Due | Status | Lessons | Validation |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (let i = 0; i < ids; i++) {
    const status = i === 3 ? 'done' : 'validated';
    const due = `2025-10-${String((i % 27) + 1).padStart(2, '0')}`;
    actions.push(
      `| AI-${i + 1} | Read the pool size of shard ${i + 1} from one file | mid | payments-team | ${due} | ${status} | L${i + 1} | A change to one file only now fails the pipeline |`,
    );
  }
  return base
    .replace(/## Impact[\s\S]*?(?=## Timeline)/, `${impact.join('\n')}\n\n`)
    .replace(/## Timeline[\s\S]*?(?=## Five whys)/, `${timeline.join('\n')}\n\nTODO: the last entries.\n\n`)
    .replace(/## Five whys[\s\S]*?(?=## Detection)/, `${whys.join('\n')}\n\n`)
    .replace(/## Lessons[\s\S]*$/, `${lessons.join('\n')}\n\n${actions.join('\n')}\n`);
}
