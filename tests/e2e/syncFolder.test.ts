/**
 * The sync folder as people use it with a plain shared folder (as a network share
 * behaves: no events, polling only): three installations point at the same folder.
 * - the secretariat chooses the folder and its sample data goes there by itself;
 * - a delegation chooses it too: the secretariat's files wait until the delegation
 *   reviews one and trusts the sender; from then on, a meeting renamed at the
 *   secretariat appears at the delegation with nobody exporting or importing;
 * - the folder moved away means "offline" in the header, with nothing lost; back again,
 *   syncing resumes;
 * - a second delegation joining late catches up;
 * - Pause in the header stops it, Resume starts it again.
 */
import { mkdtemp, readdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';
import { firstRun, nav, loadSampleData } from './syncSteps';
import { chooseSyncFolder as chooseFolder, folderHeader, HOP, meetingsText as meetingTitles, renameMeeting, trustWaitingSender, waitForMeeting } from './syncFolderSteps';

const SECOND = 'Second meeting of the Customs Working Group';
const header = folderHeader;

describe('sync through a shared folder', () => {
  let folder: string;
  let secretariat: TestHost;
  let kyrgyz: TestHost;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-e2e-shared-'));
    [secretariat, kyrgyz] = await Promise.all([startTestHost(), startTestHost()]);
    await firstRun(secretariat, 'Secretariat', 'Secretariat');
    await firstRun(kyrgyz, 'Kyrgyz delegation', 'Delegation', 'Kyrgyzstan');
  });

  /** The folder while "unplugged" by a test, put back whatever happens. */
  let unplugged: string | null = null;
  afterEach(async () => {
    if (unplugged) await rename(unplugged, folder);
    unplugged = null;
  });

  afterAll(async () => {
    await Promise.all([secretariat.close(), kyrgyz.close()]);
  });

  it('the secretariat’s data reaches a delegation once it trusts the sender, and later edits follow by themselves', async () => {
    const s = secretariat.page;
    const d = kyrgyz.page;
    await chooseFolder(secretariat, folder);
    await loadSampleData(s);
    // The header says when it last synced.
    await header(s).getByRole('link', { name: /^Sync folder: synced \d{1,2}:\d\d/ }).waitFor({ timeout: HOP });

    await chooseFolder(kyrgyz, folder);
    await trustWaitingSender(d, 'Secretariat');
    // The sender's other files follow by themselves.
    await waitForMeeting(d, SECOND);

    // The secretariat renames a meeting; nobody exports or imports.
    await renameMeeting(s, SECOND, 'Second meeting of the CWG, Bishkek');
    await waitForMeeting(d, 'Second meeting of the CWG, Bishkek');

    // Both wrote only into their own folders; the history lists the files.
    const dirs = await readdir(join(folder, 'cwg-desk'));
    expect(dirs).toHaveLength(2);
    await nav(d).getByRole('link', { name: 'Sync' }).click();
    await d.getByRole('navigation', { name: 'Sync sections' }).getByRole('link', { name: 'History' }).click();
    await d.getByRole('cell', { name: 'Imported (sync folder)' }).first().waitFor();
    expect(await d.getByRole('cell', { name: 'Imported (sync folder)' }).count()).toBeGreaterThanOrEqual(2);
    expect(secretariat.pageErrors).toEqual([]);
    expect(kyrgyz.pageErrors).toEqual([]);
  }, 240_000);

  it('an unreachable folder is "offline" in the header; nothing is lost, and syncing resumes when it is back', async () => {
    const s = secretariat.page;
    const d = kyrgyz.page;
    const away = `${folder}-unplugged`;
    await rename(folder, away);
    unplugged = away;
    await header(d).getByRole('link', { name: /^Sync folder: offline/ }).waitFor({ timeout: HOP });
    await nav(d).getByRole('link', { name: 'Settings' }).click();
    await d.getByRole('region', { name: 'Sync folder' }).getByText(/^Offline: the folder cannot be found/).waitFor();

    // Work goes on offline at the secretariat.
    await renameMeeting(s, 'Second meeting of the CWG, Bishkek', 'Second meeting of the CWG, Bishkek, 9–11 September 2014');

    await rename(away, folder);
    unplugged = null;
    await header(d).getByRole('link', { name: /^Sync folder: synced/ }).waitFor({ timeout: HOP });
    await waitForMeeting(d, 'Second meeting of the CWG, Bishkek, 9–11 September 2014');
  }, 240_000);

  it('quitting writes the change just made before the app closes', async () => {
    const s = secretariat.page;
    const own = async () => (await readdir(join(folder, 'cwg-desk'), { recursive: true })).filter((name) => name.endsWith('.cwgbundle.json')).length;
    await renameMeeting(s, 'Second meeting of the CWG, Bishkek, 9–11 September 2014', 'Second meeting of the CWG (saved just before quitting)');
    const before = await own();
    const answers = secretariat.quitAnswers;
    // Main asks before quitting; the renderer writes what is pending, then answers.
    await secretariat.sendMainEvent('cwg:event:before-quit', {});
    const deadline = Date.now() + HOP;
    while (secretariat.quitAnswers === answers && Date.now() < deadline) await s.waitForTimeout(100);
    expect(secretariat.quitAnswers).toBe(answers + 1);
    expect(await own()).toBeGreaterThan(before);
    await waitForMeeting(kyrgyz.page, 'Second meeting of the CWG (saved just before quitting)');
  }, 240_000);

  it('a delegation joining late catches up; Pause in the header stops syncing and Resume starts it again', async () => {
    const tajik = await startTestHost();
    try {
      const t = tajik.page;
      await firstRun(tajik, 'Tajik delegation', 'Delegation', 'Tajikistan');
      await chooseFolder(tajik, folder);
      // The waiting files are listed in Sync → Import too.
      await nav(t).getByRole('link', { name: 'Sync' }).click();
      await t.getByRole('navigation', { name: 'Sync sections' }).getByRole('link', { name: 'Import' }).click();
      const waiting = t.getByRole('list', { name: 'Waiting for you to trust the sender' });
      await waiting.getByText(/, from Secretariat/).first().waitFor({ timeout: HOP });
      await waiting.getByRole('button', { name: /^Review / }).first().click();
      // The preview reads and checks the file first (a whole sample bundle): as long as a hop may take.
      const trust = t.getByRole('checkbox', { name: /^I compared the fingerprint with the sender and trust “Secretariat”/ });
      await trust.waitFor({ timeout: HOP });
      await trust.check();
      await t.getByRole('button', { name: 'Import', exact: true }).click();
      await t.getByRole('status').getByText(/^Imported from Secretariat/).waitFor();
      await waitForMeeting(t, 'Second meeting of the CWG (saved just before quitting)');

      await header(t).getByRole('button', { name: 'Pause syncing' }).click();
      await header(t).getByRole('link', { name: /^Sync folder: paused/ }).waitFor();
      const s = secretariat.page;
      await renameMeeting(s, 'Second meeting of the CWG (saved just before quitting)', 'Second meeting (Bishkek)');
      await waitForMeeting(kyrgyz.page, 'Second meeting (Bishkek)');
      // Paused: the Tajik delegation has not read it.
      expect(await meetingTitles(t)).not.toContain('Second meeting (Bishkek)');
      await header(t).getByRole('button', { name: 'Resume syncing' }).click();
      await waitForMeeting(t, 'Second meeting (Bishkek)');
      expect(tajik.pageErrors).toEqual([]);
    } finally {
      await tajik.close();
    }
  }, 300_000);
});
