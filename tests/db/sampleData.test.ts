/** Loading the sample data into the database: counts, validity, idempotence, and one transaction. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { syncedTableNames, syncedTables, type SyncedTableName } from '../../shared/model';
import { buildSeedCountries } from '../../shared/sample/countries';
import { sampleId } from '../../shared/sample/sampleData';
import { SEED_ORIGIN, parseStamp } from '../../shared/sync/hlc';
import { NoInstallationError, createRepositories, openDatabase, type CwgDatabase, type Repositories } from '../../renderer/db';

const open: CwgDatabase[] = [];

/** A fresh database per test, so tests never see each other's data. */
function freshDatabase(): CwgDatabase {
  const db = openDatabase(`cwg-test-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of open.splice(0)) await db.delete();
});

async function installed(): Promise<{ db: CwgDatabase; repositories: Repositories; origin: string }> {
  const db = freshDatabase();
  const repositories = createRepositories(db);
  const installation = await repositories.installation.create({ displayName: 'Secretariat', role: 'secretariat', countryId: null });
  return { db, repositories, origin: installation.id };
}

const EXPECTED_COUNTS: Record<SyncedTableName, number> = {
  countries: 7,
  organizations: 11,
  delegates: 34,
  meetings: 2,
  sessions: 23,
  participations: 44,
  decisions: 2,
  actionItems: 2,
  mouDocuments: 1,
  articles: 12,
  mouVersions: 2,
  amendments: 5,
  comments: 4,
  positions: 8,
  syncConflicts: 0,
  minutes: 1,
  brackets: 4,
  bracketAlternatives: 7,
};

describe('sampleData.load', () => {
  it('refuses to load before first run, writing nothing', async () => {
    const db = freshDatabase();
    const repositories = createRepositories(db);
    await expect(repositories.sampleData.load()).rejects.toBeInstanceOf(NoInstallationError);
    const dump = await repositories.dump();
    for (const [table, rows] of Object.entries(dump)) {
      // The database starts with the seed countries and nothing else.
      expect(rows.length, table).toBe(table === 'countries' ? buildSeedCountries().length : 0);
    }
  });

  it('loads every table and reports the sample size', async () => {
    const { repositories } = await installed();
    const loaded = await repositories.sampleData.load();
    expect(loaded).toEqual(EXPECTED_COUNTS);
    expect(await repositories.stats.counts()).toEqual(EXPECTED_COUNTS);
    expect(await repositories.meetings.count()).toBe(2);
    expect(await repositories.delegates.count()).toBe(34);
    expect(await repositories.organizations.count()).toBe(11);
  });

  it('stores records that pass their schemas, stamped by this installation', async () => {
    const { db, repositories, origin } = await installed();
    await repositories.sampleData.load();
    for (const name of syncedTableNames) {
      const schema: z.ZodType = syncedTables[name];
      const rows = await db.table<{ id: string; hlc: string; origin: string; deleted: boolean }>(name).toArray();
      for (const row of rows) {
        const result = schema.safeParse(row);
        expect(result.success, `${name} ${row.id}: ${result.error?.message ?? ''}`).toBe(true);
        expect(row.deleted).toBe(false);
        const expectedOrigin = name === 'countries' ? SEED_ORIGIN : origin;
        expect(row.origin).toBe(expectedOrigin);
        expect(parseStamp(row.hlc).node).toBe(expectedOrigin);
      }
    }
  });

  it('holds the second meeting with 15 Kyrgyz guests who attended', async () => {
    const { db, repositories } = await installed();
    await repositories.sampleData.load();
    const [second, first] = await repositories.meetings.list();
    expect(second?.title.en).toBe('Second meeting of the Customs Working Group');
    expect(first?.title.en).toBe('Inaugural meeting and workshop of the Customs Working Group');
    const participations = await db.participations.where('meetingId').equals(second?.id ?? '').toArray();
    const guests = participations.filter((p) => p.capacity === 'guest');
    expect(guests).toHaveLength(15);
    const guestDelegates = await db.delegates.bulkGet(guests.map((g) => g.delegateId));
    for (const [index, delegate] of guestDelegates.entries()) {
      expect(delegate?.countryId).toBe('KG');
      expect(guests[index]?.status).toBe('attended');
    }
    const firstParticipants = await db.participations.where('meetingId').equals(first?.id ?? '').toArray();
    expect(firstParticipants.filter((p) => p.capacity === 'member' || p.capacity === 'observer')).toHaveLength(14);
    const sessions = await db.sessions.where('[meetingId+date]').equals([second?.id ?? '', '2014-09-10']).toArray();
    expect(sessions.map((s) => s.kind).sort()).toEqual(['discussion', 'site-visit']);
  });

  it('lists the MoU draft and its articles in order', async () => {
    const { repositories } = await installed();
    await repositories.sampleData.load();
    const [document] = await repositories.mou.listDocuments();
    expect(document?.title.en).toBe('Memorandum of Understanding on the Customs Working Group of Central Asia and Afghanistan');
    expect(document?.status).toBe('negotiation');
    expect(await repositories.mou.countArticles(document?.id ?? '')).toBe(12);
    const articles = await repositories.mou.listArticles(document?.id ?? '');
    expect(articles.map((a) => a.heading.en)).toEqual([
      'Establishment and purpose',
      'Membership',
      'Observers',
      'Chairmanship',
      'Secretariat',
      'National contact points',
      'Meetings',
      'Working languages',
      'Confidentiality',
      'Financing',
      'Amendments',
      'Entry into force and withdrawal',
    ]);
    expect(await repositories.mou.countArticles('no-such-document')).toBe(0);
  });

  it('does not duplicate, or overwrite anything, when loaded twice', async () => {
    const { db, repositories } = await installed();
    await repositories.sampleData.load();
    const before = await repositories.dump();
    expect(await repositories.sampleData.load()).toEqual(EXPECTED_COUNTS);
    expect(await repositories.stats.counts()).toEqual(EXPECTED_COUNTS);
    const after = await repositories.dump();
    for (const name of syncedTableNames) expect(after[name], name).toEqual(before[name]);
    expect(after.installation).toEqual(before.installation);

    // A record the user deleted stays deleted: a tombstone is not brought back.
    const meetingId = sampleId('meeting', 'first');
    await db.meetings.update(meetingId, { deleted: true });
    await repositories.sampleData.load();
    expect((await db.meetings.get(meetingId))?.deleted).toBe(true);
    expect(await repositories.meetings.count()).toBe(1);
  });

  it('gives two installations the same record ids', async () => {
    const a = await installed();
    const b = await installed();
    expect(a.origin).not.toBe(b.origin);
    await a.repositories.sampleData.load();
    await b.repositories.sampleData.load();
    const ids = async (repositories: Repositories) => {
      const dump = await repositories.dump();
      return syncedTableNames.map((name) => (dump[name] as { id: string }[]).map((row) => row.id));
    };
    expect(await ids(a.repositories)).toEqual(await ids(b.repositories));
  });

  it('writes everything in one transaction: a failure midway leaves the database as it was', async () => {
    const { db, repositories } = await installed();
    const before = await repositories.dump();
    // Sessions come after organizations, delegates and meetings: those writes must roll back.
    vi.spyOn(db.sessions, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(repositories.sampleData.load()).rejects.toThrow('disk full');
    expect(await repositories.dump()).toEqual(before);
    expect(await repositories.meetings.count()).toBe(0);

    // And the next attempt succeeds.
    await repositories.sampleData.load();
    expect(await repositories.stats.counts()).toEqual(EXPECTED_COUNTS);
  });
});

describe('dump', () => {
  it('covers every table, each sorted by primary key', async () => {
    const { db, repositories } = await installed();
    await repositories.sampleData.load();
    const dump = await repositories.dump();
    expect(Object.keys(dump).sort()).toEqual(db.tables.map((t) => t.name).sort());
    const ids = (dump.delegates as { id: string }[]).map((row) => row.id);
    expect(ids).toEqual([...ids].sort());
    expect(dump.installation).toHaveLength(1);
    expect(dump.meta).toHaveLength(1);
  });
});
