/**
 * What the sync bench (sync.bench.ts) runs inside the test host's page: the app's own
 * database and repositories (renderer/db), so the import goes through exactly the code the
 * Import screen calls (syncRepository.prepareImport → the engine → the Dexie adapter), and
 * Dexie itself for the raw bulkPut it is measured against. Built to one script by
 * sync.bench.ts and evaluated in the page (page.evaluate is not subject to the app's CSP).
 */
import { Dexie } from 'dexie';
import { openDatabase } from '../../renderer/db/db';
import { createRepositories } from '../../renderer/db/repositories';
import { normalizeRecord } from '../../shared/sync/records';

export interface SyncBenchPage {
  Dexie: typeof Dexie;
  openDatabase: typeof openDatabase;
  createRepositories: typeof createRepositories;
  /** The stored form of a bundle's record: what an import into empty tables writes. */
  normalizeRecord: typeof normalizeRecord;
}

(globalThis as unknown as { cwgBench: SyncBenchPage }).cwgBench = { Dexie, openDatabase, createRepositories, normalizeRecord };
