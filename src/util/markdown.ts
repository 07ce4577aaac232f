// Writing Markdown from text: escapes, so that text from a document (or a
// user) comes out as the characters it was written with, never as syntax.

/** Backslash-escapes the ASCII punctuation that could start Markdown or HTML syntax inline (emphasis, links, HTML, entities, table cells, heading closers, template tokens). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#!|&~{}]/g, '\\$&');
}
