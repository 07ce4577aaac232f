// The typed model of a COE document. Every part carries its place in the
// original file (1-based lines and columns), so rules never re-read the text.
import type { Root, TableCell } from 'mdast';
import type { DetectionSource, Frontmatter, Milestone } from './frontmatter-schema.js';

export interface Point {
  line: number;
  column: number;
}

export interface Range {
  start: Point;
  end: Point;
}

export type SectionKey =
  | 'impact'
  | 'timeline'
  | 'five-whys'
  | 'detection'
  | 'dependencies'
  | 'lessons'
  | 'action-items'
  | 'mitigation'
  | 'customer-summary'
  | 'communication';

/** A `L<n>` or `AI-<n>` token found in the body. */
export interface Reference {
  kind: 'lesson' | 'action';
  id: string;
  range: Range;
  section: SectionKey | undefined;
}

/** Text of a Markdown node, with a map back to the file. */
export interface TextRun {
  text: string;
  range: Range;
  /** Break points: where the character at each of `lineOffsets` sits in the file (escapes, entities and line starts move it). */
  lineStarts: Point[];
  /** Indexes in `text` of the break points. */
  lineOffsets: number[];
  section: SectionKey | undefined;
}

export interface Section {
  key: SectionKey | undefined;
  heading: string;
  range: Range;
  headingRange: Range;
  /** Index of the first and after-last body node in `CoeDocument.root.children`. */
  bodyStart: number;
  bodyEnd: number;
}

export interface ImpactModel {
  paragraphs: { text: string; words: number; range: Range }[];
  /** Lists, tables, code and other blocks that are not paragraphs. */
  otherBlocks: { type: string; words: number; range: Range }[];
  words: number;
}

export interface TimelineEntry {
  /** The entry's whole text. */
  text: string;
  /** The time as written, when one was found. */
  timeText: string | undefined;
  /** Resolved absolute time in ms since the epoch. */
  time: number | undefined;
  /** Why no time could be read. */
  problem: string | undefined;
  /** The entry gave its own date (not a time alone). */
  hasDate: boolean;
  range: Range;
}

export interface WhyNode {
  text: string;
  depth: number;
  children: WhyNode[];
  references: Reference[];
  range: Range;
  /** The node's own text: its first paragraph. */
  textRange: Range;
}

export interface WhysModel {
  /** Top-level items: exactly one is the problem statement. */
  roots: WhyNode[];
  /** The list the tree was read from, when there was one. */
  range: Range | undefined;
}

export type DetectionQuestion = 'speed' | 'observability' | 'similar';

export interface DetectionAnswer {
  question: DetectionQuestion;
  heading: string;
  headingRange: Range;
  text: string;
  words: number;
}

export interface DetectionModel {
  answers: DetectionAnswer[];
  /** Level-3 headings that matched no question. */
  otherHeadings: { heading: string; range: Range }[];
  references: Reference[];
  range: Range;
}

export interface Cell {
  text: string;
  /** The cell's text in the file (just after its "|" when it is empty). */
  range: Range;
  /** The cell in the syntax tree, for what renders it (the export). */
  node: TableCell;
}

export type DependencyColumn = 'dependency' | 'promise' | 'asPromised' | 'implementation' | 'failureMode' | 'blastRadius';

export interface DependencyRow {
  cells: Partial<Record<DependencyColumn, Cell>>;
  references: Reference[];
  range: Range;
}

export interface DependenciesModel {
  table:
    | {
        columns: DependencyColumn[];
        missingColumns: DependencyColumn[];
        rows: DependencyRow[];
        range: Range;
      }
    | undefined;
  /** The "None …" paragraph, when there is one instead of a table. */
  none: { text: string; words: number; range: Range } | undefined;
  range: Range;
}

export interface Lesson {
  /** `L<n>`, or undefined when the item has no id. */
  id: string | undefined;
  /** False when the id is not followed by ":", "." or a dash (`**L1** text`). */
  separator: boolean;
  text: string;
  /** The list item. */
  range: Range;
  /** The item's own text (its first block, id included): where findings about the lesson point. */
  textRange: Range;
}

