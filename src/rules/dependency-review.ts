// The dependency review of section 3.5: a filled-in table, or a "None …"
// paragraph saying why no dependency was involved.
import dedent from 'dedent';
import * as z from 'zod';
import { defineRule, type RuleFinding } from '../engine/rule.js';
import type { DependenciesModel, DependencyColumn, DependencyRow, Range } from '../model/types.js';
import { DEPENDENCY_COLUMNS, DEPENDENCY_HEADERS } from '../sections/dependencies.js';
import { headingOf } from './util.js';
import { AS_PROMISED, FAILURE_MODES, isOneOf } from '../model/vocabulary.js';
import { plural } from '../util/text.js';
import { hasPlaceholder } from '../util/placeholders.js';
import { didYouMean } from '../util/suggest.js';

type Table = NonNullable<DependenciesModel['table']>;

export default defineRule({
  meta: {
    id: 'dependency-review',
    severity: 'error',
    description:
      'The Dependencies section holds a filled-in dependency table, or a "None: …" paragraph of at least `minNoneWords` (10) words; a dependency that failed or whose failure was not handled references an action item',
    options: z.strictObject({
      minNoneWords: z.number().int().min(0).default(10),
    }),
    docs: {
      rationale:
        'Many incidents start in a dependency. For each one, say what it promised, whether it kept the promise (`yes`, `no` or `partly`), whether our use of it was sound, whether the failure mode was one we should have expected (`expected-handled`, `expected-unhandled` or `novel`), and what limits the blast radius next time. A dependency that did not perform as promised, or a failure we did not handle, needs an action item. When no dependency was involved, say so and why in a paragraph that begins "None".',
      fail: dedent(`
        ## Dependencies

        | Dependency | Promise | As promised | Our implementation | Failure mode | Blast radius |
        |---|---|---|---|---|---|
        | Block storage | 99.99% volume availability | partly | Hosts assumed a volume never fails | expected-unhandled | Deep health check | {dependency-review}
      `),
      pass: dedent(`
        ## Dependencies

        | Dependency | Promise | As promised | Our implementation | Failure mode | Blast radius |
        |---|---|---|---|---|---|
        | Block storage | 99.99% volume availability | partly | Hosts assumed a volume never fails | expected-unhandled | Deep health check removes hosts with disk errors (AI-1) |
      `),
    },
  },
  check({ doc, options }) {
    const deps = doc.dependencies;
    if (!deps) return []; // required-sections reports a missing section
    if (deps.table) return checkTable(deps.table);
    if (deps.none) return checkNone(deps.none, options.minNoneWords);
    const columns = DEPENDENCY_COLUMNS.map((c) => DEPENDENCY_HEADERS[c]).join(' | ');
    return [
      {
        message: `Dependencies has no review: add a table with the columns | ${columns} |, or a paragraph "None: …" saying why no dependency was involved`,
        range: headingOf(doc, 'dependencies'),
      },
    ];
  },
});

function checkNone(none: { text: string; words: number; range: Range }, minWords: number): RuleFinding[] {
  if (hasPlaceholder(none.text)) return [];
  const words = Math.max(0, none.words - 1); // the reason, without "None" itself
  if (words >= minWords) return [];
  return [
    {
      message: `The "None" paragraph gives a reason of ${plural(words, 'word')}: say in at least ${minWords} words why no dependency was involved`,
      range: none.range,
    },
  ];
}

function checkTable(table: Table): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (table.missingColumns.length > 0) {
    const names = table.missingColumns.map((c) => `"${DEPENDENCY_HEADERS[c]}"`).join(', ');
    findings.push({
      message: `The dependency table lacks the column${table.missingColumns.length > 1 ? 's' : ''} ${names}: add ${table.missingColumns.length > 1 ? 'them' : 'it'} to the header`,
      range: table.range,
    });
  }
  if (table.rows.length === 0) {
    findings.push({
      message:
        'The dependency table has no rows: add one row per dependency, or replace the table by a paragraph "None: …" saying why no dependency was involved',
      range: table.range,
    });
  }
  for (const row of table.rows) findings.push(...checkRow(row, table.columns));
  return findings;
}

function checkRow(row: DependencyRow, columns: DependencyColumn[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const name = row.cells.dependency?.text || 'This dependency';
  const empty = columns.filter((c) => !row.cells[c]?.text);
  if (empty.length > 0) {
    const names = empty.map((c) => `"${DEPENDENCY_HEADERS[c]}"`).join(', ');
    findings.push({ message: `${name}: fill in ${names}`, range: row.cells[empty[0]!]?.range ?? row.range });
  }
  const promised = valueOf(row, 'asPromised');
  const mode = valueOf(row, 'failureMode');
  // A value still left as a placeholder is reported by no-placeholders alone.
  if (promised && !isOneOf(AS_PROMISED, promised) && !hasPlaceholder(row.cells.asPromised?.text)) {
    findings.push({
      message: `${name}: As promised "${row.cells.asPromised!.text}" must be yes, no or partly${didYouMean(row.cells.asPromised!.text, AS_PROMISED)}`,
      range: row.cells.asPromised!.range,
    });
  }
  if (mode && !isOneOf(FAILURE_MODES, mode) && !hasPlaceholder(row.cells.failureMode?.text)) {
    findings.push({
      message: `${name}: Failure mode "${row.cells.failureMode!.text}" must be expected-handled, expected-unhandled or novel${didYouMean(row.cells.failureMode!.text, FAILURE_MODES)}`,
      range: row.cells.failureMode!.range,
    });
  }
  const why = needsAction(promised, mode);
  // Any AI-<n> counts: an undefined id is reported by references-exist alone.
  if (why && !row.references.some((r) => r.kind === 'action')) {
    findings.push({
      message: `${name} ${why.reason}: reference the action item (AI-<n>) that limits the blast radius next time`,
      range: row.cells[why.column]?.range ?? row.range,
    });
  }
  return findings;
}

function valueOf(row: DependencyRow, column: DependencyColumn): string {
  return (row.cells[column]?.text ?? '').toLowerCase();
}

// Only valid values are judged; an invalid one is reported above. The
// finding points at the cell that calls for the action.
function needsAction(promised: string, mode: string): { reason: string; column: DependencyColumn } | undefined {
  const asPromised = (reason: string) => ({ reason, column: 'asPromised' as const });
  const failureMode = (reason: string) => ({ reason, column: 'failureMode' as const });
  if (promised === 'no') return asPromised('did not perform as promised');
  if (promised === 'partly') return asPromised('performed only partly as promised');
  if (mode === 'expected-unhandled') return failureMode('failed in a way we expected but did not handle');
  if (mode === 'novel') return failureMode('failed in a novel way');
  return undefined;
}
