/**
 * Faults, the way they hit a person: the storage quota runs out in the middle of a CSV
 * import and of a bundle import (a small quota set for the app's origin through the
 * DevTools protocol), and the browser dies in the middle of a long import (the whole
 * Chromium process killed, or only the page's renderer). Each time the person sees a clear
 * message or finds, on reopening, the data exactly as before or exactly as after: full
 * dumps of every object store are compared, never counts alone.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { syncedTableNames } from '../../shared/model';
import { buildLargeBundle, LARGE_ORIGIN } from '../fixtures/bundles/large';
import { writeLargeCsv } from '../fixtures/csv';
import { dumpDatabase, type Dump } from './dump';
import { startTestHost, type TestHost } from '../host/testHost';
import { loadSampleData } from './syncSteps';


const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

/**
 * A delegation with the sample data: the bench bundle is signed by its own secretariat key,
 * which a delegation pins on first trust (a secretariat installation trusts only itself as
 * the secretariat, and would refuse every record of it).
 */
async function firstRunWithSample(host: TestHost): Promise<void> {
  const { page } = host;
  await page.getByRole('heading', { level: 1, name: 'Welcome to CWG Desk' }).waitFor();
  await page.getByLabel('Name of this installation').fill('Kyrgyz delegation');
  await page.getByRole('radio', { name: /^Delegation/ }).check();
  await page.getByLabel('Country of the delegation').selectOption({ label: 'Kyrgyzstan' });
  await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
  await loadSampleData(page);
}


/** Only the synced tables: what an import changes, without the history and timestamps around it. */
const syncedPart = (dump: Dump): Dump => Object.fromEntries(syncedTableNames.map((name) => [name, dump[name] ?? []]));

/** Opens the bundle through the dialog, trusts the bench secretariat and presses Import. */
async function startBundleImport(host: TestHost, path: string): Promise<void> {
  const { page } = host;
  await nav(page).getByRole('link', { name: 'Sync' }).click();
  await page.getByRole('navigation', { name: 'Sync sections' }).getByRole('link', { name: 'Import' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import a bundle' }).waitFor();
  host.dialogs.answer(path);
  await page.getByRole('button', { name: 'Choose a bundle file…' }).click();
  await page.getByRole('heading', { name: 'What this bundle would change' }).waitFor({ timeout: 60_000 });
  await page.getByRole('checkbox', { name: new RegExp(`trust “${LARGE_ORIGIN.name}”`) }).check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

/** Opens the CSV through the dialog and presses Import once every row is checked. */
async function startCsvImport(host: TestHost, path: string, rows: number): Promise<void> {
  const { page } = host;
  await nav(page).getByRole('link', { name: 'Delegates' }).click();
  await page.getByRole('navigation', { name: 'Registry' }).getByRole('link', { name: 'Import CSV' }).click();
  host.dialogs.answer(path);
  await page.getByRole('button', { name: 'Choose a CSV file…' }).click();
  await page.getByText(`Ready to import: ${String(rows)} (${String(rows)} new, 0 to update).`, { exact: false }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: `Import ${String(rows)} valid rows` }).click();
}

/** Waits until the progress bar shows the work part-way: at least `atLeast` done, not all. */
async function waitPartWay(page: Page, atLeast: number): Promise<{ done: number; total: number }> {
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const [value, max] = await Promise.all([bar.getAttribute('value', { timeout: 1000 }).catch(() => null), bar.getAttribute('max', { timeout: 1000 }).catch(() => null)]);
    const done = Number(value ?? 0);
    const total = Number(max ?? 0);
    if (total > 0 && done >= atLeast && done < total) return { done, total };
    if (total > 0 && done >= total) throw new Error(`the import finished (${String(done)} of ${String(total)}) before it could be interrupted`);
    await page.waitForTimeout(20);
  }
  throw new Error('the import never showed progress part-way');
}

/**
 * Whether IndexedDB in the page refuses a write of `bytes` for want of room: a probe database
 * of the app's origin (so it shares the app's storage bucket and quota) is written and deleted.
 */
async function quotaRefuses(page: Page, bytes: number): Promise<boolean> {
  return page.evaluate(async (size) => {
    const name = 'cwg-quota-probe';
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => request.result.createObjectStore('probe');
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('probe database did not open'));
      };
    });
    // Random bytes, so no compression makes the value smaller than it is.
    const value = new Uint8Array(size);
    for (let offset = 0; offset < size; offset += 65536) crypto.getRandomValues(value.subarray(offset, offset + 65536));
    const refused = await new Promise<boolean>((resolve) => {
      const transaction = db.transaction('probe', 'readwrite');
      transaction.objectStore('probe').put(value, 1);
      transaction.oncomplete = () => {
        resolve(false);
      };
      transaction.onabort = () => {
        resolve(transaction.error?.name === 'QuotaExceededError');
      };
    });
    db.close();
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = () => {
        resolve();
      };
    });
    return refused;
  }, bytes);
}

