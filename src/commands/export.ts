// `coe export` (issue 5): not implemented yet.
import type { CommandIO } from './lint.js';
import { UsageError } from '../files/discover.js';

export async function runExport(_file: string, _options: Record<string, unknown>, _io: CommandIO): Promise<number> {
  throw new UsageError('coe export is not implemented yet');
}
