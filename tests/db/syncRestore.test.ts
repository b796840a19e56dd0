/**
 * A restore from a backup, then ordinary "what one installation has not received yet"
 * exchange (issue 12 item 1), against the real database (fake-indexeddb) through the
 * repositories, at the scale the issue reported (3,000 delegation records):
 *
 *   the secretariat takes a backup, imports a delegation's large bundle, edits a meeting,
 *   sends that edit to the delegation, then restores the backup. Per-installation exports
 *   both ways must bring back everything the restore removed: the delegation's records
 *   (the delegation still holds them) and the secretariat's own meeting edit (handed back
 *   by a delegation that has no authority over meetings, accepted only because the
 *   secretariat kept a ledger of what its restore removed), so both end with the same data.
 *   A forged "own" change of the secretariat that is not in that ledger is refused.
 */
import { describe, expect, it } from 'vitest';
import type { Article, Comment, Meeting } from '../../shared/model';
import { syncedTableNames } from '../../shared/model';
import { sampleId } from '../../shared/sample/sampleData';
import { formatStamp, parseStamp } from '../../shared/sync/hlc';
import { withheldForBundle } from '../../shared/sync/privacy';
import { sameRecord } from '../../shared/sync/records';
import { saveRecord, unstamped } from '../../renderer/db';
import type { ImportPreview } from '../../renderer/db/syncRepository';
import { writeRecords } from '../../renderer/db/writes';
import { bundleFile, syncedRecords, testInstallations, type TestInstallation } from '../fixtures/installations';

type Installation = TestInstallation;
const { time, install, exportText, importText } = testInstallations('restore');

/** "What <peer> has not received yet". */
const forPeer = (from: Installation, to: Installation): Promise<string> => exportText(from, { kind: 'peer', peerId: to.id });
const file = bundleFile;

/** What the import screen shows as "Nothing new": no record new, updated or deleted. */
const nothingNew = (preview: ImportPreview): boolean => preview.totals.new + preview.totals.updated + preview.totals.deleted === 0;


/**
 * The records (id, values and stamps, layout aside) that differ between two installations.
 * Contacts a person did not agree to share never leave the secretariat (privacy.ts), so
 * both sides are compared as a bundle for others carries them.
 */
async function differences(a: Installation, b: Installation): Promise<string[]> {
  const left = await syncedRecords(a.db);
  const right = await syncedRecords(b.db);
  const out: string[] = [];
  for (const name of syncedTableNames) {
    const byId = new Map((right[name] ?? []).map((record) => [record.id, record]));
    for (const record of left[name] ?? []) {
      const other = byId.get(record.id);
      byId.delete(record.id);
      if (!other || !sameRecord(withheldForBundle(name, record), withheldForBundle(name, other))) out.push(`${name}/${record.id}`);
    }
    for (const id of byId.keys()) out.push(`${name}/${id}`);
  }
  return out;
}

const RECORDS = 3000;
const NAMES = ['Нурлан Абдыкадыров', 'Айгерим Сарсенбаева', 'عبدالله احمدزی', 'محمد کریمی', 'Жанна Өмірзақова', 'Фарход Рахимов'];

/**
 * The starting point: a delegation that trusts the secretariat has made 3,000
 * records it may author (comments, in Cyrillic and Arabic script, and its own country's
 * positions) and exported them for the secretariat; the secretariat backs up, imports that
 * file, edits a meeting's title and sends the edit to the delegation, then restores the backup.
 */
