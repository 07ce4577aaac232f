// The folding matcher (src/util/terms.ts) that customer-terms, the glossary
// and the leak check share, and the linear tidying of removals (tidy.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import unhomoglyph from 'unhomoglyph';
import { DASH, findHost, findTerm, fold, foldChar, foldName, NameSet, showInvisible } from '../../src/util/terms.js';
import { MARK, reflow, tidyMarked } from '../../src/export/tidy.js';

const spans = (text: string, name: string) => findTerm(text, name).map((m) => text.slice(m.index, m.index + m.length));

describe('fold', () => {
  it('drops invisible format characters, decomposes compatibility forms, folds case and lookalikes', () => {
    // A soft hyphen shows as a hyphen where a line breaks: orders\u00ADapi is orders-api (contract 4.1).
    expect(fold('Orders\u00ADAPI').text).toBe('orders-api');
    expect(fold('orders-\u00ADapi orders\u00AD-api').text).toBe('orders-api orders-api');
    expect(fold('ord\u200Bers\u200C-\u200Dapi\u2060\u200E\u200F\u202A\u2066\uFEFF\u034F').text).toBe('orders-api');
    expect(fold('\uFF2F\uFF52\uFF44\uFF45\uFF52\uFF53\uFF0D\uFF41\uFF50\uFF49').text).toBe('orders-api');
    // Hyphens are "-"; dashes are one DASH, punctuation that reads as "-" only inside a name.
    expect(fold('\u043Erders\u2010api \u2011 \u2212 \u2013 \u2014 &mdash; \uFE58').text).toBe(
      'orders-api - \u2014 \u2014 \u2014 \u2014 \u2014',
    );
    expect(fold('ﬁle').text).toBe('file');
  });

  it('reads character references as the characters they stand for', () => {
    expect(fold('orders&shy;-api &#8203;x&#x2010;y &amp; &notanentity; &').text).toBe('orders-api x-y & &notanentity; &');
  });

  it('keeps ASCII as it is: 1 is not l, 0 is not o', () => {
    expect(fold('O1l0|').text).toBe('o1l0|');
  });

  it('makes a run of whitespace one space', () => {
    expect(fold('cell \t\n\u00A0 router').text).toBe('cell router');
  });

  it('maps every folded character back to the characters it came from', () => {
    const text = 'A&shy;b\u200Bc  d';
    const f = fold(text);
    expect(f.text).toBe('a-bc d');
    expect(Array.from(f.starts)).toEqual([0, 1, 6, 8, 9, 11]);
    expect(Array.from(f.ends)).toEqual([1, 6, 7, 9, 11, 12]);
  });

  // terms.ts reads unhomoglyph's table instead of calling its function (a slow start).
  it("folds every code point as unhomoglyph's own function does, except dashes", () => {
    const invisible = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
    const before = (c: string) =>
      c
        .replace(invisible, '')
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^\0-\x7f]/gu, (x) => unhomoglyph(x))
        .normalize('NFKD')
        .toLowerCase()
        .replace(invisible, '')
        .replace(/\s/gu, ' ');
    const differ: string[] = [];
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const c = String.fromCodePoint(code);
      if (foldChar(c) !== before(c)) differ.push(code.toString(16));
    }
    // Dashes, and the superscript and subscript minus (NFKD: U+2212), are DASH.
    const dashes = ['2012', '2013', '2014', '2015', '207b', '208b', '2212', '2e3a', '2e3b', 'fe31', 'fe32', 'fe58'];
    expect(differ).toEqual(dashes);
    for (const code of dashes) expect(foldChar(String.fromCodePoint(Number.parseInt(code, 16)))).toBe(DASH);
  });

  it('folds plain ASCII (its fast path) exactly as it folds the same text followed by other characters', () => {
    // A text with "é" at its end takes the general path; its ASCII part folds the same.
    const letters = fc.constantFrom(
      'a',
      'Z',
      '0',
      '-',
      '.',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\v',
      '\f',
      '\x01',
      '~',
      '_',
      '@',
      '&amp;',
      '&',
      '\0',
    );
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const plain = fold(text);
        const general = fold(`${text}\u00E9`);
        const n = plain.text.length;
        expect(plain.text).toBe(general.text.slice(0, n));
        expect(Array.from(plain.starts)).toEqual(Array.from(general.starts).slice(0, n));
        expect(Array.from(plain.ends)).toEqual(Array.from(general.ends).slice(0, n));
        expect(general.starts[n]).toBe(text.length);
      }),
      { numRuns: 1000 },
    );
    expect(fold('Orders-API\t\n  down').text).toBe('orders-api down');
    expect(Array.from(fold('a  b').ends)).toEqual([1, 3, 4]);
  });

  it('keeps characters outside the BMP whole', () => {
    const f = fold('a😀b');
    expect(f.text).toBe('a😀b');
    expect(f.text.length).toBe(f.starts.length);
  });
});

