// What a section parser is given: the body nodes of its section and the file.
import type { RootContent } from 'mdast';
import type { Range, SectionKey } from '../model/types.js';

export interface SectionInput {
  key: SectionKey;
  nodes: RootContent[];
  range: Range;
  lines: string[];
  /** Where ids are defined (a lesson's `L1:`, an action item's ID cell), as "line:column": not references. */
  definitions: Set<string>;
}
