/**
 * Approving the minutes (issue 15, item 4): the states and what each allows
 * (shared/meetings/minutes.ts), and the lock approved minutes put on their meeting's
 * records, on screen (canEdit stays the table's) and in imports (judgeLockedMinutes).
 */
import { describe, expect, it } from 'vitest';
import {
  approveRefusal,
  approved,
  buildMinutesContent,
  circulateRefusal,
  circulated,
  isLocked,
  latestRevision,
  minutesState,
  minutesText,
  type MinutesTextLabels,
} from '../../shared/meetings/minutes';
import type { Decision, Delegate, Minutes, MinutesContent, Participation } from '../../shared/model';
import { diffText, hasChanges } from '../../shared/mou/compare';
import { canEdit, judgeChange, judgeLockedMinutes, lockedByMinutes, minutesLocksOf } from '../../shared/sync/authorityRules';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import { formatStamp } from '../../shared/sync/hlc';

const stamp = (millis: number, node = 'sec') => formatStamp({ millis, counter: 0, node });
const meta = (millis: number) => ({ hlc: stamp(millis), origin: 'sec', deleted: false });

const meeting = { id: 'm1', startDate: '2014-09-09' };
const later = { id: 'm2', startDate: '2015-04-06' };
const earlier = { id: 'm0', startDate: '2014-06-09' };

const delegate: Delegate = {
  id: 'd1',
  nameLatin: 'Aigerim Seitkali',
  nameNative: 'Айгерим Сейткали',
  honorific: '',
  position: { en: '', ru: '' },
  organizationId: null,
  countryId: 'KZ',
  roles: [],
  email: '',
  phone: '',
  languages: [],
  notes: '',
  consentPrintContacts: false,
  consentShareContacts: false,
  ...meta(1),
};

const decision = (id: string, order: number, en: string, deleted = false): Decision => ({
  id,
  meetingId: 'm1',
  order,
  text: { en, ru: en },
  ...meta(2),
  deleted,
});

const participation: Participation = {
  id: 'p1',
  meetingId: 'm1',
  delegateId: 'd1',
  capacity: 'member',
  status: 'attended',
  attendedDays: ['2014-09-10', '2014-09-09'],
  ...meta(3),
};

function content(decisions: Decision[]): MinutesContent {
  return buildMinutesContent({ sessions: [], decisions, actionItems: [], participations: [participation], delegatesById: new Map([['d1', delegate]]) });
}

function minutes(partial: Partial<Minutes>): Minutes {
  return { id: 'min1', meetingId: 'm1', status: 'draft', revisions: [], approvalSessionId: null, approvedAt: null, ...meta(10), ...partial };
}

describe('the states of the minutes', () => {
  const live = content([decision('a', 1, 'Second.'), decision('b', 0, 'First.'), decision('c', 2, 'Gone.', true)]);

  it('freezes the live records in order, without deleted ones, names copied in', () => {
    expect(live.decisions.map((entry) => entry.text.en)).toEqual(['First.', 'Second.']);
    expect(live.attendance).toEqual([
      { delegateId: 'd1', nameLatin: 'Aigerim Seitkali', nameNative: 'Айгерим Сейткали', countryId: 'KZ', status: 'attended', attendedDays: ['2014-09-09', '2014-09-10'] },
    ]);
  });

  it('goes draft → circulated → commented → approved (locked)', () => {
    expect(minutesState(undefined, 0)).toBe('draft');
    const first = minutes(circulated(undefined, live, '2014-10-01'));
    expect(first.revisions.map((revision) => [revision.number, revision.circulatedOn])).toEqual([[1, '2014-10-01']]);
    expect(minutesState(first, 0)).toBe('circulated');
    expect(minutesState(first, 2)).toBe('commented');
    expect(isLocked(first)).toBe(false);
    const done = { ...first, ...approved({ meetingId: 'm2', sessionId: 's1', date: '2015-04-06' }) };
    expect(done).toMatchObject({ status: 'approved', approvalSessionId: 's1', approvedAt: { meetingId: 'm2', sessionId: 's1', date: '2015-04-06' } });
    expect(minutesState(done, 2)).toBe('approved');
    expect(isLocked(done)).toBe(true);
    expect(isLocked({ ...done, deleted: true })).toBe(false);
  });

  it('circulates only something new, numbers revisions on, and never once approved', () => {
    expect(circulateRefusal(undefined, live)).toBeNull();
    const first = minutes(circulated(undefined, live, '2014-10-01'));
    expect(circulateRefusal(first, live)).toBe('unchanged');
    const edited = content([decision('b', 0, 'First, amended.'), decision('a', 1, 'Second.')]);
    expect(circulateRefusal(first, edited)).toBeNull();
    const second = minutes(circulated(first, edited, '2014-11-01'));
    expect(second.revisions.map((revision) => revision.number)).toEqual([1, 2]);
    expect(latestRevision(second)?.content).toEqual(edited);
    expect(circulateRefusal({ ...second, status: 'approved' }, live)).toBe('locked');
  });

  it('approves only what was circulated, unchanged since, at a later meeting', () => {
    expect(approveRefusal(undefined, live, meeting, later)).toBe('notCirculated');
    const first = minutes(circulated(undefined, live, '2014-10-01'));
    expect(approveRefusal(first, live, meeting, later)).toBeNull();
    expect(approveRefusal(first, content([decision('b', 0, 'Other.')]), meeting, later)).toBe('changedSinceCirculated');
    expect(approveRefusal(first, live, meeting, meeting)).toBe('notLaterMeeting');
    expect(approveRefusal(first, live, meeting, earlier)).toBe('notLaterMeeting');
    expect(approveRefusal({ ...first, status: 'approved' }, live, meeting, later)).toBe('locked');
  });

  it('compares revisions word by word in each language', () => {
    const labels: MinutesTextLabels = {
      sessions: 'Record of the sessions',
      decisions: 'Decisions',
      actionItems: 'Action items',
      attendance: 'Attendance',
      owner: 'owner',
      due: 'due',
      statuses: { invited: 'Invited', confirmed: 'Confirmed', declined: 'Declined', attended: 'Attended', absent: 'Absent' },
      days: (count) => `${String(count)} days present`,
    };
    const older = minutesText(live, 'en', labels);
    expect(older.split('\n')).toEqual([
      'Record of the sessions',
      'Decisions',
      '1. First.',
      '2. Second.',
      'Action items',
      'Attendance',
      'Aigerim Seitkali (KZ): Attended, 2 days present',
    ]);
    expect(minutesText(live, 'ru', labels)).toContain('Айгерим Сейткали (KZ)');
    const newer = minutesText(content([decision('b', 0, 'First, amended.'), decision('a', 1, 'Second.')]), 'en', labels);
    const segments = diffText(older, newer);
    expect(hasChanges(segments)).toBe(true);
    expect(segments.filter((segment) => segment.kind === 'insert').map((segment) => segment.text.trim())).toContain(', amended');
  });
});

