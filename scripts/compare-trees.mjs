#!/usr/bin/env node
// Whether two builds of coe parse Markdown into the same trees, positions
// included: the check behind each change to the parser's patches (patches/,
// README Development). Each build's own parser (dist/parse/markdown.js, run
// with its own node_modules) reads the same documents, and the trees'
// hashes are compared.
//
//   node scripts/compare-trees.mjs OTHER_ROOT [--development] [--keep DIR]
//
// OTHER_ROOT is another checkout of coe, built (`npm ci`), typically the
// commit before the change: `git worktree add /tmp/before HEAD~1 && (cd
// /tmp/before && npm ci)`. The documents: every Markdown file of this
// repository and of ../shared, 1,000 generated COEs (bench/generate.mjs),
// and 90,000 random ones (seeded) of table lines in containers, of block
// lines and of inline syntax, with LF, CRLF and CR endings. `--development`
// runs the packages' development builds (micromark's assertions on).
// Exits 1 and names the first documents that differ.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../bench/generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const other = args.find((a) => !a.startsWith('--'));
if (!other || !existsSync(path.join(other, 'dist/parse/markdown.js'))) {
  console.error('usage: node scripts/compare-trees.mjs OTHER_ROOT [--development]  (OTHER_ROOT built with npm ci)');
  process.exit(2);
}
const development = args.includes('--development');

// A child process that hashes the tree of each document with one build's parser.
const HASHER = `
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
const [root, corpus] = process.argv.slice(2);
const { parseMarkdown } = await import(root + '/dist/parse/markdown.js');
const out = [];
for (const line of readFileSync(corpus, 'utf8').trim().split('\\n')) {
  const [, text] = JSON.parse(line);
  let tree;
  try { tree = JSON.stringify(parseMarkdown(text)); } catch (error) { tree = 'ERROR ' + error.message; }
  out.push(createHash('sha1').update(tree).digest('hex'));
}
process.stdout.write(out.join('\\n'));
`;

function markdownFiles(dir, out) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const file = path.join(dir, entry);
    const stat = statSync(file);
    if (stat.isDirectory()) markdownFiles(file, out);
    else if (/\.(md|markdown)$/.test(entry) && stat.size < 2e6) out.push([path.relative(ROOT, file), readFileSync(file, 'utf8')]);
  }
  return out;
}

function random(seed) {
  return (n) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
}

// `count` documents of pieces drawn from `pieces`, each followed by `joiner`'s.
function randomDocuments(name, seed, pieces, count, size, joiner) {
  const pick = random(seed);
  return Array.from({ length: count }, () => {
    let text = '';
    for (let k = size(pick); k > 0; k--) text += pieces[pick(pieces.length)] + joiner(pick, k);
    return [name, text];
  });
}

const ENDS = ['\n', '\n', '\n', '\r\n', '\r'];
const lineEnd = (pick, k) => (k > 1 || pick(2) ? ENDS[pick(ENDS.length)] : '');
const BLOCK_LINES = [
  '| a | b |',
  'a | b',
  '--- | ---',
  '|---|---|',
  ':-: | -:',
  '| - |',
  '-',
  '|',
  '- item',
  '- | a |',
  '> | a |',
  '> --- |',
  '> quote',
  '  | x |',
  '    | y |',
  'text',
  'more text here',
  '',
  '   ',
  '* * *',
  '1. x',
  '```',
  '~~~',
  'a\\|b',
  '\\| c',
  '| `a|b` |',
  '---',
  '===',
  '# head',
  '<div>',
  'x|y',
  ':--',
  '-|-',
  '| a |',
  'lazy',
  '\t| t |',
  '>',
  '- - -',
  '+ p',
  '  - nested | x',
  '  ---|---',
];
const TABLE_LINES = [
  '> a | b',
  '> --|--',
  '> - | -',
  '>> a|b',
  '> > --|--',
  '>--|--',
  '- a | b',
  '  --|--',
  '  - | -',
  '\t--|--',
  '1. a|b',
  '   --|--',
  '    --|--',
  'a|b',
  '|a|',
  '|-|',
  ':-|-:',
  ' > |-|',
  '> ',
  '- ',
  '  > a|b',
  '  > -|-',
  'x',
  '* a|b',
  '  :--|',
  '>\t-|-',
  '| -- |  ',
  '-|-  x',
  'a | b | c',
  '-|-|-',
  '\t\t|-|',
];
const INLINE = [
  '*',
  '_',
  '**',
  '__',
  '`',
  '``',
  '[',
  ']',
  '(',
  ')',
  '![',
  '<',
  '>',
  '&amp;',
  '&',
  '&#',
  '\\',
  'http://x.y',
  'a@b.c',
  'word',
  'on-call',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '~',
  '|',
  '<a href="x">',
  '</a>',
  '<!-- c -->',
  '"',
  "'",
  '[x]: /u',
  '[x]',
  '#',
  '- ',
  '> ',
  '1. ',
  '    ',
  '---',
  '\u00e9',
  '\u0000',
  '\ufeff',
  'snake_case_word',
  '*a*',
  '_b_',
];

const tmp = mkdtempSync(path.join(os.tmpdir(), 'coe-trees-'));
try {
  generate(path.join(tmp, 'coes'), 1000, 1);
  const documents = [
    ...markdownFiles(ROOT, []),
    ...markdownFiles(path.join(ROOT, '..', 'shared'), []),
    ...markdownFiles(path.join(tmp, 'coes'), []),
    ...randomDocuments('random block lines', 7, BLOCK_LINES, 30_000, (pick) => 1 + pick(8), lineEnd),
    ...randomDocuments('random table lines', 11, TABLE_LINES, 30_000, (pick) => 2 + pick(6), lineEnd),
    ...randomDocuments(
      'random inline syntax',
      13,
      INLINE,
      30_000,
      (pick) => 1 + pick(25),
      () => '',
    ),
  ];
  const corpus = path.join(tmp, 'corpus.jsonl');
  writeFileSync(corpus, documents.map((d) => JSON.stringify(d)).join('\n') + '\n');
  writeFileSync(path.join(tmp, 'hash.mjs'), HASHER);
  const hashes = (root) =>
    execFileSync(process.execPath, [...(development ? ['--conditions=development'] : []), path.join(tmp, 'hash.mjs'), root, corpus], {
      cwd: root,
      maxBuffer: 1 << 28,
    })
      .toString()
      .split('\n');
  const [mine, theirs] = [hashes(ROOT), hashes(path.resolve(other))];
  const differ = documents.filter((_, i) => mine[i] !== theirs[i]);
  if (differ.length === 0) {
    console.log(`${documents.length} documents: the same trees${development ? ' (development builds)' : ''}`);
  } else {
    console.log(`${differ.length} of ${documents.length} documents differ; the first:`);
    for (const [name, text] of differ.slice(0, 5)) console.log(`  ${name}: ${JSON.stringify(text.slice(0, 120))}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