describe('findTerm', () => {
  it('matches names whole, case folded, across invisible characters and lookalikes', () => {
    const text = 'Orders\u00ADAPI, (orders-api), \u043Erders-api. orders\u2011api-';
    expect(spans(text, 'orders-api')).toEqual(['Orders\u00ADAPI', 'orders-api', '\u043Erders-api', 'orders\u2011api']);
  });

  it('reads a soft hyphen both ways: as nothing within a line, as a hyphen at a break', () => {
    expect(spans('The c\u00ADell-router fleet and cell-rou&shy;ter.', 'cell-router')).toEqual(['c\u00ADell-router', 'cell-rou&shy;ter']);
    expect(spans('orders\u00ADapi and orders-\u00ADapi', 'orders-api')).toEqual(['orders\u00ADapi', 'orders-\u00ADapi']);
    expect(spans('ordersapi', 'orders-api')).toEqual([]);
  });

  it('does not match inside a longer name', () => {
    for (const text of ['orders-apis', 'old-orders-api', 'orders-api-v2', 'orders-api_2', 'xorders-api', 'orders-apí'.normalize('NFD')]) {
      expect([text, spans(text, 'orders-api')]).toEqual([text, []]);
    }
  });

  it('reads a dash as punctuation next to a name, and as "-" inside one', () => {
    const text = 'The cell-router\u2014our layer\u2014cell-router, cell-router\u2013backed, Cell\u2212Router and cell-router-backed.';
    expect(spans(text, 'cell-router')).toEqual(['cell-router', 'cell-router', 'cell-router', 'Cell\u2212Router']);
    const set = new NameSet(['orders-team', 'Dana Whitfield']);
    const names = 'orders-team\u2013led; Dana Whitfield\u2014our lead\u2014said so; \u2015orders-team';
    expect(set.mentions(fold(names)).map((m) => names.slice(m.index, m.index + m.length))).toEqual([
      'orders-team',
      'Dana Whitfield',
      'orders-team',
    ]);
  });

  it('matches a name of several words across any whitespace', () => {
    expect(spans('the Ledger\n  Vault was', 'ledger vault')).toEqual(['Ledger\n  Vault']);
  });

  it('reads each Han or Hiragana character as a word of its own, and a run of Katakana as one word (UAX #29)', () => {
    expect(spans('由于订单服务故障，约3%的订单失败', '订单服务')).toEqual(['订单服务']);
    expect(spans('注文APIの障害により注文APIが', '注文API')).toEqual(['注文API', '注文API']);
    expect(spans('在庫サービスも遅延しました', '在庫サービス')).toEqual(['在庫サービス']);
    expect(spans('orders-apiの障害、サービスorders-api', 'orders-api')).toEqual(['orders-api', 'orders-api']);
    // A longer Katakana word, or a longer Latin one, is not the name.
    expect(spans('在庫サービスチーム', '在庫サービス')).toEqual([]);
    expect(spans('注文APIs', '注文API')).toEqual([]);
    const set = new NameSet(['订单服务', '在庫サービス']);
    const text = '订单服务和在庫サービスの遅延';
    expect(set.mentions(fold(text)).map((m) => text.slice(m.index, m.index + m.length))).toEqual(['订单服务', '在庫サービス']);
  });
});

