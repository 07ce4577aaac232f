// Rule pages render from whatever metadata a rule has.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { optionRows, renderRuleDoc } from '../../src/docs/rule-docs.js';
import type { RuleMeta } from '../../src/engine/rule.js';

const bare: RuleMeta = { id: 'bare-rule', severity: 'warn', description: 'Checks something', options: z.strictObject({}), docs: { rationale: '', fail: '', pass: '' } };

describe('rule pages', () => {
  it('render a rule with empty docs and no options', () => {
    const page = renderRuleDoc({ meta: bare, configurable: true });
    expect(page).toContain('# bare-rule\n');
    expect(page).toContain('Checks something.\n');
    expect(page).toContain('- Default severity: `warn`\n');
    expect(page).toContain('## Why\n\nChecks something.\n');
    expect(page).toContain('This rule has no options.');
    expect(page).not.toContain('## Examples');
  });

  it('list options with types and defaults, and the configuration to set them', () => {
    const meta: RuleMeta = {
      ...bare,
      draftSeverity: 'warn',
      severity: 'error',
      options: z.object({
        minWords: z.number().int().min(0).default(80).describe('Least words'),
        mode: z.enum(['strict', 'loose']).default('strict'),
        terms: z.array(z.string()).default([]),
        share: z.number().min(0).max(1).optional(),
      }),
    };
    const page = renderRuleDoc({ meta, configurable: true });
    expect(page).toContain('- Default severity: `error` (`warn` while the COE\'s status is `draft`)');
    expect(page).toContain('| `minWords` | integer ≥ 0 | `80` | Least words |');
    expect(page).toContain('| `mode` | "strict" \\| "loose" | `"strict"` |  |');
    expect(page).toContain('| `terms` | string list | `[]` |  |');
    expect(page).toContain('| `share` | number, 0 to 1 |  |  |');
    expect(page).toContain('"bare-rule": ["error", { "minWords": 80, "mode": "strict", "terms": [] }]');
  });

  it('fence examples that hold fences of their own', () => {
    const meta: RuleMeta = { ...bare, docs: { rationale: 'Because.', fail: '```yaml\ncoe: 1\n```', pass: 'Plain `code`.' } };
    const page = renderRuleDoc({ meta, configurable: true });
    expect(page).toContain('## Why\n\nBecause.\n');
    expect(page).toContain('Reported:\n\n````markdown\n```yaml\ncoe: 1\n```\n````');
    expect(page).toContain('Not reported:\n\n```markdown\nPlain `code`.\n```');
  });

  it('survive options that JSON Schema cannot describe', () => {
    const meta: RuleMeta = { ...bare, options: z.custom<string>((v) => typeof v === 'string') };
    expect(optionRows(meta.options)).toBeUndefined();
    expect(renderRuleDoc({ meta, configurable: true })).toContain('## Options');
  });

  it('say that a rule outside configuration cannot be turned off', () => {
    const page = renderRuleDoc({ meta: bare, configurable: false });
    expect(page).toContain('Not configurable');
    expect(page).not.toContain('## Options');
  });
});
