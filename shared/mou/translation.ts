/**
 * "Translation may be out of date": when an article's text changes in one language but
 * not the other, the other language is flagged until a translator updates or confirms it.
 */
import type { Bilingual } from '../model';
import type { TextLanguage } from './compare';

export interface ArticleText {
  heading: Bilingual;
  body: Bilingual;
}

function changedIn(previous: ArticleText, next: ArticleText, language: TextLanguage): boolean {
  return previous.heading[language] !== next.heading[language] || previous.body[language] !== next.body[language];
}

/**
 * The flag after `previous` becomes `next`: the language that may now lag behind, or null.
 * - only English changed: Russian may be out of date (and vice versa);
 * - the flagged language changed (alone or with the other): it was brought up to date;
 * - nothing changed: the flag stays.
 */
export function nextTranslationStale(
  previous: ArticleText & { translationStale: TextLanguage | null },
  next: ArticleText,
): TextLanguage | null {
  const en = changedIn(previous, next, 'en');
  const ru = changedIn(previous, next, 'ru');
  if (en && ru) return null;
  if (en) return previous.translationStale === 'en' ? null : 'ru';
  if (ru) return previous.translationStale === 'ru' ? null : 'en';
  return previous.translationStale;
}
