// File names of new COEs: the start date and the title in lower-case ASCII
// words. Only [a-z0-9-] survive, so no title can reach outside the folder.

const MAX_SLUG = 60;
const FALLBACK = 'coe';

// Letters that no decomposition turns into ASCII.
const SPELLED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

export function slugify(title: string): string {
  const words = title
    .toLowerCase()
    .replace(/[\u00DF\u00E6\u0153\u00F8\u0142\u0111\u00F0\u00FE\u0131]/g, (c) => SPELLED[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents go, the letters stay: "Café" -> "cafe"
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  return shorten(words) || FALLBACK;
}

// Long titles are cut at a word boundary, keeping file names readable.
function shorten(words: string[]): string {
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG) return slug || word.slice(0, MAX_SLUG);
    slug = next;
  }
  return slug;
}

/** YYYY-MM-DD-slug.md, or YYYY-MM-DD-slug-N.md for the Nth try. */
export function fileName(date: string, title: string, attempt = 1): string {
  const suffix = attempt > 1 ? `-${attempt}` : '';
  return `${date}-${slugify(title)}${suffix}.md`;
}
