/**
 * Date and time rules of meetings: calendar dates across month and year ends, typed times,
 * and wall-clock ↔ instant conversion in IANA zones, Kabul's half-hour offset, Kazakhstan's
 * 2024 change and Washington's daylight-saving gaps and folds included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  epochToZoned,
  formatUtcOffset,
  isValidIsoDate,
  isValidLocalTime,
  isValidTimeZone,
  isoWeekday,
  meetingDays,
  minutesOf,
  offsetMinutesAt,
  parseTimeInput,
  timeFromMinutes,
  zonedToEpoch,
} from '../../shared/meetings/dates';
import { suggestTimeZone, timeZoneLabel } from '../../shared/meetings/timeZones';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isValidIsoDate('2014-09-09')).toBe(true);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2014-02-29')).toBe(false);
    expect(isValidIsoDate('2014-09-31')).toBe(false);
    expect(isValidIsoDate('2014-13-01')).toBe(false);
    expect(isValidIsoDate('14-09-09')).toBe(false);
    expect(isValidIsoDate('2014-9-9')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });

  it('lists the days of a meeting that crosses a month end', () => {
    expect(meetingDays('2014-09-29', '2014-10-02')).toEqual(['2014-09-29', '2014-09-30', '2014-10-01', '2014-10-02']);
  });

  it('crosses February in leap and common years, and the year end', () => {
    expect(meetingDays('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(meetingDays('2023-02-28', '2023-03-01')).toEqual(['2023-02-28', '2023-03-01']);
    expect(meetingDays('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
  });

  it('has no days when the end is before the start, and one for a one-day meeting', () => {
    expect(meetingDays('2014-09-11', '2014-09-09')).toEqual([]);
    expect(meetingDays('2014-09-09', '2014-09-09')).toEqual(['2014-09-09']);
  });

  it('adds days and counts them, ignoring daylight saving (dates have no zone)', () => {
    expect(addDays('2014-09-30', 1)).toBe('2014-10-01');
    expect(addDays('2014-03-01', -1)).toBe('2014-02-28');
    // The US clock change on 2026-03-08 does not make that day shorter for a date.
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2014-09-11', '2014-09-09')).toBe(-2);
  });

  it('adding then counting days is consistent (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), fc.integer({ min: -800, max: 800 }), (date, days) => {
        const iso = date.toISOString().slice(0, 10);
        const later = addDays(iso, days);
        expect(isValidIsoDate(later)).toBe(true);
        expect(daysBetween(iso, later)).toBe(days);
        if (days >= 0) expect(meetingDays(iso, later)).toHaveLength(days + 1);
      }),
    );
  });

  it('numbers weekdays from Monday', () => {
    expect(isoWeekday('2014-09-09')).toBe(1); // a Tuesday
    expect(isoWeekday('2014-09-14')).toBe(6); // a Sunday
  });
});

describe('times of day', () => {
  it('reads times as people type them', () => {
    expect(parseTimeInput('9')).toBe('09:00');
    expect(parseTimeInput('9:30')).toBe('09:30');
    expect(parseTimeInput(' 09.30 ')).toBe('09:30');
    expect(parseTimeInput('0930')).toBe('09:30');
    expect(parseTimeInput('930')).toBe('09:30');
    expect(parseTimeInput('1430')).toBe('14:30');
    expect(parseTimeInput('14h30')).toBe('14:30');
    expect(parseTimeInput('14 30')).toBe('14:30');
    expect(parseTimeInput('23:59')).toBe('23:59');
  });

  it('refuses what is not a time of day', () => {
    for (const text of ['', '24:00', '12:60', '9:5', 'noon', '9 am', '-1', '12345', '960', '12:30:00']) {
      expect(parseTimeInput(text), text).toBeNull();
    }
  });

  it('converts between HH:MM and minutes', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('14:30')).toBe(870);
    expect(timeFromMinutes(870)).toBe('14:30');
    expect(() => timeFromMinutes(1440)).toThrow();
    expect(isValidLocalTime('23:59')).toBe(true);
    expect(isValidLocalTime('24:00')).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), (minutes) => {
        expect(minutesOf(timeFromMinutes(minutes))).toBe(minutes);
        expect(parseTimeInput(timeFromMinutes(minutes))).toBe(timeFromMinutes(minutes));
      }),
    );
  });
});

describe('time zones', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isValidTimeZone('Asia/Kabul')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Asia/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(' Asia/Kabul')).toBe(false);
  });

  it('puts Kabul at UTC+4:30, all year', () => {
    const opening = zonedToEpoch('2026-01-05', '09:00', 'Asia/Kabul');
    expect(new Date(opening).toISOString()).toBe('2026-01-05T04:30:00.000Z');
    expect(offsetMinutesAt(opening, 'Asia/Kabul')).toBe(270);
    expect(offsetMinutesAt(Date.UTC(2026, 6, 1), 'Asia/Kabul')).toBe(270);
    expect(formatUtcOffset(270)).toBe('UTC+4:30');
  });

  it('puts an early-morning Kabul session on the previous UTC day, across a month end', () => {
    // 03:00 on 1 October in Kabul is 22:30 on 30 September in UTC.
    const instant = zonedToEpoch('2025-10-01', '03:00', 'Asia/Kabul');
    expect(new Date(instant).toISOString()).toBe('2025-09-30T22:30:00.000Z');
    expect(epochToZoned(instant, 'Asia/Kabul')).toEqual({ date: '2025-10-01', time: '03:00' });
    expect(epochToZoned(instant, 'UTC')).toEqual({ date: '2025-09-30', time: '22:30' });
  });

  it('uses the offset of the date: Almaty and Astana were UTC+6 in 2014 and are UTC+5 since March 2024', () => {
    expect(offsetMinutesAt(zonedToEpoch('2014-09-09', '09:00', 'Asia/Almaty'), 'Asia/Almaty')).toBe(360);
    expect(offsetMinutesAt(zonedToEpoch('2025-09-09', '09:00', 'Asia/Almaty'), 'Asia/Almaty')).toBe(300);
    expect(timeZoneLabel('Asia/Almaty', Date.UTC(2014, 8, 9))).toBe('Asia/Almaty (UTC+6)');
    expect(timeZoneLabel('Asia/Almaty', Date.UTC(2025, 8, 9))).toBe('Asia/Almaty (UTC+5)');
  });

  it('handles Washington’s daylight-saving time, its gap and its fold', () => {
    expect(new Date(zonedToEpoch('2026-07-01', '09:00', 'America/New_York')).toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(new Date(zonedToEpoch('2026-01-15', '09:00', 'America/New_York')).toISOString()).toBe('2026-01-15T14:00:00.000Z');
    // 02:30 does not exist on 8 March 2026: read it as 03:30 daylight time (RFC 5545).
    expect(new Date(zonedToEpoch('2026-03-08', '02:30', 'America/New_York')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 1 November 2026: the first one.
    expect(new Date(zonedToEpoch('2026-11-01', '01:30', 'America/New_York')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(formatUtcOffset(-240)).toBe('UTC−4');
  });

  it('round-trips wall times in the region’s zones (property)', () => {
    const zones = ['Asia/Bishkek', 'Asia/Almaty', 'Asia/Dushanbe', 'Asia/Ashgabat', 'Asia/Tashkent', 'Asia/Kabul', 'UTC'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, date, minutes) => {
          const iso = date.toISOString().slice(0, 10);
          const time = timeFromMinutes(minutes);
          // These zones have no daylight saving since 2000, so every wall time exists once.
          expect(epochToZoned(zonedToEpoch(iso, time, zone), zone)).toEqual({ date: iso, time });
        },
      ),
    );
  });

  it('suggests the zone of each of the group’s cities, in either language', () => {
    expect(suggestTimeZone({ en: 'Bishkek', ru: '' })).toBe('Asia/Bishkek');
    expect(suggestTimeZone({ en: '', ru: 'Бишкек' })).toBe('Asia/Bishkek');
    expect(suggestTimeZone({ en: 'almaty', ru: '' })).toBe('Asia/Almaty');
    expect(suggestTimeZone({ en: 'Nur-Sultan', ru: '' })).toBe('Asia/Almaty');
    expect(suggestTimeZone({ en: 'Astana', ru: 'Астана' })).toBe('Asia/Almaty');
    expect(suggestTimeZone({ en: 'Dushanbe', ru: '' })).toBe('Asia/Dushanbe');
    expect(suggestTimeZone({ en: 'Ashgabat', ru: '' })).toBe('Asia/Ashgabat');
    expect(suggestTimeZone({ en: '', ru: 'Ашхабад' })).toBe('Asia/Ashgabat');
    expect(suggestTimeZone({ en: 'Tashkent', ru: '' })).toBe('Asia/Tashkent');
    expect(suggestTimeZone({ en: 'Kabul', ru: '' })).toBe('Asia/Kabul');
    expect(suggestTimeZone({ en: 'Washington, D.C.', ru: '' })).toBe('America/New_York');
    expect(suggestTimeZone({ en: '', ru: 'Вашингтон' })).toBe('America/New_York');
    expect(suggestTimeZone({ en: 'Geneva', ru: '' })).toBeNull();
    expect(suggestTimeZone({ en: '', ru: '' })).toBeNull();
  });
});
