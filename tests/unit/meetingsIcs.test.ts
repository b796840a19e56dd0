/**
 * The agenda as iCalendar: events in the venue's wall-clock time with TZID, a VTIMEZONE that
 * matches the zone's real offsets (Kabul's +04:30, Almaty's 2024 change, Washington's DST),
 * escaping, folding and the RFC 5545 framing that calendar programs expect.
 */
import { describe, expect, it } from 'vitest';
import { meetingsEn } from '../../shared/i18n/meetings';
import { agendaFileName, buildAgendaIcs, buildVtimezone, offsetTransitions, type AgendaIcsInput } from '../../shared/meetings/ics';
import type { Session } from '../../shared/model';

const text: AgendaIcsInput['text'] = {
  moderator: 'Moderator',
  moderators: 'Moderators',
  speaker: 'Speaker',
  speakers: 'Speakers',
  topics: 'Topics',
  sessionKinds: meetingsEn.sessionKinds,
  knownTopics: meetingsEn.topics,
};

function session(id: string, date: string, start: string, end: string, extra: Partial<Session> = {}): AgendaIcsInput['sessions'][number] {
  return {
    id,
    date,
    start,
    end,
    order: 0,
    kind: 'training',
    title: { en: `Session ${id}`, ru: `Заседание ${id}` },
    description: { en: '', ru: '' },
    location: { en: '', ru: '' },
    moderatorIds: [],
    speakerIds: [],
    topics: [],
    ...extra,
  };
}

function build(timeZone: string, sessions: AgendaIcsInput['sessions'], overrides: Partial<AgendaIcsInput> = {}): string {
  return buildAgendaIcs({
    meeting: {
      id: 'm1',
      title: { en: 'Kabul workshop', ru: 'Семинар в Кабуле' },
      city: { en: 'Kabul', ru: 'Кабул' },
      venue: { en: 'Serena Hotel', ru: 'Отель «Серена»' },
      timeZone,
      status: 'confirmed',
      startDate: sessions[0]?.date ?? '2026-01-05',
      endDate: sessions[sessions.length - 1]?.date ?? '2026-01-05',
    },
    sessions,
    language: 'en',
    text,
    personName: (id) => ({ hayes: 'Robert Hayes', dubois: 'Marc Dubois', grant: 'David Grant' })[id],
    now: new Date(Date.UTC(2026, 0, 1, 12, 0, 0)),
    ...overrides,
  });
}

/** Unfolded content lines (RFC 5545 §3.1). */
function lines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

function events(ics: string): Record<string, string>[] {
  const result: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines(ics)) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      result.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return result;
}

