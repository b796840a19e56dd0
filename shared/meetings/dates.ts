/**
 * Calendar dates and venue-local times of meetings: parsing what people type, the days of a
 * meeting (across month and year ends), and converting a venue's wall-clock time to an
 * instant in its IANA time zone (Kabul's UTC+4:30 included) with the platform's Intl data.
 *
 * Dates are "YYYY-MM-DD" strings and times "HH:MM" strings: an agenda is planned in the
 * venue's local time, and a date string carries no zone, so it cannot drift when the
 * computer showing it is elsewhere. Arithmetic on dates uses UTC midnight, which has no
 * daylight-saving gaps.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date in YYYY-MM-DD form (no 2014-02-30). */
export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2200) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for a time of day in HH:MM form, 00:00 to 23:59. */
export function isValidLocalTime(value: string): boolean {
  return LOCAL_TIME.test(value);
}

function dateParts(isoDate: string): [number, number, number] {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** UTC midnight of the date, in milliseconds. */
function utcMidnight(isoDate: string): number {
  const [year, month, day] = dateParts(isoDate);
  return Date.UTC(year, month - 1, day);
}

function isoFromUtc(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The date `days` later (or earlier, when negative). */
export function addDays(isoDate: string, days: number): string {
  return isoFromUtc(utcMidnight(isoDate) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / MS_PER_DAY);
}

/** Every date from start to end inclusive; empty when end is before start. */
export function meetingDays(startDate: string, endDate: string): string[] {
  const count = daysBetween(startDate, endDate) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, index) => addDays(startDate, index));
}

/** Day of the week, 0 = Monday … 6 = Sunday (ISO 8601 numbering minus one). */
export function isoWeekday(isoDate: string): number {
  return (new Date(utcMidnight(isoDate)).getUTCDay() + 6) % 7;
}

/** Minutes since midnight of an HH:MM time. */
export function minutesOf(time: string): number {
  const match = LOCAL_TIME.exec(time);
  if (!match) throw new RangeError(`not an HH:MM time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** HH:MM of minutes since midnight (0…1439). */
export function timeFromMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) throw new RangeError(`minutes out of a day: ${String(minutes)}`);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Reads a time as people type it: "9", "9:00", "09.30", "0930", "14h30", "14 30".
 * Returns HH:MM, or null when it is not a time of day.
 */
export function parseTimeInput(text: string): string | null {
  const cleaned = text.trim().toLowerCase();
  const match = /^(\d{1,2})(?:\s*[:.h\s]\s*(\d{2})|(\d{2}))?$/.exec(cleaned);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? match[3] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return timeFromMinutes(hours * 60 + minutes);
}

// ---------------------------------------------------------------------------------------
// Time zones, through Intl (the platform's tz database: Chromium and Node carry current data).

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the platform knows this IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '' || timeZone !== timeZone.trim()) return false;
  try {
    wallClockFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts = wallClockFormatter(timeZone).formatToParts(new Date(epochMs));
  const value = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? NaN);
  const era = parts.find((part) => part.type === 'era')?.value ?? 'AD';
  const year = value('year');
  return {
    year: era === 'BC' || era === 'B' ? 1 - year : year,
    month: value('month'),
    day: value('day'),
    hour: value('hour'),
    minute: value('minute'),
    second: value('second'),
  };
}

/** Offset of the zone from UTC at that instant, in minutes (Kabul: 270, Washington in July: −240). */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  // Whole seconds only: formatToParts has no milliseconds, and offsets are whole minutes.
  const instant = Math.floor(epochMs / 1000) * 1000;
  const wall = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - instant) / MS_PER_MINUTE);
}

/** "UTC+4:30", "UTC+6", "UTC−5" (with a real minus sign), "UTC". */
export function formatUtcOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '−';
  const absolute = Math.abs(offsetMinutes);
  const hours = Math.floor(absolute / 60);
  const minutes = absolute % 60;
  return `UTC${sign}${String(hours)}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}`;
}

/**
 * The instant at which the venue's clocks show `time` on `date`. Where clocks are turned
 * back and the time happens twice, the earlier instant; where they jump forward and the
 * time never happens, the time as if the jump had not happened yet (so 02:30 on the
 * spring-forward night in Washington is 03:30 daylight time), as RFC 5545 prescribes.
 */
export function zonedToEpoch(date: string, time: string, timeZone: string): number {
  const [year, month, day] = dateParts(date);
  const minutes = minutesOf(time);
  const wall = Date.UTC(year, month - 1, day) + minutes * MS_PER_MINUTE;
  // The offsets a day either side cover any one transition near this wall time.
  const before = offsetMinutesAt(wall - MS_PER_DAY, timeZone);
  const after = offsetMinutesAt(wall + MS_PER_DAY, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MS_PER_MINUTE)
    .filter((instant) => instant + offsetMinutesAt(instant, timeZone) * MS_PER_MINUTE === wall)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return first;
  // In a gap: read the wall time with the offset in force before the jump.
  return wall - before * MS_PER_MINUTE;
}

/** The venue's date and time (HH:MM) at an instant. */
export function epochToZoned(epochMs: number, timeZone: string): { date: string; time: string } {
  const wall = wallClockAt(Math.floor(epochMs / 1000) * 1000, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${String(wall.year).padStart(4, '0')}-${pad(wall.month)}-${pad(wall.day)}`,
    time: `${pad(wall.hour)}:${pad(wall.minute)}`,
  };
}
