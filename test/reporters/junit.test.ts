// JUnit XML: well formed, one suite per file, a failure per finding.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junit } from '../../src/reporters/junit.js';
import { context, fileResult, message, sample } from './results.js';

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase'].includes(name),
  }).parse(xml) as {
    testsuites: {
      tests: string;
      failures: string;
      testsuite: {
        name: string;
        tests: string;
        failures: string;
        testcase: { name: string; classname: string; failure?: { type: string; message: string; '#text': string } }[];
      }[];
    };
  };
}

describe('junit', () => {
  it('is well-formed XML with a suite per file and a case per finding', () => {
    const doc = parse(junit(sample(), context()));
    expect(doc.testsuites.tests).toBe('5');
    expect(doc.testsuites.failures).toBe('4');
    const [orders, clean, broken] = doc.testsuites.testsuite;
    expect(orders!.name).toBe('docs/coe/2025-10-20-orders.md');
    expect(orders!.testcase.map((c) => [c.name, c.failure?.type])).toEqual([
      ['40:3 five-whys-tree', 'warning'],
      ['88:3 lessons-have-actions', 'error'],
      ['90:3 not-a-known-rule', 'error'],
    ]);
    expect(orders!.testcase[1]!.failure!.message).toBe('Lesson L2 has no action item: name it in the Lessons column');
    expect(clean!.testcase).toEqual([{ name: 'docs/coe/clean.md', classname: 'docs/coe/clean.md' }]);
    expect(clean!.failures).toBe('0');
    expect(broken!.testcase[0]!.failure!['#text']).toBe('error at docs/coe/broken file #2.md:1:1: File is not valid UTF-8 (fatal)');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const text = 'Use <b> & "quotes" \u0007here\u0000';
    const xml = junit([fileResult('a&b<c>.md', [message('no-secrets', 'error', 3, text)])], context());
    const suite = parse(xml).testsuites.testsuite[0]!;
    expect(suite.name).toBe('a&b<c>.md');
    expect(xml).toContain('name="a&amp;b&lt;c&gt;.md"');
    expect(xml).toContain('message="Use &lt;b&gt; &amp; &quot;quotes&quot; here"');
    expect(xml).not.toMatch(/[\u0000\u0007]/);
  });
});
