// The COEs of a docs repository as the operations meeting reads them (format
// 6): the figures of each COE and its action items, kept without the syntax
// tree, so that thousands fit in memory.
import type { DetectionSource, Milestone, Status } from '../model/frontmatter-schema.js';

export interface PortfolioCoe {
  file: string;
  /** The frontmatter id, or the file name when the id cannot be read. */
  id: string;
  title: string;
  status: Status | undefined;
  severity: number | undefined;
  owner: string | undefined;
  services: string[];
  regions: string[];
  tags: string[];
  related: string[];
  detectedBy: DetectionSource | undefined;
  /** Milestones in ms since the epoch; a milestone missing or out of order is unknown. */
  times: Partial<Record<Milestone, number>>;
  hasCustomerSummary: boolean;
  actions: PortfolioAction[];
}

export interface PortfolioAction {
  coeId: string;
  file: string;
  /** The line of its row, for links. */
  line: number;
  id: string;
  action: string;
  term: string;
  owner: string;
  /** YYYY-MM-DD, when it is a date. */
  due: string | undefined;
  /** The Due cell as written, trimmed ('' when empty). */
  dueWritten: string;
  status: string;
  reach: string;
  lessons: string[];
  validation: string;
}

/** A COE whose frontmatter or file cannot be read: counted and listed, never dropped. */
export interface Unreadable {
  file: string;
  reason: string;
}

/** A second file with the id of a COE already read: listed, not counted twice. */
export interface Duplicate {
  file: string;
  id: string;
  /** The file whose COE is counted under this id. */
  first: string;
}

export interface Portfolio {
  coes: PortfolioCoe[];
  unreadable: Unreadable[];
  duplicates: Duplicate[];
}
