// The examples of a rule's documentation: the Markdown shown on its page and
// run by its tests. A marker `{rule-id}` (or `{rule-id:warn}`) at the end of
// a line says a finding of that rule is expected on that line; the page
// shows the line without it.
import type { RuleExample, Severity } from '../engine/rule.js';

export interface Example {
  text: string;
  now?: string;
  options?: Record<string, unknown>;
}

export interface Marker {
  /** 1-based line in the example's text. */
  line: number;
  ruleId: string;
  severity: Severity | undefined;
}

export function exampleOf(example: RuleExample): Example {
  return typeof example === 'string' ? { text: example } : example;
}

// One or more markers closing a line; `{{…}}` (a template placeholder) is no marker.
const MARKERS = /(?:\s*(?<!\{)\{[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?::(?:error|warn))?\}(?!\}))+\s*$/;
const MARKER = /\{([a-z][a-z0-9-]*)(?::(error|warn))?\}/g;

/** The text without its markers, and the markers with their lines. */
export function readMarkers(text: string): { text: string; markers: Marker[] } {
  const markers: Marker[] = [];
  const lines = text.split('\n').map((line, i) => {
    const found = MARKERS.exec(line);
    if (!found) return line;
    for (const m of found[0].matchAll(MARKER)) markers.push({ line: i + 1, ruleId: m[1]!, severity: m[2] as Severity | undefined });
    return line.slice(0, found.index);
  });
  return { text: lines.join('\n'), markers };
}