/**
 * Sets the app's storage quota to what it uses now plus `extraBytes`. IndexedDB reads the
 * quota when it opens its store for the origin and keeps it while connections are open, so
 * the app is restarted without loading (nothing holds the store), the quota is set, and the
 * app is loaded: like a disk that filled up since the last start. The store opening after the
 * override is the event this waits on, instead of a fixed time for the engine to let go of
 * the database; a probe write larger than the room left proves the quota is in force.
 * Returns the DevTools session: the override lives as long as it does (close it or call
 * `Storage.overrideQuotaForOrigin` without a size to lift it).
 */
async function setQuota(host: TestHost, extraBytes: number): Promise<CDPSession> {
  await host.restart({ blank: true });
  const { page } = host;
  const cdp = await page.context().newCDPSession(page);
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin: host.origin });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: host.origin, quotaSize: Math.ceil(usage) + extraBytes });
  await page.goto(host.url);
  await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
  if (!(await quotaRefuses(page, extraBytes * 4))) throw new Error('the quota override is not in force after a restart');
  return cdp;
}

describe('no room left while writing', () => {
  let host: TestHost;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-faults-'));
    host = await startTestHost();
  });

  afterAll(async () => {
    await host.close();
  });

  it('says so clearly, keeps every earlier record, and works again once there is room', async () => {
    await firstRunWithSample(host);
    const before = await dumpDatabase(host.page);
    const cdp = await setQuota(host, 64 * 1024);
    const { page } = host;

    // A CSV import of 3,000 people cannot fit in 64 KB.
    const csv = await writeLargeCsv(join(folder, 'people.csv'), 3000, 0, 'KG');
    await startCsvImport(host, csv, 3000);
    await page.getByRole('alert').getByText(en.faults.quota).waitFor({ timeout: 60_000 });
    expect(await dumpDatabase(page)).toEqual(before);
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();

    // Neither does a bundle of 2,000 records: the import page says it where the preview is.
    const bundle = await buildLargeBundle(2000);
    const bundlePath = join(folder, 'large.cwgbundle.json');
    await writeFile(bundlePath, bundle.text);
    await startBundleImport(host, bundlePath);
    await page.getByRole('alert').filter({ hasText: en.faults.quota }).waitFor({ timeout: 60_000 });
    expect(await dumpDatabase(page)).toEqual(before);

    // With room again, the same import goes through from the same preview.
    // Without quotaSize the override is removed; a larger quota needs no reopening.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: host.origin });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').getByText(/^Imported from Bench secretariat: 2,000 new/).waitFor({ timeout: 60_000 });
    const after = await dumpDatabase(page);
    const imported = syncedTableNames.flatMap((name) => (after[name] ?? []) as { origin: string }[]).filter((record) => record.origin === LARGE_ORIGIN.id);
    expect(imported).toHaveLength(2000);
    // Everything that was there is still there, unchanged.
    for (const name of syncedTableNames) expect(after[name], name).toEqual(expect.arrayContaining(before[name] ?? []));
    await cdp.detach();
  }, 240_000);
});

