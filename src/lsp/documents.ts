// Where a document is, for configuration discovery and messages: its file
// path, or for a document not saved yet, a workspace folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The file name a finding reports: the path, or the URI of a document that has none. */
export function fileNameOf(uri: string): string {
  return filePathOf(uri) ?? uri;
}

/** The folder configuration discovery starts from. */
export function folderOf(uri: string, workspaceFolders: readonly string[], fallback: string): string {
  const file = filePathOf(uri);
  if (file) return path.dirname(file);
  return workspaceFolders[0] ?? fallback;
}
