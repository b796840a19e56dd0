/**
 * Clocks that ran ahead, against the real database (issue 12, "Clocks"): a delegation whose
 * clock was three days ahead is refused with advice that helps; once its clock is right
 * again, the next start re-dates its changes in one transaction, says so once, and its
 * next bundle is accepted. A sender 20 h ahead is imported with a named warning (preview
 * and history) without dragging the importer's own clock forward.
 */
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { syncedTableNames } from '../../shared/model';
import { sampleId } from '../../shared/sample/sampleData';
import { BundleError } from '../../shared/sync/bundleErrors';
import { compareStamps, parseStamp } from '../../shared/sync/hlc';
import { recordStamps } from '../../shared/sync/records';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import {
  CLOCK_META_KEY,
  createRepositories,
  openDatabase,
  saveRecord,
  unstamped,
  type CwgDatabase,
  type Repositories,
  type RepositoryContext,
} from '../../renderer/db';
import { CLOCK_REPAIR_META_KEY } from '../../renderer/db/clockRepair';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REAL = Date.UTC(2024, 8, 9, 8);

const databases: CwgDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await db.delete();
  }
});

interface Installation {
  db: CwgDatabase;
  repos: Repositories;
  ctx: RepositoryContext;
  id: string;
  /** This computer's clock; tests move it. */
  time: { now: number };
}

function connect(db: CwgDatabase, time: { now: number }): { repos: Repositories; ctx: RepositoryContext } {
  const repos = createRepositories(db, { now: () => time.now });
  return { repos, ctx: { db, clock: () => repos.clock(), now: () => time.now, randomUUID: () => crypto.randomUUID() } };
}

async function install(name: string, role: 'secretariat' | 'delegation', countryId: string | null = null): Promise<Installation> {
  const db = openDatabase(`cwg-clock-${crypto.randomUUID()}`);
  databases.push(db);
  const time = { now: REAL };
  const { repos, ctx } = connect(db, time);
  const installation = await repos.installation.create({ displayName: name, role, countryId });
  return { db, repos, ctx, id: installation.id, time };
}

/** An app restart on the same database (a new repositories object, so the clock loads again). */
function restart(installation: Installation): void {
  const { repos, ctx } = connect(installation.db, installation.time);
  installation.repos = repos;
  installation.ctx = ctx;
}

function file(text: string) {
  return { name: 'test.cwgbundle.json', bytes: new TextEncoder().encode(text) };
}

async function exportAll(from: Installation): Promise<string> {
  return (await from.repos.sync.exportBundle({ kind: 'all' })).text;
}

async function importText(into: Installation, text: string) {
  const session = await into.repos.sync.prepareImport(file(text));
  await session.apply(session.preview.needsTrust);
  return session.preview;
}

async function syncedDump(db: CwgDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of [...syncedTableNames, 'meta']) out[name] = await db.table(name).toArray();
  return out;
}

async function ownStampsAhead(installation: Installation, margin: number): Promise<string[]> {
  const found: string[] = [];
  for (const name of syncedTableNames) {
    for (const record of (await installation.db.table(name).toArray()) as SyncRecord[]) {
      for (const stamp of recordStamps(record)) {
        if (stamp.endsWith(installation.id) && parseStamp(stamp).millis > installation.time.now + margin) found.push(stamp);
      }
    }
  }
  return found;
}

/** A secretariat with the sample data, and a delegation that imported it while both clocks were right. */
async function pair(): Promise<{ secretariat: Installation; delegation: Installation }> {
  const secretariat = await install('Secretariat laptop', 'secretariat');
  await secretariat.repos.sampleData.load();
  const delegation = await install('Kyrgyz delegation', 'delegation', 'KG');
  await importText(delegation, await exportAll(secretariat));
  await importText(secretariat, await exportAll(delegation));
  return { secretariat, delegation };
}

const commentId = sampleId('comment', 'af-languages');

