/**
 * Schema version 5 (sync): a database of the previous version, holding data in every table,
 * upgrades with every record intact and gains the sync tables (signing key, history),
 * which the sync repository then uses.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { syncedTableNames } from '../../shared/model';
import { buildSampleData } from '../../shared/sample/sampleData';
import { createClock } from '../../shared/sync/hlc';
import { createRepositories, openDatabase } from '../../renderer/db';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const SYNC_TABLES = ['syncKeys', 'syncHistory'];

/** The stores of the version before 5: today's schema without the sync tables. */
async function previousStores(): Promise<Record<string, string>> {
  const probe = openDatabase(`cwg-probe-${crypto.randomUUID()}`);
  names.push(probe.name);
  await probe.open();
  const stores: Record<string, string> = {};
  for (const table of probe.tables) {
    if (SYNC_TABLES.includes(table.name)) continue;
    stores[table.name] = [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', ');
  }
  probe.close();
  return stores;
}

describe('schema version 5 (sync)', () => {
  it('upgrades a database of the previous version, keeping every record', async () => {
    const name = `cwg-upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const stores = await previousStores();
    const old = new Dexie(name);
    old.version(4).stores(stores);
    await old.open();

    const installationId = '0b7c5f1e-2f00-4d7a-9a55-111111111111';
    const clock = createClock({ node: installationId, now: () => Date.UTC(2024, 5, 1) });
    const sample = buildSampleData({ origin: installationId, stamp: () => clock.send() });
    const local: Record<string, unknown[]> = {
      installation: [{ key: 'self', id: installationId, displayName: 'Old laptop', role: 'secretariat', countryId: null, createdAt: '2024-06-01T00:00:00.000Z' }],
      peers: [{ id: 'peer-1', name: 'Kyrgyz delegation', role: 'delegation', countryId: 'KG', publicKey: null, trusted: true, receivedVector: {}, sentWatermark: null }],
      receivedBundles: [{ bundleId: 'b-1', fromOrigin: 'peer-1', fromName: 'Kyrgyz delegation', receivedAt: '2024-06-01T10:00:00.000Z', fileName: 'a.json', counts: { delegates: 2 } }],
      conflicts: [{ id: 'delegates/x/email', table: 'delegates', recordId: 'x', field: 'email', keptValue: 'a', keptHlc: clock.send(), otherValue: 'b', otherHlc: clock.send(), detectedAt: '2024-06-01T10:00:00.000Z', resolved: false }],
      meta: [{ key: 'clock.lastStamp', value: clock.last() }, { key: 'sync.vector', value: { 'peer-1': clock.last() } }],
    };
    const before: Record<string, unknown[]> = {};
    for (const table of Object.keys(stores)) {
      const rows = (syncedTableNames as readonly string[]).includes(table) ? (sample as unknown as Record<string, unknown[]>)[table] ?? [] : local[table] ?? [];
      await old.table(table).bulkPut(rows);
      before[table] = await old.table(table).toArray();
    }
    expect(before.meetings?.length).toBe(2);
    old.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    for (const table of Object.keys(stores)) expect(await db.table(table).toArray(), table).toEqual(before[table]);
    for (const table of SYNC_TABLES) expect(await db.table(table).count(), table).toBe(0);

    // The sync repository works on the upgraded database.
    const repos = createRepositories(db, { now: () => Date.UTC(2024, 5, 2) });
    const identity = await repos.sync.identity();
    expect(identity.installation.id).toBe(installationId);
    expect(await db.table('syncKeys').count()).toBe(1);
    expect(await repos.sync.peers()).toEqual([expect.objectContaining({ id: 'peer-1', fingerprint: '' })]);
    expect(await repos.sync.unresolvedConflictCount()).toBe(1);
    db.close();
  });
});
