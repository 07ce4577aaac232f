// `coe new` (issue 4): not implemented yet.
import type { CommandIO } from './lint.js';
import { UsageError } from '../files/discover.js';

export async function runNew(_title: string | undefined, _options: Record<string, unknown>, _io: CommandIO): Promise<number> {
  throw new UsageError('coe new is not implemented yet');
}
