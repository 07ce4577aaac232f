// The configuration of each document, found as `coe lint` finds it, going up
// from the document's folder. A file that changes is read again: the client
// tells (watched files, a saved configuration file), and the file that was
// read is checked for a newer modification time before each lint, for
// clients that tell nothing. A configuration that cannot be read is shown
// once, and the last good one of that folder keeps working.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../config/config.js';
import { loadConfig, SEARCH_PLACES } from '../config/load.js';

interface Entry {
  config: ResolvedConfig;
  /** Modification time of the file read, when there was one. */
  mtimeMs: number | undefined;
}

export class ConfigStore {
  private readonly loaded = new Map<string, Entry>();
  private readonly lastGood = new Map<string, ResolvedConfig>();
  private readonly shown = new Set<string>();
  /** The problem last told for each folder whose configuration could not be read. */
  private readonly failing = new Map<string, string>();

  /** `report` is told each new problem once, until the configuration changes. */
  constructor(private readonly report: (message: string) => void) {}

  /** The configuration for a document in `dir`. Never throws. */
  async forFolder(dir: string): Promise<ResolvedConfig> {
    const entry = this.loaded.get(dir);
    if (entry && (await this.fresh(entry))) return entry.config;
    try {
      const config = await loadConfig(dir);
      const mtimeMs = config.path ? await mtimeOf(config.path) : undefined;
      this.loaded.set(dir, { config, mtimeMs });
      this.lastGood.set(dir, config);
      // Fixed: the same mistake made again later is told again.
      const told = this.failing.get(dir);
      if (told !== undefined) this.shown.delete(told);
      this.failing.delete(dir);
      return config;
    } catch (error) {
      // Not cached: the next lint tries again, and a fixed file is read at once.
      this.loaded.delete(dir);
      const fallback = this.lastGood.get(dir);
      const message = error instanceof Error ? error.message : String(error);
      const kept = fallback ? 'the last configuration that could be read is in use' : 'the default configuration is in use';
      const text = `coe: ${message} (${kept} until it is fixed)`;
      this.failing.set(dir, text);
      this.tell(text);
      return fallback ?? structuredClone(DEFAULT_CONFIG);
    }
  }

  /** Forgets what was read: a configuration file changed, appeared or went. */
  invalidate(): void {
    this.loaded.clear();
    this.shown.clear();
  }

  private tell(message: string): void {
    if (this.shown.has(message)) return;
    this.shown.add(message);
    this.report(message);
  }

  private async fresh(entry: Entry): Promise<boolean> {
    if (!entry.config.path) return true;
    return (await mtimeOf(entry.config.path)) === entry.mtimeMs;
  }
}

async function mtimeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Whether a file is one that configuration discovery reads. */
export function isConfigFile(file: string): boolean {
  return SEARCH_PLACES.includes(path.basename(file));
}
