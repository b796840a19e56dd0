/**
 * A new user's first run, the way a person does it: name the installation, choose the
 * secretariat role, switch to Russian, load the sample data, see both 2014 meetings,
 * restart the app and find everything still there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';

describe('first run', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost();
  });

  afterAll(async () => {
    await host.close();
  });

  it('asks who uses the installation and refuses an empty name', async () => {
    const { page } = host;
    await page.getByRole('heading', { level: 1, name: 'Welcome to CWG Desk' }).waitFor();
    // Nothing else is reachable before the installation has an identity.
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
    const name = page.getByLabel('Name of this installation');
    await page.getByText('Enter a name for this installation.').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.evaluate((element) => element === document.activeElement)).toBe(true);

    // A delegation must name its country.
    await name.fill('Secretariat laptop');
    await page.getByRole('radio', { name: /^Delegation/ }).check();
    await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
    await page.getByText('Choose the country of the delegation.').waitFor();
    const options = await page.getByLabel('Country of the delegation').locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Kazakhstan', 'Kyrgyzstan', 'Tajikistan', 'Turkmenistan', 'Afghanistan']));

    // Nothing was saved by the refused attempts.
    await host.page.reload();
    await page.getByRole('heading', { level: 1, name: 'Welcome to CWG Desk' }).waitFor();
  });

  it('creates the secretariat installation, switches to Russian and loads sample data', async () => {
    const { page } = host;
    await page.getByLabel('Name of this installation').fill('Secretariat laptop');
    await page.getByRole('radio', { name: /^Secretariat/ }).check();
    await page.getByRole('button', { name: 'Start using CWG Desk' }).click();

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.waitFor();
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await page.getByText('No meetings yet.').waitFor();
    await page.getByText('Secretariat laptop · Secretariat').waitFor();

    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('ru');
    await page.getByRole('heading', { level: 1, name: 'Встречи' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');

    await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Настройки' }).click();
    await page.getByRole('heading', { level: 1, name: 'Настройки' }).waitFor();
    await page.getByRole('button', { name: 'Загрузить пример данных' }).click();
    await page.getByRole('status').getByText(/Пример данных загружен: встреч — 2/).waitFor();

    await page.getByRole('link', { name: 'Встречи' }).click();
    const past = page.getByRole('table', { name: 'Прошедшие' });
    await past.waitFor();
    expect(await past.getByRole('row').count()).toBe(3); // header + two meetings
    const titles = await past.getByRole('rowheader').allTextContents();
    expect(titles[0]).toContain('Второе заседание Таможенной рабочей группы');
    expect(titles[1]).toContain('Учредительное заседание и семинар Таможенной рабочей группы');
    // The second meeting was in Bishkek; the seed page does not say where the first one was.
    const secondRow = past.getByRole('row', { name: /Второе заседание/ });
    // The place is user text, shown isolated (U+2068 … U+2069) so no direction mark in it spills over.
    expect(await secondRow.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\u2068Бишкек/), expect.stringMatching(/9 сент\. 2014 г\. – 11 сент\. 2014 г\./)]),
    );
  });

  it('keeps everything after a restart', async () => {
    await host.restart();
    const { page } = host;
    await page.getByRole('heading', { level: 1, name: 'Встречи' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Добро пожаловать в CWG Desk' }).count()).toBe(0);
    const past = page.getByRole('table', { name: 'Прошедшие' });
    await past.waitFor();
    expect(await past.getByRole('row').count()).toBe(3);
    await page.getByText('Secretariat laptop · Секретариат').waitFor();
    expect(host.pageErrors).toEqual([]);
    expect(host.blockedRequests).toEqual([]);
  });
});
