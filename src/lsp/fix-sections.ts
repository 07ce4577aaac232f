// Quick fix of `required-sections`: add a missing section, as the template
// writes it, before the first section that the template puts after it.
import type { CoeDocument, SectionKey } from '../model/types.js';
import { SECTIONS } from '../model/sections.js';
import type { Message } from '../engine/rule.js';
import { insertLinesAfter, insertLinesBefore, isBlank, type Edit } from './edits.js';
import type { SectionTemplates } from './template.js';

/** The section a `required-sections` finding says is missing, if that is what it says. */
export function missingSection(doc: CoeDocument, message: Message): SectionKey | undefined {
  if (!message.message.startsWith('Missing section')) return undefined;
  return SECTIONS.find((s) => s.required && !doc.sectionsByKey.has(s.key) && message.message.includes(`"## ${s.canonical}"`))?.key;
}

export function addSection(doc: CoeDocument, key: SectionKey, templates: SectionTemplates): Edit {
  const body = templates.text(key).split(/\r?\n/);
  const later = templates.order.slice(templates.order.indexOf(key) + 1);
  const next = doc.sections
    .filter((s) => s.key !== undefined && later.includes(s.key))
    .sort((a, b) => a.headingRange.start.line - b.headingRange.start.line)[0];
  if (next) {
    const line = next.headingRange.start.line;
    const before = isBlank(doc, line - 1) ? [] : [''];
    return insertLinesBefore(doc, line, [...before, ...body, '']);
  }
  // Nothing comes after it: at the end, after a blank line.
  const last = lastNonBlank(doc);
  return insertLinesAfter(doc, last, ['', ...body]);
}

function lastNonBlank(doc: CoeDocument): number {
  let line = doc.lines.length;
  while (line > 0 && isBlank(doc, line)) line--;
  return line;
}
