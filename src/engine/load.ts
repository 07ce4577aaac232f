// A file from disk to its document, once, for every command that reads COEs
// (lint, report, actions): read within the limits, decode, parse. Whatever
// fails is the file's `fatal` result; the caller goes on with the others.
import type { ResolvedConfig } from '../config/config.js';
import { readLimited } from '../files/read.js';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { couldNotLint, loadBytes, refusedResult, type Loaded } from './lint.js';

/** Reads and parses `path` (reported as `file`). Never throws. */
export async function loadFile(file: string, path: string, config: ResolvedConfig): Promise<Loaded> {
  try {
    const read = await readLimited(path, DEFAULT_LIMITS.maxBytes);
    return read.ok ? loadBytes(file, read.bytes, config) : { result: refusedResult(file, read.message, read.head, config) };
  } catch (error) {
    return { result: couldNotLint(file, error) };
  }
}
