// The renderers: text from the COE is escaped in every format, so Markdown
// and HTML written in it come out as the characters the author typed.
import { describe, expect, it } from 'vitest';
import { edit } from '../helpers/lint.js';
import { exportString, paymentsDocument } from './helpers.js';
import { renderMarkdown } from '../../src/export/render-markdown.js';
import { renderHtml } from '../../src/export/render-html.js';
import { rcaSchema, type Block, type Rca } from '../../src/export/schema.js';

const SECOND_PARAGRAPH = `We were alerted at 14:09 UTC, posted a status page notice at 14:30 UTC, and
cleared the backlog by 15:20 UTC, when notifications were on time again. No
notification was lost, and every merchant received each notification once.`;

function withImpact(markdown: string): string {
  return edit(paymentsDocument(), SECOND_PARAGRAPH, markdown);
}

/** The base model with these blocks as its impact narrative. */
function modelWith(blocks: Block[]): Rca {
  const { rca } = exportString(paymentsDocument());
  return { ...rca, whatHappened: { text: '', blocks } };
}

describe('Markdown', () => {
  it('escapes Markdown and HTML written as text', () => {
    const out = renderMarkdown(
      modelWith([{ type: 'paragraph', content: [{ type: 'text', text: '*not bold* [x](y) <b>raw</b> a_b `c` & | ~' }] }]),
    );
    expect(out).toContain('\\*not bold\\* \\[x\\](y) \\<b\\>raw\\</b\\> a\\_b \\`c\\` \\& \\| \\~');
  });

  it('escapes what would start a block at the start of a paragraph', () => {
    const paragraph = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const out = renderMarkdown(modelWith([paragraph('# not a heading'), paragraph('1. not a list'), paragraph('- not an item')]));
    expect(out).toContain('\\# not a heading\n\n1\\. not a list\n\n\\- not an item\n');
  });

  it('writes lists, quotes, code and tables from the COE', () => {
    const out = exportString(
      withImpact('- one\n- two **bold**\n\n> quoted ``a ` b``\n\n```\ncode ``` here\n```\n\n| A | B |\n|---|---|\n| 1 | x \\| y `p\\|q` |'),
    ).output;
    expect(out).toContain(
      '- one\n- two **bold**\n\n> quoted ``a ` b``\n\n````\ncode ``` here\n````\n\n| A | B |\n| --- | --- |\n| 1 | x \\| y `p\\|q` |\n',
    );
  });
});

describe('HTML', () => {
  const injected = withImpact(
    'Look: <script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) [ok](https://example.com/?a="b"&c=<d>).',
  );
  const html = exportString(
    edit(injected, 'title: Delayed payment notifications', 'title: "Delayed </title><script>alert(4)</script>"'),
    'html',
  ).output;

  it('escapes raw HTML from the document', () => {
    expect(html).toContain('Look: &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(2)&quot;&gt; click ');
    expect(html).toContain('<title>Delayed &lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt;</title>');
    expect(html).toContain('<h1>Delayed &lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt;</h1>');
  });

  it('keeps no javascript: link, and escapes link targets', () => {
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('<a href="https://example.com/?a=%22b%22&amp;c=%3Cd%3E" rel="noopener noreferrer nofollow">ok</a>');
  });

  it('is one page with no scripts and no remote resources', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|<img|@import|url\(/i);
    expect(html).not.toMatch(/<[^>]*\s(src|srcset|on[a-z]+)=/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';`);
  });

  it('is printable and shows the window of impact as an inline SVG', () => {
    expect(html).toContain('@media print');
    expect(html).toMatch(/<svg class="impact-timeline"[^>]*role="img"/);
    expect(html).toContain(
      '<title id="impact-timeline-title">Customer impact: Between 14:05 and 15:20 UTC on September 3, 2025 (UTC)</title>',
    );
    expect(html).toContain('<rect class="impact"');
  });

  it('marks the root cause placeholder', () => {
    const { rca } = exportString(paymentsDocument());
    const out = renderHtml({
      ...rca,
      rootCause: { placeholder: true, text: 'x', blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] },
    });
    expect(out).toContain('<h2 id="root-cause">Root cause</h2>\n<div class="placeholder"><p>x</p></div>');
  });
});

describe('JSON', () => {
  it('is the model, in the documented shape', () => {
    const result = exportString(withImpact('Raw <b>html</b> and "quotes".'), 'json');
    const parsed: unknown = JSON.parse(result.output);
    expect(rcaSchema.parse(parsed)).toEqual(result.rca);
    expect(parsed).toEqual(result.rca);
    expect(result.rca.whatHappened.text).toContain('Raw <b>html</b> and "quotes".');
  });
});

describe('an ordered list that does not start at 1', () => {
  const said = 'between 5 and 40 minutes late.';
  const text = edit(
    paymentsDocument(),
    said,
    `${said} Steps 1 and 2 of checkout worked. Then:\n\n3. Payment failed.\n4. The basket was emptied.\n\nAfter that`,
  );

  it('keeps its first number in every format', () => {
    expect(exportString(text).output).toContain('\n3. Payment failed.\n4. The basket was emptied.\n');
    expect(exportString(text, 'html').output).toContain('<ol start="3">\n<li>Payment failed.</li>');
    const rca = rcaSchema.parse(JSON.parse(exportString(text, 'json').output));
    expect(rca.whatHappened.blocks.find((b) => b.type === 'list')).toMatchObject({ type: 'list', ordered: true, start: 3 });
    expect(rca.whatHappened.text).toContain('3. Payment failed.\n4. The basket was emptied.');
  });

  it('says nothing of a start of 1', () => {
    const one = edit(text, '3. Payment failed.\n4.', '1. Payment failed.\n2.');
    expect(exportString(one, 'html').output).toContain('<ol>\n<li>Payment failed.</li>');
    const rca = rcaSchema.parse(JSON.parse(exportString(one, 'json').output));
    expect(rca.whatHappened.blocks.find((b) => b.type === 'list')).not.toHaveProperty('start');
  });
});
