// CSV as RFC 4180 writes it (CRLF line ends, a field with a comma, a double
// quote, a CR or a LF in double quotes, quotes doubled), made safe to open in a
// spreadsheet as OWASP's CSV injection page advises: no cell may begin with
// =, +, -, @, a tab, a CR or a LF, which a spreadsheet would read as a
// formula, so such a cell is written with a single quote before it.

/** The characters a spreadsheet may read as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

// Besides RFC 4180's comma, quote and line breaks, a field with a semicolon or
// a tab is quoted too: a spreadsheet that takes either for the separator then
// still reads one cell, and no part of it starts a cell of its own.
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** A value as a cell that a spreadsheet shows as text. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field, neutralised and quoted when it must be. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const cell = neutralise(value);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Records as CSV text: a header record, then one record a row, each ended with CRLF. */
export function csvText(header: string[], records: (string | number | null)[][]): string {
  return [header, ...records].map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}