async function restoredAfterImportAndEdit() {
  const secretariat = await install('Секретариат РГТ', 'secretariat');
  await secretariat.repos.sampleData.load();
  const delegation = await install('Делегация Казахстана', 'delegation', 'KZ');
  await importText(delegation, await exportText(secretariat));

  const articles: Article[] = await delegation.db.articles.toArray();
  const version = await delegation.db.mouVersions.toCollection().first();
  if (!version || articles.length === 0) throw new Error('the sample data has no MoU');
  const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;
  time.now += 1000;
  const clock = await delegation.repos.clock();
  const comments = Array.from({ length: RECORDS - 1 }, (_, index) => ({
    id: crypto.randomUUID(),
    targetKind: 'article' as const,
    targetId: pick(articles, index).id,
    authorDelegateId: null,
    authorName: pick(NAMES, index),
    text: `${pick(NAMES, index + 1)}: замечание № ${String(index + 1)} — ملاحظة ${String(index + 1)}`,
    createdAt: new Date(time.now).toISOString(),
    resolved: index % 7 === 0,
    deleted: false,
  }));
  await writeRecords(delegation.db, clock, 'comments', comments);
  // And one of its own country's positions (a delegation may author those too).
  await delegation.repos.mou.setPosition(version.id, 'KZ', null, 'reservation', 'Оговорка: статья 5 — تحفظ');
  expect(await delegation.db.comments.count()).toBeGreaterThanOrEqual(RECORDS - 1);

  const delegationFile = await forPeer(delegation, secretariat);

  // The secretariat's "before an import" backup, then the import.
  time.now += 1000;
  const backup = await secretariat.repos.backup.snapshot();
  const first = await importText(secretariat, delegationFile);
  expect(first.preview.totals.new).toBe(RECORDS);
  expect(await differences(secretariat, delegation)).toEqual([]);

  // A meeting edit, sent to the delegation ("what it has not received yet").
  const meetingId = sampleId('meeting', 'second');
  const meeting = (await secretariat.db.meetings.get(meetingId)) as Meeting;
  time.now += 1000;
  const title = { en: 'Workshop on risk management (moved)', ru: 'Семинар по управлению рисками (перенесён)' };
  await saveRecord(secretariat.ctx, 'meetings', { ...unstamped<'meetings'>(meeting), title });
  const edit = await importText(delegation, await forPeer(secretariat, delegation));
  expect(edit.preview.summary.meetings.updated).toBe(1);
  expect((await delegation.db.meetings.get(meetingId))?.title).toEqual(title);
  expect(await differences(secretariat, delegation)).toEqual([]);

  // The restore.
  time.now += 1000;
  const session = await secretariat.repos.backup.prepareRestore(file(backup.text, 'backup.cwgbundle.json'));
  await session.apply();
  expect(await secretariat.db.comments.count()).toBeLessThan(RECORDS);
  expect((await secretariat.db.meetings.get(meetingId))?.title).toEqual(meeting.title);
  // What the issue saw: the restore removed 3,001 records' worth of changes.
  expect(await differences(secretariat, delegation)).toHaveLength(RECORDS + 1);
  const state = await secretariat.repos.sync.engine.restoreState();
  expect(state?.ledger.some((entry) => entry.table === 'meetings' && entry.id === meetingId && entry.field === 'title')).toBe(true);

  return { secretariat, delegation, meetingId, meeting, title };
}

