// A parsed COE to the figures the report and the ledger need: read from the
// same model as `coe lint`, nothing parsed again.
import path from 'node:path';
import { MILESTONES, type Milestone } from '../model/frontmatter-schema.js';
import { timeOf } from '../model/incident.js';
import type { CoeDocument } from '../model/types.js';
import { parseDay } from '../util/time.js';
import type { PortfolioAction, PortfolioCoe } from './types.js';

const ALL_MILESTONES: Milestone[] = [...MILESTONES, 'customer_notified'];

/**
 * The figures of one COE. The strings are copied out of the document: a
 * piece of a string keeps the whole source text alive, and the portfolio
 * must keep figures, not documents.
 */
export function summarize(doc: CoeDocument): PortfolioCoe {
  return JSON.parse(JSON.stringify(figuresOf(doc))) as PortfolioCoe;
}

function figuresOf(doc: CoeDocument): PortfolioCoe {
  const fm = doc.frontmatter.data;
  const id = fm.id ?? path.basename(doc.file).replace(/\.(md|markdown)$/i, '');
  const times: PortfolioCoe['times'] = {};
  for (const milestone of ALL_MILESTONES) {
    const ms = timeOf(fm.incident, milestone);
    if (ms !== undefined) times[milestone] = ms;
  }
  return {
    file: doc.file,
    id,
    title: fm.title ?? doc.title?.text ?? id,
    status: fm.status,
    severity: fm.severity,
    owner: fm.owner,
    services: fm.services ?? [],
    regions: fm.regions ?? [],
    tags: fm.tags ?? [],
    related: fm.related ?? [],
    detectedBy: fm.incident?.detected_by,
    times,
    hasCustomerSummary: hasText(doc, 'customer-summary'),
    actions: (doc.actionItems?.items ?? []).map((item): PortfolioAction => ({
      coeId: id,
      file: doc.file,
      line: item.range.start.line,
      id: item.id,
      action: item.action,
      term: item.term,
      owner: item.owner,
      due: parseDay(item.due) === undefined ? undefined : item.due.trim(),
      dueWritten: item.due.trim(),
      status: item.status,
      reach: item.reach,
      lessons: item.lessons.map((r) => r.id),
      validation: item.validation,
    })),
  };
}

// A section that is there and holds more than headings and comments.
function hasText(doc: CoeDocument, key: 'customer-summary'): boolean {
  const section = doc.sectionsByKey.get(key)?.[0];
  if (!section) return false;
  return doc.root.children
    .slice(section.bodyStart, section.bodyEnd)
    .some((n) => n.type !== 'html' && n.type !== 'heading' && n.type !== 'thematicBreak');
}
