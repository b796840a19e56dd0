/**
 * The sync folder (issue 13, docs/sync-folder.md), two figures:
 *
 * 1. Edit to visible through Syncthing: the secretariat (test host A) renames a meeting; the
 *    delegation (test host B) syncs through a second Syncthing instance on loopback
 *    (tests/host/syncthing.ts). Per run: t0 the Save click, tA the new file in A's copy of
 *    the folder, tB the same file in B's copy, tV the new title in B's IndexedDB. The app's
 *    own share is (tA − t0) + (tV − tB): writing once the edit settled, and reading and
 *    applying it; Syncthing's is tB − tA. Median of CWG_BENCH_RUNS (5 by default) runs.
 *    Target: the app's share under one second (issue 13, "Speed").
 * 2. Applying 1,000 small change files: 1,000 files of one trusted installation (one meeting
 *    each) in a folder, read and applied by the runner of another, in Node on fake-indexeddb
 *    with the real folder service (the storage engine is not the browser's: the figure is for
 *    the runner's own work per file, to compare runs, not a promise about Chromium).
 */
import 'fake-indexeddb/auto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchResult } from '../../scripts/bench';
import { createSyncFolderService } from '../../electron/main/services/syncFolderService';
import { createRepositories, openDatabase } from '../../renderer/db';
import { nodeFolderRunner, workshop } from '../fixtures/folderRunner';
import { startSyncthingPair } from '../host/syncthing';
import { startTestHost } from '../host/testHost';
import { firstRun, nav } from '../e2e/syncSteps';
import { chooseSyncFolder } from '../e2e/syncFolderSteps';
import { median } from './stats';

const RUNS = Math.max(3, Number(process.env.CWG_BENCH_RUNS ?? 5));
const FILES = Number(process.env.CWG_BENCH_FOLDER_FILES ?? 1000);
const APP_SHARE_TARGET_MS = 1000;

/** The first time a file whose name passes `wanted` appears under `dir` (recursively). */
function firstFile(dir: string, wanted: (name: string) => boolean): { when: Promise<{ at: number; name: string }>; stop: () => void } {
  let done: (value: { at: number; name: string }) => void = () => undefined;
  const when = new Promise<{ at: number; name: string }>((resolve) => {
    done = resolve;
  });
  const watcher = watch(dir, { recursive: true }, (_event, name) => {
    if (name && wanted(name)) done({ at: performance.now(), name });
  });
  return { when, stop: () => watcher.close() };
}

/** Polls B's IndexedDB (straight, not through the app) until meeting `id` has the title. */
async function titleArrives(page: Page, id: string, title: string, timeoutMs = 60_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const current = await page.evaluate(async (meetingId) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('cwg-desk');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error('cannot open'));
      });
      const value = await new Promise<{ title?: { en?: string } } | undefined>((resolve) => {
        const get = db.transaction('meetings').objectStore('meetings').get(meetingId);
        get.onsuccess = () => resolve(get.result as { title?: { en?: string } } | undefined);
        get.onerror = () => resolve(undefined);
      });
      db.close();
      return value?.title?.en ?? '';
    }, id);
    if (current === title) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`"${title}" did not arrive at B within ${String(timeoutMs / 1000)} s.`);
}

