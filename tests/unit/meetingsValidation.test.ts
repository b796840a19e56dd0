/** Input rules of meetings, sessions, decisions and action items: each problem named per field. */
import { describe, expect, it } from 'vitest';
import { meetingsEn, meetingsRu } from '../../shared/i18n/meetings';
import { parseOtherTopics, orderTopics } from '../../shared/meetings/topics';
import {
  validateActionItem,
  validateMeetingDraft,
  validateSessionDraft,
  validateTextItem,
  type MeetingDraft,
  type SessionDraft,
} from '../../shared/meetings/validation';

const meeting: MeetingDraft = {
  title: { en: 'Bishkek workshop', ru: '' },
  kind: 'workshop',
  status: 'planned',
  startDate: '2026-09-29',
  endDate: '2026-10-01',
  city: { en: 'Bishkek', ru: 'Бишкек' },
  venue: { en: '', ru: '' },
  timeZone: 'Asia/Bishkek',
  hostOrganizationId: 'cldp',
  coOrganizerIds: ['wco'],
  inConjunctionWith: { en: '', ru: '' },
  objectives: { en: '', ru: '' },
};

const keys = (issues: { path: string; key: string }[]) => issues.map((issue) => `${issue.path}:${issue.key}`);

describe('validateMeetingDraft', () => {
  it('accepts a meeting that crosses a month end, titled in one language', () => {
    expect(validateMeetingDraft(meeting)).toEqual([]);
    expect(validateMeetingDraft({ ...meeting, title: { en: '', ru: 'Семинар' } })).toEqual([]);
  });

  it('names each problem by field', () => {
    expect(
      keys(
        validateMeetingDraft({
          ...meeting,
          title: { en: '  ', ru: '' },
          startDate: '2026-02-30',
          endDate: '',
          timeZone: 'Asia/Atlantis',
          coOrganizerIds: ['cldp'],
        }),
      ),
    ).toEqual(['title.en:titleRequired', 'startDate:dateInvalid', 'endDate:dateRequired', 'timeZone:timeZoneInvalid', 'coOrganizerIds:coOrganizerIsHost']);
  });

  it('refuses an end before the start and a meeting of more than 31 days', () => {
    expect(keys(validateMeetingDraft({ ...meeting, endDate: '2026-09-28' }))).toEqual(['endDate:endBeforeStart']);
    expect(keys(validateMeetingDraft({ ...meeting, endDate: '2027-10-01' }))).toEqual(['endDate:meetingTooLong']);
    expect(validateMeetingDraft({ ...meeting, endDate: '2026-10-29' })).toEqual([]);
  });

  it('bounds text lengths', () => {
    expect(keys(validateMeetingDraft({ ...meeting, title: { en: 'x'.repeat(301), ru: '' } }))).toEqual(['title.en:textTooLong']);
  });
});

describe('validateSessionDraft', () => {
  const dates = { startDate: '2026-09-29', endDate: '2026-10-01' };
  const session: SessionDraft = {
    date: '2026-10-01',
    start: '9:00',
    end: '1030',
    kind: 'training',
    title: { en: 'Customs valuation', ru: '' },
    description: { en: '', ru: '' },
    location: { en: '', ru: '' },
    moderatorIds: [],
    speakerIds: [],
    topics: [],
  };

  it('accepts typed times and returns them normalized', () => {
    expect(validateSessionDraft(session, dates)).toEqual({ ok: true, start: '09:00', end: '10:30' });
  });

  it('wants the end after the start, on the same day', () => {
    const check = validateSessionDraft({ ...session, start: '10:30', end: '10:30' }, dates);
    expect(!check.ok && keys(check.issues)).toEqual(['end:endNotAfterStart']);
    const overnight = validateSessionDraft({ ...session, start: '22:00', end: '01:00' }, dates);
    expect(!overnight.ok && keys(overnight.issues)).toEqual(['end:endNotAfterStart']);
  });

  it('wants a day inside the meeting’s dates', () => {
    const check = validateSessionDraft({ ...session, date: '2026-10-02' }, dates);
    expect(!check.ok && check.issues).toEqual([{ path: 'date', key: 'dayOutsideMeeting', values: { start: '2026-09-29', end: '2026-10-01' } }]);
  });

  it('names missing and unreadable times and a missing title', () => {
    const check = validateSessionDraft({ ...session, title: { en: '', ru: '' }, start: '', end: '25:00' }, dates);
    expect(!check.ok && keys(check.issues)).toEqual(['title.en:titleRequired', 'start:timeRequired', 'end:timeInvalid']);
  });
});

describe('decisions and action items', () => {
  it('need text in one language; a due date must be a date', () => {
    expect(keys(validateTextItem({ text: { en: '', ru: ' ' } }))).toEqual(['text.en:textRequired']);
    expect(validateTextItem({ text: { en: '', ru: 'Решение' } })).toEqual([]);
    const item = { text: { en: 'Send comments', ru: '' }, ownerDelegateId: null, ownerName: { en: '', ru: '' }, dueDate: '2014-11-31', done: false };
    expect(keys(validateActionItem(item))).toEqual(['dueDate:dateInvalid']);
    expect(validateActionItem({ ...item, dueDate: '' })).toEqual([]);
  });
});

describe('topics', () => {
  it('splits other topics and orders known ones first', () => {
    expect(parseOtherTopics(' Transit corridors, e-customs;transit corridors,, ')).toEqual(['Transit corridors', 'e-customs']);
    expect(orderTopics(['Single window', 'risk-management', 'customs-valuation'])).toEqual(['customs-valuation', 'risk-management', 'Single window']);
  });
});

describe('messages', () => {
  it('have a message in both languages for every error key the rules produce', () => {
    for (const key of ['titleRequired', 'dateInvalid', 'endBeforeStart', 'meetingTooLong', 'timeZoneInvalid', 'dayOutsideMeeting', 'endNotAfterStart', 'sessionsOutsideDates'] as const) {
      expect(meetingsEn.errors[key]).not.toBe('');
      expect(meetingsRu.errors[key]).not.toBe(meetingsEn.errors[key]);
    }
  });
});
