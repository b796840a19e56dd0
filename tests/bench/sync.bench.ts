/**
 * Sync with a 100,000-record bundle, in Chromium through the test host (the built
 * renderer in out/, or CWG_OUT_DIR), driven through the screens as a person would:
 *   - import into a fresh installation: from dropping the file on the window to the
 *     preview (read, parse, checksum, schema, signature, plan) plus from "Import" to done
 *     (the one transaction), with the page's peak JS heap during it;
 *   - re-import of the same file (everything covered by the version vector);
 *   - export of everything (read, sign, save through the dialog, atomic write);
 *   - in the same page, a raw Dexie bulkPut of the same rows, in one transaction, into an
 *     empty database with the app's own indexes: the floor any import is measured against.
 * Targets (issue 7): import at least half the raw bulkPut throughput (import time at most
 * twice the bulkPut time), re-import faster than the first import, import under 10 s.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchResult } from '../../scripts/bench';
import { dropFile } from '../fixtures/bundles/dropFile';
import { buildLargeBundle, LARGE_ORIGIN } from '../fixtures/bundles/large';
import { startTestHost, type TestHost } from '../host/testHost';
import { max, median } from './stats';

const RECORDS = 100_000;
const RUNS = 3;

/** Samples the page's JS heap (Chrome DevTools Protocol) until stopped; returns the peak in MB. */
async function heapSampler(host: TestHost): Promise<{ stop: () => Promise<number> }> {
  const session = await host.context.newCDPSession(host.page);
  await session.send('Performance.enable');
  let peak = 0;
  const state = { running: true };
  const loop = (async () => {
    while (state.running) {
      const { metrics } = await session.send('Performance.getMetrics');
      const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
      peak = Math.max(peak, used);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      state.running = false;
      await loop;
      await session.detach();
      return peak / (1024 * 1024);
    },
  };
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });
const syncNav = (page: Page) => page.getByRole('navigation', { name: 'Sync sections' });

/**
 * Import through the screen, the file dropped on the window (the app reads it with the File
 * API, as in Electron); returns the time of checking and of applying, in ms.
 */
