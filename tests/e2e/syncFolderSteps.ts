/**
 * Steps of the sync folder tests as a person takes them (Settings → Sync folder, the
 * header, the meetings list), shared by syncFolder.test.ts, syncFolderSyncthing.test.ts and
 * the folder bench.
 */
import type { Page } from 'playwright-core';
import type { TestHost } from '../host/testHost';
import { nav } from './syncSteps';

/** Long enough for a poll (5 s), a settle and a write on a loaded machine. */
export const HOP = 60_000;

export const folderHeader = (page: Page) => page.getByRole('group', { name: 'Sync folder status' });
export const folderSection = (page: Page) => page.getByRole('region', { name: 'Sync folder' });

/** Settings → Sync folder → Choose a sync folder… (the dialog answers `folder`). */
export async function chooseSyncFolder(host: TestHost, folder: string): Promise<void> {
  const { page } = host;
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await folderSection(page).getByText('No sync folder is chosen: bundles move only when you export and import them.').waitFor();
  host.dialogs.answer(folder);
  await folderSection(page).getByRole('button', { name: 'Choose a sync folder…' }).click();
  await page.getByRole('status').getByText(`This installation now syncs through ${folder}.`).waitFor();
  await folderSection(page).getByText('Connected').waitFor();
}

/** Reviews the first file waiting for `sender` (listed in Settings → Sync folder) and trusts the sender in Sync → Import. */
export async function trustWaitingSender(page: Page, sender: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const waiting = folderSection(page).getByRole('list', { name: 'Waiting for you to trust the sender' });
  await waiting.getByText(new RegExp(`, from ${sender}`)).first().waitFor({ timeout: HOP });
  await waiting.getByRole('button', { name: /^Review / }).first().click();
  await page.getByRole('heading', { name: 'What this bundle would change' }).waitFor();
  await page.getByRole('checkbox', { name: new RegExp(`^I compared the fingerprint with the sender and trust “${sender}”`) }).check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').getByText(new RegExp(`^Imported from ${sender}`)).waitFor();
}

/** The meetings list's text (the page is opened anew: lists do not poll). */
export async function meetingsText(page: Page): Promise<string> {
  await nav(page).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
  return (await page.getByRole('main').textContent()) ?? '';
}

/** Waits until `check` holds, looking again every half second. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = HOP): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Timed out after ${String(timeoutMs / 1000)} s waiting for ${what}.`);
}

/** Waits until the meetings list shows `title`. */
export function waitForMeeting(page: Page, title: string): Promise<void> {
  return until(`"${title}" in the meetings list`, async () => (await meetingsText(page)).includes(title));
}

/** Renames a meeting through its form; ends on the meeting's page. */
export async function renameMeeting(page: Page, from: string, to: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('link', { name: from }).first().click();
  await page.getByRole('link', { name: 'Edit meeting' }).click();
  await page.getByLabel('Title in English').fill(to);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: to }).waitFor();
}
