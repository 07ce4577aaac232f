// The JSON output of section 5: an array, one object per file.
import type { Reporter } from './types.js';

export const json: Reporter = (results) =>
  JSON.stringify(
    results.map((r) => ({
      file: r.file,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      messages: r.messages,
    })),
    null,
    2,
  );
