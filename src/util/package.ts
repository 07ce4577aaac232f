// Where the coe package is installed, found from this module's place, so
// that its files (package.json, templates/) are found whether the code runs
// from src/, dist/ or the bundle.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder of coe's package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'coe') return (root = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('coe: cannot find the package.json of coe');
    dir = parent;
  }
}

/** A path inside the package: packagePath('templates', 'standard.md'). */
export function packagePath(...segments: string[]): string {
  return path.join(packageRoot(), ...segments);
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
}
