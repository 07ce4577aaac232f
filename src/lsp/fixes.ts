// Code actions: the quick fixes of the findings in the range asked about,
// each a WorkspaceEdit for the client to apply. A fix is offered only where
// it is certain; every finding can also be turned off for its line.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { Message } from '../engine/rule.js';
import type { CoeDocument } from '../model/types.js';
import type { Analysis } from './analysis.js';
import { messageRange, toDiagnostic } from './diagnostics.js';
import { insert, replace, workspaceEdit, type Edit } from './edits.js';
import { disableFixes } from './fix-disable.js';
import { glossaryFixes } from './fix-glossary.js';
import { lessonFixes, referenceFixes, type Fix } from './fix-ids.js';
import { addSection, missingSection } from './fix-sections.js';
import { timelineFixes } from './fix-timeline.js';
import { overlaps, toPoint } from './positions.js';
import { sectionTemplates } from './template.js';

export const VALIDATION_TODO = 'TODO: how it was verified that the same conditions no longer cause the failure';

export interface Target {
  uri: string;
  version: number;
  /** Whether the client takes edits with the document's version (documentChanges). */
  versioned: boolean;
}

export async function codeActions(analysis: Analysis, doc: CoeDocument, params: CodeActionParams, target: Target): Promise<CodeAction[]> {
  const only = params.context.only;
  if (only && !only.some((kind) => kind === '' || CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`)))
    return [];
  const range = { start: toPoint(params.range.start), end: toPoint(params.range.end) };
  const found = analysis.messages.filter((m) => overlaps(messageRange(m, doc.lines), range));
  const preferred: CodeAction[] = [];
  const disabling: CodeAction[] = [];
  for (const message of found) {
    const diagnostic = toDiagnostic(message, doc.lines);
    for (const fix of await fixesOf(analysis, doc, message)) preferred.push(action(fix, diagnostic, target, true));
    for (const fix of disableFixes(doc, message)) disabling.push(action(fix, diagnostic, target, false));
  }
  const seen = new Set<string>();
  return [...preferred, ...disabling].filter((a) => !seen.has(a.title) && seen.add(a.title));
}

async function fixesOf(analysis: Analysis, doc: CoeDocument, message: Message): Promise<Fix[]> {
  switch (message.ruleId) {
    case 'required-sections': {
      const key = missingSection(doc, message);
      if (!key) return [];
      const templates = await sectionTemplates(analysis, doc);
      const heading = templates.text(key).split(/\r?\n/, 1)[0];
      return [{ title: `Add the section "${heading}" from the template`, edits: [addSection(doc, key, templates)] }];
    }
    case 'lessons-have-actions':
      return lessonFixes(doc, message);
    case 'references-exist':
      return referenceFixes(doc, message);
    case 'customer-terms':
      return glossaryFixes(doc, message, analysis.config);
    case 'timeline-milestones':
      return timelineFixes(doc, message);
    case 'action-item-validated':
      return validatedFixes(doc, message);
    default:
      return [];
  }
}

// A `done` item: marked validated, with a Validation cell to fill when it is empty.
function validatedFixes(doc: CoeDocument, message: Message): Fix[] {
  if (!message.message.includes('is done but not complete until validated')) return [];
  const model = doc.actionItems;
  // The finding points at the item's Status cell.
  const item = model?.items.find(
    (i) => i.cells.status?.range.start.line === message.line && i.cells.status.range.start.column === message.column,
  );
  const status = item?.cells.status;
  if (!item || !status || item.status !== 'done') return [];
  const edits: Edit[] = [replace(status.range, 'validated')];
  const validation = item.cells.validation;
  if (validation && !validation.text) {
    const next = (doc.lines[validation.range.start.line - 1] ?? '')[validation.range.start.column - 1];
    edits.push(insert(validation.range.start, next === ' ' ? ` ${VALIDATION_TODO}` : ` ${VALIDATION_TODO} `));
  } else if (!validation && model?.table?.columns.includes('validation')) {
    return []; // the row has no Validation cell to fill
  }
  const label = item.id || 'this action item';
  return [{ title: `Mark ${label} validated (say how in its Validation cell)`, edits }];
}

function action(fix: Fix, diagnostic: Diagnostic, target: Target, isPreferred: boolean): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred,
    edit: workspaceEdit(target.uri, target.version, target.versioned, fix.edits),
  };
}