describe('a clock that ran ahead', () => {
  it('three days ahead: refused with what helps; corrected on restart in one go, said once, then accepted', async () => {
    const { secretariat, delegation } = await pair();
    const comment = await delegation.db.comments.get(commentId);
    if (!comment) throw new Error('sample comment missing');

    // The delegation's laptop jumps three days ahead; an edit and an export are made then.
    delegation.time.now = REAL + 3 * DAY;
    await saveRecord(delegation.ctx, 'comments', { ...unstamped<'comments'>(comment), text: 'Met in Bishkek' });
    await saveRecord(delegation.ctx, 'comments', { ...unstamped<'comments'>(comment), text: 'Met in Bishkek twice' });
    const early = await exportAll(delegation);

    secretariat.time.now = REAL + 60_000;
    const refusal = await secretariat.repos.sync.prepareImport(file(early)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BundleError);
    expect(refusal).toMatchObject({ code: 'clock-drift', params: { origin: 'Kyrgyz delegation', limitHours: 24 } });
    expect((refusal as Error).message).toMatch(/restart CWG Desk there \(it re-dates the changes made meanwhile\) and export again/);

    // Its clock is corrected and the app restarts.
    delegation.time.now = REAL + 2 * 60_000;
    restart(delegation);
    const notice = await delegation.repos.clockRepair.notice();
    expect(notice).toMatchObject({ changes: 1, records: 1, stillAheadMs: 0, dismissed: false });
    expect(notice?.aheadMs).toBeGreaterThan(3 * DAY - HOUR);
    expect(await ownStampsAhead(delegation, HOUR)).toEqual([]);
    const repaired = await delegation.db.comments.get(commentId);
    expect(repaired).toMatchObject({ text: 'Met in Bishkek twice', origin: delegation.id });
    expect(parseStamp(repaired?.hlc ?? '').millis).toBe(delegation.time.now);
    expect(repaired?.fieldStamps?.text).toBe(repaired?.hlc);
    // Fields it did not change keep their stamps (from the secretariat).
    expect(repaired?.fieldStamps?.authorName).toBe(comment.fieldStamps?.authorName);
    const saved = String((await delegation.db.meta.get(CLOCK_META_KEY))?.value);
    expect(parseStamp(saved).millis).toBe(delegation.time.now);
    const clock = await delegation.repos.clock();
    expect(parseStamp(clock.last()).millis).toBe(delegation.time.now);

    // Exported again, the same change is accepted.
    const again = await exportAll(delegation);
    secretariat.time.now = REAL + 3 * 60_000;
    const preview = await importText(secretariat, again);
    expect(preview.skews).toEqual([]);
    expect(preview.summary.comments.updated).toBe(1);
    expect((await secretariat.db.comments.get(commentId))?.text).toBe('Met in Bishkek twice');

    // Said once: dismissed, it stays gone; another restart changes nothing.
    await delegation.repos.clockRepair.dismiss();
    expect(await delegation.repos.clockRepair.notice()).toBeNull();
    expect((await delegation.db.meta.get(CLOCK_REPAIR_META_KEY))?.value).toMatchObject({ dismissed: true });
    const before = await syncedDump(delegation.db);
    restart(delegation);
    expect(await delegation.repos.clockRepair.notice()).toBeNull();
    await delegation.repos.clock();
    expect(await syncedDump(delegation.db)).toEqual(before);
  });

  it('repairs when the first to ask for the clock is a live query (the Sync overview)', async () => {
    const { delegation } = await pair();
    const comment = await delegation.db.comments.get(commentId);
    if (!comment) throw new Error('sample comment missing');
    delegation.time.now = REAL + 3 * DAY;
    await saveRecord(delegation.ctx, 'comments', { ...unstamped<'comments'>(comment), text: 'ahead' });
    delegation.time.now = REAL + 60_000;
    restart(delegation);
    const repos = delegation.repos;
    const seen = await new Promise<unknown>((resolve, reject) => {
      const subscription = liveQuery(() => Promise.all([repos.sync.vector(), repos.clockRepair.notice()])).subscribe({
        next: ([, notice]) => {
          subscription.unsubscribe();
          resolve(notice);
        },
        error: (error: unknown) => {
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      });
    });
    expect(seen).toMatchObject({ changes: 1, dismissed: false });
    expect(await ownStampsAhead(delegation, HOUR)).toEqual([]);
  });

  it('re-dates own changes far ahead that came back from a backup, though the saved clock is right', async () => {
    const { delegation } = await pair();
    const comment = await delegation.db.comments.get(commentId);
    if (!comment) throw new Error('sample comment missing');
    delegation.time.now = REAL + 3 * DAY;
    await saveRecord(delegation.ctx, 'comments', { ...unstamped<'comments'>(comment), text: 'from a backup' });
    // As after restoring a backup made then: the record is back, the saved clock is right.
    delegation.time.now = REAL + 60_000;
    await delegation.db.meta.put({ key: CLOCK_META_KEY, value: `${String(REAL).padStart(15, '0')}-00000-${delegation.id}` });
    restart(delegation);
    expect(await delegation.repos.clockRepair.notice()).toMatchObject({ changes: 1, records: 1 });
    expect(await ownStampsAhead(delegation, HOUR)).toEqual([]);
    expect((await delegation.db.comments.get(commentId))?.text).toBe('from a backup');
  });

  it('keeps the dates of changes a peer has acknowledged, and continues after them', async () => {
    const { secretariat, delegation } = await pair();
    const comment = await delegation.db.comments.get(commentId);
    if (!comment) throw new Error('sample comment missing');
    // 30 h ahead: refused by a secretariat whose clock is right, but this one's is 10 h ahead too.
    delegation.time.now = REAL + 30 * HOUR;
    await saveRecord(delegation.ctx, 'comments', { ...unstamped<'comments'>(comment), text: 'held by the secretariat' });
    secretariat.time.now = REAL + 10 * HOUR;
    await importText(secretariat, await exportAll(delegation));
    await importText(delegation, (await secretariat.repos.sync.exportBundle({ kind: 'peer', peerId: delegation.id })).text);
    const acknowledged = (await delegation.db.peers.get(secretariat.id))?.declaredVector?.[delegation.id] ?? '';
    expect(parseStamp(acknowledged).millis).toBe(REAL + 30 * HOUR);

    delegation.time.now = REAL + 60_000;
    restart(delegation);
    expect(await delegation.repos.clockRepair.notice()).toBeNull();
    const clock = await delegation.repos.clock();
    expect(compareStamps(clock.stamp().hlc, acknowledged)).toBe(1);
    expect((await delegation.db.comments.get(commentId))?.text).toBe('held by the secretariat');
  });
});

describe('a sender 20 hours ahead', () => {
  it('is imported with a warning naming it, in the preview and the history, and does not drag this clock', async () => {
    const { secretariat, delegation } = await pair();
    const comment = await delegation.db.comments.get(commentId);
    if (!comment) throw new Error('sample comment missing');
    delegation.time.now = REAL + 20 * HOUR;
    await saveRecord(delegation.ctx, 'comments', { ...unstamped<'comments'>(comment), text: 'from the future' });
    const text = await exportAll(delegation);

    secretariat.time.now = REAL + 60_000;
    const session = await secretariat.repos.sync.prepareImport(file(text));
    expect(session.preview.skews).toEqual([{ node: delegation.id, name: 'Kyrgyz delegation', hours: 20 }]);
    await session.apply([]);
    const [entry] = await secretariat.repos.sync.history();
    expect(entry).toMatchObject({ direction: 'import', skews: [{ name: 'Kyrgyz delegation', hours: 20 }] });

    // The secretariat's own next stamp is near the real time, and survives a restart.
    const clock = await secretariat.repos.clock();
    expect(parseStamp(clock.last()).millis).toBeLessThan(secretariat.time.now + HOUR);
    restart(secretariat);
    const reloaded = await secretariat.repos.clock();
    expect(parseStamp(reloaded.last()).millis).toBeLessThan(secretariat.time.now + HOUR);
    expect(await secretariat.repos.clockRepair.notice()).toBeNull();

    // Its edit of that comment still wins over the 20-hours-ahead change, here and at the delegation.
    const held = await secretariat.db.comments.get(commentId);
    if (!held) throw new Error('comment missing');
    await saveRecord(secretariat.ctx, 'comments', { ...unstamped<'comments'>(held), text: 'corrected by the secretariat' });
    const edited = await secretariat.db.comments.get(commentId);
    expect(compareStamps(edited?.fieldStamps?.text ?? '', held.fieldStamps?.text ?? '')).toBe(1);
    delegation.time.now = REAL + 20 * HOUR + 60_000;
    await importText(delegation, await exportAll(secretariat));
    expect((await delegation.db.comments.get(commentId))?.text).toBe('corrected by the secretariat');
  });
});