describe('buildAgendaIcs', () => {
  it('writes each session in the venue’s wall-clock time with its TZID', () => {
    const ics = build('Asia/Kabul', [session('a', '2026-01-05', '09:00', '10:30'), session('b', '2026-01-06', '14:00', '15:00')]);
    const [first, second] = events(ics);
    expect(first).toMatchObject({
      UID: 'a@cwg-desk',
      'DTSTART;TZID=Asia/Kabul': '20260105T090000',
      'DTEND;TZID=Asia/Kabul': '20260105T103000',
      SUMMARY: 'Session a',
      LOCATION: 'Serena Hotel\\, Kabul',
      STATUS: 'CONFIRMED',
      DTSTAMP: '20260101T120000Z',
    });
    expect(second?.['DTSTART;TZID=Asia/Kabul']).toBe('20260106T140000');
  });

  it('carries a VTIMEZONE for Kabul at +04:30', () => {
    const ics = build('Asia/Kabul', [session('a', '2026-01-05', '09:00', '10:30')]);
    const all = lines(ics);
    const begin = all.indexOf('BEGIN:VTIMEZONE');
    const end = all.indexOf('END:VTIMEZONE');
    expect(begin).toBeGreaterThan(0);
    expect(all.slice(begin, end + 1)).toEqual(
      expect.arrayContaining(['TZID:Asia/Kabul', 'TZOFFSETFROM:+0430', 'TZOFFSETTO:+0430', 'BEGIN:STANDARD', 'END:STANDARD']),
    );
    // The VTIMEZONE comes before the events that use it.
    expect(begin).toBeLessThan(all.indexOf('BEGIN:VEVENT'));
  });

  it('is framed as RFC 5545 wants: CRLF lines of at most 75 octets, one VCALENDAR', () => {
    const long = 'Training on the WTO Customs Valuation Agreement, its interpretative notes and the practice of valuation control in the region';
    const ics = build('Asia/Bishkek', [session('a', '2014-09-09', '09:30', '12:30', { title: { en: long, ru: '' } })]);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(events(ics)[0]?.SUMMARY).toBe(long.replace(/,/g, '\\,'));
  });

  it('escapes text and lists people and topics in the description', () => {
    const ics = build('Asia/Bishkek', [
      session('a', '2014-09-09', '09:30', '12:30', {
        title: { en: 'Valuation; risk, and more', ru: '' },
        description: { en: 'Line one\nLine two', ru: '' },
        moderatorIds: ['grant'],
        speakerIds: ['hayes', 'dubois', 'deleted-person'],
        topics: ['customs-valuation', 'Single window'],
      }),
    ]);
    const [event] = events(ics);
    expect(event?.SUMMARY).toBe('Valuation\\; risk\\, and more');
    expect(event?.DESCRIPTION).toBe(
      'Line one\\nLine two\\nModerator: David Grant\\nSpeakers: Robert Hayes\\, Marc Dubois\\nTopics: Customs valuation\\, Single window',
    );
    expect(event?.CATEGORIES).toBe('Training,Customs valuation,Single window');
  });

  it('writes the UI language, falling back to the other', () => {
    const ics = build('Asia/Bishkek', [session('a', '2014-09-09', '09:00', '10:00', { title: { en: 'Opening', ru: '' } }), session('b', '2014-09-09', '10:00', '11:00')], {
      language: 'ru',
    });
    expect(events(ics).map((event) => event.SUMMARY)).toEqual(['Opening', 'Заседание b']);
    expect(ics).toContain('PRODID:-//CWG Desk//Agenda//RU');
    expect(ics).toContain('LOCATION:Отель «Серена»\\, Кабул');
  });

  it('marks a cancelled meeting’s sessions cancelled and a planned one’s tentative', () => {
    const cancelled = buildAgendaIcs({
      meeting: { id: 'm', title: { en: 'M', ru: '' }, city: { en: '', ru: '' }, venue: { en: '', ru: '' }, timeZone: 'Asia/Bishkek', status: 'cancelled', startDate: '2014-09-09', endDate: '2014-09-09' },
      sessions: [session('a', '2014-09-09', '09:00', '10:00')],
      language: 'en',
      text,
      personName: () => undefined,
      now: new Date(0),
    });
    expect(events(cancelled)[0]?.STATUS).toBe('CANCELLED');
  });

  it('writes UTC times for a meeting kept in UTC (no VTIMEZONE needed)', () => {
    const ics = build('UTC', [session('a', '2014-06-09', '09:00', '09:30')]);
    expect(events(ics)[0]).toMatchObject({ DTSTART: '20140609T090000Z', DTEND: '20140609T093000Z' });
    expect(ics).not.toContain('BEGIN:VTIMEZONE');
  });

  it('names the file after the date and title, without characters dialogs refuse', () => {
    expect(agendaFileName({ startDate: '2026-09-29', title: { en: 'Bishkek: valuation / risk?', ru: '' } }, 'en')).toBe('2026-09-29 Bishkek valuation risk.ics');
    expect(agendaFileName({ startDate: '2026-09-29', title: { en: '', ru: '' } }, 'ru')).toBe('2026-09-29 agenda.ics');
  });
});

describe('buildVtimezone', () => {
  it('describes Washington’s daylight-saving year with its real transitions', () => {
    const vtimezone = buildVtimezone('America/New_York', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    const all = vtimezone.split('\r\n');
    expect(all).toEqual(
      expect.arrayContaining(['BEGIN:DAYLIGHT', 'DTSTART:20260308T020000', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0400', 'DTSTART:20261101T020000']),
    );
    expect(all.filter((line) => line === 'BEGIN:DAYLIGHT')).toHaveLength(1);
  });

  it('records Kazakhstan’s move from UTC+6 to UTC+5 on 1 March 2024', () => {
    expect(offsetTransitions('Asia/Almaty', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1))).toEqual([
      { at: Date.UTC(2024, 1, 29, 18, 0), from: 360, to: 300 },
    ]);
    const vtimezone = buildVtimezone('Asia/Almaty', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1));
    expect(vtimezone).toContain('DTSTART:20240301T000000\r\nTZOFFSETFROM:+0600\r\nTZOFFSETTO:+0500');
    expect(vtimezone).not.toContain('DAYLIGHT');
  });

  it('has a single observance for a zone without changes', () => {
    const vtimezone = buildVtimezone('Asia/Bishkek', Date.UTC(2014, 0, 1), Date.UTC(2015, 0, 1));
    expect(vtimezone.split('\r\n').filter((line) => line.startsWith('BEGIN:STANDARD'))).toHaveLength(1);
    expect(vtimezone).toContain('TZOFFSETTO:+0600');
  });
});
