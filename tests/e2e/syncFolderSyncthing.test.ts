/**
 * The sync folder through a real engine (issue 13): two Syncthing instances on loopback
 * (tests/host/syncthing.ts: 127.0.0.1 only, discovery, relays, NAT, STUN, reporting and
 * upgrades off) share one folder; the secretariat's installation uses one copy, a
 * delegation's the other. It shows:
 * - an edit at the secretariat appears at the delegation;
 * - edits of the same field made on both while apart converge, and the conflict is listed
 *   on both;
 * - a bundle that arrives partially (Syncthing's own temporary file, or a truncated file
 *   written by hand) is ignored until complete;
 * - a sync engine's conflict copy is read like any other bundle;
 * - the folder renamed away means "offline", with nothing lost.
 */
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSyncthingPair, type SyncthingInstance } from '../host/syncthing';
import { startTestHost, type TestHost } from '../host/testHost';
import { exportBundle, firstRun, nav, openDelegate, syncNav, loadSampleData } from './syncSteps';
import { chooseSyncFolder as chooseFolder, folderHeader, folderSection, HOP, meetingsText, renameMeeting, until } from './syncFolderSteps';

const SECOND = 'Second meeting of the Customs Working Group';
const PERSON = 'Aida Mamatova';
const header = folderHeader;

async function positionOf(page: Page): Promise<string> {
  await openDelegate(page, PERSON);
  return (await page.getByRole('main').textContent()) ?? '';
}

async function setPosition(page: Page, position: string): Promise<void> {
  await openDelegate(page, PERSON);
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Position (English)').fill(position);
  await page.getByRole('button', { name: 'Save' }).click();
  // Back on the person's page, showing the new position.
  await page.getByRole('heading', { level: 1, name: PERSON }).waitFor();
  await page.getByRole('main').getByText(position, { exact: true }).first().waitFor();
}

/** The folder of the installation called `name` (read from one of its files). */
async function dirOf(folder: string, name: string): Promise<string> {
  for (const dir of await readdir(join(folder, 'cwg-desk'))) {
    const [file] = await readdir(join(folder, 'cwg-desk', dir));
    if (!file) continue;
    const header = (JSON.parse(await readFile(join(folder, 'cwg-desk', dir, file), 'utf8')) as { header: { origin?: { name: string } } }).header;
    if (header.origin?.name === name) return dir;
  }
  throw new Error(`No folder of ${name} in ${folder}.`);
}

async function problems(page: Page): Promise<string> {
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const list = folderSection(page).getByRole('list', { name: 'Files that could not be read' });
  return (await list.count()) === 0 ? '' : ((await list.textContent()) ?? '');
}

