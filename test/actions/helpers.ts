// COEs for the tests of `coe actions`: the base document with another id and
// its own action items, written into a temporary folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { baseDocument, edit, withSection } from '../helpers/lint.js';
import type { CommandIO } from '../../src/commands/io.js';
import type { ActionRow } from '../../src/actions/schema.js';

export const HEADER = '| ID | Action | Term | Owner | Due | Status | Lessons | Validation | Reach |\n|---|---|---|---|---|---|---|---|---|';

/** A row of the Action items table: [id, action, term, owner, due, status, lessons, validation, reach]. */
export type Item = [string, string, string, string, string, string, string, string, string];

export function coeText(id: string, items: Item[]): string {
  const table = [HEADER, ...items.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
  return withSection(edit(baseDocument(), 'id: COE-2025-017', `id: ${id}`), 'Action items', table);
}

/** A COE whose frontmatter cannot be read. */
export const BROKEN = '---\ncoe: 1\nid: COE-2025-099\ntitle: [unclosed\n---\n\n# Broken\n';

export const NOW = '2025-12-01';

/**
 * Three COEs whose items cover every status, term, reach and filter. At NOW,
 * in ledger order (due, COE id, AI id):
 *   2025-09-01 COE-2025-002 AI-3  dropped
 *   2025-11-01 COE-2025-000 AI-1  in-progress, 30 days overdue
 *   2025-11-01 COE-2025-002 AI-1  validated
 *   2025-11-30 COE-2025-001 AI-1  open, 1 day overdue
 *   2025-12-01 COE-2025-001 AI-2  in-progress, due today: not overdue
 *   2025-12-01 COE-2025-001 AI-10 done, not validated
 *   2026-03-01 COE-2025-002 AI-2  open
 *   (no date)  COE-2025-000 AI-2  open
 */
export const LEDGER: Record<string, string> = {
  'a.md': coeText('COE-2025-001', [
    [
      'AI-1',
      'Read the pool size from one file',
      'short',
      'payments-team',
      '2025-11-30',
      'open',
      'L1',
      'A second source fails the build',
      'team',
    ],
    ['AI-2', 'Make the pool size adjustable at run time', 'mid', 'Payments-Team', '2025-12-01', 'in-progress', 'L2', 'Game day', ''],
    ['AI-10', 'Alarm on queue age', 'mid', 'sre', '2025-12-01', 'done', 'L1', 'Replay fires the alarm', 'centralized'],
  ]),
  'b.md': coeText('COE-2025-002', [
    ['AI-1', 'Teach other teams the pool checklist', 'long', 'sre', '2025-11-01', 'validated', 'L1', 'Three teams use it', 'education'],
    [
      'AI-2',
      'Move the pool to the platform',
      'long',
      'platform-team',
      '2026-03-01',
      'open',
      'L2',
      'Pools come from the platform',
      'centralized',
    ],
    [
      'AI-3',
      'Rewrite the dispatcher',
      'long',
      'payments-team',
      '2025-09-01',
      'dropped',
      'L2',
      'Not worth it once the pool is on the platform',
      '',
    ],
  ]),
  // Began a month later than the others, on 2025-10-03.
  'c.md': coeText('COE-2025-000', [
    [
      'AI-1',
      'Retry in-flight notifications',
      'short',
      'payments-team',
      '2025-11-01',
      'in-progress',
      'L1',
      'No notification lost in a drill',
      'team',
    ],
    ['AI-2', 'Page on stuck deliveries', 'mid', 'sre', 'next week', 'open', 'L1', 'Drill pages', 'distributed'],
  ]).replaceAll('2025-09-03T', '2025-10-03T'),
};

export function tempFolder(files: Record<string, string>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'coe-actions-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A CommandIO that keeps what is written, for running a command in process. */
export function captureIO(cwd: string, stdout: { isTTY?: boolean; columns?: number } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk: Buffer | string, _enc, done) {
        into.push(String(chunk));
        done();
      },
    });
  const io: CommandIO = {
    cwd,
    stdin: process.stdin,
    stdout: Object.assign(sink(out), stdout),
    stderr: sink(err),
    resolve: (file) => path.resolve(cwd, file),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** A row as the ledger makes it, with the fields a test does not care about filled in. */
export function row(fields: Partial<ActionRow>): ActionRow {
  return {
    coe: 'COE-2025-001',
    id: 'AI-1',
    action: 'Read the pool size from one file',
    term: 'short',
    owner: 'payments-team',
    due: '2025-11-30',
    dueWritten: '2025-11-30',
    status: 'open',
    reach: null,
    lessons: ['L1'],
    daysOverdue: null,
    validation: 'A second source fails the build',
    file: 'a.md',
    line: 84,
    ...fields,
  };
}
