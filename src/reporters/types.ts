// What every reporter receives. Reporters know nothing of rules.
import type { ChalkInstance } from 'chalk';
import type { FileResult } from '../engine/lint.js';

export interface ReportContext {
  chalk: ChalkInstance;
  cwd: string;
  /** Link to a rule's documentation, when one is known. */
  ruleUrl?: (ruleId: string) => string | undefined;
}

export type Reporter = (results: FileResult[], context: ReportContext) => string;
