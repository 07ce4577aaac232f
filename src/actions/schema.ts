// A row of `coe actions` (format 6): one action item of one COE. The type the
// ledger fills and the renderers read, and, as schemas/actions.schema.json,
// the shape of `--format json` (an array of rows) for scripts and dashboards.
import * as z from 'zod';

export const actionRowSchema = z
  .object({
    coe: z.string().describe('The id of the COE the item belongs to'),
    id: z.string().describe('The action item id, AI-<n>'),
    action: z.string().describe('What will be done'),
    term: z.string().describe('short, mid or long as written, lower case; "" when the cell is empty'),
    owner: z.string().describe('The team or person, as written'),
    due: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable()
      .describe('The due date, YYYY-MM-DD; null when the Due cell is not a date (see dueWritten)'),
    dueWritten: z.string().describe('The Due cell as written; "" when it is empty'),
    status: z.string().describe('open, in-progress, done, validated or dropped as written, lower case'),
    reach: z.string().nullable().describe('team, education, distributed or centralized, lower case; null when not given'),
    lessons: z.array(z.string()).describe('The lesson ids it answers, e.g. L1'),
    daysOverdue: z
      .number()
      .int()
      .min(1)
      .nullable()
      .describe(
        'Days past due of an open or in-progress item, compared with --now; null when it is not overdue (an item due today is not)',
      ),
    validation: z.string().describe('How it is or was verified; for dropped, why'),
    file: z.string().describe('The COE document, as found under the paths given'),
    line: z.number().int().min(1).describe('The line of its row in the document'),
  })
  .describe('An action item of a COE');

export const actionRowsSchema = z
  .array(actionRowSchema)
  .describe('coe actions: every action item of every COE, after the filters, in order');

export type ActionRow = z.infer<typeof actionRowSchema>;
