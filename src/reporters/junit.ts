// JUnit XML, as CI systems display test reports: a test suite per file, a
// test case per finding (a failure of type "error" or "warning", as ESLint's
// junit format does), and one passing case for a file without findings.
import type { FileResult } from '../engine/lint.js';
import type { Message } from '../engine/rule.js';
import type { Reporter } from './types.js';

export const junit: Reporter = (results) => {
  const total = results.reduce((n, r) => n + Math.max(1, r.messages.length), 0);
  const failures = results.reduce((n, r) => n + r.messages.length, 0);
  const suites = results.map(suite);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="coe" tests="${total}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
};

function suite(result: FileResult): string {
  const file = attr(result.file);
  const tests = Math.max(1, result.messages.length);
  const cases = result.messages.length
    ? result.messages.map((m) => failingCase(result.file, m))
    : [`    <testcase name="${file}" classname="${file}"/>`];
  return [
    `  <testsuite name="${file}" tests="${tests}" failures="${result.messages.length}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

function failingCase(file: string, m: Message): string {
  const severity = m.severity === 'error' ? 'error' : 'warning';
  const name = `${m.line}:${m.column} ${m.ruleId}`;
  const body = `${severity} at ${file}:${m.line}:${m.column}: ${m.message} (${m.ruleId})`;
  return [
    `    <testcase name="${attr(name)}" classname="${attr(file)}">`,
    `      <failure type="${severity}" message="${attr(m.message)}">${text(body)}</failure>`,
    '    </testcase>',
  ].join('\n');
}

// Characters XML 1.0 cannot hold at all are dropped.
function clean(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

function text(value: string): string {
  return clean(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
