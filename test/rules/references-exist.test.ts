// references-exist: every L<n> and AI-<n> referenced is defined, and an
// undefined reference is reported by this rule alone.
import { describe, expect, it } from 'vitest';
import { baseDocument, edit, findingsOf, lineOf, lintFixture, lintString, type LintCase } from '../helpers/lint.js';

const RULE = 'references-exist';
const base = baseDocument();
const L2 = '- **L2:** Capacity must be adjustable without a deployment.';

const findings = (text: string, options?: LintCase) => findingsOf(lintString(text, options), RULE);
const errorAt = (...lines: number[]) => lines.map((line) => [RULE, 'error', line]);

function removeSection(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`) + 1;
  const next = text.indexOf('\n## ', start);
  return text.slice(0, start) + text.slice(next + 1);
}

describe('references-exist passes', () => {
  it('passes the base document', () => {
    expect(findings(base)).toEqual([]);
  });

  it('passes references in the five whys, detection, dependencies and action items', () => {
    expect(findingsOf(lintFixture('rules/references-exist/pass-references-everywhere.md'), RULE)).toEqual([]);
  });

  it('does not read L<n> as a lesson outside the sections about lessons', () => {
    let text = edit(base, 'No\nnotification was lost', 'The L7 load balancer was fine. No\nnotification was lost');
    text = edit(text, '- 14:30 — Status page notice posted.', '- 14:30 — Status page notice posted; L4 checks green.');
    expect(findings(text)).toEqual([]);
  });

  it('does not read references in code', () => {
    const text = edit(base, 'run time. → L2', 'run time. → L2 (see `grep AI-9` and `echo L9`)');
    expect(findings(text)).toEqual([]);
  });

  it('does not read tokens that only contain an id', () => {
    const text = edit(base, 'run time. → L2', 'run time. → L2 (runbook RL1, XAI-9, L2a)');
    expect(findings(text)).toEqual([]);
  });

  it('passes over references to a section that is missing (required-sections reports it)', () => {
    expect(findings(removeSection(base, 'Lessons'))).toEqual([]);
    const text = edit(base, 'whatever the cause of the slowdown.', 'whatever the cause of the slowdown (AI-3).');
    expect(findings(removeSection(text, 'Action items'))).toEqual([]);
  });
});

describe('references-exist reports', () => {
  it('reports each undefined reference at its place', () => {
    // L4 in the five whys, AI-7 in Detection, AI-9 in Dependencies, L5 in the Lessons column.
    expect(findingsOf(lintFixture('rules/references-exist/fail-undefined.md'), RULE)).toEqual(errorAt(66, 73, 90, 103));
  });

  it('reports the column of the reference', () => {
    const text = edit(base, 'run time. → L2', 'run time. → L2, L3');
    const [message] = lintString(text).filter((m) => m.ruleId === RULE);
    const line = text.split('\n')[lineOf(text, 'L2, L3') - 1]!;
    expect([message?.line, message?.column]).toEqual([lineOf(text, 'L2, L3'), line.indexOf('L3') + 1]);
  });

  it('reports an undefined action item anywhere in the body', () => {
    let text = edit(base, 'No\nnotification was lost', 'See AI-5. No\nnotification was lost');
    text = edit(text, 'restored the capacity and will make it', 'restored the capacity (AI-6) and will make it');
    expect(findings(text)).toEqual(errorAt(lineOf(text, 'See AI-5'), lineOf(text, '(AI-6)')));
  });

  it('reports a lesson that was removed but is still referenced', () => {
    const text = edit(base, `${L2}\n`, '');
    expect(findings(text)).toEqual(errorAt(lineOf(text, 'run time. → L2'), lineOf(text, '| in-progress | L2 |')));
  });

  it('reports every lesson reference when the Lessons section has no list', () => {
    const text = edit(edit(base, '- **L1:** A setting must have one source of truth.\n', ''), `${L2}\n`, 'To be written.\n');
    expect(findings(text)).toEqual(
      errorAt(lineOf(text, 'only one. → L1'), lineOf(text, 'run time. → L2'), lineOf(text, '| validated | L1 |'), lineOf(text, '| in-progress | L2 |')),
    );
  });

  it('reports a reference inside a lesson, bold id or not', () => {
    const bold = edit(base, L2, `${L2} See AI-9.`);
    expect(findings(bold)).toEqual(errorAt(lineOf(bold, 'See AI-9.')));
    const plain = edit(base, L2, '- L2: Capacity must be adjustable without a deployment. See AI-9.');
    expect(findings(plain)).toEqual(errorAt(lineOf(plain, 'See AI-9.')));
  });

  it('reports an undefined reference that five-whys-leaf-action and lessons-have-actions leave to it', () => {
    const text = edit(base, 'run time. → L2', 'run time. → L3');
    expect(lintString(text).map((m) => [m.ruleId, m.severity, m.line])).toEqual(errorAt(lineOf(text, '→ L3')));
  });
});

describe('references-exist levels', () => {
  const text = edit(base, 'run time. → L2', 'run time. → L2, AI-4');

  it('reports as a warning when set to warn', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'warn', options: {} } } } })).toEqual([[RULE, 'warn', lineOf(text, 'AI-4')]]);
  });

  it('reports nothing when off', () => {
    expect(findings(text, { config: { rules: { [RULE]: { level: 'off', options: {} } } } })).toEqual([]);
  });
});