export type ActionColumn = 'id' | 'action' | 'term' | 'owner' | 'due' | 'status' | 'lessons' | 'validation' | 'reach';

export interface ActionItem {
  cells: Partial<Record<ActionColumn, Cell>>;
  /** Trimmed cell text by column ('' when empty or missing). */
  id: string;
  action: string;
  term: string;
  owner: string;
  due: string;
  status: string;
  validation: string;
  /** The optional Reach column, case folded ('' when empty or missing). */
  reach: string;
  /** Lesson ids named in the Lessons column. */
  lessons: Reference[];
  range: Range;
}

export interface ActionItemsModel {
  table:
    | {
        columns: ActionColumn[];
        /** Required columns (not Reach) the header lacks. */
        missingColumns: ActionColumn[];
        headerRange: Range;
      }
    | undefined;
  items: ActionItem[];
  range: Range;
}

export interface ControlComment {
  /** `unknown`: a comment that begins `coe-` but names no directive. */
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'unknown';
  /** The directive as written: `coe-disable-next-line`. */
  directive: string;
  /** Rule ids named; empty means all rules. */
  rules: string[];
  reason: string | undefined;
  range: Range;
  /**
   * The line of the heading just above it, with only blank lines between:
   * what a rule says of a whole section it says there, outside a span the
   * comment opens.
   */
  headingAbove?: number;
}

/**
 * What the parser found wrong in the frontmatter: its syntax and the types
 * of its values. Unknown and missing keys carry their path, so that
 * frontmatter-schema can pair a misspelt key with the key it stands for.
 */
export interface FrontmatterProblem {
  kind: 'syntax' | 'type' | 'unknown-key' | 'missing-key';
  message: string;
  range: Range;
  /** The key path ("incident.detected_by"), for unknown and missing keys. */
  path?: string;
}

/** An incident milestone, parsed. */
export interface IncidentTime {
  /** As written. */
  text: string;
  /** Milliseconds since the epoch. */
  ms: number;
  range: Range;
  /** False when it is out of order (frontmatter-schema says why): other rules pass over it. */
  valid: boolean;
}

export type IncidentData = Partial<Record<Milestone, IncidentTime>> & { detected_by?: DetectionSource };

/** The frontmatter's values that have the right type; milestones as times. */
export type FrontmatterData = Partial<Omit<Frontmatter, 'incident'>> & { incident?: IncidentData };

export interface FrontmatterModel {
  /** Whether the file has a frontmatter block at all. */
  present: boolean;
  /** Whether the block holds a `coe` key (marks a COE document). */
  hasCoeKey: boolean;
  /** The values that passed validation, field by field. */
  data: FrontmatterData;
  /**
   * Only when a key repeats (a YAML error, after which `data` holds nothing):
   * the values with each repeated key taking its last, as YAML readers that
   * allow repeats read them. The export reads these (src/export/published.ts).
   */
  lastValues?: FrontmatterData;
  problems: FrontmatterProblem[];
  /** Where each key path ("incident.start") sits in the file. */
  positions: Map<string, Range>;
  /** Every scalar string value, for rules that scan values. */
  strings: { path: string; value: string; range: Range }[];
  range: Range | undefined;
}

export interface CoeDocument {
  file: string;
  /** The text as decoded: without a byte-order mark, line endings as written. */
  source: string;
  /** The lines of the file, without line endings. */
  lines: string[];
  /** The Markdown syntax tree the model was read from. */
  root: Root;
  frontmatter: FrontmatterModel;
  title: { text: string; range: Range } | undefined;
  sections: Section[];
  /** Sections with a key, in file order; a duplicate keeps every occurrence. */
  sectionsByKey: Map<SectionKey, Section[]>;
  impact: ImpactModel | undefined;
  timeline: TimelineEntry[] | undefined;
  whys: WhysModel | undefined;
  detection: DetectionModel | undefined;
  dependencies: DependenciesModel | undefined;
  lessons: Lesson[] | undefined;
  actionItems: ActionItemsModel | undefined;
  references: Reference[];
  /** Prose text of the body (code excluded). */
  prose: TextRun[];
  /** Code blocks and inline code. */
  code: TextRun[];
  controls: ControlComment[];
}
