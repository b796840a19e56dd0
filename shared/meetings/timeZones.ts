/**
 * Where the group meets and which IANA time zone each city keeps: the meeting form
 * suggests the zone from the city a person types, in English or Russian, and offers these
 * zones first in its list.
 */
import type { Bilingual } from '../model';
import { formatUtcOffset, isValidTimeZone, offsetMinutesAt } from './dates';

export interface VenueCity {
  name: Bilingual;
  timeZone: string;
  /** Other spellings people type (former names, transliterations), lower case. */
  aliases: readonly string[];
}

/**
 * The cities of the region and of the partners. Astana keeps Asia/Almaty: the tz database
 * has one zone for most of Kazakhstan (UTC+6 until March 2024, UTC+5 since), and Intl
 * knows the date of the change, so a 2014 meeting in Astana still shows UTC+6.
 */
export const VENUE_CITIES: readonly VenueCity[] = [
  { name: { en: 'Bishkek', ru: 'Бишкек' }, timeZone: 'Asia/Bishkek', aliases: ['frunze', 'бишкек шаары'] },
  { name: { en: 'Almaty', ru: 'Алматы' }, timeZone: 'Asia/Almaty', aliases: ['alma-ata', 'алма-ата', 'алмата'] },
  {
    name: { en: 'Astana', ru: 'Астана' },
    timeZone: 'Asia/Almaty',
    aliases: ['nur-sultan', 'nursultan', 'нур-султан', 'akmola', 'акмола', 'tselinograd', 'целиноград'],
  },
  { name: { en: 'Dushanbe', ru: 'Душанбе' }, timeZone: 'Asia/Dushanbe', aliases: ['stalinabad', 'сталинабад'] },
  { name: { en: 'Ashgabat', ru: 'Ашхабад' }, timeZone: 'Asia/Ashgabat', aliases: ['ashkhabad', 'asgabat', 'aşgabat', 'ашгабат'] },
  { name: { en: 'Tashkent', ru: 'Ташкент' }, timeZone: 'Asia/Tashkent', aliases: ['toshkent', 'тошкент'] },
  { name: { en: 'Kabul', ru: 'Кабул' }, timeZone: 'Asia/Kabul', aliases: ['کابل'] },
  {
    name: { en: 'Washington', ru: 'Вашингтон' },
    timeZone: 'America/New_York',
    aliases: ['washington, d.c.', 'washington dc', 'washington d.c.', 'вашингтон, округ колумбия'],
  },
];

/** Lower case, "ё" as "е", no punctuation at the ends, single spaces. */
function normalize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;]+|[\s.,;]+$/g, '');
}

/** The known city a typed name stands for (either language, or a former name), if any. */
export function findVenueCity(typed: string): VenueCity | undefined {
  const key = normalize(typed);
  if (key === '') return undefined;
  return VENUE_CITIES.find(
    (city) =>
      normalize(city.name.en) === key ||
      normalize(city.name.ru) === key ||
      city.aliases.some((alias) => normalize(alias) === key),
  );
}

/** The zone to suggest for a city given in English and/or Russian; null when unknown. */
export function suggestTimeZone(city: Bilingual): string | null {
  return (findVenueCity(city.en) ?? findVenueCity(city.ru))?.timeZone ?? null;
}

/** The zones of the known cities, each once, in list order. */
export function preferredTimeZones(): string[] {
  return [...new Set(VENUE_CITIES.map((city) => city.timeZone))];
}

/**
 * Every zone the platform knows, for the "other zones" part of the list. Falls back to the
 * preferred ones (plus UTC) on a platform without Intl.supportedValuesOf.
 */
export function allTimeZones(): string[] {
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = new Set([...preferredTimeZones(), 'UTC', ...supported]);
  return [...zones].filter(isValidTimeZone).sort((a, b) => a.localeCompare(b, 'en'));
}

/** "Asia/Kabul (UTC+4:30)": the offset on the given date, since offsets change over the years. */
export function timeZoneLabel(timeZone: string, onDateMs: number): string {
  if (!isValidTimeZone(timeZone)) return timeZone;
  return `${timeZone} (${formatUtcOffset(offsetMinutesAt(onDateMs, timeZone))})`;
}
