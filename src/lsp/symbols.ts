// The outline: the document's sections, with their level-3 headings, and
// the lessons and action items as children of their sections.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { CoeDocument, Range, Section } from '../model/types.js';
import { rangeOf, textOf } from '../model/text.js';
import { SECTIONS } from '../model/sections.js';
import { actionDefinitions, lessonDefinitions } from './ids.js';
import { toLspRange } from './positions.js';

export function documentSymbols(doc: CoeDocument): DocumentSymbol[] {
  const firsts = new Set([...doc.sectionsByKey.values()].map((list) => list[0]));
  return doc.sections.map((section) => {
    const canonical = SECTIONS.find((s) => s.key === section.key)?.canonical;
    const children = [...subheadings(doc, section), ...(firsts.has(section) ? items(doc, section) : [])];
    return symbol(
      section.heading || '(untitled)',
      SymbolKind.Namespace,
      section.range,
      section.headingRange,
      children,
      canonical !== section.heading ? canonical : undefined,
    );
  });
}

function subheadings(doc: CoeDocument, section: Section): DocumentSymbol[] {
  return doc.root.children.slice(section.bodyStart, section.bodyEnd).flatMap((node) => {
    if (node.type !== 'heading' || node.depth !== 3) return [];
    const range = rangeOf(node);
    return [symbol(textOf(node.children.filter((c) => c.type !== 'html')) || '(untitled)', SymbolKind.String, range, range)];
  });
}

function items(doc: CoeDocument, section: Section): DocumentSymbol[] {
  if (section.key === 'lessons') {
    return lessonDefinitions(doc).map(({ lesson, range }) =>
      symbol(lesson.id ?? '(no id)', SymbolKind.Constant, lesson.range, range ?? lesson.range, [], short(lesson.text)),
    );
  }
  if (section.key === 'action-items') {
    return actionDefinitions(doc).map(({ item, range }) =>
      symbol(
        item.id || '(no id)',
        SymbolKind.Event,
        item.range,
        range ?? item.range,
        [],
        short([item.status, item.action].filter(Boolean).join(': ')),
      ),
    );
  }
  return [];
}

function symbol(
  name: string,
  kind: SymbolKind,
  range: Range,
  selection: Range,
  children: DocumentSymbol[] = [],
  detail?: string,
): DocumentSymbol {
  return { name, kind, range: toLspRange(range), selectionRange: toLspRange(selection), children, ...(detail ? { detail } : {}) };
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
