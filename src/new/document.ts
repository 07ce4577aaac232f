// A new COE: frontmatter built with the yaml package (so any value
// round-trips exactly, quotes, colons, `#` and all), then the template body.
import { Document, isSeq } from 'yaml';
import { render } from './render.js';
import type { NewValues } from './values.js';

const LISTS = ['authors', 'services', 'regions'];

const LATER = [
  ' Add the other milestones as they become known: incident.engaged and',
  ' incident.mitigated before review, incident.resolved before approval,',
  ' incident.customer_notified when customers are told; and a glossary that',
  ' gives customer wording for each service, for `coe export`.',
].join('\n');

export function frontmatterOf(values: NewValues, id: string): string {
  const data: Record<string, unknown> = {
    coe: 1,
    id,
    title: values.title.trim(),
    status: 'draft',
    severity: values.severity,
    owner: values.owner.trim(),
    authors: values.authors.map((a) => a.trim()),
    services: values.services.map((s) => s.trim()),
  };
  if (values.regions.length > 0) data.regions = values.regions.map((r) => r.trim());
  data.incident = { start: values.start.trim(), detected: values.detected.trim(), detected_by: values.detectedBy };

  const doc = new Document(data);
  for (const key of LISTS) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  doc.comment = LATER;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export function newDocument(values: NewValues, id: string, template: string): string {
  const body = render(template, { values, id }).replace(/^\n+/, '').replace(/\n*$/, '\n');
  return `---\n${frontmatterOf(values, id)}---\n\n${body}`;
}
