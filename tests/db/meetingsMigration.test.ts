/**
 * Upgrading a version-1 database (before the meetings area's decisions and action items)
 * holding data: every record survives unchanged, the new tables exist, and the meetings
 * repository works on the upgraded database.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSampleData, sampleId } from '../../shared/sample/sampleData';
import { createClock } from '../../shared/sync/hlc';
import { createRepositories, openDatabase } from '../../renderer/db';

/** Version 1's stores exactly as released (renderer/db/db.ts, SCHEMA_V1): frozen here on purpose. */
const V1_STORES: Record<string, string> = {
  countries: 'id, hlc, [origin+hlc]',
  organizations: 'id, hlc, [origin+hlc], countryId',
  delegates: 'id, hlc, [origin+hlc], countryId, organizationId, nameLatin',
  meetings: 'id, hlc, [origin+hlc], startDate',
  sessions: 'id, hlc, [origin+hlc], meetingId, [meetingId+date]',
  participations: 'id, hlc, [origin+hlc], meetingId, delegateId, [meetingId+delegateId]',
  mouDocuments: 'id, hlc, [origin+hlc]',
  articles: 'id, hlc, [origin+hlc], documentId, [documentId+order]',
  mouVersions: 'id, hlc, [origin+hlc], documentId, [documentId+number]',
  amendments: 'id, hlc, [origin+hlc], documentId, articleId',
  comments: 'id, hlc, [origin+hlc], targetId',
  positions: 'id, hlc, [origin+hlc], versionId, [versionId+countryId]',
  installation: 'key',
  peers: 'id',
  receivedBundles: 'bundleId, fromOrigin, receivedAt',
  conflicts: 'id, table, recordId, [table+recordId]',
  meta: 'key',
};

const V1_SYNCED = ['countries', 'organizations', 'delegates', 'meetings', 'sessions', 'participations', 'mouDocuments', 'articles', 'mouVersions', 'amendments', 'comments', 'positions'] as const;

const primaryKey = (row: unknown): unknown => {
  const record = row as Record<string, unknown>;
  return record.id ?? record.key ?? record.bundleId;
};

const names: string[] = [];

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('schema version 2 (meetings)', () => {
  it('upgrades a version-1 database with data, keeping every record', async () => {
    const name = `cwg-migration-${crypto.randomUUID()}`;
    names.push(name);
    const origin = '6f1c2b9a-3d4e-4f50-8a7b-9c0d1e2f3a4b';
    const clock = createClock({ node: origin, now: () => 1_400_000_000_000 });
    const data = buildSampleData({ origin, stamp: () => clock.send() });

    // A version-1 database, as an installation of the first release left it.
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    await v1.transaction('rw', v1.tables, async () => {
      for (const table of V1_SYNCED) await v1.table(table).bulkAdd(data[table]);
      await v1.table('installation').add({ key: 'self', id: origin, displayName: 'Secretariat', role: 'secretariat', countryId: null, createdAt: '2014-05-01T00:00:00.000Z' });
      await v1.table('meta').add({ key: 'clock.lastStamp', value: clock.last() });
    });
    const before: Record<string, unknown[]> = {};
    for (const table of v1.tables) before[table.name] = await table.toArray();
    v1.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    // The meetings area's records are exactly as they were; later versions of other areas may
    // upgrade their own records, so for those every record must still be there, by key.
    for (const [table, rows] of Object.entries(before)) {
      const after = await db.table(table).toArray();
      if (['meetings', 'sessions', 'participations', 'installation'].includes(table)) expect(after, table).toEqual(rows);
      else expect(after.map(primaryKey), table).toEqual(rows.map(primaryKey));
    }
    expect(await db.decisions.count()).toBe(0);
    expect(await db.actionItems.count()).toBe(0);
    expect(Object.keys(db.decisions.schema.idxByName)).toEqual(expect.arrayContaining(['hlc', '[origin+hlc]', 'meetingId']));
    expect(Object.keys(db.actionItems.schema.idxByName)).toEqual(expect.arrayContaining(['hlc', '[origin+hlc]', 'meetingId']));

    // The upgraded database works: the old meeting gets a decision, and the clock moves on from the stored stamps.
    const repositories = createRepositories(db);
    const meetingId = sampleId('meeting', 'second');
    const decision = await repositories.meetings.decisions.save({ meetingId, text: { en: 'Recorded after the upgrade.', ru: '' } });
    expect(decision.hlc > clock.last()).toBe(true);
    expect(await repositories.meetings.sessions.list(meetingId)).toHaveLength(data.sessions.filter((s) => s.meetingId === meetingId).length);
    // Loading the sample now adds only what version 1 lacked: the decisions and action items.
    const loaded = await repositories.sampleData.load();
    expect(await repositories.meetings.decisions.list(meetingId)).toHaveLength(loaded.decisions + 1);
    expect(await repositories.meetings.actionItems.list(meetingId)).toHaveLength(loaded.actionItems);
    db.close();
  });
});
