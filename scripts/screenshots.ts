/**
 * `npm run screenshots`: PNGs of the main screens in English and Russian, with the sample
 * data loaded, written to docs/screenshots/ (the README shows one of them).
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startTestHost } from '../tests/host/testHost';

const outDir = resolve(import.meta.dirname, '../docs/screenshots');

const screens = [
  { route: 'meetings', heading: { en: 'Meetings', ru: 'Встречи' } },
  { route: 'delegates', heading: { en: 'Delegates', ru: 'Делегаты' } },
  { route: 'mou', heading: { en: 'Memorandum of Understanding', ru: 'Меморандум о взаимопонимании' } },
  { route: 'sync', heading: { en: 'Sync', ru: 'Синхронизация' } },
  { route: 'settings', heading: { en: 'Settings', ru: 'Настройки' } },
  { route: 'deleted', heading: { en: 'Recently deleted', ru: 'Недавно удалённые' } },
] as const;

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const host = await startTestHost({ viewport: { width: 1280, height: 800 } });
  try {
    const { page } = host;
    await page.getByRole('heading', { level: 1, name: 'Welcome to CWG Desk' }).waitFor();
    await page.screenshot({ path: join(outDir, 'first-run-en.png') });
    await page.getByLabel('Name of this installation').fill('Secretariat laptop');
    await page.getByRole('radio', { name: /^Secretariat/ }).check();
    await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await page.getByRole('status').getByText(/Sample data loaded/).waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    // Something for Recently deleted to show: one session of the Bishkek meeting.
    await page.getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('link', { name: 'Second meeting of the Customs Working Group' }).first().click();
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.getByRole('group', { name: 'Actions for “Customs valuation”' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete this session?' }).getByRole('button', { name: 'Delete session' }).click();
    await page.getByRole('status').getByText('Session deleted.').waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();

    for (const language of ['en', 'ru'] as const) {
      await page.getByRole('combobox').first().selectOption(language);
      for (const screen of screens) {
        await page.goto(`${host.url}#/${screen.route}`);
        await page.getByRole('heading', { level: 1, name: screen.heading[language] }).waitFor();
        await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
        const file = join(outDir, `${screen.route}-${language}.png`);
        await page.screenshot({ path: file, fullPage: false });
        console.log(`wrote ${file}`);
      }
      // The restore preview of the daily backup (taken by itself shortly after start-up;
      // Settings lists backups when it opens, so reopen it until the list has one).
      const restoreLink = page.getByRole('link', { name: language === 'en' ? /^Restore the backup of/ : /^Восстановить резервную копию от/ }).first();
      for (let attempt = 0; attempt < 20 && (await restoreLink.count()) === 0; attempt += 1) {
        await page.goto(`${host.url}#/meetings`);
        await page.goto(`${host.url}#/settings`);
        await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
        if ((await restoreLink.count()) === 0) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await restoreLink.click();
      await page.getByRole('heading', { level: 2, name: language === 'en' ? 'What the backup holds' : 'Что содержит резервная копия' }).waitFor();
      const file = join(outDir, `restore-${language}.png`);
      await page.screenshot({ path: file, fullPage: false });
      console.log(`wrote ${file}`);
    }
  } finally {
    await host.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