async function throughSyncthing(): Promise<BenchResult[]> {
  const [a, b] = await startSyncthingPair();
  const [secretariat, delegation] = await Promise.all([startTestHost(), startTestHost()]);
  try {
    const s = secretariat.page;
    const d = delegation.page;
    await firstRun(secretariat, 'Secretariat', 'Secretariat');
    await firstRun(delegation, 'Kyrgyz delegation', 'Delegation', 'Kyrgyzstan');
    await chooseSyncFolder(secretariat, a.folder);
    await nav(s).getByRole('link', { name: 'Settings' }).click();
    await s.getByRole('button', { name: 'Load sample data' }).click();
    await s.getByRole('status').getByText(/^Sample data loaded/).waitFor();
    await chooseSyncFolder(delegation, b.folder);
    const waiting = d.getByRole('region', { name: 'Sync folder' }).getByRole('list', { name: 'Waiting for you to trust the sender' });
    await waiting.getByRole('button', { name: /^Review / }).first().waitFor({ timeout: 60_000 });
    await waiting.getByRole('button', { name: /^Review / }).first().click();
    await d.getByRole('checkbox', { name: /^I compared the fingerprint with the sender and trust “Secretariat”/ }).check();
    await d.getByRole('button', { name: 'Import', exact: true }).click();
    await d.getByRole('status').getByText(/^Imported from Secretariat/).waitFor();

    // The meeting renamed in every run, and its id (from A's page address).
    await nav(s).getByRole('link', { name: 'Meetings' }).click();
    await s.getByRole('link', { name: 'Second meeting of the Customs Working Group' }).first().click();
    const id = /\/meetings\/([^/?#]+)/.exec(s.url())?.[1] ?? '';
    await titleArrives(d, id, 'Second meeting of the Customs Working Group');
    let current = 'Second meeting of the Customs Working Group';

    const write: number[] = [];
    const transfer: number[] = [];
    const read: number[] = [];
    const total: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      // Quiet first: nothing left to write or read from the previous run.
      await s.waitForTimeout(3000);
      const next = `Second meeting, run ${String(run + 1)}`;
      await nav(s).getByRole('link', { name: 'Meetings' }).click();
      await s.getByRole('link', { name: current }).first().click();
      await s.getByRole('link', { name: 'Edit meeting' }).click();
      await s.getByLabel('Title in English').fill(next);
      const before = new Set((await readdir(join(a.folder, 'cwg-desk'), { recursive: true })).map(String));
      const isNew = (name: string) => name.endsWith('.cwgbundle.json') && !name.includes('.syncthing.') && !before.has(name);
      const atA = firstFile(join(a.folder, 'cwg-desk'), isNew);
      const t0 = performance.now();
      await s.getByRole('button', { name: 'Save changes' }).click();
      const written = await atA.when;
      atA.stop();
      const atB = firstFile(join(b.folder, 'cwg-desk'), (name) => name === written.name);
      const present = (await readdir(join(b.folder, 'cwg-desk'), { recursive: true })).map(String).includes(written.name);
      const arrived = present ? { at: performance.now(), name: written.name } : await atB.when;
      atB.stop();
      const visible = await titleArrives(d, id, next);
      write.push(written.at - t0);
      transfer.push(arrived.at - written.at);
      read.push(visible - arrived.at);
      total.push(visible - t0);
      current = next;
    }
    const share = write.map((ms, index) => ms + (read[index] ?? 0));
    console.log(
      `sync folder through Syncthing, ${String(RUNS)} runs (ms): write ${write.map((n) => n.toFixed(0)).join(', ')}; transfer ${transfer
        .map((n) => n.toFixed(0))
        .join(', ')}; read ${read.map((n) => n.toFixed(0)).join(', ')}`,
    );
    return [
      { name: 'sync folder: edit on A to visible on B (Syncthing on loopback)', unit: 'ms', median: median(total) },
      { name: 'sync folder: the app’s share of it (write + read)', unit: 'ms', median: median(share), target: APP_SHARE_TARGET_MS },
      { name: 'sync folder: Syncthing’s share (A’s copy to B’s)', unit: 'ms', median: median(transfer) },
    ];
  } finally {
    await Promise.all([secretariat.close(), delegation.close()]);
    await Promise.all([a.stop(), b.stop()]);
  }
}

async function thousandFiles(): Promise<BenchResult[]> {
  const folder = await mkdtemp(join(tmpdir(), 'cwg-bench-folder-'));
  const install = async (name: string, role: 'secretariat' | 'delegation', countryId: string | null) => {
    const db = openDatabase(`cwg-bench-folder-${crypto.randomUUID()}`);
    const repos = createRepositories(db);
    const installation = await repos.installation.create({ displayName: name, role, countryId });
    const service = createSyncFolderService({ dataFolder: await mkdtemp(join(tmpdir(), 'cwg-bench-app-')), settleMs: 0 });
    await service.choose(folder, installation.id);
    const runner = nodeFolderRunner(repos, service, { compactAfterFiles: Number.POSITIVE_INFINITY });
    return { db, repos, runner, installation, service };
  };
  const secretariat = await install('Secretariat', 'secretariat', null);
  const delegation = await install('Kyrgyz delegation', 'delegation', 'KG');
  try {
    // The first file carries the countries and is imported by hand (the trust step).
    await secretariat.runner.run();
    const [first] = await readdir(join(folder, 'cwg-desk', secretariat.installation.id));
    const { readFile } = await import('node:fs/promises');
    const session = await delegation.repos.sync.prepareImport({
      name: first ?? '',
      bytes: new Uint8Array(await readFile(join(folder, 'cwg-desk', secretariat.installation.id, first ?? ''))),
    });
    await session.apply(session.preview.needsTrust);
    for (let index = 0; index < FILES; index += 1) {
      await secretariat.repos.meetings.save(workshop(`Working session ${String(index + 1)}`, `Рабочее заседание ${String(index + 1)}`));
      await secretariat.runner.run();
    }
    const start = performance.now();
    const result = await delegation.runner.run({ write: false });
    const ms = performance.now() - start;
    if (result.imported.length !== FILES) throw new Error(`imported ${String(result.imported.length)} files, not ${String(FILES)}`);
    console.log(`sync folder: ${String(FILES)} change files applied in ${ms.toFixed(0)} ms (${(ms / FILES).toFixed(1)} ms a file, Node + fake-indexeddb)`);
    return [
      { name: `sync folder: applying ${String(FILES)} small change files (Node, fake-indexeddb)`, unit: 'ms', median: ms },
      { name: 'sync folder: per file', unit: 'ms', median: ms / FILES },
    ];
  } finally {
    secretariat.service.stop();
    delegation.service.stop();
    secretariat.db.close();
    delegation.db.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  return [...(await throughSyncthing()), ...(await thousandFiles())];
}
