// COEs at the input limits (5 MB, 20,000 lines, 100,000-character lines)
// in the shapes that once stalled `coe export`: removals next to runs of
// separators, long tokens, long runs of spaces, many internal hosts, many
// action items, many names. Shared by bench/pathological-export.mjs and
// test/export/pathological.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LINE = 99_000; // under the 100,000-character line limit, with room for the line's start

/** The payments COE with `paragraphs` added to its Impact, or its action items table extended. */
function payments({ paragraphs = [], rows = [] }) {
  let text = readFileSync(path.join(ROOT, 'test/fixtures/export/payments.md'), 'utf8');
  const impact = 'notification was lost, and every merchant received each notification once.';
  text = text.replace(impact, `${impact}\n\n${paragraphs.join('\n\n')}`);
  if (rows.length > 0) text = text.replace('| AI-2 |', `${rows.join('\n')}\n| AI-2 |`);
  return text;
}

const repeat = (unit, length = LINE) => unit.repeat(Math.floor(length / unit.length));
const lines = (n, make) => Array.from({ length: n }, (_, i) => make(i));
const ids = (sep) => repeat(`AI-1${sep}`);

/**
 * Each shape, as { name, text }. `lines` long lines of each line-shaped one
 * (one is enough to stall a quadratic pattern; the bench uses ten), and
 * with `big` the shapes that are only big (5 MB of prose).
 */
export function pathologicalExports({ copies = 10, big = true } = {}) {
  const shapes = [
    { name: 'ids, no closing mark', text: payments({ paragraphs: lines(copies, () => `See ${ids(', ')}and more`) }) },
    {
      name: 'ids in an open bracket',
      text: payments({
        paragraphs: lines(Math.max(copies, 3), (i) => `${'([-'[i % 3]}${i % 3 === 2 ? '> ' : ''}${ids(i % 2 ? '; ' : ' , ')}x`),
      }),
    },
    { name: 'commas around ids', text: payments({ paragraphs: lines(copies, () => `, ${ids(' , ')}x`) }) },
    {
      name: 'long tokens',
      text: payments({
        paragraphs: ['a', '.,', '/', 'a.', 'a@', '@a', '.a-', '(.'].flatMap((unit) => lines(Math.min(copies, 6), () => `${repeat(unit)}x`)),
      }),
    },
    { name: 'long runs of spaces', text: payments({ paragraphs: lines(copies, () => `a${' '.repeat(LINE)}b`) }) },
    {
      name: 'internal hosts',
      text: payments({ paragraphs: lines(copies, () => repeat('x_y.corp.example.com *wiki*.corp.example.com ')) }),
    },
    { name: 'hidden characters', text: payments({ paragraphs: lines(copies, () => repeat('ledger\u00AD-db&shy;\u200B\u043E\uFF41 ')) }) },
    {
      name: '10,000 action items',
      text: payments({
        rows: lines(10_000, (i) => `| AI-${i + 3} | Check shard-7 and AI-${i + 2} | mid | team-${i} | 2025-10-01 | open | L1 | |`),
      }),
    },
    {
      name: '19,000 lines of prose',
      text: payments({
        paragraphs: lines(9_500, (i) => `Paragraph ${i} says ledger-db, webhook-dispatcher and (AI-1, AI-2) → L1 once more.`),
      }),
    },
  ];
  if (big)
    shapes.push({
      name: '5 MB of prose',
      text: payments({
        paragraphs: lines(48, () => repeat('Plain words of a long impact narrative, see wiki.corp.example.com. ', 100_000 - 200)),
      }),
    });
  return shapes;
}
