// What a configuration file changes in the findings: levels, options,
// `unused-disable`, id prefix and section aliases, read through resolveConfig.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { baseDocument, edit, findingsOf, lineOf, lintString } from '../helpers/lint.js';

const cwd = path.resolve('/project');
const configOf = (data: unknown) => resolveConfig(data, { file: path.join(cwd, '.coerc.json'), cwd });

describe('rule settings from the configuration', () => {
  const doc = baseDocument();
  const impact = lineOf(doc, '## Impact');

  it('the base document passes impact-narrative with the defaults', () => {
    expect(findingsOf(lintString(doc, { config: configOf({}) }), 'impact-narrative')).toEqual([]);
  });

  it('takes the options and the level of [level, options]', () => {
    const config = configOf({ rules: { 'impact-narrative': ['error', { minWords: 500 }] } });
    expect(findingsOf(lintString(doc, { config }), 'impact-narrative')).toEqual([['impact-narrative', 'error', impact]]);
  });

  it('keeps the default options with a level alone', () => {
    const config = configOf({ rules: { 'impact-narrative': 'error' } });
    expect(findingsOf(lintString(doc, { config }), 'impact-narrative')).toEqual([]);
  });

  it('turns a rule off', () => {
    const broken = edit(doc, '## Impact', '## Impact\n\n- Just a list item.\n');
    const on = configOf({ rules: { 'impact-narrative': ['warn', { minWords: 500 }] } });
    expect(findingsOf(lintString(broken, { config: on }), 'impact-narrative')).toEqual([['impact-narrative', 'warn', impact]]);
    const off = configOf({ rules: { 'impact-narrative': 'off' } });
    expect(findingsOf(lintString(broken, { config: off }), 'impact-narrative')).toEqual([]);
  });

  it('sets the level of unused-disable, or turns it off', () => {
    const withComment = edit(doc, '## Impact', '<!-- coe-disable-next-line no-secrets -->\n## Impact');
    const line = lineOf(withComment, '<!-- coe-disable-next-line');
    expect(findingsOf(lintString(withComment, { config: configOf({}) }), 'unused-disable')).toEqual([['unused-disable', 'warn', line]]);
    const error = configOf({ rules: { 'unused-disable': 'error' } });
    expect(findingsOf(lintString(withComment, { config: error }), 'unused-disable')).toEqual([['unused-disable', 'error', line]]);
    const off = configOf({ rules: { 'unused-disable': 'off' } });
    expect(findingsOf(lintString(withComment, { config: off }), 'unused-disable')).toEqual([]);
  });

  it('takes the id prefix', () => {
    const inc = edit(doc, 'id: COE-2025-017', 'id: INC-2025-017');
    const line = lineOf(inc, 'id: INC');
    expect(findingsOf(lintString(inc, { config: configOf({}) }), 'frontmatter-schema')).toEqual([['frontmatter-schema', 'error', line]]);
    expect(findingsOf(lintString(inc, { config: configOf({ idPrefix: 'INC' }) }), 'frontmatter-schema')).toEqual([]);
  });

  it('takes extra section headings', () => {
    const renamed = edit(doc, '## Impact', '## What customers saw');
    const line = lineOf(renamed, '# Delayed payment notifications');
    expect(findingsOf(lintString(renamed, { config: configOf({}) }), 'required-sections')).toEqual([['required-sections', 'error', line]]);
    const config = configOf({ sections: { impact: ['What customers saw'] } });
    expect(findingsOf(lintString(renamed, { config }), 'required-sections')).toEqual([]);
  });
});
