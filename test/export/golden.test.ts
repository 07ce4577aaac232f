// Golden files: the export of test/fixtures/export/orders.md in each format.
// After an intended change to the output, regenerate them with
//   UPDATE_GOLDEN=1 npx vitest run test/export/golden.test.ts
// and review the diff.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintString } from '../helpers/lint.js';
import { EXPORT_FIXTURES, exportString, ORDERS_CONFIG, ordersDocument } from './helpers.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../src/export/renderers.js';

const EXTENSIONS: Record<ExportFormat, string> = { md: 'md', html: 'html', json: 'json' };

describe('golden files', () => {
  it('the example is a COE with no lint errors, written for the export', () => {
    const errors = lintString(ordersDocument(), { config: ORDERS_CONFIG }).filter((m) => m.severity === 'error');
    expect(errors).toEqual([]);
  });

  for (const format of EXPORT_FORMATS) {
    it(`${format}`, () => {
      const result = exportString(ordersDocument(), format, ORDERS_CONFIG);
      expect(result.leaks).toEqual([]);
      expect(result.warnings).toEqual([]);
      const golden = path.join(EXPORT_FIXTURES, 'golden', `orders.${EXTENSIONS[format]}`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, result.output);
      expect(result.output).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
