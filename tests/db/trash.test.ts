/**
 * Recently deleted against IndexedDB (fake-indexeddb): a meeting comes back with exactly
 * what was deleted with it, a session deleted on its own stays deleted, a deleted person
 * it names comes back, articles return to their place, restores are stamped (so they
 * sync), all-or-nothing, and refused to a delegation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sampleId } from '../../shared/sample/sampleData';
import { compareStamps } from '../../shared/sync/hlc';
import {
  TrashRefusedError,
  ValidationError,
  createRepositories,
  openDatabase,
  type CwgDatabase,
  type Repositories,
} from '../../renderer/db';
import { expectListInStep } from '../fixtures/delegateListInStep';

const open: CwgDatabase[] = [];

afterEach(async () => {
  for (const db of open.splice(0)) {
    await expectListInStep(db);
    await db.delete();
  }
});

async function setUp(): Promise<{ db: CwgDatabase; repositories: Repositories }> {
  const db = openDatabase(`cwg-test-${crypto.randomUUID()}`);
  open.push(db);
  // A physical clock that moves, so deletion times differ like in real use.
  let now = Date.parse('2026-03-01T09:00:00Z');
  const repositories = createRepositories(db, { now: () => (now += 1000) });
  await repositories.installation.create({ displayName: 'Secretariat laptop', role: 'secretariat', countryId: null });
  await repositories.sampleData.load();
  return { db, repositories };
}

const meetingId = sampleId('meeting', 'second');
const documentId = sampleId('mou', 'cwg-mou');

/** The dump without the stamps a restore renews (hlc, origin, fieldStamps) and without the clock. */
async function contentDump(repositories: Repositories): Promise<Record<string, unknown[]>> {
  const dump = await repositories.dump();
  const out: Record<string, unknown[]> = {};
  for (const [table, rows] of Object.entries(dump)) {
    if (table === 'meta') continue;
    out[table] = rows.map((row) => {
      if (typeof row !== 'object' || row === null) return row;
      const { hlc: _hlc, origin: _origin, fieldStamps: _stamps, ...rest } = row as Record<string, unknown>;
      return rest;
    });
  }
  return out;
}

async function liveCounts(repositories: Repositories) {
  return {
    sessions: (await repositories.meetings.sessions.list(meetingId)).length,
    participants: (await repositories.meetings.participants.list(meetingId)).length,
    decisions: (await repositories.meetings.decisions.list(meetingId)).length,
    actionItems: (await repositories.meetings.actionItems.list(meetingId)).length,
  };
}

