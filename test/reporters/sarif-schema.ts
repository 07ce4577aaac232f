// A validator for SARIF 2.1.0: the OASIS schema, vendored in
// test/fixtures/sarif/ (the copy @microsoft/jest-sarif ships, MIT). The
// schema is draft-04 and has a pattern that is not valid with the u flag.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { FIXTURES } from '../helpers/lint.js';

export function sarifValidator() {
  const schema = JSON.parse(readFileSync(path.join(FIXTURES, 'sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
