// Frontmatter present, valid YAML, the keys and types of section 2 (read by
// the parser), and the policy of the format: milestones in order, those a
// status needs, and which key a misspelt one stands for.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import { STATUSES, type Milestone, type Status } from '../model/frontmatter-schema.js';
import { outOfOrder } from '../model/incident.js';
import type { FrontmatterModel, FrontmatterProblem } from '../model/types.js';
import { editDistance } from '../util/suggest.js';
import { fileStart } from './util.js';

export default defineRule({
  meta: {
    id: 'frontmatter-schema',
    severity: 'error',
    description: 'Frontmatter is present, valid YAML, with the keys and types of the format and milestones in order',
    options: z.strictObject({}),
    docs: {
      rationale:
        'The frontmatter is the data of the COE: its milestones give the time to detect, engage and mitigate, its status decides what must be filled in, and its services and glossary keep internal names out of the customer RCA. A misspelt key or a wrong type would silently drop a value, so the keys and types are checked strictly, and malformed YAML, a duplicate or unknown key, a wrong type or a time without an offset is reported at its line. Keys of your own must begin with `x-`. Milestones must be in order: start ≤ detected ≤ engaged ≤ mitigated ≤ resolved; `engaged` and `mitigated` are required from status `review` on, `resolved` from `approved` on.',
      fail: dedent(`
        ---
        id: COE-2025-17 {frontmatter-schema}
        severity: high {frontmatter-schema}
        incident:
          start: 2025-09-03 14:05 {frontmatter-schema}
          detected: 2025-09-03T14:09:00Z
          engaged: 2025-09-03T14:02:00Z {frontmatter-schema}
          detectedby: alarm {frontmatter-schema}
        ---
      `),
      pass: dedent(`
        ---
        id: COE-2025-017
        severity: 3
        incident:
          start: 2025-09-03T14:05:00Z
          detected: 2025-09-03T14:09:00Z
          engaged: 2025-09-03T14:12:00Z
          detected_by: alarm
        x-team-channel: "#payments"
        ---
      `),
    },
  },
  check({ doc }) {
    const fm = doc.frontmatter;
    if (!fm.present) {
      return [
        {
          message: 'Missing frontmatter: begin the file with a YAML block between "---" lines holding coe: 1, id, title, …',
          range: fileStart(),
        },
      ];
    }
    return [...keyAndTypeProblems(fm.problems), ...orderProblems(fm), ...statusProblems(fm)];
  },
});

// A misspelt key shows as an unknown key and a missing one: one finding, at
// the unknown key, that names the key it stands for.
function keyAndTypeProblems(problems: FrontmatterProblem[]): RuleFinding[] {
  const missing = problems.filter((p) => p.kind === 'missing-key');
  const meant = new Map<FrontmatterProblem, FrontmatterProblem>();
  // A key with no name is no misspelling of one.
  for (const unknown of problems.filter((p) => p.kind === 'unknown-key' && lastKey(p.path!) !== '')) {
    const match = missing.find(
      (m) => parentOf(m.path!) === parentOf(unknown.path!) && editDistance(lastKey(m.path!), lastKey(unknown.path!)) <= 2,
    );
    if (match) meant.set(unknown, match);
  }
  const paired = new Set(meant.values());
  return problems
    .filter((p) => !paired.has(p))
    .map((p) => {
      const key = meant.get(p);
      return key
        ? { message: `Unknown key "${p.path}": did you mean "${lastKey(key.path!)}"?`, range: p.range }
        : { message: p.message, range: p.range };
    });
}

const parentOf = (path: string) => path.split('.').slice(0, -1).join('.');
const lastKey = (path: string) => path.split('.').at(-1)!;

function orderProblems(fm: FrontmatterModel): RuleFinding[] {
  const incident = fm.data.incident;
  if (!incident) return [];
  return outOfOrder(incident).map(({ milestone, before }) => {
    const [late, early] = [incident[milestone]!, incident[before]!];
    const message =
      milestone === 'customer_notified'
        ? `"incident.customer_notified" (${late.text}) is before "incident.start" (${early.text}): customers cannot be told before impact began`
        : `"incident.${milestone}" (${late.text}) is before "incident.${before}" (${early.text}): milestones must be in order start ≤ detected ≤ engaged ≤ mitigated ≤ resolved`;
    return { message, range: late.range };
  });
}

// The milestones a status needs: engaged and mitigated from review on, resolved from approved on.
const NEEDED_FROM: [Milestone, Status][] = [
  ['engaged', 'review'],
  ['mitigated', 'review'],
  ['resolved', 'approved'],
];

function statusProblems(fm: FrontmatterModel): RuleFinding[] {
  const status = fm.data.status;
  const incident = fm.positions.get('incident');
  // An incident that is not a mapping is reported as a wrong type, not for each milestone.
  if (!status || !incident || !fm.data.incident) return [];
  const needed = NEEDED_FROM.filter(([key, from]) => STATUSES.indexOf(status) >= STATUSES.indexOf(from) && !written(fm, key));
  return needed.map(([key, from]) => {
    const at = fm.positions.get(`incident.${key}`);
    const what = `it is required from status ${from} on (status is ${status}): write ${MILESTONE_WORDS[key]}, like 2025-10-20T09:40:00Z`;
    return at
      ? { message: `"incident.${key}" is empty: ${what}`, range: at }
      : { message: `Missing "incident.${key}": ${what}`, range: incident };
  });
}

// Written with a value, even a wrong one (reported on its own) or a placeholder (no-placeholders).
function written(fm: FrontmatterModel, key: Milestone): boolean {
  const path = `incident.${key}`;
  if (!fm.positions.has(path)) return false;
  return (
    fm.data.incident?.[key] !== undefined ||
    fm.problems.some((p) => p.path === path) ||
    fm.strings.some((s) => s.path === path && s.value.trim() !== '')
  );
}

const MILESTONE_WORDS: Partial<Record<Milestone, string>> = {
  engaged: 'when an engineer was working on it',
  mitigated: 'when customer impact ended',
  resolved: 'when the risk of recurrence was addressed',
};
