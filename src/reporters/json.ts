// The JSON output of section 5: an array, one object per file. Each message
// carries the contract's fields, then `docsUrl`, the rule's page, when known.
import type { Reporter } from './types.js';

export const json: Reporter = (results, context) =>
  JSON.stringify(
    results.map((r) => ({
      file: r.file,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      messages: r.messages.map((m) => {
        const docsUrl = context.ruleUrl?.(m.ruleId);
        return docsUrl === undefined ? { ...m } : { ...m, docsUrl };
      }),
    })),
    null,
    2,
  );
