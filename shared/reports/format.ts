/**
 * Pure formatting for printed reports: dates, date ranges, time zones, placeholders and
 * the choice of language. English reports use British day-month order ("9 September
 * 2014"), as international meeting documents of the region do.
 */
import type { Bilingual } from '../model';
import type { ReportLanguage } from './spec';

export type Lang = 'en' | 'ru';

/** The languages a report is printed in, in column order. */
export function languagesOf(mode: ReportLanguage): readonly Lang[] {
  switch (mode) {
    case 'en':
      return ['en'];
    case 'ru':
      return ['ru'];
    case 'en+ru':
      return ['en', 'ru'];
  }
}

const LOCALES: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU' };

/** Replaces {{name}} placeholders; unknown names stay visible rather than vanish. */
export function interpolate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** Text in a language, with the language it is really in (the other one when it is empty). */
export interface PickedText {
  text: string;
  lang: Lang;
}

export function pickText(value: Bilingual, lang: Lang): PickedText {
  const preferred = value[lang].trim();
  if (preferred !== '') return { text: preferred, lang };
  const other: Lang = lang === 'en' ? 'ru' : 'en';
  return { text: value[other].trim(), lang: other };
}

export function isBlank(value: Bilingual): boolean {
  return value.en.trim() === '' && value.ru.trim() === '';
}

function utcDate(isoDate: string): Date | null {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "9 September 2014" / "9 сентября 2014 г." */
export function formatDate(isoDate: string, lang: Lang): string {
  const date = utcDate(isoDate);
  if (!date) return isoDate;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** "9 Sept 2014" / "9 сент. 2014 г.", where room is short (running headers). */
export function formatShortDate(isoDate: string, lang: Lang): string {
  const date = utcDate(isoDate);
  if (!date) return isoDate;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** "Tuesday, 9 September 2014" / "вторник, 9 сентября 2014 г." */
export function formatDayHeading(isoDate: string, lang: Lang): string {
  const date = utcDate(isoDate);
  if (!date) return isoDate;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** "9–11 September 2014" / "9–11 сентября 2014 г.", or one date when start and end agree. */
export function formatDateRange(start: string, end: string, lang: Lang): string {
  const from = utcDate(start);
  const to = utcDate(end);
  if (!from || !to) return `${start} – ${end}`;
  const format = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' });
  if (start === end) return format.format(from);
  if (to < from) return `${format.format(from)} – ${format.format(to)}`;
  return format.formatRange(from, to);
}

/** "09:00–10:30" (times are venue-local HH:MM, printed as stored). */
export function formatTimeRange(start: string, end: string): string {
  return `${start}–${end}`;
}

/**
 * "Asia/Bishkek, UTC+6" for the meeting's first day (offsets change with daylight saving
 * time, so the day matters). An unknown zone prints as stored.
 */
export function formatZone(timeZone: string, isoDate: string): string {
  const date = utcDate(isoDate) ?? new Date(0);
  try {
    const parts = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(date);
    const offset = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
    const utc = offset === 'GMT' ? 'UTC' : offset.replace(/^GMT/, 'UTC');
    return utc === '' ? timeZone : `${timeZone}, ${utc}`;
  } catch {
    return timeZone;
  }
}

/** A meeting longer than this is a data error; its day list is cut rather than printed for ever. */
export const MAX_MEETING_DAYS = 62;

/** Every date from start to end inclusive (YYYY-MM-DD), at most MAX_MEETING_DAYS. */
export function datesBetween(start: string, end: string): string[] {
  const from = utcDate(start);
  const to = utcDate(end);
  if (!from || !to || to < from) return from ? [start] : [];
  const days: string[] = [];
  for (let time = from.getTime(); time <= to.getTime() && days.length < MAX_MEETING_DAYS; time += 86_400_000) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

/** Today's date (YYYY-MM-DD) on the computer that prints. */
export function isoDateOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Compares names the way a reader of that language expects. */
export function compareText(a: string, b: string, lang: Lang): number {
  return a.localeCompare(b, LOCALES[lang], { sensitivity: 'base' });
}