describe('sync through Syncthing', () => {
  let a: SyncthingInstance;
  let b: SyncthingInstance;
  let secretariat: TestHost;
  let delegation: TestHost;
  let secretariatDir = '';
  let unplugged: string | null = null;

  beforeAll(async () => {
    [a, b] = await startSyncthingPair();
    [secretariat, delegation] = await Promise.all([startTestHost(), startTestHost()]);
    await firstRun(secretariat, 'Secretariat', 'Secretariat');
    await firstRun(delegation, 'Kyrgyz delegation', 'Delegation', 'Kyrgyzstan');
  }, 120_000);

  afterEach(async () => {
    if (unplugged) await rename(unplugged, b.folder);
    unplugged = null;
  });

  afterAll(async () => {
    await Promise.all([secretariat.close(), delegation.close()]);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('an edit at the secretariat appears at the delegation through Syncthing', async () => {
    const s = secretariat.page;
    const d = delegation.page;
    await chooseFolder(secretariat, a.folder);
    await loadSampleData(s);

    await chooseFolder(delegation, b.folder);
    const waiting = folderSection(d).getByRole('list', { name: 'Waiting for you to trust the sender' });
    await waiting.getByText(/, from Secretariat/).first().waitFor({ timeout: HOP });
    await waiting.getByRole('button', { name: /^Review / }).first().click();
    await d.getByRole('checkbox', { name: /^I compared the fingerprint with the sender and trust “Secretariat”/ }).check();
    await d.getByRole('button', { name: 'Import', exact: true }).click();
    await d.getByRole('status').getByText(/^Imported from Secretariat/).waitFor();
    await until('the sample at the delegation', async () => (await meetingsText(d)).includes(SECOND));

    // The secretariat trusts the delegation back (its acknowledgements and edits count then).
    await nav(s).getByRole('link', { name: 'Settings' }).click();
    const back = folderSection(s).getByRole('list', { name: 'Waiting for you to trust the sender' });
    await back.getByText(/, from Kyrgyz delegation/).first().waitFor({ timeout: HOP });
    await back.getByRole('button', { name: /^Review / }).first().click();
    await s.getByRole('checkbox', { name: /^I compared the fingerprint with the sender and trust “Kyrgyz delegation”/ }).check();
    await s.getByRole('button', { name: 'Import', exact: true }).click();
    await s.getByRole('status').getByText(/^Imported from Kyrgyz delegation/).waitFor();

    await renameMeeting(s, SECOND, 'Second meeting, Bishkek (via Syncthing)');
    await until('the rename at the delegation', async () => (await meetingsText(d)).includes('Second meeting, Bishkek (via Syncthing)'));
    secretariatDir = await dirOf(a.folder, 'Secretariat');
    // Both copies hold the same files: each installation's own folder, nothing else.
    expect((await readdir(join(b.folder, 'cwg-desk'))).sort()).toEqual((await readdir(join(a.folder, 'cwg-desk'))).sort());
  }, 300_000);

  it('the same field edited on both while apart converges, and the conflict is listed on both', async () => {
    const s = secretariat.page;
    const d = delegation.page;
    await header(s).getByRole('button', { name: 'Pause syncing' }).click();
    await header(d).getByRole('button', { name: 'Pause syncing' }).click();
    await setPosition(d, 'Head of the Risk Management Division');
    await setPosition(s, 'Deputy Head, Risk Management Division');
    await header(d).getByRole('button', { name: 'Resume syncing' }).click();
    await header(s).getByRole('button', { name: 'Resume syncing' }).click();
    // The later edit (the secretariat's) wins on both.
    await until('the same position on both', async () => (await positionOf(d)).includes('Deputy Head, Risk Management Division'));
    expect(await positionOf(s)).toContain('Deputy Head, Risk Management Division');
    for (const page of [s, d]) {
      await until('the conflict listed', async () => {
        await nav(page).getByRole('link', { name: 'Sync' }).click();
        return (await syncNav(page).getByRole('link', { name: /^Conflicts \(\d+\)$/ }).count()) > 0;
      });
    }
  }, 300_000);

  it('a bundle that arrives partially is ignored until complete, and a conflict copy is read like any other', async () => {
    const s = secretariat.page;
    const d = delegation.page;
    // A new bundle of the secretariat's, taken through Export (a file of its own, new id).
    await renameMeeting(s, 'Second meeting, Bishkek (via Syncthing)', 'Second meeting, Bishkek, September 2014');
    await header(s).getByRole('button', { name: 'Pause syncing' }).click();
    await renameMeeting(s, 'Second meeting, Bishkek, September 2014', 'Second meeting (copied by hand)');
    const exported = join(a.folder, '..', `cwg-export-${String(Date.now())}.cwgbundle.json`);
    await exportBundle(secretariat, exported);
    const full = await readFile(exported);
    const senderDir = secretariatDir || (await dirOf(a.folder, 'Secretariat'));

    // Syncthing's own temporary file of a transfer in progress: never read.
    await writeFile(join(b.folder, 'cwg-desk', senderDir, `.syncthing.20261205T120000Z-0000000000000001.cwgbundle.json.tmp`), full.subarray(0, 100));
    // A truncated file written by hand under a real name: reported once it stopped changing…
    const name = '20261205T120000Z-00000000000000aa.cwgbundle.json';
    await writeFile(join(a.folder, 'cwg-desk', senderDir, name), full.subarray(0, Math.floor(full.length / 2)));
    await until('the truncated file reported', async () => (await problems(d)).includes(name));
    expect(await problems(d)).not.toContain('.syncthing.');
    expect(await meetingsText(d)).not.toContain('Second meeting (copied by hand)');
    // …and read once the rest arrives.
    await writeFile(join(a.folder, 'cwg-desk', senderDir, name), full);
    await until('the completed file imported', async () => (await meetingsText(d)).includes('Second meeting (copied by hand)'));
    expect(await problems(d)).not.toContain(name);

    // A conflict copy made by an engine carries the only copy of the next change.
    await renameMeeting(s, 'Second meeting (copied by hand)', 'Second meeting (from a conflict copy)');
    await exportBundle(secretariat, exported);
    const copy = '20261205T120100Z-00000000000000bb.cwgbundle.sync-conflict-20261205-120100-ABCDEFG.json';
    await writeFile(join(a.folder, 'cwg-desk', senderDir, copy), await readFile(exported));
    await until('the conflict copy imported', async () => (await meetingsText(d)).includes('Second meeting (from a conflict copy)'));
    await header(s).getByRole('button', { name: 'Resume syncing' }).click();
  }, 300_000);

  it('the folder renamed away is "offline", nothing is lost, and syncing resumes when it is back', async () => {
    const s = secretariat.page;
    const d = delegation.page;
    const away = `${b.folder}-renamed`;
    await rename(b.folder, away);
    unplugged = away;
    await header(d).getByRole('link', { name: /^Sync folder: offline/ }).waitFor({ timeout: HOP });
    await setPosition(d, 'Head of Division, Risk Management (edited offline)');
    await rename(away, b.folder);
    unplugged = null;
    await header(d).getByRole('link', { name: /^Sync folder: synced/ }).waitFor({ timeout: HOP });
    await until('the offline edit at the secretariat', async () => (await positionOf(s)).includes('Head of Division, Risk Management (edited offline)'));
    expect(secretariat.pageErrors).toEqual([]);
    expect(delegation.pageErrors).toEqual([]);
  }, 300_000);
});
