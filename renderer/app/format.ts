/** Formatting helpers for the current UI language. */
import type { Bilingual } from '../../shared/model';
import type { Language } from './i18n';

/** The text in the chosen language, falling back to the other one when it is empty. */
export function pick(text: Bilingual, language: Language): string {
  const preferred = text[language].trim();
  if (preferred !== '') return preferred;
  return language === 'en' ? text.ru : text.en;
}

/** A calendar date (YYYY-MM-DD) in the user's language; dates carry no time zone. */
export function formatDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Today's date as YYYY-MM-DD on this computer. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
