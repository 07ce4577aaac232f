// The RCA draft as Markdown. All text is escaped, so raw HTML or Markdown
// syntax in the COE comes out as the characters it was written with.
import type { Block, Inline, Rca } from './schema.js';
import { escapeMarkdown } from '../util/markdown.js';

export function renderMarkdown(rca: Rca): string {
  const out: string[] = [`# ${escapeLineStart(escapeMarkdown(rca.title))}`, escapeLineStart(escapeMarkdown(rca.summary))];
  out.push('## What happened', ...blocksOrNote(rca.whatHappened.blocks, 'The COE has no impact narrative yet.'));
  out.push('## Root cause', ...blocks(rca.rootCause.blocks));
  out.push('## What we are doing');
  if (rca.actions.length === 0) out.push(escapeMarkdown('No actions are listed yet.'));
  for (const group of rca.actions) {
    out.push(`### ${escapeMarkdown(group.heading)}`);
    out.push(
      group.actions
        .map((a) => `- **${escapeMarkdown(actionLead(a.status, a.dueText))}** ${escapeLineStart(inlines(a.content))}`)
        .join('\n'),
    );
  }
  out.push('## Timeline');
  out.push(rca.timeline.map((e) => `- ${escapeMarkdown(e.text)}: ${escapeMarkdown(e.label)}`).join('\n'));
  return `${out.filter((s) => s !== '').join('\n\n')}\n`;
}

/** "Done:", "By October 15, 2025:" or "Planned:". */
export function actionLead(status: 'done' | 'planned', dueText: string | null): string {
  if (status === 'done') return 'Done:';
  return dueText ? `By ${dueText}:` : 'Planned:';
}

function blocksOrNote(list: Block[], note: string): string[] {
  return list.length > 0 ? blocks(list) : [escapeMarkdown(note)];
}

function blocks(list: Block[]): string[] {
  return list.map(block);
}

function block(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return escapeLineStart(inlines(b.content));
    case 'heading':
      return `### ${inlines(b.content).replace(/\\\n/g, ' ')}`;
    case 'list':
      return b.items
        .map((item, i) => {
          const marker = b.ordered ? `${(b.start ?? 1) + i}.` : '-';
          const pad = ' '.repeat(marker.length + 1);
          const body = blocks(item)
            .join('\n\n')
            .replace(/\n(?=.)/g, `\n${pad}`);
          return `${marker} ${body}`;
        })
        .join('\n');
    case 'quote':
      return blocks(b.blocks)
        .join('\n\n')
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'code': {
      const fence = '`'.repeat(Math.max(3, longestRun(b.text, '`') + 1));
      return `${fence}\n${b.text}\n${fence}`;
    }
    case 'table': {
      const width = Math.max(b.header.length, ...b.rows.map((r) => r.length));
      const row = (cells: Inline[][]) => `| ${Array.from({ length: width }, (_, i) => inlines(cells[i] ?? [], true)).join(' | ')} |`;
      return [row(b.header), `|${' --- |'.repeat(width)}`, ...b.rows.map(row)].join('\n');
    }
  }
}

// In a table cell, "|" ends the cell even inside a code span, so it is escaped there too.
function inlines(list: Inline[], inTable = false): string {
  return list.map((i) => inline(i, inTable)).join('');
}

function inline(i: Inline, inTable: boolean): string {
  switch (i.type) {
    case 'text':
      return escapeMarkdown(i.text);
    case 'strong':
      return `**${inlines(i.children, inTable)}**`;
    case 'emphasis':
      return `*${inlines(i.children, inTable)}*`;
    case 'code':
      return inTable ? codeSpan(i.text).replace(/\|/g, '\\|') : codeSpan(i.text);
    case 'link':
      return `[${inlines(i.children, inTable)}](<${i.href.replace(/[<>\s|]/g, encodeURIComponent)}>)`;
    case 'break':
      return inTable ? ' ' : '\\\n';
  }
}

function codeSpan(text: string): string {
  const ticks = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim()) ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

// At the start of a line, "#", "-", "+", "=" or "1." would start a block;
// a hard line break starts a line too.
function escapeLineStart(text: string): string {
  return text.split('\n').map(escapeOneLineStart).join('\n');
}

function escapeOneLineStart(text: string): string {
  const numbered = /^(\d{1,9})([.)])/.exec(text);
  if (numbered) return `${numbered[1]}\\${numbered[2]}${text.slice(numbered[0].length)}`;
  return /^[#\-+=]/.test(text) ? `\\${text}` : text;
}
