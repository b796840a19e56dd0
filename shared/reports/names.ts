/**
 * People's names on printed reports are never blank: a name missing in one script is
 * written in the other, with a transliteration into Latin script where one is known
 * (Cyrillic, including the Kazakh, Kyrgyz and Tajik letters). Dari and Pashto names have
 * no agreed transliteration, so a Latin-script list prints them in Arabic script.
 */
import type { PersonName } from './model';

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Kazakh, Kyrgyz, Tajik
  ә: 'a', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i', ӣ: 'i', ӯ: 'u', ҳ: 'h', ҷ: 'j', ҹ: 'ch',
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

export function isCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

export function isLatin(text: string): boolean {
  return LATIN.test(text);
}

/** Cyrillic letters in Latin script ("Зарина Ҳамидова" → "Zarina Hamidova"); other characters unchanged. */
export function transliterate(text: string): string {
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const latin = CYRILLIC_TO_LATIN[lower];
    if (latin === undefined) {
      out += char;
    } else if (lower !== char && latin !== '') {
      out += latin.charAt(0).toUpperCase() + latin.slice(1);
    } else {
      out += latin;
    }
  }
  return out;
}

/** The name in Latin script; else transliterated from Cyrillic; else as written (Arabic script). */
export function latinOrFallback(name: PersonName): string {
  if (name.latin !== '') return name.latin;
  if (isCyrillic(name.native)) return transliterate(name.native);
  return name.native;
}

/** The name in its native script; else in Latin script. */
export function nativeOrFallback(name: PersonName): string {
  return name.native !== '' ? name.native : name.latin;
}

/**
 * What a reader of Russian can read beside a native name: a Dari or Pashto name (neither
 * Cyrillic nor Latin) gets its Latin spelling, when there is one.
 */
export function readableBeside(name: PersonName): string | null {
  const native = nativeOrFallback(name);
  if (native === '' || isCyrillic(native) || isLatin(native)) return null;
  return name.latin !== '' && name.latin !== native ? name.latin : null;
}

/** A name to sort by in a script (never blank when the person has any name). */
export function sortKey(name: PersonName, script: 'latin' | 'native' | 'both'): string {
  return script === 'native' ? nativeOrFallback(name) : latinOrFallback(name);
}
