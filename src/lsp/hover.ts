// Hover: on an id, the lesson or the action item it names; on a finding, its
// rule's description and page.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { ActionItem, CoeDocument, Lesson } from '../model/types.js';
import { ruleDocsUrl } from '../docs/project.js';
import type { Analysis } from './analysis.js';
import { messageRange, ruleMeta } from './diagnostics.js';
import { occurrenceAt, type IdOccurrence } from './ids.js';
import { toLspRange, toPoint, within } from './positions.js';

export function hover(analysis: Analysis, doc: CoeDocument, position: Position): Hover | null {
  const point = toPoint(position);
  const parts: string[] = [];
  const id = occurrenceAt(doc, point);
  if (id) parts.push(describeId(doc, id));
  const findings = analysis.messages.filter((m) => within(messageRange(m, doc.lines), point));
  for (const ruleId of new Set(findings.map((m) => m.ruleId))) {
    const meta = ruleMeta(ruleId);
    if (!meta) continue;
    const severity = findings.find((m) => m.ruleId === ruleId)!.severity;
    parts.push(`**coe ${ruleId}** (${severity}): ${meta.description}\n\n[Rule documentation](${ruleDocsUrl(ruleId)})`);
  }
  if (parts.length === 0) return null;
  const range = id?.range ?? (findings[0] ? messageRange(findings[0], doc.lines) : undefined);
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    ...(range ? { range: toLspRange(range) } : {}),
  };
}

function describeId(doc: CoeDocument, o: IdOccurrence): string {
  if (o.kind === 'lesson') {
    const lesson = doc.lessons?.find((l) => l.id === o.id);
    return lesson ? describeLesson(doc, lesson) : `${o.id} is not a lesson of this document.`;
  }
  const item = doc.actionItems?.items.find((i) => i.id === o.id);
  return item ? describeAction(item) : `${o.id} is not an action item of this document.`;
}

function describeLesson(doc: CoeDocument, lesson: Lesson): string {
  const named = (doc.actionItems?.items ?? []).filter((i) => i.lessons.some((r) => r.id === lesson.id)).map((i) => i.id || '(no id)');
  const actions = named.length > 0 ? `Action items: ${named.join(', ')}` : 'No action item names this lesson yet.';
  return `**${lesson.id}:** ${lesson.text}\n\n${actions}`;
}

function describeAction(item: ActionItem): string {
  const facts = [
    item.term && `${item.term} term`,
    item.owner && `owner ${item.owner}`,
    item.due && `due ${item.due}`,
    item.status,
    item.reach && `reach ${item.reach}`,
    item.lessons.length > 0 && `lessons ${item.lessons.map((r) => r.id).join(', ')}`,
  ].filter(Boolean);
  const validation = item.validation ? `\n\nValidation: ${item.validation}` : '';
  return `**${item.id}:** ${item.action || '(no action written)'}\n\n${facts.join(' · ')}${validation}`;
}