describe('sync after a restore (issue 12 item 1)', () => {
  it('per-installation exports both ways bring back everything the restore removed', { timeout: 120_000 }, async () => {
    const { secretariat, delegation, meetingId, title } = await restoredAfterImportAndEdit();

    // Round 1. The secretariat's file tells the delegation it restored (epoch): the
    // delegation already holds everything in it.
    const toDelegation = await importText(delegation, await forPeer(secretariat, delegation));
    expect(toDelegation.preview.refused).toEqual([]);
    expect((await delegation.repos.sync.peers()).find((peer) => peer.id === secretariat.id)?.epoch).toBeDefined();

    // The delegation's answer holds what the secretariat lost, and the preview says so.
    const back = await importText(secretariat, await forPeer(delegation, secretariat));
    expect(nothingNew(back.preview)).toBe(false);
    expect(back.preview.summary.comments.new + back.preview.summary.positions.new).toBe(RECORDS);
    expect(back.preview.summary.meetings.updated).toBe(1);
    // The secretariat's own meeting edit, handed back by a delegation (no authority over
    // meetings), is taken from the ledger the restore kept: not refused.
    expect(back.preview.refused).toEqual([]);
    expect((await secretariat.db.meetings.get(meetingId))?.title).toEqual(title);
    expect(await differences(secretariat, delegation)).toEqual([]);

    // Round 2: nothing left to bring back, and nothing breaks.
    const again = await importText(delegation, await forPeer(secretariat, delegation));
    expect(again.preview.refused).toEqual([]);
    const againBack = await importText(secretariat, await forPeer(delegation, secretariat));
    expect(againBack.preview.refused).toEqual([]);
    expect(await differences(secretariat, delegation)).toEqual([]);

    // Later edits still flow both ways.
    const meeting = (await secretariat.db.meetings.get(meetingId)) as Meeting;
    time.now += 1000;
    await saveRecord(secretariat.ctx, 'meetings', { ...unstamped<'meetings'>(meeting), venue: { en: 'Rixos Almaty', ru: 'Риксос Алматы' } });
    const comment = (await delegation.db.comments.toCollection().first()) as Comment;
    time.now += 1000;
    await saveRecord(delegation.ctx, 'comments', { ...unstamped<'comments'>(comment), text: 'Ответ получен — تم الرد' });
    expect((await importText(delegation, await forPeer(secretariat, delegation))).preview.summary.meetings.updated).toBe(1);
    expect((await importText(secretariat, await forPeer(delegation, secretariat))).preview.summary.comments.updated).toBe(1);
    expect(await differences(secretariat, delegation)).toEqual([]);
  });

  it('the delegation may answer first: its file still brings everything back', { timeout: 120_000 }, async () => {
    const { secretariat, delegation, meetingId, title } = await restoredAfterImportAndEdit();
    const back = await importText(secretariat, await forPeer(delegation, secretariat));
    // The delegation did not know of the restore yet: its file holds only what it believes
    // the secretariat lacks (here nothing: it was made from what the secretariat held before
    // the restore) ...
    expect(back.preview.refused).toEqual([]);
    expect(back.preview.totals.new + back.preview.totals.updated).toBe(0);
    // ... so its claim "you now hold everything of mine" is false here and must not be
    // adopted, or the delegation's records would be skipped as held from then on (the bug).
    expect((await secretariat.repos.sync.vector())[delegation.id]).toBeUndefined();
    // The next round (the secretariat's file announces the restore) brings everything back.
    await importText(delegation, await forPeer(secretariat, delegation));
    const second = await importText(secretariat, await forPeer(delegation, secretariat));
    expect(second.preview.refused).toEqual([]);
    expect((await secretariat.db.meetings.get(meetingId))?.title).toEqual(title);
    expect(await differences(secretariat, delegation)).toEqual([]);
  });

  it('refuses a forged own change: a meeting stamped with the secretariat’s id that its restore never removed', { timeout: 120_000 }, async () => {
    const { secretariat, delegation, meetingId, title } = await restoredAfterImportAndEdit();
    // The delegation learns of the restore, then crafts the secretariat's meeting: the real
    // title edit (the ledger's stamp) with another value, and a venue stamped later with
    // the secretariat's node id, which no secretariat change ever carried.
    await importText(delegation, await forPeer(secretariat, delegation));
    const held = (await delegation.db.meetings.get(meetingId)) as Meeting;
    const titleStamp = held.fieldStamps?.title ?? held.hlc;
    const later = parseStamp(titleStamp);
    const forgedStamp = formatStamp({ ...later, millis: later.millis + 500 });
    expect(forgedStamp.endsWith(secretariat.id)).toBe(true);
    const forgedTitle = { en: 'Forged title', ru: 'Поддельное название' };
    const forgedVenue = { en: 'Forged venue', ru: 'Поддельное место' };
    await delegation.db.meetings.put({
      ...held,
      title: forgedTitle,
      venue: forgedVenue,
      hlc: forgedStamp,
      origin: secretariat.id,
      fieldStamps: { ...held.fieldStamps, title: titleStamp, venue: forgedStamp },
    });

    const { preview } = await importText(secretariat, await forPeer(delegation, secretariat));
    // The comments come back; the forged venue is refused; the title is the ledger's value,
    // never the file's.
    expect(preview.summary.comments.new).toBe(RECORDS - 1);
    expect(preview.refused).toHaveLength(1);
    expect(preview.refused[0]).toMatchObject({ table: 'meetings', recordId: meetingId });
    expect(preview.refused[0]?.fields).toContain('venue');
    expect(preview.refused[0]?.fields).not.toContain('title');
    const stored = (await secretariat.db.meetings.get(meetingId)) as Meeting;
    expect(stored.title).toEqual(title);
    expect(stored.venue).not.toEqual(forgedVenue);
    expect(stored.fieldStamps?.venue).not.toBe(forgedStamp);
  });
});
