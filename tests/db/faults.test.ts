/**
 * A write that fails half-way leaves the previous state. The storage engine is made to
 * refuse the Nth record written (as IndexedDB does when the quota or the disk runs out:
 * QuotaExceededError), at the first record, in the middle and at the last one, for the
 * main operations that write many records: deleting a meeting with everything in it, a
 * delegates CSV import, applying a sync bundle, accepting an MoU amendment and loading the
 * sample data. After each failure the full dump of the database is exactly what it was,
 * the error is recognised as "no room left" and shown with the clear message; then the
 * same operation without the fault succeeds.
 */
import { Dexie, type DBCore, type DBCoreMutateRequest, type DBCoreTable } from 'dexie';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CsvImportRow } from '../../shared/delegates/csv';
import { emptyDelegateFields } from '../../shared/delegates/validation';
import { en } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';
import { sampleId } from '../../shared/sample/sampleData';
import { createRepositories, openDatabase, type CwgDatabase, type Repositories } from '../../renderer/db';
import { isQuotaError, storageFaultMessage } from '../../renderer/lib/storageErrors';
import { showError, useToasts } from '../../renderer/stores/toasts';
import { buildLargeBundle, LARGE_ORIGIN } from '../fixtures/bundles/large';

/** Counts the records every put/add/delete carries and refuses the `failAt`-th one. */
interface FaultSwitch {
  failAt: number | null;
  written: number;
}

/**
 * A DBCore middleware between Dexie and IndexedDB: the records of a batch before the
 * failing one really are written (in the same transaction), then the request fails with
 * the engine's QuotaExceededError, so the failure is truly half-way.
 */
function injectFaults(db: Dexie, fault: FaultSwitch): void {
  db.use({
    stack: 'dbcore',
    name: 'fault-injection',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: async (request: DBCoreMutateRequest) => {
            const size = request.type === 'add' || request.type === 'put' ? request.values.length : request.type === 'delete' ? request.keys.length : 1;
            const first = fault.written + 1;
            fault.written += size;
            if (fault.failAt === null || fault.failAt < first || fault.failAt > fault.written) return table.mutate(request);
            const before = fault.failAt - first;
            if (before > 0 && (request.type === 'add' || request.type === 'put')) {
              await table.mutate({ ...request, values: request.values.slice(0, before), ...(request.keys ? { keys: request.keys.slice(0, before) } : {}) });
            }
            throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
          },
        };
      },
    }),
  });
}

const NOW = Date.UTC(2024, 5, 3, 8, 0);
const names: string[] = [];

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en }, ru: { translation: ru } }, interpolation: { escapeValue: false } });
});

interface Setup {
  db: CwgDatabase;
  repositories: Repositories;
  fault: FaultSwitch;
}

/** A secretariat installation holding the sample data, with the fault switch off. */
async function installed(withSample = true, role: 'secretariat' | 'delegation' = 'secretariat'): Promise<Setup> {
  const name = `cwg-faults-${crypto.randomUUID()}`;
  names.push(name);
  const db = openDatabase(name);
  const fault: FaultSwitch = { failAt: null, written: 0 };
  injectFaults(db, fault);
  let tick = 0;
  // A clock that moves, so every attempt issues new stamps (a retry must not depend on old ones).
  const repositories = createRepositories(db, { now: () => NOW + (tick += 1000) });
  await repositories.installation.create(
    role === 'secretariat'
      ? { displayName: 'Secretariat laptop', role, countryId: null }
      : { displayName: 'Kyrgyz delegation', role, countryId: 'KG' },
  );
  if (withSample) await repositories.sampleData.load();
  return { db, repositories, fault };
}

/** Structured-clone-safe comparison of everything stored, local tables included. */
const dumpOf = (repositories: Repositories) => repositories.dump();

/**
 * Runs `operation` failing at the first, the middle and the last record it writes, each
 * time checking that nothing changed and the error is the clear "no room" one; then once
 * without the fault, which must change the database. Returns how many records it writes.
 */
async function failsCleanly(setup: () => Promise<Setup>, operation: (repositories: Repositories) => Promise<unknown>): Promise<number> {
  // A twin database learns how many records the operation writes.
  const twin = await setup();
  twin.fault.written = 0;
  await operation(twin.repositories);
  const total = twin.fault.written;
  twin.db.close();
  expect(total).toBeGreaterThan(1);

  const { db, repositories, fault } = await setup();
  const before = await dumpOf(repositories);
  for (const failAt of [...new Set([1, Math.ceil(total / 2), total])]) {
    fault.written = 0;
    fault.failAt = failAt;
    const error = await operation(repositories).then(
      () => new Error(`the operation succeeded although record ${String(failAt)} of ${String(total)} failed`),
      (failure: unknown) => failure,
    );
    fault.failAt = null;
    expect(isQuotaError(error), `failing at record ${String(failAt)} of ${String(total)}: ${String(error)}`).toBe(true);
    expect(await dumpOf(repositories), `after failing at record ${String(failAt)} of ${String(total)}`).toEqual(before);
    expect(storageFaultMessage(error, i18next.t)).toBe(en.faults.quota);
    showError(error);
    expect(useToasts.getState().toasts.at(-1)).toMatchObject({ kind: 'error', message: en.faults.quota });
  }
  fault.written = 0;
  await operation(repositories);
  expect(fault.written).toBe(total);
  expect(await dumpOf(repositories)).not.toEqual(before);
  db.close();
  return total;
}

describe('a write that fails half-way leaves the previous state', () => {
  it('deleting a meeting with its sessions, participants, decisions and action items', async () => {
    const meetingId = sampleId('meeting', 'second');
    const written = await failsCleanly(installed, async (repositories) => {
      await repositories.meetings.remove(meetingId);
    });
    expect(written).toBeGreaterThan(20);
  });

  it('importing 600 delegates from a CSV file', async () => {
    const rows: CsvImportRow[] = Array.from({ length: 600 }, (_, index) => ({
      row: index + 2,
      id: null,
      update: false,
      fields: { ...emptyDelegateFields(), nameLatin: `Imported Person ${String(index)}`, countryId: 'KZ', email: `p${String(index)}@customs.example.org` },
    }));
    const written = await failsCleanly(installed, async (repositories) => {
      await repositories.delegates.importRows(rows);
    });
    expect(written).toBeGreaterThanOrEqual(600);
  });

  it('applying a sync bundle of 1,000 records', async () => {
    const bundle = await buildLargeBundle(1000, NOW);
    const bytes = new TextEncoder().encode(bundle.text);
    // Received by a delegation: a bundle from another secretariat key would be a look-alike to a secretariat.
    const written = await failsCleanly(() => installed(true, 'delegation'), async (repositories) => {
      const session = await repositories.sync.prepareImport({ name: 'large.cwgbundle.json', bytes });
      await session.apply([LARGE_ORIGIN.id]);
    });
    expect(written).toBeGreaterThanOrEqual(1000);
  });

  it('accepting an MoU amendment, which changes the article and the amendment together', async () => {
    await failsCleanly(installed, async (repositories) => {
      await repositories.mou.decideAmendment(sampleId('amendment', 'af-languages'), { decision: 'accept', reason: '', date: '2015-05-01' });
    });
  });

  it('loading the sample data into an empty installation', async () => {
    const written = await failsCleanly(
      () => installed(false),
      async (repositories) => {
        await repositories.sampleData.load();
      },
    );
    expect(written).toBeGreaterThan(100);
  });
});
