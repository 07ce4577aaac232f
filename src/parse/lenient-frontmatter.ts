// A frontmatter read past a repeated key. The key is a YAML error, and the
// frontmatter model keeps no value after it (frontmatter-schema reports it);
// readers that allow it, as the yaml package does with uniqueKeys: false,
// take its last value. The export reads the frontmatter so, rather than lose
// the title, the dates and the glossary to one repeated line.
import type { Yaml } from 'mdast';
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { FrontmatterModel } from '../model/types.js';
import { readFrontmatter, yamlDocument } from './frontmatter.js';
import { OverLimitError } from './limits.js';

/**
 * The model of a frontmatter whose keys repeat, with the values it has when
 * each repeated key takes its last value; its problems and places stay those
 * of `model`. Undefined when no key repeats or the YAML has another error.
 */
export function readPastRepeatedKeys(node: Yaml, model: FrontmatterModel, idPrefix: string): FrontmatterModel | undefined {
  const doc = yamlDocument(node.value);
  if (!doc || doc.errors.length > 0 || !dropRepeatedKeys(doc.contents)) return undefined;
  const text = written(doc);
  if (text === undefined) return undefined;
  let read: FrontmatterModel;
  try {
    read = readFrontmatter({ ...node, value: text }, idPrefix);
  } catch (error) {
    if (error instanceof OverLimitError) return undefined;
    throw error;
  }
  if (read.problems.some((p) => p.kind === 'syntax')) return undefined;
  // The times were read from the text written again: their places are the file's.
  for (const [key, time] of Object.entries(read.data.incident ?? {})) {
    if (typeof time === 'object') time.range = model.positions.get(`incident.${key}`) ?? time.range;
  }
  return { ...model, data: read.data };
}

// Drops every pair whose key a later pair of its mapping repeats: what
// toJS keeps of them is the last. Keys compare as the model's check does.
function dropRepeatedKeys(node: unknown): boolean {
  let dropped = false;
  if (isMap(node)) {
    const last = new Map<unknown, number>();
    node.items.forEach((pair, i) => {
      if (isScalar(pair.key)) last.set(pair.key.value, i);
    });
    const kept = node.items.filter((pair, i) => !isScalar(pair.key) || last.get(pair.key.value) === i);
    dropped = kept.length < node.items.length;
    node.items = kept;
  }
  const children: unknown[] = isMap(node) ? node.items.map((pair) => pair.value) : isSeq(node) ? node.items : [];
  for (const child of children) if (dropRepeatedKeys(child)) dropped = true;
  return dropped;
}

// The YAML without the dropped pairs; undefined when an alias named an anchor they held.
function written(doc: Document): string | undefined {
  try {
    return doc.toString();
  } catch {
    return undefined;
  }
}
