/**
 * Edits of one field on two computers that had not seen each other's change: the import
 * preview shows both values side by side, the later one is applied, and on the Conflicts
 * screen a person picks the other value, which then travels back like any edit. Also the
 * size limit in Settings, and the screens in Russian.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';
import { loadSampleData, firstRun, waitForBundleSaved } from './syncSteps';

const nav = (page: Page) => page.getByRole('navigation', { name: /^(Main navigation|Основная навигация)$/ });
const syncNav = (page: Page) => page.getByRole('navigation', { name: /^(Sync sections|Разделы синхронизации)$/ });


async function exportAll(host: TestHost, path: string): Promise<void> {
  const { page } = host;
  await nav(page).getByRole('link', { name: 'Sync' }).click();
  await syncNav(page).getByRole('link', { name: 'Export' }).click();
  await page.getByRole('radio', { name: 'Everything on this computer' }).check();
  host.dialogs.answer(path);
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  await waitForBundleSaved(page, path);
}

async function chooseBundle(host: TestHost, path: string): Promise<void> {
  const { page } = host;
  await nav(page).getByRole('link', { name: /^(Sync|Синхронизация)$/ }).click();
  await syncNav(page).getByRole('link', { name: /^(Import|Импорт)$/ }).click();
  host.dialogs.answer(path);
  await page.getByRole('button', { name: /^(Choose a bundle file…|Выбрать файл пакета…)$/ }).click();
}

async function editEmail(page: Page, name: string, email: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Delegates' }).click();
  await page.getByLabel('Search by name or e-mail').fill(name);
  await page.getByRole('table', { name: 'Delegates' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').getByText('Saved.').first().waitFor();
}

describe('sync conflicts', () => {
  let secretariat: TestHost;
  let delegation: TestHost;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-sync-conflicts-'));
    [secretariat, delegation] = await Promise.all([startTestHost(), startTestHost()]);
    await firstRun(secretariat, 'Secretariat laptop', 'Secretariat');
    await firstRun(delegation, 'Kyrgyz delegation', 'Delegation', 'Kyrgyzstan');
  });

  afterAll(async () => {
    await Promise.all([secretariat.close(), delegation.close()]);
  });

  it('shows both values of a field edited on both computers, applies the later one, and lets a person pick the other', async () => {
    const s = secretariat.page;
    await loadSampleData(s);
    await exportAll(secretariat, join(folder, 'start.cwgbundle.json'));
    await chooseBundle(delegation, join(folder, 'start.cwgbundle.json'));
    const d = delegation.page;
    await d.getByRole('checkbox', { name: /^I compared the fingerprint/ }).check();
    await d.getByRole('button', { name: 'Import', exact: true }).click();
    await d.getByRole('status').getByText(/^Imported from Secretariat laptop/).waitFor();

    // Offline, each side corrects the same e-mail address differently; the secretariat later.
    await editEmail(d, 'Aida Mamatova', 'a.mamatova@customs.kg');
    await editEmail(s, 'Aida Mamatova', 'mamatova@secretariat.example.org');
    await exportAll(secretariat, join(folder, 'second.cwgbundle.json'));

    await chooseBundle(delegation, join(folder, 'second.cwgbundle.json'));
    await d.getByRole('heading', { name: 'Edits made on both computers' }).waitFor();
    const row = d.getByRole('row', { name: /Aida Mamatova/ });
    expect(await row.getByRole('cell').nth(0).textContent()).toBe('E-mail');
    expect(await row.getByRole('cell').nth(1).textContent()).toContain('mamatova@secretariat.example.org');
    expect(await row.getByRole('cell').nth(2).textContent()).toContain('a.mamatova@customs.kg');
    await d.getByRole('button', { name: 'Import', exact: true }).click();
    await d.getByRole('status').getByText(/\b1 conflict\b/).waitFor();

    await syncNav(d).getByRole('link', { name: 'Conflicts (1)' }).click();
    await d.getByRole('heading', { level: 1, name: 'Conflicts' }).waitFor();
    await d.getByRole('button', { name: 'Use the other: Aida Mamatova (Аида Маматова), E-mail' }).click();
    await d.getByRole('status').getByText('The other value is now the current one.').waitFor();
    await d.getByText('No conflicts to review.').waitFor();
    expect(await syncNav(d).getByRole('link', { name: 'Conflicts', exact: true }).count()).toBe(1);

    // The choice is a new change, and a delegation keeps its own country's people up to date
    // (docs/sync.md, "Who may change what"): it reaches the secretariat without a new
    // conflict there, and the conflict, settled, travels with it (docs/sync.md, "Conflicts that travel").
    await exportAll(delegation, join(folder, 'answer.cwgbundle.json'));
    await chooseBundle(secretariat, join(folder, 'answer.cwgbundle.json'));
    await s.getByRole('checkbox', { name: /^I compared the fingerprint/ }).check();
    expect(await s.getByRole('heading', { name: 'Edits made on both computers' }).count()).toBe(0);
    await s.getByRole('button', { name: 'Import', exact: true }).click();
    await s.getByRole('status').getByText(/^Imported from Kyrgyz delegation: .*, 0 conflicts, 0 refused\.$/).waitFor();
    expect(await syncNav(s).getByRole('link', { name: 'Conflicts', exact: true }).count()).toBe(1);
    await nav(s).getByRole('link', { name: 'Delegates' }).click();
    await s.getByLabel('Search by name or e-mail').fill('a.mamatova@customs.kg');
    await s.getByRole('table', { name: 'Delegates' }).getByRole('link', { name: 'Aida Mamatova' }).waitFor();
  });

  it('refuses a file above the size limit set in Settings, and speaks Russian', async () => {
    const d = delegation.page;
    await nav(d).getByRole('link', { name: 'Settings' }).click();
    const section = d.getByRole('region', { name: 'Sync' });
    const limit = section.getByLabel('Largest bundle to import (MB)');
    await expect.poll(() => limit.inputValue()).toBe('200');
    await limit.fill('0');
    await section.getByRole('button', { name: 'Save limit' }).click();
    await section.getByText('Enter a whole number of megabytes from 1 to 500.').waitFor();
    expect(await limit.getAttribute('aria-invalid')).toBe('true');
    await limit.fill('1');
    await section.getByRole('button', { name: 'Save limit' }).click();
    await d.getByRole('status').getByText('The bundle size limit was saved.').waitFor();

    const big = join(folder, 'big.cwgbundle.json');
    await writeFile(big, `{"header":{},"padding":"${'x'.repeat(1024 * 1024)}"}`);
    await d.getByRole('combobox', { name: 'Language' }).first().selectOption('ru');
    await chooseBundle(delegation, big);
    const alert = d.getByRole('alert').filter({ hasText: 'Этот файл не импортирован' });
    await alert.getByText(/^Файл больше предела 1 МБ/).waitFor();
    await alert.getByText('На этом компьютере ничего не изменилось.').waitFor();
    await d.getByRole('combobox', { name: 'Язык' }).first().selectOption('en');
    expect(delegation.pageErrors.filter((error) => !error.startsWith('cwg:file:open'))).toEqual([]);
    expect(secretariat.pageErrors).toEqual([]);
  });
});
