// The RCA draft as one self-contained HTML page: inline CSS with a print
// stylesheet, an inline SVG of the window of impact, no scripts, no remote
// fonts or images. Every piece of text is escaped, and a Content Security
// Policy forbids scripts should anything slip through.
import type { Block, Inline, Rca } from './schema.js';
import { actionLead } from './render-markdown.js';
import { escapeHtml } from './escape.js';
import { timelineSvg } from './timeline-svg.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5a6472; --rule: #d9dee5; --impact: #d9534f; --accent: #1f5fae; }
* { box-sizing: border-box; }
body { margin: 0; background: #f5f6f8; color: var(--ink); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 2rem auto; padding: 2rem 2.5rem; background: #fff; border: 1px solid var(--rule); border-radius: 6px; }
header { border-bottom: 1px solid var(--rule); margin-bottom: 1.5rem; }
.kicker { margin: 0; color: var(--muted); font-size: .85rem; letter-spacing: .06em; text-transform: uppercase; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: .25rem 0 .75rem; }
.summary { font-size: 1.1rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; background: #f0f2f5; border-radius: 3px; }
code { padding: .05em .3em; }
pre { padding: .75rem 1rem; overflow-x: auto; white-space: pre-wrap; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid var(--rule); padding: .3rem .6rem; text-align: left; vertical-align: top; }
.placeholder { padding: .75rem 1rem; border: 2px dashed #c98a00; background: #fff8e1; border-radius: 4px; }
ul.actions { list-style: none; padding-left: 0; }
ul.actions li { padding: .35rem 0 .35rem 1.6rem; position: relative; }
ul.actions li::before { position: absolute; left: 0; top: .35rem; font-weight: 700; }
ul.actions li.done::before { content: "\\2713"; color: #2e7d32; }
ul.actions li.planned::before { content: "\\25CB"; color: var(--accent); }
.lead { font-weight: 600; }
figure { margin: 1rem 0; }
figcaption { color: var(--muted); font-size: .9rem; }
svg.impact-timeline { display: block; width: 100%; height: auto; max-width: 720px; }
svg .axis { stroke: #8a94a3; stroke-width: 2; }
svg .impact { fill: var(--impact); fill-opacity: .22; stroke: var(--impact); stroke-width: 1.5; }
svg .tick { stroke: #8a94a3; stroke-width: 1; }
svg circle { fill: #fff; stroke: var(--ink); stroke-width: 2; }
svg .start circle, svg .mitigated circle { stroke: var(--impact); }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
svg text.time { font-weight: 600; }
svg text.label { fill: var(--muted); }
ol.timeline { list-style: none; padding-left: 0; }
ol.timeline li { padding: .2rem 0; }
ol.timeline time { display: inline-block; min-width: 11.5rem; font-variant-numeric: tabular-nums; font-weight: 600; }
@media print {
  @page { margin: 18mm 16mm; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; margin: 0; padding: 0; border: 0; border-radius: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure, table, pre, blockquote, li { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: underline; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; word-break: break-all; }
  svg.impact-timeline, .placeholder { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

export function renderHtml(rca: Rca): string {
  const title = escapeHtml(rca.title);
  const body = [
    '<header>',
    '<p class="kicker">Root cause analysis</p>',
    `<h1>${title}</h1>`,
    `<p class="summary">${escapeHtml(rca.summary)}</p>`,
    '</header>',
    section('what-happened', 'What happened', blocksOr(rca.whatHappened.blocks, 'The COE has no impact narrative yet.')),
    section(
      'root-cause',
      'Root cause',
      rca.rootCause.placeholder ? `<div class="placeholder">${blocks(rca.rootCause.blocks)}</div>` : blocks(rca.rootCause.blocks),
    ),
    section('what-we-are-doing', 'What we are doing', actions(rca)),
    section('timeline', 'Timeline', timeline(rca)),
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function section(id: string, heading: string, content: string): string {
  return `<section aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(heading)}</h2>\n${content}\n</section>`;
}

function actions(rca: Rca): string {
  if (rca.actions.length === 0) return '<p>No actions are listed yet.</p>';
  return rca.actions
    .map((group) => {
      const items = group.actions
        .map(
          (a) =>
            `<li class="${a.status}"><span class="lead">${escapeHtml(actionLead(a.status, a.dueText))}</span> ${inlines(a.content)}</li>`,
        )
        .join('\n');
      return `<h3>${escapeHtml(group.heading)}</h3>\n<ul class="actions">\n${items}\n</ul>`;
    })
    .join('\n');
}

function timeline(rca: Rca): string {
  const svg = timelineSvg(rca);
  const figure = svg
    ? `<figure>\n${svg}\n<figcaption>${escapeHtml(rca.impactWindow.text)}, customers were affected (shaded).</figcaption>\n</figure>\n`
    : '';
  const items = rca.timeline
    .map((e) => `<li><time datetime="${escapeHtml(e.time)}">${escapeHtml(e.text)}</time> ${escapeHtml(e.label)}</li>`)
    .join('\n');
  return `${figure}<ol class="timeline">\n${items}\n</ol>`;
}

function blocksOr(list: Block[], note: string): string {
  return list.length > 0 ? blocks(list) : `<p>${escapeHtml(note)}</p>`;
}

function blocks(list: Block[]): string {
  return list.map(block).join('\n');
}

function block(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${inlines(b.content)}</p>`;
    case 'heading':
      return `<h3>${inlines(b.content)}</h3>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const start = b.ordered && b.start !== undefined ? ` start="${b.start}"` : '';
      return `<${tag}${start}>\n${b.items.map((item) => `<li>${listItem(item)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'quote':
      return `<blockquote>\n${blocks(b.blocks)}\n</blockquote>`;
    case 'code':
      return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
    case 'table': {
      const head = `<tr>${b.header.map((c) => `<th>${inlines(c)}</th>`).join('')}</tr>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td>${inlines(c)}</td>`).join('')}</tr>`).join('\n');
      return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
    }
  }
}

// A list item of one paragraph is written tight, without <p>.
function listItem(item: Block[]): string {
  const [only] = item;
  if (item.length === 1 && only?.type === 'paragraph') return inlines(only.content);
  return blocks(item);
}

function inlines(list: Inline[]): string {
  return list.map(inline).join('');
}

function inline(i: Inline): string {
  switch (i.type) {
    case 'text':
      return escapeHtml(i.text);
    case 'strong':
      return `<strong>${inlines(i.children)}</strong>`;
    case 'emphasis':
      return `<em>${inlines(i.children)}</em>`;
    case 'code':
      return `<code>${escapeHtml(i.text)}</code>`;
    case 'link':
      // The model keeps only http, https and mailto links; checked again here.
      return /^(?:https?|mailto):/i.test(i.href)
        ? `<a href="${escapeHtml(i.href)}" rel="noopener noreferrer nofollow">${inlines(i.children)}</a>`
        : inlines(i.children);
    case 'break':
      return '<br>';
  }
}
