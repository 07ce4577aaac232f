// The sections of the `standard` template (the repository's own, or the
// built-in one), as a missing section's quick fix writes them: the heading,
// the guidance comment and the `TODO` text, with the COE's own values filled
// in, in the template's order.
import path from 'node:path';
import type { Heading } from 'mdast';
import type { Analysis } from './analysis.js';
import type { CoeDocument, SectionKey } from '../model/types.js';
import { headingMatcher, SECTIONS } from '../model/sections.js';
import { parseMarkdown } from '../parse/markdown.js';
import { textOf } from '../model/text.js';
import { DEFAULT_TEMPLATE, loadTemplate } from '../new/templates.js';
import { render } from '../new/render.js';

export interface SectionTemplates {
  /** Section keys in the template's order; one it lacks comes after the one the format puts before it. */
  order: SectionKey[];
  /** The section's Markdown from its heading on, without the blank lines after it. */
  text(key: SectionKey): string;
}

const cache = new Map<string, Promise<string | undefined>>();

/** Forgets the templates read (a template may have changed). */
export function forgetTemplates(): void {
  cache.clear();
}

async function templateText(dir: string | undefined): Promise<string | undefined> {
  const key = dir ?? '';
  let text = cache.get(key);
  if (!text) {
    text = loadTemplate(DEFAULT_TEMPLATE, dir).then(
      (t) => t.text,
      () => undefined,
    );
    cache.set(key, text);
  }
  return text;
}

export async function sectionTemplates(analysis: Analysis, doc: CoeDocument): Promise<SectionTemplates> {
  const dir = analysis.config.path ? path.resolve(analysis.folder, analysis.config.templates) : undefined;
  const source = (await templateText(dir)) ?? '';
  const match = headingMatcher(analysis.config.sections);
  const found = new Map<SectionKey, string>();
  const root = parseMarkdown(source);
  const headings = root.children
    .map((node, index) => ({ node, index }))
    .filter((h): h is { node: Heading; index: number } => h.node.type === 'heading' && h.node.depth <= 2);
  headings.forEach(({ node }, i) => {
    const key = node.depth === 2 ? match(textOf(node)) : undefined;
    if (!key || found.has(key)) return;
    const from = node.position?.start.offset ?? 0;
    const to = headings[i + 1]?.node.position?.start.offset ?? source.length;
    found.set(key, source.slice(from, to).replace(/\s+$/, ''));
  });
  return {
    order: mergedOrder([...found.keys()]),
    text: (key) => fill(found.get(key), doc) ?? `## ${SECTIONS.find((s) => s.key === key)?.canonical ?? key}\n\nTODO`,
  };
}

function mergedOrder(template: SectionKey[]): SectionKey[] {
  const order = [...template];
  SECTIONS.forEach((section, i) => {
    if (order.includes(section.key)) return;
    const previous = SECTIONS.slice(0, i)
      .map((s) => s.key)
      .reverse()
      .find((key) => order.includes(key));
    order.splice(previous ? order.indexOf(previous) + 1 : 0, 0, section.key);
  });
  return order;
}

// The template's tokens, from the frontmatter; what it lacks stays to write.
function fill(text: string | undefined, doc: CoeDocument): string | undefined {
  if (text === undefined) return undefined;
  const data = doc.frontmatter.data;
  try {
    return render(text, {
      id: data.id ?? 'TODO',
      values: {
        title: data.title ?? 'TODO',
        severity: data.severity ?? 3,
        services: data.services ?? [],
        regions: data.regions ?? [],
        owner: data.owner ?? 'TODO',
        authors: data.authors ?? [],
        start: data.incident?.start?.text ?? 'TODO',
        detected: data.incident?.detected?.text ?? 'TODO',
        detectedBy: data.incident?.detected_by ?? 'other',
      },
    });
  } catch {
    return undefined;
  }
}
