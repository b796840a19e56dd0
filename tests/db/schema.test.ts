/** The database schema: version 1 declares every synced and local table with the indexes sync relies on. */
import { afterEach, describe, expect, it } from 'vitest';
import { syncedTableNames } from '../../shared/model';
import { openDatabase, type CwgDatabase } from '../../renderer/db';
import { syncedTable } from '../../renderer/db/db';

const open: CwgDatabase[] = [];

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

describe('CwgDatabase', () => {
  it('opens at version 1 with every synced and local table', async () => {
    const db = openDatabase(`cwg-test-${crypto.randomUUID()}`);
    open.push(db);
    await db.open();
    // Areas append versions (meetings: 2); a fresh database opens at the newest one.
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [...syncedTableNames, 'installation', 'peers', 'receivedBundles', 'conflicts', 'meta', 'syncKeys', 'syncHistory', 'delegateList'].sort(),
    );
  });

  it('keys synced tables by id and indexes their stamps', () => {
    const db = openDatabase(`cwg-test-${crypto.randomUUID()}`);
    open.push(db);
    for (const name of syncedTableNames) {
      const schema = db.table(name).schema;
      expect(schema.primKey.keyPath, name).toBe('id');
      expect(Object.keys(schema.idxByName), name).toEqual(expect.arrayContaining(['hlc', '[origin+hlc]']));
    }
    expect(db.table('installation').schema.primKey.keyPath).toBe('key');
    expect(db.table('receivedBundles').schema.primKey.keyPath).toBe('bundleId');
    expect(Object.keys(db.table('sessions').schema.idxByName)).toEqual(expect.arrayContaining(['meetingId', '[meetingId+date]']));
    expect(Object.keys(db.table('mouVersions').schema.idxByName)).toEqual(expect.arrayContaining(['documentId', '[documentId+number]']));
  });

  it('exposes each table as a typed property', () => {
    const db = openDatabase(`cwg-test-${crypto.randomUUID()}`);
    open.push(db);
    // `declare`d fields must not shadow the tables Dexie puts on the instance.
    for (const name of syncedTableNames) expect(syncedTable(db, name).name).toBe(name);
    expect([db.installation.name, db.peers.name, db.receivedBundles.name, db.conflicts.name, db.meta.name]).toEqual([
      'installation',
      'peers',
      'receivedBundles',
      'conflicts',
      'meta',
    ]);
  });
});
