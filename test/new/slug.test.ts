import { describe, expect, it } from 'vitest';
import { fileName, slugify } from '../../src/new/slug.js';

describe('slugify', () => {
  it.each([
    ['Elevated error rates when placing orders', 'elevated-error-rates-when-placing-orders'],
    ['Orders: 5% failed (EU)', 'orders-5-failed-eu'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c', 'a-b-c'],
    ['Café über Straße', 'cafe-uber-strasse'],
    ['Ærøskøbing Łódź', 'aeroskobing-lodz'],
    ['  --Leading and trailing--  ', 'leading-and-trailing'],
    ['日本語のタイトル', 'coe'],
    ['', 'coe'],
    ['...', 'coe'],
    ['😀 Emoji outage', 'emoji-outage'],
  ])('%j -> %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('keeps only lower-case ASCII letters, digits and single dashes', () => {
    for (const title of ['x\u0000y', 'a\u202Eb', 'C:\\Windows\\..', 'tab\there', 'NUL', '%2e%2e%2f']) {
      expect(slugify(title)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('cuts a long title at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^word(-word)*$/);
    expect(slugify('x'.repeat(200))).toBe('x'.repeat(60));
  });
});

describe('fileName', () => {
  it('is the date and the slug, with a number from the second attempt on', () => {
    expect(fileName('2025-10-20', 'Orders failed')).toBe('2025-10-20-orders-failed.md');
    expect(fileName('2025-10-20', 'Orders failed', 2)).toBe('2025-10-20-orders-failed-2.md');
    expect(fileName('2025-10-20', '../', 3)).toBe('2025-10-20-coe-3.md');
  });
});
