// Each required section of section 3 present exactly once.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import { SECTIONS } from '../model/sections.js';
import { fileStart } from './util.js';

export default defineRule({
  meta: {
    id: 'required-sections',
    severity: 'error',
    description: 'Each required section (Impact, Timeline, Five whys, Detection, Dependencies, Lessons, Action items) appears exactly once',
    options: z.strictObject({}),
    docs: {
      rationale:
        'Each required section answers a question every COE must answer: what customers experienced (Impact), what happened when (Timeline), why it happened (Five whys), how we found out (Detection), how our dependencies behaved (Dependencies), what we learned (Lessons) and what we will change (Action items). A COE without one of them is not finished, and a section written twice splits the story in two. Headings are matched after folding case, numbering, emoji and trailing punctuation, with aliases such as "Lessons learned"; configuration can add aliases. A missing section is reported by this rule alone: the rules about its content pass over it.',
      fail: dedent(`
        ## Lessons

        - **L1:** A setting must have one source of truth.

        ## Lessons learned {required-sections}

        - **L2:** Capacity must be adjustable without a deployment.
      `),
      pass: dedent(`
        ## Lessons

        - **L1:** A setting must have one source of truth.
        - **L2:** Capacity must be adjustable without a deployment.
      `),
    },
  },
  check({ doc }) {
    const findings: RuleFinding[] = [];
    const where = doc.title?.range ?? fileStart();
    for (const def of SECTIONS.filter((s) => s.required)) {
      const found = doc.sectionsByKey.get(def.key) ?? [];
      if (found.length === 0) {
        const aliases = def.aliases.map((a) => `"${a}"`).join(', ');
        findings.push({ message: `Missing section "## ${def.canonical}" (or ${aliases})`, range: where });
      }
      for (const extra of found.slice(1)) {
        findings.push({
          message: `Section "${def.canonical}" appears more than once (also at line ${found[0]!.headingRange.start.line}): merge them`,
          range: extra.headingRange,
        });
      }
    }
    return findings;
  },
});
