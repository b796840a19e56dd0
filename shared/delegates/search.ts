/**
 * Script-independent search over people's names: "Nurlan" finds "Нурлан" and "Нурлан"
 * finds "Nurlan". Every text is brought to lowercase ASCII with the `transliteration`
 * package (Unicode tables for every script), then compared twice: as transliterated, and
 * after folding the spelling variants that romanizations of Russian and the Central Asian
 * languages disagree on (Yerlan/Erlan, Beishenaliev/Beyshenaliev, Khasanov/Hasanov,
 * Dzhumalieva/Jumalieva…). The query matches when each of its words is part of the
 * person's names or e-mail in either form.
 */
import { transliterate } from 'transliteration';

/**
 * Letters of Kazakh, Kyrgyz, Tajik and Tatar Cyrillic that the package's table renders
 * with apostrophes or symbols (қ → "k'", ә → "@"): mapped to the Latin letter their
 * official romanizations use before the general table runs.
 */
const CENTRAL_ASIAN_CYRILLIC: Readonly<Record<string, string>> = {
  Ә: 'A', ә: 'a',
  Ғ: 'G', ғ: 'g',
  Қ: 'K', қ: 'k',
  Ң: 'N', ң: 'n',
  Ө: 'O', ө: 'o',
  Ұ: 'U', ұ: 'u',
  Ү: 'U', ү: 'u',
  Һ: 'H', һ: 'h',
  І: 'I', і: 'i',
  Ҳ: 'H', ҳ: 'h',
  Ҷ: 'J', ҷ: 'j',
  Җ: 'J', җ: 'j',
  Ӯ: 'U', ӯ: 'u',
  Ӣ: 'I', ӣ: 'i',
};
const CENTRAL_ASIAN_PATTERN = new RegExp(`[${Object.keys(CENTRAL_ASIAN_CYRILLIC).join('')}]`, 'gu');

/** Apostrophe-like marks inside names (O‘zbek, d'Artagnan, soft signs rendered as '): dropped, not word breaks. */
const APOSTROPHES = /['’‘ʻʼ`´]/g;
const NON_ALPHANUMERIC = /[^a-z0-9]+/g;

/** Any text as lowercase ASCII words separated by single spaces. */
export function latinize(text: string): string {
  if (text === '') return '';
  const prepared = text.replace(CENTRAL_ASIAN_PATTERN, (letter) => CENTRAL_ASIAN_CYRILLIC[letter] ?? letter);
  return transliterate(prepared, { fixChineseSpacing: false })
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(NON_ALPHANUMERIC, ' ')
    .trim();
}

/**
 * Folds romanization variants of latinized text to one spelling. Applied to both sides
 * of a comparison, so only consistency matters, not which spelling is "right".
 */
export function foldVariants(latin: string): string {
  // One pass can create a pattern an earlier rule folds ("qh" → "kh" → "h"); repeat until
  // stable so folding is idempotent and both sides of a comparison land on the same form.
  let current = latin;
  for (let pass = 0; pass < 8; pass += 1) {
    const next = foldOnce(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}

function foldOnce(latin: string): string {
  return (
    latin
      .replace(/shch|sch/g, 'sh')
      .replace(/dzh|dj|zh/g, 'j')
      .replace(/kh/g, 'h')
      .replace(/ph/g, 'f')
      .replace(/x/g, 'ks')
      .replace(/w/g, 'v')
      .replace(/q/g, 'k')
      .replace(/ou/g, 'u')
      .replace(/yu|iu/g, 'u')
      .replace(/ya/g, 'a')
      .replace(/ye/g, 'e')
      .replace(/y/g, 'i')
      // Doubled letters (Alekseev/Aleksejev → "aleksev", Seyitkali → "seiitkali" → "seitkali").
      .replace(/([a-z])\1+/g, '$1')
  );
}

/** What a person is found by: their names in both scripts and their e-mail, in both forms. */
export interface SearchEntry {
  /** Latinized text, words separated by spaces. */
  plain: string;
  /** The same text with romanization variants folded. */
  folded: string;
}

export function searchEntry(parts: readonly string[]): SearchEntry {
  const plain = parts
    .map(latinize)
    .filter((part) => part !== '')
    .join(' ');
  return { plain, folded: foldVariants(plain) };
}

/** A prepared query: its words, each in both forms. Empty when the query has no letters or digits. */
export interface SearchQuery {
  words: readonly { plain: string; folded: string }[];
}

export function searchQuery(text: string): SearchQuery {
  const plain = latinize(text);
  if (plain === '') return { words: [] };
  return { words: plain.split(' ').map((word) => ({ plain: word, folded: foldVariants(word) })) };
}

/**
 * True when every word of the query is part of the entry, as typed (so a half-typed
 * "Dz" still matches "Dzhumalieva") or after folding (so "Djumalieva" matches too).
 * An empty query matches everyone.
 */
export function matchesSearch(entry: SearchEntry, query: SearchQuery): boolean {
  for (const word of query.words) {
    if (!entry.plain.includes(word.plain) && !entry.folded.includes(word.folded)) return false;
  }
  return true;
}