describe('approved minutes lock their meeting', () => {
  const approval: SyncRecord = {
    id: 'min1',
    meetingId: 'm1',
    status: 'approved',
    hlc: stamp(100),
    origin: 'sec',
    deleted: false,
    fieldStamps: { status: stamp(100) },
  };
  const locks = minutesLocksOf([approval, { ...approval, id: 'min2', meetingId: 'm9', status: 'circulated' }]);

  const edit = (table: string, fields: Record<string, unknown>, at: number): SyncRecord => {
    // The record's meeting was set when it was made, long before.
    const fieldStamps = Object.fromEntries(Object.keys(fields).map((field) => [field, field === 'meetingId' ? stamp(1) : stamp(at)]));
    return { id: 'r1', ...fields, hlc: stamp(at), origin: 'sec', fieldStamps } as SyncRecord;
  };

  it('knows approved minutes only', () => {
    expect([...locks]).toEqual([['m1', stamp(100)]]);
  });

  it('refuses later changes of what the minutes record, whoever signs them', () => {
    const late = edit('decisions', { meetingId: 'm1', order: 0, text: { en: 'Changed', ru: 'Изменено' }, deleted: false }, 200);
    // Everything but the deletion flag: refused field by field, with the reason the preview shows.
    expect(judgeLockedMinutes('decisions', late, locks)).toEqual({ refusedFields: ['order', 'text'], reason: 'minutes-approved' });
    // Moved to the meeting afterwards: refused too.
    expect(judgeLockedMinutes('decisions', { ...late, fieldStamps: { ...late.fieldStamps, meetingId: stamp(200) } }, locks).refusedFields).toEqual([
      'meetingId',
      'order',
      'text',
    ]);
    // The secretariat's authority alone would accept it.
    expect(judgeChange('decisions', late, { authority: 'official', countryId: null, signerId: 'sec' }).refusedFields).toBeNull();
    expect(judgeLockedMinutes('sessions', edit('sessions', { meetingId: 'm1', outcome: { en: 'x', ru: 'x' } }, 200), locks)).toEqual({
      refusedFields: ['outcome'],
      reason: 'minutes-approved',
    });
    expect(judgeLockedMinutes('participations', edit('participations', { meetingId: 'm1', status: 'absent', delegateId: 'd1' }, 200), locks)).toEqual({
      refusedFields: ['status'],
      reason: 'minutes-approved',
    });
  });

  it('lets through what the minutes do not record, older changes and other meetings', () => {
    expect(judgeLockedMinutes('actionItems', edit('actionItems', { meetingId: 'm1', done: true }, 200), locks).refusedFields).toBeNull();
    expect(judgeLockedMinutes('sessions', edit('sessions', { meetingId: 'm1', title: { en: 'x', ru: 'x' } }, 200), locks).refusedFields).toBeNull();
    expect(judgeLockedMinutes('decisions', edit('decisions', { meetingId: 'm1', text: { en: 'x', ru: 'x' } }, 50), locks).refusedFields).toBeNull();
    expect(judgeLockedMinutes('decisions', edit('decisions', { meetingId: 'm2', text: { en: 'x', ru: 'x' } }, 200), locks).refusedFields).toBeNull();
    expect(judgeLockedMinutes('meetings', edit('meetings', { title: { en: 'x', ru: 'x' } }, 200), locks).refusedFields).toBeNull();
    expect(lockedByMinutes('actionItems', 'done')).toBe(false);
    expect(lockedByMinutes('actionItems', 'text')).toBe(true);
    expect(lockedByMinutes('decisions', 'deleted')).toBe(false);
  });

  it('leaves the minutes to the secretariat and comments on them to every delegation', () => {
    const record = { meetingId: 'm1', status: 'approved', revisions: [], approvalSessionId: null, approvedAt: null, deleted: false };
    expect(canEdit('delegation', 'KG', 'minutes', record)).toBe(false);
    expect(canEdit('secretariat', null, 'minutes', record)).toBe(true);
    expect(canEdit('delegation', 'KG', 'comments', { targetKind: 'minutes', targetId: 'min1', minutesRevision: 1, text: 'Agreed', deleted: false })).toBe(true);
    const signed = edit('minutes', record, 200);
    expect(judgeChange('minutes', { ...signed, fieldStamps: Object.fromEntries(Object.keys(record).map((field) => [field, stamp(200, 'kg')])) }, {
      authority: 'delegation',
      countryId: 'KG',
      signerId: 'kg',
    })).toEqual({ refusedFields: 'record', reason: 'secretariat-only' });
  });
});
