// What every reporter receives. Reporters know nothing of rules: what they
// need of them comes as plain data.
import type { ChalkInstance } from 'chalk';
import type { FileResult } from '../engine/lint.js';

export interface ReportRule {
  id: string;
  description: string;
  defaultSeverity: 'error' | 'warn';
  /** The rule's documentation page. */
  helpUri?: string;
}

export interface ReportTool {
  name: string;
  version: string;
  informationUri?: string;
}

export interface ReportContext {
  chalk: ChalkInstance;
  cwd: string;
  /** Link to a rule's documentation, when one is known. */
  ruleUrl?: (ruleId: string) => string | undefined;
  /** Every rule a finding may carry, for formats that describe them (SARIF). */
  rules?: ReportRule[];
  /** The tool that produced the results. */
  tool?: ReportTool;
}

export type Reporter = (results: FileResult[], context: ReportContext) => string;
