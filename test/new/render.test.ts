import { describe, expect, it } from 'vitest';
import { render, TemplateError, timelineTime } from '../../src/new/render.js';
import { escapeMarkdown } from '../../src/util/markdown.js';
import { parseCoeDocument } from '../../src/parse/document.js';
import type { NewValues } from '../../src/new/values.js';

const values: NewValues = {
  title: 'Orders failed',
  severity: 2,
  services: ['orders-api', 'cell_router'],
  regions: [],
  owner: 'orders-team',
  authors: ['Dana Whitfield'],
  start: '2025-10-20T06:48:00Z',
  detected: '2025-10-20T09:33:10+02:00',
  detectedBy: 'alarm',
};

const fill = (template: string, v: Partial<NewValues> = {}) => render(template, { values: { ...values, ...v }, id: 'COE-2025-003' });

describe('render', () => {
  it('fills the tokens', () => {
    expect(fill('# {{title}} ({{ id }})\n{{owner}}: {{services}}\n- {{start}}\n- {{detected}}')).toBe(
      '# Orders failed (COE-2025-003)\norders-team: orders-api, cell\\_router\n- 2025-10-20 06:48 UTC\n- 2025-10-20 09:33 +02:00',
    );
  });

  it('writes a block once per service, numbered', () => {
    const out = fill('Before\n{{each service}}\n- **L{{n}}:** {{service}} of {{owner}}\n{{end}}\nAfter');
    expect(out).toBe('Before\n- **L1:** orders-api of orders-team\n- **L2:** cell\\_router of orders-team\nAfter');
  });

  it('refuses an unknown token, and a service token outside a block', () => {
    expect(() => fill('{{titel}}')).toThrow(TemplateError);
    expect(() => fill('{{titel}}')).toThrow(/unknown token \{\{titel\}\}; known: \{\{title\}\}/);
    expect(() => fill('{{service}}')).toThrow(/works only between "\{\{each service\}\}" and "\{\{end\}\}"/);
  });

  it('refuses blocks that are not closed, nested, or closed twice', () => {
    expect(() => fill('{{each service}}\nx')).toThrow(/never closed/);
    expect(() => fill('{{each service}}\n{{each service}}\n{{end}}')).toThrow(/inside another one/);
    expect(() => fill('x\n{{end}}')).toThrow(/without/);
  });

  it('does not fill a value that itself holds a token', () => {
    expect(fill('# {{title}}', { title: 'Bad {{id}} rollout' })).toBe('# Bad \\{\\{id\\}\\} rollout');
  });

  it('keeps a title as written in the H1, whatever it holds', () => {
    const titles = [
      'Orders: "5%" failed # again',
      '- leading dash',
      '<script>alert(1)</script> & &amp; `code` *not em* _nor_ [link](x) ![img](y) ~~s~~ | pipe \\ slash',
      'Ends with a hash #',
      '1. numbered',
      'Ünïcödé — 注文 😀',
    ];
    for (const title of titles) {
      const text = `---\ncoe: 1\n---\n\n${fill('# {{title}}\n', { title })}`;
      const parsed = parseCoeDocument('t.md', text);
      expect(parsed.ok && parsed.doc.title?.text).toBe(title);
    }
  });
});

describe('timelineTime', () => {
  it.each([
    ['2025-10-20T06:48:00Z', '2025-10-20 06:48 UTC'],
    ['2025-10-20 06:48z', '2025-10-20 06:48 UTC'],
    ['2025-10-20T08:48:30.25+02:00', '2025-10-20 08:48 +02:00'],
    ['2025-10-20T01:48-0530', '2025-10-20 01:48 -05:30'],
  ])('%s -> %s', (time, entry) => expect(timelineTime(time)).toBe(entry));
});

describe('escapeMarkdown', () => {
  it('leaves plain names alone', () => {
    expect(escapeMarkdown('orders-api eu-west-1')).toBe('orders-api eu-west-1');
  });
});
