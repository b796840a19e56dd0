/**
 * Steps of the sync end-to-end tests as a person takes them: first run, the Sync screens
 * (export everything or for one installation, open a bundle, trust and import), adding a
 * delegate, a delegate's facts, and Back up now. Shared by the sync tests; the same steps
 * as in syncFlow.test.ts, which keeps its own copies for now.
 */
import { basename } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { TestHost } from '../host/testHost';

export const nav = (page: Page) => page.getByRole('navigation', { name: /^(Main navigation|Основная навигация)$/ });
export const syncNav = (page: Page) => page.getByRole('navigation', { name: /^(Sync sections|Разделы синхронизации)$/ });

export async function firstRun(host: TestHost, name: string, role: 'Secretariat' | 'Delegation', country?: string): Promise<void> {
  const { page } = host;
  await page.getByRole('heading', { level: 1, name: 'Welcome to CWG Desk' }).waitFor();
  await page.getByLabel('Name of this installation').fill(name);
  await page.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
  if (country) await page.getByLabel('Country of the delegation').selectOption({ label: country });
  await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
  await nav(page).waitFor();
}

/**
 * Clicks a navigation link and waits until it marks the current page. Each screen's code is
 * loaded when the screen is first opened, and the previous screen stays until then: reading
 * the page right after the click could read the previous screen.
 */
export async function follow(link: Locator): Promise<void> {
  await link.click();
  await link.and(link.page().locator('[aria-current="page"]')).waitFor();
}

export async function openSync(page: Page, section: 'Overview' | 'Export' | 'Import' | 'History' | 'Trusted installations' | RegExp): Promise<void> {
  await follow(nav(page).getByRole('link', { name: 'Sync' }));
  await follow(syncNav(page).getByRole('link', { name: section }));
}

/** Exports everything, or what `peer` has not received, to `path` (the save dialog answers it). */
export async function exportBundle(host: TestHost, path: string, peer?: string): Promise<void> {
  const { page } = host;
  await openSync(page, 'Export');
  await page.getByRole('heading', { level: 1, name: 'Export a bundle' }).waitFor();
  if (peer) {
    await page.getByRole('radio', { name: 'What one installation has not received yet' }).check();
    await page.getByRole('combobox', { name: 'Installation' }).selectOption({ label: peer });
  } else {
    await page.getByRole('radio', { name: 'Everything on this computer' }).check();
  }
  host.dialogs.answer(path);
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  await waitForBundleSaved(page, path);
}

/** Waits for the notice of this file's export: an earlier export's may still be on screen. */
export async function waitForBundleSaved(page: Page, path: string): Promise<void> {
  const name = basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByRole('status').getByText(new RegExp(`^Bundle saved: .*${name}`)).first().waitFor();
}

/**
 * Opens the file through the dialog and waits for the preview (or the refusal). With
 * `expect`, a file that ends the other way fails the step with what the screen says.
 */
export async function openBundle(host: TestHost, path: string, expect?: 'preview' | 'refused'): Promise<'preview' | 'refused'> {
  const { page } = host;
  await openSync(page, 'Import');
  await page.getByRole('heading', { level: 1, name: 'Import a bundle' }).waitFor();
  host.dialogs.answer(path);
  await page.getByRole('button', { name: 'Choose a bundle file…' }).click();
  const heading = page.getByRole('heading', { name: /^(What this bundle would change|This file was not imported)$/ });
  await heading.waitFor();
  const outcome = (await heading.textContent()) === 'This file was not imported' ? 'refused' : 'preview';
  if (expect && outcome !== expect) {
    const said = outcome === 'refused' ? await page.getByRole('alert').allTextContents() : [await page.locator('main').textContent()];
    throw new Error(`${path}: expected the ${expect}, the screen shows the ${outcome}: ${said.join(' | ')}`);
  }
  return outcome;
}

/** Opens and imports a bundle, confirming the sender's fingerprint when asked. */
export async function importBundle(host: TestHost, path: string, sender: string): Promise<void> {
  const { page } = host;
  await openBundle(host, path, 'preview');
  const confirm = page.getByRole('checkbox', { name: /^I compared the fingerprint/ });
  if ((await confirm.count()) > 0) await confirm.check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').getByText(new RegExp(`^Imported from ${sender}`)).waitFor();
}

export interface NewDelegate {
  nameNative: string;
  country: string;
  email: string;
  phone: string;
  shareContacts: boolean;
}

/** Adds a person through the form (a customs official); ends on their page. */
export async function addDelegate(page: Page, person: NewDelegate): Promise<void> {
  await nav(page).getByRole('link', { name: 'Delegates' }).click();
  await page.getByRole('link', { name: 'Add delegate' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a delegate' }).waitFor();
  await page.getByLabel('Name in Cyrillic or native script').fill(person.nameNative);
  await page.getByLabel('Country').selectOption({ label: person.country });
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Phone').fill(person.phone);
  await page.getByRole('checkbox', { name: 'Customs official' }).check();
  await page.getByRole('checkbox', { name: /^Contact details may be shared/ }).setChecked(person.shareContacts);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: person.nameNative }).waitFor();
}

/** Opens a person's page from the registry's search. */
export async function openDelegate(page: Page, name: string): Promise<void> {
  await nav(page).getByRole('link', { name: /^(Delegates|Делегаты)$/ }).click();
  await page.getByLabel(/^(Search by name or e-mail|Поиск по имени или эл\. почте)$/).fill(name);
  await page.getByRole('table', { name: /^(Delegates|Делегаты)$/ }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The text of one fact on a person's page ("E-mail" → its value). */
export async function delegateFact(page: Page, label: string): Promise<string> {
  const term = page.locator('dl.facts > dt').filter({ hasText: new RegExp(`^${label}$`) });
  return (await term.locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
}

/** Settings → Back up now…, saved to `path`. */
export async function backUpNow(host: TestHost, path: string): Promise<void> {
  const { page } = host;
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  host.dialogs.answer(path);
  await page.getByRole('button', { name: 'Back up now…' }).click();
  await page.getByRole('status').getByText(`Backup saved: ${path}`).waitFor();
}

/** Settings → Load sample data, as a secretariat does on a new installation; waits for the confirmation. */
export async function loadSampleData(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await page.getByRole('status').getByText(/^Sample data loaded/).waitFor();
}