describe('a crash in the middle of a long write', () => {
  let host: TestHost;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-crash-'));
    host = await startTestHost();
    await firstRunWithSample(host);
  });

  afterAll(async () => {
    await host.close();
  });

  it('killing Chromium while a 20,000-record bundle is being applied leaves the data entirely before or entirely after', async () => {
    const started = performance.now();
    const { text } = await buildLargeBundle(20_000);
    const path = join(folder, 'large.cwgbundle.json');
    await writeFile(path, text);
    const before = await dumpDatabase(host.page);

    await startBundleImport(host, path);
    const seen = await waitPartWay(host.page, 1);
    await host.crash();
    await host.restart();
    await host.page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    const reopened = await dumpDatabase(host.page);

    // The import to completion gives "after"; importing again is idempotent, so a state
    // already "after" compares equal in the synced tables.
    await startBundleImport(host, path);
    await host.page.getByRole('status').getByText(/^Imported from Bench secretariat: /).waitFor({ timeout: 180_000 });
    const after = await dumpDatabase(host.page);
    const imported = syncedTableNames.flatMap((name) => (after[name] ?? []) as { origin: string }[]).filter((record) => record.origin === LARGE_ORIGIN.id);
    expect(imported).toHaveLength(20_000);

    const state = JSON.stringify(reopened) === JSON.stringify(before) ? 'before' : JSON.stringify(syncedPart(reopened)) === JSON.stringify(syncedPart(after)) ? 'after' : 'half';
    expect(state, `killed at ${String(seen.done)} of ${String(seen.total)} records written`).not.toBe('half');
    // Killed part-way through the one transaction: it cannot have committed.
    expect(state).toBe('before');
    console.info(`bundle crash test: killed at ${String(seen.done)}/${String(seen.total)}, reopened ${state}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 420_000);

  it('a renderer crash during a 10,000-row CSV import leaves the registry entirely before or entirely after', async () => {
    const started = performance.now();
    const csv = await writeLargeCsv(join(folder, 'ten-thousand.csv'), 10_000, 0, 'KG');
    const before = await dumpDatabase(host.page);

    await startCsvImport(host, csv, 10_000);
    const seen = await waitPartWay(host.page, 500);
    // The page's renderer process dies (like a tab crash); the browser lives on.
    const cdp = await host.page.context().newCDPSession(host.page);
    void cdp.send('Page.crash').catch(() => undefined);
    await host.page.waitForEvent('crash', { timeout: 30_000 });
    await host.restart();
    await host.page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    const reopened = await dumpDatabase(host.page);

    const unchangedBut = (table: string) =>
      Object.keys(before).every((name) => name === table || name === 'meta' || JSON.stringify(reopened[name]) === JSON.stringify(before[name]));
    const people = (reopened.delegates ?? []) as { id: string }[];
    const earlierIds = new Set(((before.delegates ?? []) as { id: string }[]).map((d) => d.id));
    const isAfter =
      unchangedBut('delegates') &&
      people.length === earlierIds.size + 10_000 &&
      (before.delegates ?? []).every((d) => JSON.stringify(people.find((p) => p.id === (d as { id: string }).id)) === JSON.stringify(d));
    const state = JSON.stringify(reopened) === JSON.stringify(before) ? 'before' : isAfter ? 'after' : 'half';
    expect(state, `crashed at ${String(seen.done)} of ${String(seen.total)} rows, ${String(people.length - earlierIds.size)} new people found`).not.toBe('half');
    expect(state).toBe('before');
    console.info(`CSV crash test: crashed at ${String(seen.done)}/${String(seen.total)}, reopened ${state}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);
});
