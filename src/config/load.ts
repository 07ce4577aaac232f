// Finds and reads the configuration. Until a configuration file is
// supported, the defaults apply.
import { DEFAULT_CONFIG, type ResolvedConfig } from './config.js';

export async function loadConfig(_cwd: string, _explicit?: string): Promise<ResolvedConfig> {
  return structuredClone(DEFAULT_CONFIG);
}
