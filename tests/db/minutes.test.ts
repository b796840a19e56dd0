/**
 * The minutes of a meeting across installations (issue 15, item 4), against the real
 * database: the secretariat circulates, a delegation comments offline and sends its
 * bundle, the secretariat circulates a revision and approves the minutes at a session of a
 * later meeting; the approval travels to the delegation, locks the meeting's outcomes
 * there and here, and later changes to them arriving in a bundle are refused with a reason.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sampleId } from '../../shared/sample/sampleData';
import { createRepositories, openDatabase, saveRecord, unstamped, type CwgDatabase, type Repositories, type RepositoryContext } from '../../renderer/db';
import { MeetingRefusedError } from '../../renderer/db/meetingsRepository';
import { MinutesRefusedError } from '../../renderer/db/minutesRepository';

const databases: CwgDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await db.delete();
  }
});

const time = { now: Date.UTC(2015, 3, 1, 8) };

interface Installation {
  db: CwgDatabase;
  repos: Repositories;
  ctx: RepositoryContext;
  id: string;
}

async function install(name: string, role: 'secretariat' | 'delegation', countryId: string | null = null): Promise<Installation> {
  const db = openDatabase(`cwg-minutes-${crypto.randomUUID()}`);
  databases.push(db);
  const repos = createRepositories(db, { now: () => time.now });
  const installation = await repos.installation.create({ displayName: name, role, countryId });
  const ctx: RepositoryContext = { db, clock: () => repos.clock(), now: () => time.now, randomUUID: () => crypto.randomUUID() };
  return { db, repos, ctx, id: installation.id };
}

/** Exports everything `from` holds and imports it into `into`, trusting the sender. */
async function send(from: Installation, into: Installation) {
  time.now += 1000;
  const { text } = await from.repos.sync.exportBundle({ kind: 'all' });
  time.now += 1000;
  const session = await into.repos.sync.prepareImport({ name: 'test.cwgbundle.json', bytes: new TextEncoder().encode(text) });
  await session.apply(session.preview.needsTrust);
  return session.preview;
}

const secondMeeting = sampleId('meeting', 'second');
const firstMeeting = sampleId('meeting', 'first');

/** The sample plus a third meeting (Dushanbe, 2015) with an opening session, where the second meeting's minutes are approved. */
async function withThirdMeeting(secretariat: Installation): Promise<{ thirdId: string; openingId: string }> {
  await secretariat.repos.sampleData.load();
  const second = await secretariat.db.meetings.get(secondMeeting);
  const opening = await secretariat.db.sessions.get(sampleId('session', 'second:1'));
  if (!second || !opening) throw new Error('the sample has the second meeting and its opening');
  const thirdId = crypto.randomUUID();
  const openingId = crypto.randomUUID();
  await saveRecord(secretariat.ctx, 'meetings', {
    ...unstamped<'meetings'>(second),
    id: thirdId,
    title: { en: 'Third meeting of the Customs Working Group', ru: 'Третье заседание Таможенной рабочей группы' },
    city: { en: 'Dushanbe', ru: 'Душанбе' },
    startDate: '2015-04-06',
    endDate: '2015-04-08',
    status: 'planned',
  });
  await saveRecord(secretariat.ctx, 'sessions', {
    ...unstamped<'sessions'>(opening),
    id: openingId,
    meetingId: thirdId,
    date: '2015-04-06',
    title: { en: 'Opening and approval of the minutes', ru: 'Открытие и утверждение протокола' },
  });
  return { thirdId, openingId };
}

