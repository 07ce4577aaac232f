// Navigation between ids: from an `L<n>` or `AI-<n>` to the lesson or the
// action item row that defines it, every place it is named, and a rename of
// it everywhere in the document.
import {
  LSPErrorCodes,
  ResponseError,
  type Location,
  type Position,
  type Range as LspRange,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { CoeDocument } from '../model/types.js';
import { idOf, occurrenceAt, occurrences, type IdOccurrence } from './ids.js';
import { toLspRange, toPoint } from './positions.js';

const location = (uri: string, o: IdOccurrence): Location => ({ uri, range: toLspRange(o.range) });

export function definition(doc: CoeDocument, uri: string, position: Position): Location[] | null {
  const at = occurrenceAt(doc, toPoint(position));
  if (!at) return null;
  const defs = occurrences(doc).filter((o) => o.definition && o.id === at.id);
  return defs.length > 0 ? defs.map((o) => location(uri, o)) : null;
}

export function references(doc: CoeDocument, uri: string, position: Position, includeDeclaration: boolean): Location[] | null {
  const at = occurrenceAt(doc, toPoint(position));
  if (!at) return null;
  return occurrences(doc)
    .filter((o) => o.id === at.id && (includeDeclaration || !o.definition))
    .map((o) => location(uri, o));
}

export function prepareRename(doc: CoeDocument, position: Position): { range: LspRange; placeholder: string } | null {
  const at = occurrenceAt(doc, toPoint(position));
  return at ? { range: toLspRange(at.range), placeholder: at.id } : null;
}

export function rename(doc: CoeDocument, uri: string, position: Position, newName: string): WorkspaceEdit | null {
  const at = occurrenceAt(doc, toPoint(position));
  if (!at) return null;
  const name = newName.trim();
  const wanted = parseId(name, at.kind);
  if (!wanted) {
    const example = at.kind === 'lesson' ? 'L5' : 'AI-5';
    throw new ResponseError(
      LSPErrorCodes.RequestFailed,
      `"${newName}" is not ${at.kind === 'lesson' ? 'a lesson' : 'an action item'} id: write one like ${example}`,
    );
  }
  if (wanted === at.id) return { changes: { [uri]: [] } };
  const all = occurrences(doc);
  if (all.some((o) => o.id === wanted && o.definition)) {
    throw new ResponseError(LSPErrorCodes.RequestFailed, `${wanted} is already defined in this document: choose a free id`);
  }
  const edits = all.filter((o) => o.id === at.id).map((o) => ({ range: toLspRange(o.range), newText: wanted }));
  return { changes: { [uri]: edits } };
}

// "L5", or the number alone ("5") for an id of the same kind.
function parseId(name: string, kind: IdOccurrence['kind']): string | undefined {
  const digits = /^[1-9]\d*$/;
  if (digits.test(name)) return idOf(kind, Number(name));
  const prefix = kind === 'lesson' ? 'L' : 'AI-';
  const rest = name.slice(prefix.length);
  return name.startsWith(prefix) && digits.test(rest) ? name : undefined;
}
