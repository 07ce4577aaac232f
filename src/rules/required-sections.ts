// Each required section of section 3 present exactly once.
import { z } from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import { SECTIONS } from '../model/sections.js';
import { fileStart } from './util.js';

export default defineRule({
  meta: {
    id: 'required-sections',
    severity: 'error',
    description: 'Each required section (Impact, Timeline, Five whys, Detection, Dependencies, Lessons, Action items) appears exactly once',
    options: z.strictObject({}),
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
