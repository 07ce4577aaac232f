// Property tests (fast-check) over mutated COEs: an export never holds a live
// tag, and whatever internal name is left in a draft is in its leaks, so
// `coe export` refuses it. Seeded and chunked as in test/property/lint-property.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../src/config/config.js';
import { parseOptionsOf } from '../../src/engine/lint.js';
import { decode, parseCoeDocument } from '../../src/parse/document.js';
import { exportDocument } from '../../src/export/index.js';
import { EXPORT_FORMATS } from '../../src/export/renderers.js';
import { internalNames } from '../../src/export/leaks.js';
import { caseArb, chunks, mutate, seedDocuments } from './mutate.js';

const EXPORT_RUNS = Number(process.env.COE_FC_EXPORT_RUNS ?? 3000);

const seeds = seedDocuments();
const config: ResolvedConfig = { ...structuredClone(DEFAULT_CONFIG), internalDomains: ['corp.example.com'], internalTerms: ['shard-7'] };

// Folds text as a reader sees it: compatibility forms, no invisible characters, case.
// A class of single invisible code points, some of them combining marks, on purpose.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8]/gu;
const fold = (s: string) => s.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2014\u2212\uFE63\uFF0D]/g;
const readerText = (s: string) => fold(s).replace(HYPHENS, '-');

/** Whether `name` is a whole word of `read`, text already folded by readerText. */
function containsWhole(read: string, name: string): boolean {
  const n = readerText(name).trim();
  if (!n) return false;
  const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${escaped}(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])`, 'u').test(read);
}

// The draft as its reader sees it: without markup, escapes and entities.
function asRead(out: string, format: string): string {
  if (format === 'json') return JSON.stringify(JSON.parse(out), (_, v) => v, 0).replace(/\\[nt"]/g, ' ');
  if (format === 'html') {
    return out
      .replace(/<style[^>]*>[\s\S]*?<\/style>/gi, '')
      .replace(/<[^>]*>/g, '')
      .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&amp;/g, '&');
  }
  // In one pass: an escaped character is seen as written ("c\`ell" is read "c`ell"), markup is not seen.
  return out.replace(/\\([\\`*_[\]<>|~&#+=.!-])|[*_`]/g, (_, escaped: string | undefined) => escaped ?? '');
}

// What the HTML renderer writes; anything else would come from the document.
const HTML_TAGS = new Set(
  'html head meta title style body main header footer section article nav h1 h2 h3 h4 p ul ol li strong em code pre a table thead tbody tr th td blockquote br hr small span div figure figcaption svg g line rect text circle path desc time abbr'.split(
    ' ',
  ),
);

describe(`export of mutated COEs never renders a live tag, and reports every internal name left in the draft (${EXPORT_RUNS} cases)`, () => {
  it.each(chunks(EXPORT_RUNS))(
    '$name',
    ({ settings: runSettings }) => {
      fc.assert(
        fc.property(caseArb(seeds.length), fc.constantFrom(...EXPORT_FORMATS), ({ seed, mutations }, format) => {
          const decoded = decode(mutate(seeds[seed]!.text, mutations));
          if (!decoded.ok) return;
          const parsed = parseCoeDocument('mutated.md', decoded.text, parseOptionsOf(config));
          if (!parsed.ok || !parsed.doc.frontmatter.hasCoeKey) return;
          const result = exportDocument(parsed.doc, config, format);
          const out = result.output;
          if (format === 'html') {
            // Text is escaped, so every tag is one the renderer wrote, with no handler or script URL.
            const foreign = [...out.matchAll(/<\/?([a-zA-Z][\w-]*)[^>]*>/g)]
              .filter(([tag, name]) => !HTML_TAGS.has(name!.toLowerCase()) || /\son[a-z]+\s*=|javascript:/i.test(tag))
              .map(([tag]) => tag);
            expect(foreign).toEqual([]);
          } else if (format === 'json') {
            expect(() => JSON.parse(out)).not.toThrow();
          } else {
            // Every "<" that could open a tag is escaped (a link's "](<url>)" is not a tag).
            expect(out).not.toMatch(/(?<!\\|\]\()<(?=[a-zA-Z/!?])/);
          }
          const leaked = new Set(result.leaks.map((l) => readerText(l.name)));
          const seen = readerText(asRead(out, format));
          for (const { name } of internalNames(parsed.doc, config)) {
            if (containsWhole(seen, name))
              expect(leaked.has(readerText(name)), `"${name}" is in the ${format} draft but not in its leaks`).toBe(true);
          }
        }),
        runSettings,
      );
    },
    600_000,
  );
});