describe('recently deleted', () => {
  it('restores a meeting with exactly what was deleted with it; a session deleted before stays deleted', async () => {
    const { db, repositories } = await setUp();
    const sessions = await repositories.meetings.sessions.list(meetingId);
    const early = sessions[0];
    if (!early) throw new Error('the sample meeting has sessions');
    await repositories.meetings.sessions.remove(early.id);
    const before = await contentDump(repositories);
    const counts = await liveCounts(repositories);
    expect(counts.sessions).toBeGreaterThan(2);
    expect(counts.participants).toBeGreaterThan(2);

    await repositories.meetings.remove(meetingId);
    const list = await repositories.trash.list();
    expect(list.map((item) => `${item.table}:${item.id}`)).toEqual([`meetings:${meetingId}`, `sessions:${early.id}`]);
    const [meetingEntry, sessionEntry] = list;
    expect(meetingEntry?.groupCounts).toEqual({
      sessions: counts.sessions,
      participations: counts.participants,
      decisions: counts.decisions,
      actionItems: counts.actionItems,
    });
    expect(meetingEntry?.deletedBy).toEqual({ kind: 'self', name: 'Secretariat laptop' });
    expect(meetingEntry?.label.en).toContain('Second');
    expect(sessionEntry?.context?.en).toBe(meetingEntry?.label.en);
    // The session deleted on its own would bring its meeting back, as the meeting was deleted.
    expect(sessionEntry?.referenced.map((ref) => ref.table)).toContain('meetings');

    const result = await repositories.trash.restore({ table: 'meetings', id: meetingId });
    expect(result.restored).toEqual({
      meetings: 1,
      sessions: counts.sessions,
      participations: counts.participants,
      decisions: counts.decisions,
      actionItems: counts.actionItems,
    });
    expect(await liveCounts(repositories)).toEqual(counts);
    expect((await db.sessions.get(early.id))?.deleted).toBe(true);
    expect(await contentDump(repositories)).toEqual(before);
    expect((await repositories.trash.list()).map((item) => item.id)).toEqual([early.id]);
  });

  it('restoring a session deleted on its own brings back its meeting and a person it names', async () => {
    const { repositories } = await setUp();
    const session = (await repositories.meetings.sessions.list(meetingId)).find((candidate) => candidate.speakerIds.length > 0);
    if (!session) throw new Error('the sample meeting has a session with a speaker');
    const speakerId = session.speakerIds[0] ?? '';
    await repositories.meetings.sessions.remove(session.id);
    await repositories.delegates.remove(speakerId);
    await repositories.meetings.remove(meetingId);

    const entry = (await repositories.trash.list()).find((item) => item.id === session.id);
    expect(entry?.referenced.map((ref) => `${ref.table}:${ref.id}`).sort()).toEqual(
      [`delegates:${speakerId}`, `meetings:${meetingId}`].sort(),
    );
    await repositories.trash.restore({ table: 'sessions', id: session.id });
    expect(await repositories.meetings.get(meetingId)).toBeDefined();
    expect((await repositories.meetings.sessions.get(session.id))?.deleted).toBe(false);
    expect((await repositories.delegates.get(speakerId))?.deleted).toBe(false);
    expect(await repositories.trash.list()).toEqual([]);
  });

  it('brings back the deleted person a restored meeting names', async () => {
    const { repositories } = await setUp();
    const participation = (await repositories.meetings.participants.list(meetingId))[0];
    if (!participation) throw new Error('the sample meeting has participants');
    await repositories.delegates.remove(participation.delegateId);
    await repositories.meetings.remove(meetingId);
    const entry = (await repositories.trash.list()).find((item) => item.id === meetingId);
    expect(entry?.referenced.map((ref) => ref.id)).toContain(participation.delegateId);
    await repositories.trash.restore({ table: 'meetings', id: meetingId });
    expect((await repositories.delegates.get(participation.delegateId))?.deleted).toBe(false);
  });

  it('puts an article back in its place without two articles at one place', async () => {
    const { repositories } = await setUp();
    const articles = await repositories.mou.listArticles(documentId);
    const [first, second, third] = articles;
    if (!first || !second || !third) throw new Error('the sample MoU has articles');
    await repositories.mou.deleteArticle(second.id);
    // A new article where the deleted one stood takes its very sort key.
    const added = await repositories.mou.addArticle(
      documentId,
      { heading: { en: 'New article', ru: 'Новая статья' }, body: { en: '1. Text.', ru: '1. Текст.' } },
      { afterArticleId: first.id },
    );
    expect(added.order).toBe(second.order);

    await repositories.trash.restore({ table: 'articles', id: second.id });
    const after = await repositories.mou.listArticles(documentId);
    expect(after.map((article) => article.id).slice(0, 4)).toEqual([first.id, added.id, second.id, third.id]);
    expect(new Set(after.map((article) => article.order)).size).toBe(after.length);
    expect(after).toHaveLength(articles.length + 1);
  });

  it('stamps what it restores with a new stamp of this installation, so the next export carries it', async () => {
    const { db, repositories } = await setUp();
    await repositories.meetings.remove(meetingId);
    const deleted = await db.sessions.where('meetingId').equals(meetingId).toArray();
    const installation = await repositories.installation.get();
    const clockBefore = (await repositories.clock()).last();
    await repositories.trash.restore({ table: 'meetings', id: meetingId });
    for (const session of deleted) {
      const restored = await db.sessions.get(session.id);
      expect(restored?.origin).toBe(installation?.id);
      expect(compareStamps(restored?.hlc ?? '', clockBefore)).toBe(1);
      expect(restored?.fieldStamps?.deleted).toBe(restored?.hlc);
      // Only the deletion changed: the other fields keep their stamps.
      expect(restored?.fieldStamps?.title).toBe(session.fieldStamps?.title);
    }
    // Export reads "changes after stamp S" from the hlc index: the restore is above every stamp before it.
    const newer = await db.sessions.where('hlc').above(clockBefore).primaryKeys();
    expect(newer.sort()).toEqual(deleted.map((session) => session.id).sort());
  });

  it('a restore reaches another installation through a bundle, like any change', async () => {
    const { repositories: secretariat } = await setUp();
    const db = openDatabase(`cwg-test-${crypto.randomUUID()}`);
    open.push(db);
    let now = Date.parse('2026-03-01T10:00:00Z');
    const delegation = createRepositories(db, { now: () => (now += 1000) });
    await delegation.installation.create({ displayName: 'Kyrgyz delegation', role: 'delegation', countryId: 'KG' });
    const send = async (): Promise<void> => {
      const bundle = await secretariat.sync.exportBundle({ kind: 'all' });
      const session = await delegation.sync.prepareImport({ name: 'from-secretariat.cwgbundle.json', bytes: new TextEncoder().encode(bundle.text) });
      await session.apply(session.preview.needsTrust);
    };
    await send();
    const sessions = (await delegation.meetings.sessions.list(meetingId)).length;
    expect(sessions).toBeGreaterThan(2);

    await secretariat.meetings.remove(meetingId);
    await send();
    expect(await delegation.meetings.get(meetingId)).toBeUndefined();
    expect(await delegation.meetings.sessions.list(meetingId)).toHaveLength(0);

    await secretariat.trash.restore({ table: 'meetings', id: meetingId });
    await send();
    expect((await delegation.meetings.get(meetingId))?.id).toBe(meetingId);
    expect(await delegation.meetings.sessions.list(meetingId)).toHaveLength(sessions);
  });

  it('restores all or nothing: a record that fails validation leaves everything deleted', async () => {
    const { db, repositories } = await setUp();
    await repositories.meetings.remove(meetingId);
    const victim = (await db.sessions.where('meetingId').equals(meetingId).toArray())[3];
    if (!victim) throw new Error('the sample meeting has sessions');
    // Damaged on disk (e.g. by an older version): it was deleted with the meeting, but cannot pass validation.
    await db.sessions.put({ ...victim, date: 'not a date' });
    const before = await repositories.dump();
    const error = await repositories.trash.restore({ table: 'meetings', id: meetingId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(await repositories.dump()).toEqual(before);
    expect(await repositories.meetings.get(meetingId)).toBeUndefined();
  });

  it('shows a merged person as merged and never restores it', async () => {
    const { repositories } = await setUp();
    const [survivor, other] = await repositories.delegates.list();
    if (!survivor || !other) throw new Error('the sample has people');
    await repositories.delegates.merge(survivor.id, other.id);
    const entry = (await repositories.trash.list()).find((item) => item.id === other.id);
    expect(entry?.mergedInto?.id).toBe(survivor.id);
    const error = await repositories.trash.restore({ table: 'delegates', id: other.id }).catch((caught: unknown) => caught);
    expect((error as TrashRefusedError).code).toBe('merged');
  });

  it('refuses an article of a signed MoU', async () => {
    const { repositories } = await setUp();
    const article = (await repositories.mou.listArticles(documentId))[0];
    if (!article) throw new Error('the sample MoU has articles');
    await repositories.mou.deleteArticle(article.id);
    await repositories.mou.changeStatus(documentId, 'agreed', '2026-03-01');
    await repositories.mou.changeStatus(documentId, 'signed', '2026-03-02');
    expect((await repositories.trash.list()).find((item) => item.id === article.id)?.blocked).toBe('textSigned');
    const error = await repositories.trash.restore({ table: 'articles', id: article.id }).catch((caught: unknown) => caught);
    expect((error as TrashRefusedError).code).toBe('textSigned');
  });

  it('lets a delegation restore its own country’s proposal with its comments, never another country’s', async () => {
    const { db, repositories } = await setUp();
    const own = sampleId('amendment', 'kg-chairmanship');
    const other = sampleId('amendment', 'af-languages');
    await repositories.mou.deleteAmendment(other);
    await repositories.installation.update({ role: 'delegation', countryId: 'KG' });
    await repositories.mou.deleteAmendment(own);
    expect(await repositories.trash.canRestore()).toBe(false);
    const items = await repositories.trash.list();
    expect(items.find((item) => item.id === own)?.restorable).toBe(true);
    expect(items.find((item) => item.id === other)?.restorable).toBe(false);
    const error = await repositories.trash.restore({ table: 'amendments', id: other }).catch((caught: unknown) => caught);
    expect((error as TrashRefusedError).code).toBe('secretariatOnly');
    await repositories.trash.restore({ table: 'amendments', id: own });
    expect(await db.amendments.get(own)).toMatchObject({ deleted: false, status: 'withdrawn' });
    expect(await db.amendments.get(other)).toMatchObject({ deleted: true });
  });

  it('lets a delegation read the list but not restore', async () => {
    const { repositories } = await setUp();
    await repositories.meetings.remove(meetingId);
    await repositories.installation.update({ role: 'delegation', countryId: 'KG' });
    expect(await repositories.trash.canRestore()).toBe(false);
    expect((await repositories.trash.list()).map((item) => [item.id, item.restorable])).toEqual([[meetingId, false]]);
    const before = await repositories.dump();
    const error = await repositories.trash.restore({ table: 'meetings', id: meetingId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TrashRefusedError);
    expect((error as TrashRefusedError).code).toBe('secretariatOnly');
    expect(await repositories.dump()).toEqual(before);
  });
});
