// What a schema issue of the frontmatter says to the user: the value that is
// wrong and what to write instead, in the words of format section 2.
import type * as z from 'zod';
import { MILESTONES } from '../model/frontmatter-schema.js';
import { didYouMean } from '../util/suggest.js';

const TIME_EXAMPLE = 'like 2025-10-20T06:48:00Z or 2025-10-20T08:48:00+02:00';
const TIME_KEYS = new Set<string>([...MILESTONES, 'customer_notified'].map((m) => `incident.${m}`));

/** The message of a schema issue at `key` ("incident.start"), where the file holds `value`. */
export function issueMessage(issue: z.core.$ZodIssue, key: string, value: unknown): string {
  const where = key === '' ? 'The frontmatter' : `"${key}"`;
  const name = key.split('.').at(-1)!;
  // An item of a list ("tags.2") has no key of its own to write.
  const item = /^\d+$/.test(name);
  if (TIME_KEYS.has(key)) return `${where} ${timeProblem(value)}`;
  if (key.startsWith('glossary.')) return `${where} ${glossaryProblem(value)}`;
  if (isEmpty(value) && issue.code === 'invalid_type') {
    if (item) return `${where} is an empty item of the list: write its text, or remove it`;
    return `${where} is empty: write ${EMPTY_WORDS[issue.expected] ?? 'a value'}`;
  }
  const quoted = quotedNumber(issue, value);
  if (quoted !== undefined)
    return `${where} must be the number ${quoted}, not the text "${String(value)}": write ${name}: ${quoted} without quotes`;
  if (issue.code === 'invalid_value' && 'values' in issue) return `${where} ${oneOf(issue.values.map(String), value)}`;
  if (issue.message.startsWith('must ')) return `${where} ${issue.message}`;
  if (issue.code === 'invalid_format' && issue.format === 'url' && typeof value === 'string') {
    return `${where} must be a whole URL, like https://tickets.example.com/CHK-2290 (it is "${value}")`;
  }
  if (issue.code === 'invalid_type' && issue.expected === 'string' && isScalar(value)) {
    return `${where} must be text: put it in quotes, ${item ? '' : `${name}: `}"${String(value)}"`;
  }
  if (issue.code === 'invalid_type') return `${where} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
  return `${where}: ${issue.message}`;
}

// A glossary value is the customer wording of its term, or false (format 2).
function glossaryProblem(value: unknown): string {
  const what = 'the wording customers know, or false for a term they never see';
  if (isEmpty(value)) return `is empty: write ${what}, after the colon`;
  return `must be ${what} (it is ${typeof value === 'string' ? `"${value}"` : String(value)})`;
}

// Why a milestone is not a time: format 2 wants a date, a time and an offset.
function timeProblem(value: unknown): string {
  const what = `a date and time with its offset, ${TIME_EXAMPLE}`;
  if (isEmpty(value)) return `is empty: write ${what}`;
  if (typeof value !== 'string') return `must be ${what} (it is ${typeof value === 'number' ? 'a number' : 'not text'})`;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `has no time ("${value}"): write ${what}`;
  if (/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text))
    return `has no offset ("${value}"): add Z for UTC or the offset from UTC, ${TIME_EXAMPLE}`;
  if (/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?[+-]\d{2}$/.test(text))
    return `has an offset of hours alone ("${value}"): write hours and minutes, as +02:00`;
  const spaced = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s+([Zz]|[+-]\d{2}:?\d{2})$/.exec(text);
  if (spaced)
    return `has a space before its offset ("${value}"): write the offset right after the time, ${spaced[1]}T${spaced[2]}${spaced[3]}`;
  if (/^\d{4}-\d{2}-\d{2}[Tt ]/.test(text) && /([Zz]|[+-]\d{2}:?\d{2})$/.test(text)) {
    return `is not a real date and time ("${value}"): check the day, the hours, the minutes and the offset`;
  }
  return `must be ${what} (it is "${value}")`;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

// A number written in quotes, where the schema wants the number.
function quotedNumber(issue: z.core.$ZodIssue, value: unknown): number | undefined {
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(Number(value))) return undefined;
  const n = Number(value);
  if (issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int')) return n;
  if (issue.code === 'invalid_value' && 'values' in issue && issue.values.includes(n)) return n;
  return undefined;
}

function oneOf(values: string[], value: unknown): string {
  const allowed = values.length === 1 ? `must be ${values[0]}` : `must be one of: ${values.join(', ')}`;
  if (isScalar(value) && typeof value !== 'string') return `${allowed} (it is ${String(value)})`;
  if (typeof value !== 'string') return allowed;
  const meant = didYouMean(value, values).replace(/^ \(/, ': ').replace(/\)$/, '');
  return `${allowed} (it is "${value}"${meant})`;
}

// What a wrong type should be, said so that the fix is plain.
const TYPE_WORDS: Record<string, string> = {
  number: 'a number, written without quotes (severity: 2)',
  string: 'text',
  array: 'a list ([a, b], or one "- item" a line)',
  object: 'a mapping of keys to values (key: value, indented under it)',
  record: 'a mapping of keys to values (term: wording, indented under it)',
};

const EMPTY_WORDS: Record<string, string> = {
  number: 'a number, without quotes',
  string: 'its text after the colon',
  array: 'a list of at least one ([a, b], or one "- item" a line)',
  object: 'its keys, indented under it',
  record: 'its terms, indented under it (term: wording)',
};
