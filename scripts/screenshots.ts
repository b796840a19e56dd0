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

    for (const language of ['en', 'ru'] as const) {
      await page.getByRole('combobox').first().selectOption(language);
      for (const screen of screens) {
        await page.goto(`${host.url}#/${screen.route}`);
        await page.getByRole('heading', { level: 1, name: screen.heading[language] }).waitFor();
        const file = join(outDir, `${screen.route}-${language}.png`);
        await page.screenshot({ path: file, fullPage: false });
        console.log(`wrote ${file}`);
      }
    }
  } finally {
    await host.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