describe('NameSet', () => {
  it('finds every name in one pass, the longest first where they overlap', () => {
    const set = new NameSet(['cell-router', 'cell-router fleet', 'fleet', 'Orders-API']);
    const text = 'The cell-router fleet and orders\u00ADapi and the fleet.';
    const f = fold(text);
    expect(set.mentions(f).map((m) => [m.name, text.slice(m.index, m.index + m.length)])).toEqual([
      ['cell-router fleet', 'cell-router fleet'],
      ['Orders-API', 'orders\u00ADapi'],
      ['fleet', 'fleet'],
    ]);
    expect(set.all(f).map((m) => m.name)).toEqual(['cell-router fleet', 'cell-router', 'fleet', 'Orders-API', 'fleet']);
  });

  it('finds names that begin with any character, a digit, a dash, a capital or a letter of another script', () => {
    const set = new NameSet(['9x-api', '-edge', 'Ledger', 'Ωmega', '_queue']);
    const text = 'use 9x-api with \u2014edge, LEDGER, \u03c9mega and _queue';
    expect(set.all(fold(text)).map((m) => [m.name, text.slice(m.index, m.index + m.length)])).toEqual([
      ['9x-api', '9x-api'],
      ['-edge', '\u2014edge'],
      ['Ledger', 'LEDGER'],
      ['Ωmega', '\u03c9mega'],
      ['_queue', '_queue'],
    ]);
  });

  it('takes the same time for ten thousand names as for one', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `team-${i}`);
    const text = Array.from({ length: 10_000 }, (_, i) => `team-${i} owns it.`).join(' ');
    const started = performance.now();
    expect(new NameSet(names).all(fold(text)).length).toBe(10_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('findHost', () => {
  const hosts = (text: string) => findHost(fold(text), 'corp.example.com').map((m) => text.slice(m.index, m.index + m.length));

  it('finds an internal domain with any subdomain, whatever its labels hold', () => {
    expect(
      hosts('db_primary.corp.example.com _ldap._tcp.corp.example.com a@corp.example.com https://corp.example.com@x/ corp.example.com.'),
    ).toEqual(Array(5).fill('corp.example.com'));
  });

  it('not a longer label, nor hidden by invisible characters', () => {
    expect(hosts('notcorp.example.com my-corp.example.com corp.example.community')).toEqual([]);
    expect(hosts('corp\u200B.example.com')).toEqual(['corp\u200B.example.com']);
  });
});

describe('showInvisible', () => {
  it('names the invisible characters', () => {
    expect(showInvisible('a\u00ADb\u200Bc')).toBe('a<U+00AD>b<U+200B>c');
  });
});

describe('foldName', () => {
  it('trims and folds', () => {
    expect(foldName('  Orders\u2010API ')).toBe('orders-api');
  });
});

describe('tidyMarked', () => {
  const M = MARK;
  it('drops what a removal left behind', () => {
    expect(tidyMarked(`We fixed it (${M}, ${M}) and learnt ${M} → ${M}. See ${M}.`)).toBe('We fixed it and learnt. See.');
    expect(tidyMarked(`(see also ${M}) [${M}; ${M}] a, ${M}, ${M}, b`)).toBe(' a, b');
    expect(tidyMarked(`done ${M}, ${M}.`)).toBe('done.');
    expect(tidyMarked(`keep -> this`)).toBe('keep -> this');
  });

  it('takes linear time on runs of marks and separators', () => {
    const shapes = [
      `See ${`${M}, `.repeat(50_000)}and more`,
      `(${`${M} `.repeat(50_000)}`,
      `[${`${M}; `.repeat(50_000)}x`,
      `-> ${`${M} , `.repeat(30_000)}x`,
      `, ${`${M} , `.repeat(30_000)}x`,
      `a${' '.repeat(100_000)}${M}b${' \t'.repeat(50_000)}c`,
      '(see '.repeat(20_000) + M,
    ];
    for (const shape of shapes) {
      const started = performance.now();
      tidyMarked(shape);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

describe('reflow', () => {
  it('makes a line break and the spaces around it one space', () => {
    expect(reflow('a  \n  b\r\nc')).toBe('a b c');
  });

  it('takes linear time on long runs of spaces', () => {
    const started = performance.now();
    expect(reflow(`a${' '.repeat(100_000)}b\nc`)).toBe(`a${' '.repeat(100_000)}b c`);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
