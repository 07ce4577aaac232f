// The findings of the engine itself, not of a rule, with their metadata in
// one place: `fatal` for a file that cannot be read or parsed, and
// `unused-disable` for a control comment that does nothing.
import dedent from 'dedent';
import * as z from 'zod';
import { optionsOf, type Configurable, type RuleMeta } from './rule.js';

export const FATAL = 'fatal';
export const UNUSED_DISABLE = 'unused-disable';

/** `fatal`: a file that cannot be read. Neither configuration nor a comment turns it off. */
export const FATAL_META: RuleMeta = {
  id: FATAL,
  severity: 'error',
  description: 'The file could not be read, decoded as UTF-8 or parsed as Markdown, or is over the size or nesting limits',
  options: z.strictObject({}),
  docs: {
    rationale:
      "A file that cannot be read cannot be checked, so it gets this one finding instead of the rules' findings, and the other files are still linted. It is not a rule that configuration or a `coe-disable` comment can turn off: fix the file (save it as UTF-8, split it, or flatten lists or quotes nested more than 100 levels deep). Input over the limits of what coe reads is refused before parsing, so no file can stall a run: 128 KB, 4,000 lines, lines of 100,000 characters, 100 levels of nesting, and bounds on Markdown structure (see the README). A FIFO, a device or a socket is never opened: it is reported as not a regular file.",
    fail: '',
    pass: '',
  },
};

/** `unused-disable`: a control comment that does nothing. Configuration sets its level; it has no check of its own (engine/controls.ts). */
export const UNUSED_DISABLE_RULE: Configurable = optionsOf({
  id: UNUSED_DISABLE,
  severity: 'warn',
  description:
    'A coe- control comment does nothing: a disable that suppresses nothing, a directive that does not exist, or a rule id that does not exist',
  options: z.strictObject({}),
  docs: {
    rationale:
      'A `coe-disable` comment that suppresses nothing is left over from an edit; left in place, it would silently hide the next real finding in its span. A comment that begins `coe-` but is no directive (`coe-disable-nextline`), or that names a rule that does not exist, disables nothing at all, so the findings it was meant to hide still show, and it is reported with the directive or rule id it was probably meant to be. The engine reports these after the rules ran, at the comment.',
    fail: dedent(`
      ## Customer summary

      <!-- coe-disable-next-line no-placeholders --> {unused-disable}
      The host was replaced at 08:50 UTC.
    `),
    pass: dedent(`
      ## Customer summary

      The host was replaced at 08:50 UTC.
    `),
  },
});
