// A file from disk to its document, once, for every command that reads COEs
// (lint, report, actions): read within the limits, decode, parse. Whatever
// fails is the file's `fatal` result; the caller goes on with the others.
import type { ResolvedConfig } from '../config/config.js';
import type { ReadResult } from '../files/read.js';
import { loadBytes, refusedResult, type Loaded } from './lint.js';

/** A file read already: its document, or why there is none. Never throws. */
export function loadRead(file: string, read: ReadResult, config: ResolvedConfig): Loaded {
  return read.ok ? loadBytes(file, read.bytes, config) : { result: refusedResult(file, read.message, read.head, config) };
}