describe('minutes between the secretariat and a delegation', () => {
  it('circulates, takes a delegation’s offline comment, revises, approves at a later meeting and locks everywhere', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    const { thirdId, openingId } = await withThirdMeeting(secretariat);
    const delegation = await install('Delegation of Kyrgyzstan', 'delegation', 'KG');

    // Draft, then revision 1, circulated to the delegation with the next bundle.
    expect(await secretariat.repos.minutes.ofMeeting(secondMeeting)).toBeUndefined();
    const circulated = await secretariat.repos.minutes.circulate(secondMeeting);
    expect(circulated).toMatchObject({ status: 'circulated', approvedAt: null });
    expect(circulated.revisions.map((revision) => revision.number)).toEqual([1]);
    expect(circulated.revisions[0]?.content.decisions).toHaveLength(2);
    await expect(secretariat.repos.minutes.circulate(secondMeeting)).rejects.toMatchObject({ code: 'unchanged' });
    await send(secretariat, delegation);
    const received = await delegation.repos.minutes.ofMeeting(secondMeeting);
    expect(received).toMatchObject({ id: circulated.id, status: 'circulated' });

    // The delegation comments offline; it may neither circulate nor approve.
    const comment = await delegation.repos.minutes.addComment(circulated.id, 'Decision 2: add “and transit procedures”.');
    expect(comment).toMatchObject({ targetKind: 'minutes', targetId: circulated.id, minutesRevision: 1, authorName: 'Delegation of Kyrgyzstan' });
    await expect(delegation.repos.minutes.circulate(secondMeeting)).rejects.toMatchObject({ code: 'secretariatOnly' });
    await expect(delegation.repos.minutes.approve(secondMeeting, openingId)).rejects.toBeInstanceOf(MinutesRefusedError);
    const toSecretariat = await send(delegation, secretariat);
    expect(toSecretariat.summary.comments.new).toBe(1);
    expect(toSecretariat.refused.filter((refusal) => refusal.reason !== 'relayed')).toEqual([]);
    expect((await secretariat.repos.minutes.comments(circulated.id)).map((entry) => entry.text)).toEqual(['Decision 2: add “and transit procedures”.']);

    // The secretariat revises the decision: approving now would approve what nobody read.
    const [, decision] = await secretariat.repos.meetings.decisions.list(secondMeeting);
    if (!decision) throw new Error('two decisions');
    await secretariat.repos.meetings.decisions.save({
      id: decision.id,
      meetingId: secondMeeting,
      text: { en: `${decision.text.en.replace(/\.$/, '')} and transit procedures.`, ru: decision.text.ru },
    });
    await expect(secretariat.repos.minutes.approve(secondMeeting, openingId)).rejects.toMatchObject({ code: 'changedSinceCirculated' });
    const revised = await secretariat.repos.minutes.circulate(secondMeeting);
    expect(revised.revisions.map((revision) => revision.number)).toEqual([1, 2]);
    expect(revised.revisions[0]?.content.decisions[1]?.text.en).not.toMatch(/transit/);
    expect(revised.revisions[1]?.content.decisions[1]?.text.en).toMatch(/and transit procedures\.$/);

    // Not at a session of the same or an earlier meeting; at the third meeting's opening.
    await expect(secretariat.repos.minutes.approve(secondMeeting, sampleId('session', 'second:2'))).rejects.toMatchObject({ code: 'notLaterMeeting' });
    await expect(secretariat.repos.minutes.approve(secondMeeting, sampleId('session', 'first:1'))).rejects.toMatchObject({ code: 'notLaterMeeting' });
    await secretariat.repos.minutes.scheduleApproval(secondMeeting, openingId);
    expect((await secretariat.repos.minutes.approvedAtSession(openingId)).map((minutes) => minutes.meetingId)).toEqual([secondMeeting]);
    const approved = await secretariat.repos.minutes.approve(secondMeeting, openingId);
    expect(approved).toMatchObject({ status: 'approved', approvedAt: { meetingId: thirdId, sessionId: openingId, date: '2015-04-06' } });

    // Locked here: no new revision, no comment, no change of what they record (the done mark stays free).
    await expect(secretariat.repos.minutes.circulate(secondMeeting)).rejects.toMatchObject({ code: 'locked' });
    await expect(secretariat.repos.minutes.addComment(approved.id, 'Late')).rejects.toMatchObject({ code: 'locked' });
    await expect(secretariat.repos.meetings.decisions.save({ id: decision.id, meetingId: secondMeeting, text: { en: 'Changed', ru: 'Изменено' } })).rejects.toBeInstanceOf(
      MeetingRefusedError,
    );
    const participation = (await secretariat.repos.meetings.participants.list(secondMeeting))[0];
    if (!participation) throw new Error('participants');
    await expect(secretariat.repos.meetings.participants.update(participation.id, { status: 'absent' })).rejects.toMatchObject({ code: 'minutesLocked' });
    const [item] = await secretariat.repos.meetings.actionItems.list(secondMeeting);
    if (!item) throw new Error('action items');
    expect((await secretariat.repos.meetings.actionItems.setDone(item.id, !item.done)).done).toBe(!item.done);

    // The approval travels to the delegation, with both revisions.
    await send(secretariat, delegation);
    expect(await delegation.repos.minutes.ofMeeting(secondMeeting)).toMatchObject({ status: 'approved', approvedAt: { meetingId: thirdId, sessionId: openingId } });
    expect((await delegation.repos.minutes.ofMeeting(secondMeeting))?.revisions).toHaveLength(2);

    // A change of the approved outcomes made afterwards (written past the repository, as a
    // second secretariat computer that had not heard of the approval would) is refused on import.
    const stored = await secretariat.db.decisions.get(decision.id);
    if (!stored) throw new Error('decision');
    time.now += 1000;
    await saveRecord(secretariat.ctx, 'decisions', { ...unstamped<'decisions'>(stored), text: { en: 'Rewritten after the approval', ru: 'Переписано' } });
    const late = await send(secretariat, delegation);
    expect(late.refused).toContainEqual(expect.objectContaining({ table: 'decisions', recordId: decision.id, reason: 'minutes-approved' }));
    expect((await delegation.db.decisions.get(decision.id))?.text.en).toMatch(/and transit procedures\.$/);
  });

  it('refuses minutes a delegation writes itself, and the sample’s first minutes are approved at the Bishkek meeting', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    await secretariat.repos.sampleData.load();
    const first = await secretariat.repos.minutes.ofMeeting(firstMeeting);
    expect(first).toMatchObject({
      status: 'approved',
      approvedAt: { meetingId: secondMeeting, sessionId: sampleId('session', 'second:1'), date: '2014-09-09' },
    });
    expect(first?.revisions[0]?.content.attendance.length).toBeGreaterThan(0);

    const delegation = await install('Delegation of Kazakhstan', 'delegation', 'KZ');
    await send(secretariat, delegation);
    const minutes = await delegation.db.minutes.get(first?.id ?? '');
    if (!minutes) throw new Error('minutes arrived');
    // Written past the repository: a delegation un-approving the minutes.
    time.now += 1000;
    await saveRecord(delegation.ctx, 'minutes', { ...unstamped<'minutes'>(minutes), status: 'circulated', approvedAt: null });
    const preview = await send(delegation, secretariat);
    expect(preview.refused).toContainEqual(expect.objectContaining({ table: 'minutes', recordId: minutes.id, reason: 'secretariat-only' }));
    expect(await secretariat.repos.minutes.ofMeeting(firstMeeting)).toMatchObject({ status: 'approved' });
  });
});