async function importThroughScreen(host: TestHost, file: string, trust: boolean): Promise<{ check: number; apply: number }> {
  const { page } = host;
  await nav(page).getByRole('link', { name: 'Sync' }).click();
  await syncNav(page).getByRole('link', { name: 'Import' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import a bundle' }).waitFor();
  const started = performance.now();
  await dropFile(page, file);
  await page.getByRole('heading', { name: 'What this bundle would change' }).waitFor({ timeout: 300_000 });
  const check = performance.now() - started;
  if (trust) await page.getByRole('checkbox', { name: /^I compared the fingerprint/ }).check();
  const applyStarted = performance.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').getByText(/^Imported from /).waitFor({ timeout: 300_000 });
  return { check, apply: performance.now() - applyStarted };
}

/**
 * The open-file dialog's transfer alone (main reads the file, the test host's binding
 * carries it to the page as base64): a cost of the test host's transport, shown apart.
 */
async function dialogTransfer(host: TestHost, file: string): Promise<number> {
  host.dialogs.answer(file);
  return host.page.evaluate(async () => {
    const started = performance.now();
    const result = await window.cwg?.openFile({ purpose: 'bundle', maxBytes: 1024 * 1024 * 1024 });
    if (!result?.ok) throw new Error('the dialog transfer failed');
    return performance.now() - started;
  });
}

async function exportThroughScreen(host: TestHost, file: string): Promise<number> {
  const { page } = host;
  await syncNav(page).getByRole('link', { name: 'Export' }).click();
  await page.getByRole('radio', { name: 'Everything on this computer' }).check();
  host.dialogs.answer(file);
  const started = performance.now();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  await page.getByRole('status').getByText(/^Bundle saved: /).first().waitFor({ timeout: 300_000 });
  return performance.now() - started;
}

/** Dexie's UMD build, evaluated in the page (page.evaluate is not subject to the app's CSP). */
async function dexieSource(): Promise<string> {
  const require = createRequire(import.meta.url);
  return readFile(require.resolve('dexie/dist/dexie.js'), 'utf8');
}

/** A raw Dexie bulkPut of `rows` into a fresh database with the app's stores and indexes, in one transaction. */
async function rawBulkPut(page: Page, rows: Record<string, unknown[]>, run: number): Promise<number> {
  await page.evaluate(await dexieSource());
  // 100 MB of rows cannot cross the DevTools protocol as one argument: send JSON in slices.
  const json = JSON.stringify(rows);
  await page.evaluate(() => {
    (window as unknown as { benchSlices: string[] }).benchSlices = [];
  });
  const SLICE = 4_000_000;
  for (let start = 0; start < json.length; start += SLICE) {
    await page.evaluate((slice) => {
      (window as unknown as { benchSlices: string[] }).benchSlices.push(slice);
    }, json.slice(start, start + SLICE));
  }
  return page.evaluate(
    async ({ name }) => {
      const holder = window as unknown as { benchSlices: string[] | null };
      const data = JSON.parse((holder.benchSlices ?? []).join('')) as Record<string, unknown[]>;
      holder.benchSlices = null;
      type DexieLike = {
        new (name: string): {
          open(): Promise<unknown>;
          close(): void;
          tables: { name: string; schema: { primKey: { src: string }; indexes: { src: string }[] } }[];
          version(n: number): { stores(schema: Record<string, string>): unknown };
          transaction(mode: string, tables: string[], scope: () => Promise<unknown>): Promise<unknown>;
          table(name: string): { bulkPut(rows: unknown[]): Promise<unknown> };
        };
      };
      const Dexie = (window as unknown as { Dexie: DexieLike }).Dexie;
      // The app's own schema, read from its database, for the same tables.
      const app = new Dexie('cwg-desk');
      await app.open();
      const stores: Record<string, string> = {};
      for (const table of app.tables) {
        if (table.name in data) stores[table.name] = [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', ');
      }
      app.close();
      const raw = new Dexie(name);
      raw.version(1).stores(stores);
      await raw.open();
      const started = performance.now();
      await raw.transaction('rw', Object.keys(data), async () => {
        for (const [table, list] of Object.entries(data)) await raw.table(table).bulkPut(list);
      });
      const elapsed = performance.now() - started;
      raw.close();
      return elapsed;
    },
    { name: `bench-raw-${String(run)}` },
  );
}

export async function run(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'cwg-bench-sync-'));
  const bundle = await buildLargeBundle(RECORDS);
  const file = join(dir, 'large.cwgbundle.json');
  await writeFile(file, bundle.text);
  const megabytes = bundle.text.length / (1024 * 1024);
  const results = { transfer: [] as number[], import: [] as number[], check: [] as number[], apply: [] as number[], reimport: [] as number[], exportMs: [] as number[], raw: [] as number[], heap: [] as number[] };

  for (let index = 0; index < RUNS; index += 1) {
    const host = await startTestHost();
    try {
      const { page } = host;
      await page.getByLabel('Name of this installation').fill('Bench delegation');
      await page.getByRole('radio', { name: /^Delegation/ }).check();
      await page.getByLabel('Country of the delegation').selectOption({ label: 'Kyrgyzstan' });
      await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
      await nav(page).waitFor();

      const sampler = await heapSampler(host);
      const first = await importThroughScreen(host, file, true);
      results.heap.push(await sampler.stop());
      results.check.push(first.check);
      results.apply.push(first.apply);
      results.import.push(first.check + first.apply);

      const again = await importThroughScreen(host, file, false);
      results.reimport.push(again.check + again.apply);
      results.exportMs.push(await exportThroughScreen(host, join(dir, `export-${String(index)}.cwgbundle.json`)));
      results.raw.push(await rawBulkPut(page, bundle.records, index));
      results.transfer.push(await dialogTransfer(host, file));
      if (host.pageErrors.length > 0) throw new Error(`page errors: ${host.pageErrors.join('; ')}`);
    } finally {
      await host.close();
    }
  }

  const importMs = median(results.import);
  const rawMs = median(results.raw);
  const perSecond = (ms: number) => Math.round(RECORDS / (ms / 1000));
  const note = `${String(RECORDS)} records, ${megabytes.toFixed(1)} MB, from ${LARGE_ORIGIN.name}`;
  return [
    { name: 'sync: import 100k (check + apply)', unit: 'ms', median: importMs, p95: max(results.import), target: 10_000, note: `${note}; ${String(perSecond(importMs))} records/s` },
    { name: 'sync: import, check phase (read → preview)', unit: 'ms', median: median(results.check), p95: max(results.check) },
    { name: 'sync: import, apply phase (one transaction)', unit: 'ms', median: median(results.apply), p95: max(results.apply) },
    { name: 'sync: raw Dexie bulkPut of the same rows', unit: 'ms', median: rawMs, p95: max(results.raw), note: `${String(perSecond(rawMs))} records/s` },
    {
      name: 'sync: import time / raw bulkPut time',
      unit: 'x',
      median: importMs / rawMs,
      target: 2,
      note: 'at most 2: import keeps at least half the raw bulkPut throughput',
    },
    {
      name: 'sync: re-import / first import',
      unit: 'x',
      median: median(results.reimport) / importMs,
      target: 0.99,
      note: `re-import ${median(results.reimport).toFixed(0)} ms: recognised from its signed header and payload checksum, records not parsed`,
    },
    { name: 'sync: export everything (read, sign, save)', unit: 'ms', median: median(results.exportMs), p95: max(results.exportMs) },
    {
      name: 'sync: test-host dialog transfer of the file',
      unit: 'ms',
      median: median(results.transfer),
      p95: max(results.transfer),
      note: 'not in the import figures: the test host carries files to the page as base64 over its binding',
    },
    { name: 'sync: peak JS heap during import', unit: 'MB', median: median(results.heap), p95: max(results.heap), note: 'Chromium, JSHeapUsedSize' },
  ];
}
