// Quick fix of `customer-terms`: add a `glossary` entry for an internal
// name, its customer wording left as `TODO` to write. The frontmatter is
// read with the yaml package (its node ranges say where the entry goes), and
// the result is read again before the fix is offered.
import type { Yaml } from 'mdast';
import { isMap, isScalar, LineCounter, parseDocument, stringify } from 'yaml';
import type { ResolvedConfig } from '../config/config.js';
import type { Message } from '../engine/rule.js';
import type { CoeDocument, Point } from '../model/types.js';
import { parseMarkdown } from '../parse/markdown.js';
import { readFrontmatter } from '../parse/frontmatter.js';
import { foldName } from '../util/terms.js';
import { applyEdits, eolOf, insert, insertLinesAfter, insertLinesBefore, type Edit } from './edits.js';
import type { Fix } from './fix-ids.js';

export const WORDING_TODO = 'TODO';

export function glossaryFixes(doc: CoeDocument, message: Message, config: ResolvedConfig): Fix[] {
  if (!message.message.includes('Add a glossary entry')) return [];
  const name = internalName(doc, message, config);
  const yaml = doc.root.children.find((n): n is Yaml => n.type === 'yaml');
  if (!name || !yaml?.position) return [];
  const edit = glossaryEdit(doc, yaml, name);
  if (!edit || !adds(doc, yaml, edit, name)) return [];
  return [{ title: `Add "${name}" to the glossary (customer wording to write)`, edits: [edit] }];
}

// The name the finding is about: the text it points at, matched as the rule matches names.
function internalName(doc: CoeDocument, message: Message, config: ResolvedConfig): string | undefined {
  if (message.line !== message.endLine) return undefined;
  const found = foldName((doc.lines[message.line - 1] ?? '').slice(message.column - 1, message.endColumn - 1));
  const names = [...(doc.frontmatter.data.services ?? []), ...config.internalTerms];
  return names.find((n) => foldName(n) === found)?.trim();
}

function glossaryEdit(doc: CoeDocument, yaml: Yaml, name: string): Edit | undefined {
  const lineCounter = new LineCounter();
  const parsed = parseDocument(yaml.value, { lineCounter, prettyErrors: false, logLevel: 'error' });
  if (parsed.errors.length > 0 || !isMap(parsed.contents)) return undefined;
  const firstLine = yaml.position!.start.line + 1;
  const pointAt = (offset: number): Point => {
    const p = lineCounter.linePos(offset);
    return { line: firstLine + p.line - 1, column: p.col };
  };
  const entry = `${stringify(name, { lineWidth: 0 }).trimEnd()}: ${WORDING_TODO}`;
  const pair = parsed.contents.items.find((p) => isScalar(p.key) && p.key.value === 'glossary');
  if (!pair) return insertLinesBefore(doc, yaml.position!.end.line, ['glossary:', `  ${entry}`]);
  const value = pair.value;
  const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
  if (value === null || (isScalar(value) && value.value === null)) {
    return keyRange ? insertLinesAfter(doc, pointAt(keyRange[0]).line, [`  ${entry}`]) : undefined;
  }
  if (!isMap(value) || !value.range) return undefined;
  const last = value.items.at(-1);
  const lastEnd = last && isScalar(last.value) ? last.value.range?.[1] : last && isScalar(last.key) ? last.key.range?.[1] : undefined;
  if (value.flow) {
    // After the last entry, or inside the empty braces.
    if (last) return lastEnd === undefined ? undefined : insert(pointAt(lastEnd), `, ${entry}`);
    const close = value.range[1] - 1;
    return yaml.value[close] === '}' ? insert(pointAt(close), entry) : undefined;
  }
  const first = value.items[0];
  const firstKey = first && isScalar(first.key) ? first.key.range : undefined;
  if (!firstKey || lastEnd === undefined) return undefined;
  const indent = ' '.repeat(pointAt(firstKey[0]).column - 1);
  return insertLinesAfter(doc, pointAt(Math.max(0, lastEnd - 1)).line, [indent + entry]);
}

// The frontmatter after the edit holds the entry, and no new problem.
function adds(doc: CoeDocument, yaml: Yaml, edit: Edit, name: string): boolean {
  const end = yaml.position!.end.line;
  const text = applyEdits(doc.lines.slice(0, end), eolOf(doc), [edit]);
  const node = parseMarkdown(text).children.find((n): n is Yaml => n.type === 'yaml');
  if (!node) return false;
  const after = readFrontmatter(node, 'COE');
  const before = readFrontmatter(yaml, 'COE');
  return after.positions.has(`glossary.${name}`) && after.problems.length <= before.problems.length;
}
