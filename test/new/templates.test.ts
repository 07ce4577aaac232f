import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { listTemplates, loadTemplate } from '../../src/new/templates.js';
import { frontmatterOf, newDocument } from '../../src/new/document.js';
import { UsageError } from '../../src/util/errors.js';
import type { NewValues } from '../../src/new/values.js';
import { findingsOf, lintString } from '../helpers/lint.js';

const values: NewValues = {
  title: 'Orders failed',
  severity: 2,
  services: ['orders-api', 'cell-router'],
  regions: ['eu-west-1'],
  owner: 'orders-team',
  authors: ['Dana Whitfield'],
  start: '2025-10-20T06:48:00Z',
  detected: '2025-10-20T06:50:00Z',
  detectedBy: 'alarm',
};

/** [no-placeholders, warn, line] for each TODO in the text, in order. */
function todoFindings(text: string): [string, string, number][] {
  return text.split('\n').flatMap((line, i) =>
    line
      .split('TODO')
      .slice(1)
      .map((): [string, string, number] => ['no-placeholders', 'warn', i + 1]),
  );
}

describe('built-in templates', () => {
  it('are standard (listed first: the default) and multi-service', async () => {
    expect((await listTemplates(undefined)).map((t) => [t.name, t.builtin])).toEqual([
      ['standard', true],
      ['multi-service', true],
    ]);
  });

  for (const name of ['standard', 'multi-service']) {
    it(`${name}: the new COE passes frontmatter-schema and required-sections; each TODO is a no-placeholders warning`, async () => {
      const { text: template } = await loadTemplate(name, undefined);
      const text = newDocument(values, 'COE-2025-001', template);
      const messages = lintString(text, { now: '2025-10-21' });
      expect(findingsOf(messages, 'frontmatter-schema')).toEqual([]);
      expect(findingsOf(messages, 'required-sections')).toEqual([]);
      expect(findingsOf(messages, 'references-exist')).toEqual([]);
      expect(findingsOf(messages, 'timeline-order')).toEqual([]);
      expect(todoFindings(text).length).toBeGreaterThan(10);
      expect(findingsOf(messages, 'no-placeholders')).toEqual(todoFindings(text));
      expect(text).not.toContain('{{');
    });
  }

  it('multi-service writes each service its own rows, branch, lesson and notes', async () => {
    const { text: template } = await loadTemplate('multi-service', undefined);
    const text = newDocument(values, 'COE-2025-001', template);
    for (const service of values.services) {
      expect(text).toContain(`| ${service} | TODO |`);
      expect(text).toContain(`- Why was ${service} affected?`);
      expect(text).toContain(`### ${service}\n`);
    }
    expect(text).toContain('- **L2:** TODO (the cell-router team)');
    expect(text).toContain('| AI-2 | TODO | mid | TODO: the cell-router team |');
    expect(findingsOf(lintString(text), 'lessons-have-actions')).toEqual([]);
  });
});

describe('repository templates', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'coe-templates-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are listed with the built-in ones, the default first, and replace one of the same name', async () => {
    writeFileSync(path.join(dir, 'security.md'), '# {{title}}\n');
    writeFileSync(path.join(dir, 'standard.md'), '# Ours {{title}}\n');
    writeFileSync(path.join(dir, 'abc.md'), '# {{title}}\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a template');
    mkdirSync(path.join(dir, 'folder.md'));
    const all = await listTemplates(dir);
    expect(all.map((t) => [t.name, t.builtin])).toEqual([
      ['standard', false],
      ['abc', false],
      ['multi-service', true],
      ['security', false],
    ]);
    expect((await loadTemplate('standard', dir)).text).toBe('# Ours {{title}}\n');
  });

  it('drop a frontmatter of their own', async () => {
    writeFileSync(path.join(dir, 'copy.md'), '---\ncoe: 1\nid: COE-2024-001\n---\n\n# {{title}}\n');
    expect((await loadTemplate('copy', dir)).text).toBe('# {{title}}\n');
  });

  it('an unknown name lists the templates there are; a path is not a name', async () => {
    writeFileSync(path.join(dir, 'security.md'), '# {{title}}\n');
    await expect(loadTemplate('nope', dir)).rejects.toThrow(UsageError);
    await expect(loadTemplate('nope', dir)).rejects.toThrow(
      `--template: no template named "nope"; there are: standard, multi-service, security (${path.join(dir, 'security.md')})`,
    );
    await expect(loadTemplate('../templates/standard', dir)).rejects.toThrow(/no template named/);
  });
});

describe('frontmatter', () => {
  it('round-trips any value exactly', () => {
    const tricky: NewValues = {
      ...values,
      title: `- "Quoted": colon # hash 'single' ünï 😀 {{x}} @at`,
      owner: 'team: #1',
      authors: ["O'Brien, Dana", '- dash', 'null', 'true'],
      services: ['a, b', '[x]', '*star', '&anchor'],
      regions: ['123'],
    };
    const yaml = frontmatterOf(tricky, 'COE-2025-001');
    expect(parseYaml(yaml)).toEqual({
      coe: 1,
      id: 'COE-2025-001',
      title: tricky.title,
      status: 'draft',
      severity: 2,
      owner: tricky.owner,
      authors: tricky.authors,
      services: tricky.services,
      regions: ['123'],
      incident: { start: values.start, detected: values.detected, detected_by: 'alarm' },
    });
    const messages = lintString(`---\n${yaml}---\n\n# T\n`);
    expect(findingsOf(messages, 'frontmatter-schema')).toEqual([]);
  });

  it('leaves out regions when there are none', () => {
    expect(parseYaml(frontmatterOf({ ...values, regions: [] }, 'COE-2025-001'))).not.toHaveProperty('regions');
  });
});
