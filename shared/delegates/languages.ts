/**
 * Working languages offered for delegates: those of the region and of its partners.
 * Stored as BCP 47 tags; names come from Intl.DisplayNames in the reader's language, so
 * no list of language names has to be kept here.
 */
export const commonLanguageTags = ['en', 'ru', 'kk', 'ky', 'tg', 'tk', 'uz', 'fa-AF', 'ps', 'ar', 'zh', 'fr', 'de', 'tr'] as const;

/** "Russian" for ("ru", "en"); the tag itself when the runtime does not know it. */
export function languageName(tag: string, displayLanguage: string): string {
  try {
    return new Intl.DisplayNames([displayLanguage], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

let names: Map<string, string> | null = null;

/** Lowercase tags and English and Russian names of the common languages, built once (imports call this per cell). */
function knownNames(): Map<string, string> {
  if (names === null) {
    names = new Map();
    for (const tag of commonLanguageTags) {
      names.set(tag.toLowerCase(), tag);
      for (const display of ['en', 'ru']) names.set(languageName(tag, display).toLowerCase(), tag);
    }
  }
  return names;
}

/**
 * The tag for a language typed by name or tag ("Russian", "русский", "RU", "fa-af"), or
 * null when it is neither a known tag nor the English or Russian name of a common language.
 */
export function resolveLanguage(text: string): string | null {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return null;
  const known = knownNames().get(wanted);
  if (known !== undefined) return known;
  const [base, ...rest] = text.trim().split('-');
  const tag = [base?.toLowerCase() ?? '', ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : null;
}
