// What a section parser is given: the body nodes of its section and the file.
import type { RootContent, Nodes } from 'mdast';
import type { Range, SectionKey } from '../model/types.js';

export interface SectionInput {
  key: SectionKey;
  nodes: RootContent[];
  range: Range;
  lines: string[];
  /** Text nodes that define ids (a lesson's `L1:`, an action item's ID cell), not references. */
  definitions: Set<Nodes>;
}
