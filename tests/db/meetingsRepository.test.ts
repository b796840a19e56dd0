/**
 * The meetings repository against IndexedDB (fake-indexeddb): who may write, validation
 * that saves nothing partial, tombstones, the agenda operations, participants and
 * attendance, decisions and action items.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingDraft } from '../../shared/meetings/validation';
import { sampleId } from '../../shared/sample/sampleData';
import { MeetingRefusedError, MeetingValidationError, createRepositories, openDatabase, type CwgDatabase, type Repositories } from '../../renderer/db';

const open: CwgDatabase[] = [];

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

async function setUp(role: 'secretariat' | 'delegation' = 'secretariat'): Promise<{ db: CwgDatabase; repositories: Repositories }> {
  const db = openDatabase(`cwg-test-${crypto.randomUUID()}`);
  open.push(db);
  const repositories = createRepositories(db);
  await repositories.installation.create({ displayName: 'Test', role, countryId: role === 'delegation' ? 'KG' : null });
  await repositories.sampleData.load();
  return { db, repositories };
}

const delegate = (key: string) => sampleId('delegate', key);
const organization = (key: string) => sampleId('organization', key);

function draft(overrides: Partial<MeetingDraft> = {}): MeetingDraft {
  return {
    title: { en: 'Bishkek workshop', ru: 'Бишкекский семинар' },
    kind: 'workshop',
    status: 'planned',
    startDate: '2026-09-29',
    endDate: '2026-10-01',
    city: { en: 'Bishkek', ru: 'Бишкек' },
    venue: { en: '', ru: '' },
    timeZone: 'Asia/Bishkek',
    hostOrganizationId: organization('cldp'),
    coOrganizerIds: [organization('wco')],
    inConjunctionWith: { en: '', ru: '' },
    objectives: { en: '', ru: '' },
    ...overrides,
  };
}

const session = (meetingId: string, date: string, start: string, end: string, title: string, extra: { speakerIds?: string[] } = {}) => ({
  meetingId,
  date,
  start,
  end,
  kind: 'training' as const,
  title: { en: title, ru: '' },
  description: { en: '', ru: '' },
  location: { en: '', ru: '' },
  moderatorIds: [],
  speakerIds: extra.speakerIds ?? [],
  topics: [],
});

describe('meetings', () => {
  it('creates a meeting stamped by this installation, trimmed', async () => {
    const { repositories } = await setUp();
    const installation = await repositories.installation.get();
    const meeting = await repositories.meetings.save(draft({ title: { en: '  Bishkek workshop ', ru: '' } }));
    expect(meeting).toMatchObject({ title: { en: 'Bishkek workshop', ru: '' }, origin: installation?.id, deleted: false });
    expect(await repositories.meetings.get(meeting.id)).toEqual(meeting);
    expect((await repositories.meetings.list()).map((m) => m.id)[0]).toBe(meeting.id);
  });

  it('refuses bad input with a problem per field and writes nothing', async () => {
    const { repositories } = await setUp();
    const before = await repositories.dump();
    const error = await repositories.meetings
      .save(draft({ title: { en: '', ru: '' }, endDate: '2026-09-01', timeZone: 'Mars/Olympus', hostOrganizationId: 'nope' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MeetingValidationError);
    expect((error as MeetingValidationError).details.map((issue) => `${issue.path}:${issue.key}`)).toEqual([
      'title.en:titleRequired',
      'endDate:endBeforeStart',
      'timeZone:timeZoneInvalid',
      'hostOrganizationId:organizationUnknown',
    ]);
    expect((error as MeetingValidationError).messageFor('endDate')).toBe('The last day cannot be before the first day.');
    expect(await repositories.dump()).toEqual(before);
  });

  it('lets only the secretariat write', async () => {
    const { repositories } = await setUp('delegation');
    await expect(repositories.meetings.save(draft())).rejects.toEqual(new MeetingRefusedError('secretariatOnly'));
    const second = sampleId('meeting', 'second');
    await expect(repositories.meetings.setStatus(second, 'cancelled')).rejects.toBeInstanceOf(MeetingRefusedError);
    expect((await repositories.meetings.get(second))?.status).toBe('held');
    // Reading is open to everyone.
    expect(await repositories.meetings.sessions.list(second)).toHaveLength(9);
  });

  it('moves the agenda and attendance with new dates, or refuses dates that would strand sessions', async () => {
    const { repositories } = await setUp();
    const meeting = await repositories.meetings.save(draft());
    const last = await repositories.meetings.sessions.save(session(meeting.id, '2026-10-01', '09:00', '10:00', 'Closing'));
    await repositories.meetings.participants.add(meeting.id, [delegate('kz-omarov')], 'member', 'confirmed');
    const [participation] = await repositories.meetings.participants.list(meeting.id);
    if (!participation) throw new Error('participant not added');
    await repositories.meetings.participants.setAttendance(participation.id, '2026-09-30', true);

    // Shortening to two days would leave the closing outside: refused, nothing changed.
    const error = await repositories.meetings.save({ ...draft({ endDate: '2026-09-30' }), id: meeting.id }).catch((caught: unknown) => caught);
    expect((error as MeetingValidationError).details).toEqual([{ path: 'endDate', key: 'sessionsOutsideDates', values: { count: 1 } }]);
    expect((await repositories.meetings.get(meeting.id))?.endDate).toBe('2026-10-01');

    // A week later, agenda and attendance moving along.
    await repositories.meetings.save({ ...draft({ startDate: '2026-10-06', endDate: '2026-10-08' }), id: meeting.id }, { moveAgenda: true });
    expect((await repositories.meetings.sessions.get(last.id))?.date).toBe('2026-10-08');
    expect((await repositories.meetings.participants.list(meeting.id))[0]?.attendedDays).toEqual(['2026-10-07']);
  });

  it('deletes a meeting with everything of it as tombstones, in one go', async () => {
    const { db, repositories } = await setUp();
    const second = sampleId('meeting', 'second');
    await repositories.meetings.remove(second);
    expect(await repositories.meetings.get(second)).toBeUndefined();
    const stored = await db.meetings.get(second);
    expect(stored?.deleted).toBe(true);
    for (const table of ['sessions', 'participations', 'decisions', 'actionItems'] as const) {
      const rows = await db.table<{ meetingId: string; deleted: boolean }>(table).where('meetingId').equals(second).toArray();
      expect(rows.length, table).toBeGreaterThan(0);
      expect(rows.every((row) => row.deleted), table).toBe(true);
    }
    // The other meeting is untouched.
    expect(await repositories.meetings.sessions.list(sampleId('meeting', 'first'))).toHaveLength(14);
    await expect(repositories.meetings.remove(second)).rejects.toBeInstanceOf(MeetingRefusedError);
  });
});

describe('sessions', () => {
  it('validates times, day and people, saving nothing on error', async () => {
    const { repositories } = await setUp();
    const meeting = await repositories.meetings.save(draft());
    const bad = await repositories.meetings.sessions
      .save({ ...session(meeting.id, '2026-10-02', '14:00', '13:00', 'Late'), speakerIds: ['ghost'] })
      .catch((caught: unknown) => caught);
    expect((bad as MeetingValidationError).details.map((issue) => `${issue.path}:${issue.key}`)).toEqual([
      'date:dayOutsideMeeting',
      'end:endNotAfterStart',
      'speakerIds:personUnknown',
    ]);
    expect(await repositories.meetings.sessions.list(meeting.id)).toEqual([]);
  });

  it('stores typed times normalized and keeps the outcome on edit', async () => {
    const { repositories } = await setUp();
    const meeting = await repositories.meetings.save(draft());
    const saved = await repositories.meetings.sessions.save(session(meeting.id, '2026-09-29', '9', '1030', 'Valuation', { speakerIds: [delegate('cbp-hayes'), delegate('cbp-hayes')] }));
    expect(saved).toMatchObject({ start: '09:00', end: '10:30', speakerIds: [delegate('cbp-hayes')], order: 0 });
    await repositories.meetings.sessions.saveOutcome(saved.id, { en: ' Agreed. ', ru: '' });
    const edited = await repositories.meetings.sessions.save({ ...session(meeting.id, '2026-09-29', '09:00', '11:00', 'Valuation'), id: saved.id });
    expect(edited.outcome).toEqual({ en: 'Agreed.', ru: '' });
    expect(edited.end).toBe('11:00');
  });

  it('reorders, moves between days, duplicates and copies days', async () => {
    const { repositories } = await setUp();
    const meeting = await repositories.meetings.save(draft());
    const list = () => repositories.meetings.sessions.list(meeting.id);
    const brief = async () => (await list()).map((s) => `${s.date} ${s.start}-${s.end} ${s.title.en}`);
    const coffee = await repositories.meetings.sessions.save({ ...session(meeting.id, '2026-09-29', '10:30', '10:45', 'Coffee'), kind: 'break' });
    const talk = await repositories.meetings.sessions.save(session(meeting.id, '2026-09-29', '10:45', '12:00', 'Talk'));
    await repositories.meetings.sessions.move(talk.id, 'up');
    expect(await brief()).toEqual(['2026-09-29 10:30-11:45 Talk', '2026-09-29 11:45-12:00 Coffee']);
    await expect(repositories.meetings.sessions.move(talk.id, 'up')).rejects.toEqual(new MeetingRefusedError('atEdge'));

    await repositories.meetings.sessions.duplicate(talk.id);
    expect(await brief()).toContain('2026-09-29 11:45-13:00 Talk');

    await repositories.meetings.sessions.moveToDay(coffee.id, '2026-10-01');
    expect((await repositories.meetings.sessions.get(coffee.id))?.date).toBe('2026-10-01');
    await expect(repositories.meetings.sessions.moveToDay(coffee.id, '2026-10-02')).rejects.toBeInstanceOf(MeetingValidationError);

    expect(await repositories.meetings.sessions.copyDay(meeting.id, '2026-09-29', '2026-09-30')).toBe(2);
    expect((await list()).filter((s) => s.date === '2026-09-30').map((s) => `${s.start} ${s.title.en}`)).toEqual(['10:30 Talk', '11:45 Talk']);
    await expect(repositories.meetings.sessions.copyDay(meeting.id, '2026-09-29', '2026-09-29')).rejects.toBeInstanceOf(MeetingValidationError);

    await repositories.meetings.sessions.remove(coffee.id);
    expect((await list()).some((s) => s.id === coffee.id)).toBe(false);
    expect(await list()).toHaveLength(4);
  });
});

describe('participants', () => {
  it('adds people once, revives removed ones and suggests capacities', async () => {
    const { db, repositories } = await setUp();
    const meeting = await repositories.meetings.save(draft());
    const first = await repositories.meetings.participants.add(meeting.id, [delegate('cbp-hayes'), delegate('af-sharifi')], 'suggested', 'invited');
    expect(first).toEqual({ added: 2, alreadyThere: 0 });
    expect(await repositories.meetings.participants.add(meeting.id, [delegate('cbp-hayes')], 'guest', 'invited')).toEqual({ added: 0, alreadyThere: 1 });
    const capacities = Object.fromEntries((await repositories.meetings.participants.list(meeting.id)).map((p) => [p.delegateId, p.capacity]));
    expect(capacities).toEqual({ [delegate('cbp-hayes')]: 'expert', [delegate('af-sharifi')]: 'observer' });

    const hayes = (await repositories.meetings.participants.list(meeting.id)).find((p) => p.delegateId === delegate('cbp-hayes'));
    if (!hayes) throw new Error('missing');
    await repositories.meetings.participants.remove(hayes.id);
    await repositories.meetings.participants.add(meeting.id, [delegate('cbp-hayes')], 'expert', 'confirmed');
    const rows = await db.participations.where('[meetingId+delegateId]').equals([meeting.id, delegate('cbp-hayes')]).toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: hayes.id, deleted: false, status: 'confirmed' });
  });

  it('adds a whole country’s delegation, then says when nobody is left to add', async () => {
    const { repositories } = await setUp();
    const meeting = await repositories.meetings.save(draft());
    expect(await repositories.meetings.participants.addCountry(meeting.id, 'KG', 'guest', 'confirmed')).toEqual({ added: 18, alreadyThere: 0 });
    const error = await repositories.meetings.participants.addCountry(meeting.id, 'KG', 'guest', 'confirmed').catch((caught: unknown) => caught);
    expect((error as MeetingValidationError).details[0]?.key).toBe('noneToAdd');
    await expect(repositories.meetings.participants.add(meeting.id, ['ghost'], 'guest', 'invited')).rejects.toBeInstanceOf(MeetingValidationError);
  });

  it('records attendance per day, moving the status along, in bulk too', async () => {
    const { repositories } = await setUp();
    const meeting = await repositories.meetings.save(draft());
    await repositories.meetings.participants.addCountry(meeting.id, 'KZ', 'member', 'confirmed');
    const [a, b, c] = await repositories.meetings.participants.list(meeting.id);
    if (!a || !b || !c) throw new Error('missing');
    const marked = await repositories.meetings.participants.setAttendance(a.id, '2026-09-30', true);
    expect(marked).toMatchObject({ status: 'attended', attendedDays: ['2026-09-30'] });
    await expect(repositories.meetings.participants.setAttendance(a.id, '2026-10-05', true)).rejects.toBeInstanceOf(MeetingValidationError);
    expect(await repositories.meetings.participants.setAttendanceMany([a.id, b.id, c.id], '2026-09-30', true)).toBe(2);
    expect(await repositories.meetings.participants.setAttendanceMany([a.id, b.id], '2026-09-30', false)).toBe(2);
    const after = await repositories.meetings.participants.list(meeting.id);
    expect(after.find((p) => p.id === a.id)).toMatchObject({ status: 'confirmed', attendedDays: [] });
    expect(after.find((p) => p.id === c.id)).toMatchObject({ status: 'attended', attendedDays: ['2026-09-30'] });
    await repositories.meetings.participants.update(c.id, { status: 'absent', capacity: 'observer' });
    expect((await repositories.meetings.participants.list(meeting.id)).find((p) => p.id === c.id)).toMatchObject({ status: 'absent', capacity: 'observer' });
  });
});

describe('decisions and action items', () => {
  it('keeps decisions in order and reorders them', async () => {
    const { repositories } = await setUp();
    const meeting = await repositories.meetings.save(draft());
    for (const text of ['First', 'Second', 'Third']) await repositories.meetings.decisions.save({ meetingId: meeting.id, text: { en: text, ru: '' } });
    const [, second] = await repositories.meetings.decisions.list(meeting.id);
    if (!second) throw new Error('missing');
    await repositories.meetings.decisions.move(second.id, 'up');
    expect((await repositories.meetings.decisions.list(meeting.id)).map((d) => d.text.en)).toEqual(['Second', 'First', 'Third']);
    await repositories.meetings.decisions.save({ id: second.id, meetingId: meeting.id, text: { en: 'Second, amended', ru: '' } });
    await repositories.meetings.decisions.remove(second.id);
    expect((await repositories.meetings.decisions.list(meeting.id)).map((d) => d.text.en)).toEqual(['First', 'Third']);
    await expect(repositories.meetings.decisions.save({ meetingId: meeting.id, text: { en: ' ', ru: '' } })).rejects.toBeInstanceOf(MeetingValidationError);
  });

  it('stores action items with owner, due date and done', async () => {
    const { repositories } = await setUp();
    const meeting = await repositories.meetings.save(draft());
    const item = await repositories.meetings.actionItems.save({
      meetingId: meeting.id,
      text: { en: 'Circulate the report', ru: 'Разослать отчёт' },
      ownerDelegateId: delegate('cldp-grant'),
      ownerName: { en: 'Secretariat', ru: 'Секретариат' },
      dueDate: '2026-10-15',
      done: false,
    });
    expect(item).toMatchObject({ dueDate: '2026-10-15', done: false, order: 0 });
    expect((await repositories.meetings.actionItems.setDone(item.id, true)).done).toBe(true);
    const noDate = await repositories.meetings.actionItems.save({ meetingId: meeting.id, text: { en: 'Later', ru: '' }, ownerDelegateId: null, ownerName: { en: '', ru: '' }, dueDate: '', done: false });
    expect(noDate).toMatchObject({ dueDate: null, order: 1 });
    const error = await repositories.meetings.actionItems
      .save({ meetingId: meeting.id, text: { en: 'X', ru: '' }, ownerDelegateId: 'ghost', ownerName: { en: '', ru: '' }, dueDate: '2026-02-30', done: false })
      .catch((caught: unknown) => caught);
    expect((error as MeetingValidationError).details.map((issue) => issue.key)).toEqual(['dateInvalid', 'personUnknown']);
    await repositories.meetings.actionItems.move(noDate.id, 'up');
    expect((await repositories.meetings.actionItems.list(meeting.id)).map((i) => i.text.en)).toEqual(['Later', 'Circulate the report']);
  });
});
