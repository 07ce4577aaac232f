// A file from disk to its document, once, for every command that reads COEs
// (lint, report, actions): read within the limits, decode, parse. Whatever
// fails is the file's `fatal` result; the caller goes on with the others.
import type { ResolvedConfig } from '../config/config.js';
import { readLimited, type ReadResult } from '../files/read.js';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { couldNotLint, loadBytes, refusedResult, type Loaded } from './lint.js';

/** Reads and parses `path` (reported as `file`). Never throws. */
export async function loadFile(file: string, path: string, config: ResolvedConfig): Promise<Loaded> {
  try {
    return loadRead(file, await readLimited(path, DEFAULT_LIMITS.maxBytes), config);
  } catch (error) {
    return { result: couldNotLint(file, error) };
  }
}

/** A file read already: its document, or why there is none. Never throws. */
export function loadRead(file: string, read: ReadResult, config: ResolvedConfig): Loaded {
  return read.ok ? loadBytes(file, read.bytes, config) : { result: refusedResult(file, read.message, read.head, config) };
}
