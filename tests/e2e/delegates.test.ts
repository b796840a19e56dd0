/**
 * The delegate registry as the secretariat uses it: add a person in Russian script and find
 * them by typing Latin; import a Windows-1251 CSV from Excel with two bad rows and see
 * exactly those two reported; merge two records of one person and see the participation
 * move; export to CSV honouring consent; move through the list by keyboard; import
 * 10,000 rows with a progress bar.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLargeCsv, writeWindows1251CsvWithTwoBadRows } from '../fixtures/csv';
import type { Locator } from 'playwright-core';
import { startTestHost, type TestHost } from '../host/testHost';
import { loadSampleData, firstRun } from './syncSteps';

describe('delegate registry', () => {
  let host: TestHost;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cwg-delegates-'));
    host = await startTestHost();
    const { page } = host;
    await firstRun(host, 'Secretariat laptop', 'Secretariat');
    await loadSampleData(page);
  });

  afterAll(async () => {
    await host.close();
  });

  const openRegistry = async () => {
    const { page } = host;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Delegates' }).click();
    await page.getByRole('navigation', { name: 'Registry' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'Delegates' }).waitFor();
  };

  const table = () => host.page.getByRole('table', { name: 'Delegates' });
  const rowNames = async () => table().getByRole('rowheader').allTextContents();

  const search = async (text: string) => {
    await host.page.getByLabel('Search by name or e-mail').fill(text);
  };

  it('adds a delegate in Russian script, refusing a bad e-mail first, and finds them by typing Latin', async () => {
    const { page } = host;
    await openRegistry();
    await page.getByText('34 people in the registry').waitFor();
    await page.getByRole('link', { name: 'Add delegate' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a delegate' }).waitFor();

    await page.getByLabel('Name in Cyrillic or native script').fill('Нурлан Токтогулов');
    await page.getByLabel('Country').selectOption({ label: 'Kyrgyzstan' });
    await page.getByLabel('E-mail').fill('n.toktogulov@');
    await page.getByRole('checkbox', { name: 'Customs official' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    const email = page.getByLabel('E-mail');
    await page.getByText('“n.toktogulov@” is not a valid e-mail address (for example, name@example.org).').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => email.evaluate((element) => element === document.activeElement)).toBe(true);

    await email.fill('n.toktogulov@customs.kg');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Нурлан Токтогулов' }).waitFor();
    await page.getByRole('status').getByText('Saved.').waitFor();

    await openRegistry();
    await page.getByText('35 people in the registry').waitFor();
    await search('Nurlan Toktogulov');
    await page.getByText('Showing 1 of 35 people').waitFor();
    expect(await rowNames()).toEqual(['Нурлан Токтогулов']);
    // "Nurlan" alone finds the sample's Nurlan (Latin) and the new one (Cyrillic only).
    await search('nurlan');
    await page.getByText('Showing 2 of 35 people').waitFor();
    expect((await rowNames()).sort()).toEqual(['Nurlan Beishenaliev', 'Нурлан Токтогулов']);
    // And back: Cyrillic finds a person entered in Latin with another spelling.
    await search('Бейшеналиев');
    await page.getByText('Showing 1 of 35 people').waitFor();
    expect(await rowNames()).toEqual(['Nurlan Beishenaliev']);
    // Filters combine with the search.
    await search('');
    await page.getByLabel('Country').selectOption({ label: 'Afghanistan' });
    await page.getByText('Showing 3 of 35 people').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('35 people in the registry').waitFor();
  });

  it('imports a Windows-1251 CSV with two bad rows: exactly those two are reported, the rest are imported', async () => {
    const { page } = host;
    const fixture = await writeWindows1251CsvWithTwoBadRows(join(dir, 'excel-ru.csv'));
    await page.getByRole('navigation', { name: 'Registry' }).getByRole('link', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import delegates from CSV' }).waitFor();
    host.dialogs.answer(fixture.path);
    await page.getByRole('button', { name: 'Choose a CSV file…' }).click();

    await page.getByText('excel-ru.csv: 10 rows, columns separated by semicolons.').waitFor();
    expect(await page.getByLabel('Text encoding').inputValue()).toBe('windows-1251');
    await page.getByText('Ready to import: 8 (8 new, 0 to update). Rows with problems, not imported: 2.').waitFor();
    const problems = page.getByRole('list', { name: 'Rows with problems' }).getByRole('listitem');
    expect(await problems.allTextContents()).toEqual([
      `Row ${String(fixture.badRows[0])}: Эл. почта (column 4), “ivanov@”: “ivanov@” is not a valid e-mail address (for example, name@example.org).`,
      `Row ${String(fixture.badRows[1])}: Страна (column 3), “Атлантида”: Unknown country “Атлантида”: use a country of the registry (its code, English or Russian name).`,
    ]);
    // Decoded correctly: the preview shows the Cyrillic names.
    const preview = page.getByRole('table', { name: /First 8 of 8 rows to import/ });
    expect(await preview.getByRole('cell', { name: fixture.goodNames[0] }).count()).toBe(1);

    await page.getByRole('button', { name: 'Import 8 valid rows' }).click();
    await page.getByRole('status').getByText('Import finished: 8 new, 0 updated.').first().waitFor();
    await page.getByRole('link', { name: 'Show the registry' }).click();
    await page.getByText('43 people in the registry').waitFor();
    await search(fixture.goodLatinNames[1] ?? '');
    expect(await rowNames()).toEqual([fixture.goodLatinNames[1]]);
    await search('');
  });

  it('merges two records of one person, previewed first, and the participation moves', async () => {
    const { page } = host;
    // The sample's Timur Sadykov attended the inaugural meeting; a second record of him is
    // entered in Cyrillic (as on a delegation's computer).
    await openRegistry();
    await page.getByRole('link', { name: 'Add delegate' }).click();
    await page.getByLabel('Name in Cyrillic or native script').fill('Тимур Садыков');
    await page.getByLabel('Country').selectOption({ label: 'Kyrgyzstan' });
    await page.getByLabel('E-mail').fill('t.sadykov@customs.kg');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Тимур Садыков' }).waitFor();
    await page.getByText('No meetings recorded.').waitFor();
    const newUrl = page.url();

    await page.getByRole('navigation', { name: 'Registry' }).getByRole('link', { name: 'Duplicates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Possible duplicates' }).waitFor();
    // Names are user text, isolated (U+2068 … U+2069) in the pair's name as on the screen.
    const pair = page.getByRole('listitem', { name: /\u2068Timur Sadykov\u2069 and \u2068Тимур Садыков\u2069|\u2068Тимур Садыков\u2069 and \u2068Timur Sadykov\u2069/ });
    await pair.getByText('Same name').waitFor();
    await pair.getByRole('link', { name: /^Compare and merge/ }).click();

    await page.getByRole('heading', { level: 1, name: 'Merge two records' }).waitFor();
    // Keep the new record: the sample's record is the one merged into it.
    // The choice reloads the preview for the other survivor: the radio is checked once it has.
    const keepNew = page.getByRole('radio', { name: /^\u2068Тимур Садыков\u2069 · \u2068Kyrgyzstan\u2069 · \u2068t\.sadykov@customs\.kg/ });
    await keepNew.click();
    await expect.poll(() => keepNew.isChecked(), { timeout: 30_000 }).toBe(true);
    await page.getByText('Participation in \u2068Inaugural meeting and workshop of the Customs Working Group\u2069 (Jun 9, 2014) as Member').waitFor();
    await page.getByText('The record of \u2068Timur Sadykov\u2069 will be deleted.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Merge records' }).click();

    await page.getByRole('heading', { level: 1, name: 'Timur Sadykov' }).waitFor();
    expect(page.url()).toBe(newUrl);
    const meetings = page.getByRole('table', { name: 'Meetings attended' });
    const row = meetings.getByRole('row', { name: /Inaugural meeting and workshop/ });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('Member');
    // Both names now on one record.
    await page.getByText('Тимур Садыков', { exact: true }).waitFor();
    // A safety backup was taken before the merge rewrote references.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('table', { name: 'Automatic backups, newest first' }).locator('tbody tr').first().getByText('Before merging duplicates').waitFor();

    await openRegistry();
    await page.getByText('43 people in the registry').waitFor();
    await search('Sadykov');
    expect(await rowNames()).toEqual(['Timur Sadykov']);
    await search('');
  });

  it('exports the people shown to CSV with contacts only of those who agreed to share them', async () => {
    const { page } = host;
    await openRegistry();
    await page.getByLabel('Country').selectOption({ label: 'Kazakhstan' });
    await page.getByText(/^Showing \d+ of 43 people$/).waitFor();
    const shown = (await rowNames()).length;
    const target = join(dir, 'kazakhstan.csv');
    host.dialogs.answer(target);
    await page.getByRole('button', { name: `Export ${String(shown)} to CSV…` }).click();
    await page.getByRole('status').getByText(`Exported ${String(shown)} people to ${target}`).waitFor();
    const text = await readFile(target, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'ID,Honorific,Name (Latin script),Name (native script),Position (English),Position (Russian),Organization,Country,Roles,E-mail,Phone,Working languages,Notes,Contacts may be printed,Contacts may be shared',
    );
    expect(lines.slice(1).every((line) => line.includes('Kazakhstan'))).toBe(true);
    expect(lines).toHaveLength(shown + 1);
    // Aigerim Seitkali agreed to share her contacts; Daniyar Omarov did not.
    const seitkali = lines.find((line) => line.includes('Aigerim Seitkali')) ?? '';
    const omarov = lines.find((line) => line.includes('Daniyar Omarov')) ?? '';
    expect(seitkali).toContain('a.seitkali@example.org');
    expect(seitkali.endsWith(',yes')).toBe(true);
    expect(omarov).not.toContain('@example.org');
    expect(omarov.endsWith(',no')).toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('moves through the virtualized list by keyboard, rendering rows on the way', async () => {
    const { page } = host;
    await openRegistry();
    const names = await rowNames();
    await table().getByRole('link', { name: names[0] }).focus();
    const focusedRow = () => page.evaluate(() => document.activeElement?.closest('[aria-rowindex]')?.getAttribute('aria-rowindex'));
    const rowCount = await table().getAttribute('aria-rowcount');
    // End reaches the last person, a row that was not rendered until the list scrolled.
    await page.keyboard.press('End');
    await expect.poll(focusedRow).toBe(rowCount);
    const last = await page.evaluate(() => document.activeElement?.textContent);
    expect(names).not.toContain(last);
    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(names[0]);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(names[1]);
    // The header sorts; the same header again reverses.
    await table().getByRole('button', { name: 'Name', exact: true }).click();
    expect(await table().getByRole('columnheader', { name: 'Name', exact: true }).getAttribute('aria-sort')).toBe('descending');
    expect((await rowNames())[0]).toBe(last);
    await table().getByRole('button', { name: 'Name', exact: true }).click();
  });

  it('imports 10,000 rows in one go with a progress bar, and the list stays usable', async () => {
    const { page } = host;
    const path = await writeLargeCsv(join(dir, 'ten-thousand.csv'), 10_000);
    await page.getByRole('navigation', { name: 'Registry' }).getByRole('link', { name: 'Import CSV' }).click();
    host.dialogs.answer(path);
    await page.getByRole('button', { name: 'Choose a CSV file…' }).click();
    await page.getByText('Ready to import: 10000 (10000 new, 0 to update). Rows with problems, not imported: 0.').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Import 10000 valid rows' }).click();
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await progress.waitFor();
    // Seen part-way: the bar moves while the one transaction runs.
    await page.getByText(/^Importing… [\d,]+ of 10,000$/).waitFor();
    await page.getByRole('status').getByText('Import finished: 10000 new, 0 updated.').first().waitFor({ timeout: 200_000 });
    expect(await progress.getAttribute('value')).toBe('10000');
    await page.getByRole('link', { name: 'Show the registry' }).click();
    await page.getByText('10,043 people in the registry').waitFor({ timeout: 30_000 });
    await search('Юлдуз Зафарович');
    await page.getByText(/^Showing \d+ of 10,043 people$/).waitFor();
    expect((await rowNames()).every((name) => name.startsWith('Yulduz Zafarovich'))).toBe(true);
    expect(host.pageErrors).toEqual([]);
    // 10,000 writes take tens of seconds on a busy shared machine.
  }, 240_000);

  it('restarted at the list of 10,043 people, shows them and keeps up with changes', async () => {
    const { page } = host;
    expect(new URL(page.url()).hash).toMatch(/^#\/delegates\/?$/);
    await page.reload();
    await page.getByText(/10,043 people/).first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole('row').count()).toBeGreaterThan(5);
    // A person added now is listed.
    await page.getByRole('link', { name: 'Add delegate' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a delegate' }).waitFor();
    await page.getByLabel('Name in Latin script').fill('Zarina Hamidova');
    await page.getByLabel('Country').selectOption({ label: 'Tajikistan' });
    await page.getByLabel('E-mail').fill('z.hamidova@customs.tj');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Delegates' }).click();
    await page.getByText(/10,044 people/).first().waitFor({ timeout: 30_000 });
    expect(host.pageErrors).toEqual([]);
  }, 120_000);
});

/**
 * Text from another installation may hold a right-to-left override (U+202E) that is never
 * closed. On the duplicates and merge screens it stays inside its own field: the text
 * after it still reads left to right, which is checked on the rendered glyphs (where the
 * first and last letter of a word are drawn), not on the markup.
 */
describe('an unclosed right-to-left override in a name', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost();
    const { page } = host;
    await page.getByLabel('Name of this installation').fill('Secretariat laptop');
    await page.getByRole('radio', { name: /^Secretariat/ }).check();
    await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
  });

  afterAll(async () => {
    await host.close();
  });

  /**
   * Where the first and the last letter of `word` are drawn inside `element` (the first
   * occurrence in its text): left to right, the first is left of the last.
   */
  const letterPositions = (element: Locator, word: string) =>
    element.evaluate((root, target) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(target);
        if (at < 0) continue;
        const left = (offset: number) => {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          return range.getBoundingClientRect().left;
        };
        return { first: left(at), last: left(at + target.length - 1) };
      }
      throw new Error(`"${target}" is not in the element's text`);
    }, word);

  const expectLeftToRight = async (element: Locator, word: string) => {
    const { first, last } = await letterPositions(element, word);
    expect(first, `"${word}" reads left to right`).toBeLessThan(last);
  };

  const addDelegate = async (fields: { latin?: string; native?: string; email: string }) => {
    const { page } = host;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Delegates' }).click();
    await page.getByRole('link', { name: 'Add delegate' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a delegate' }).waitFor();
    if (fields.latin !== undefined) await page.getByLabel('Name in Latin script').fill(fields.latin);
    if (fields.native !== undefined) await page.getByLabel('Name in Cyrillic or native script').fill(fields.native);
    await page.getByLabel('Country').selectOption({ label: 'Tajikistan' });
    await page.getByLabel('E-mail').fill(fields.email);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
  };

  it('does not reverse the text around it on the duplicates and merge screens', async () => {
    const { page } = host;
    // Two records of one person (same e-mail); one name carries an override never closed.
    await addDelegate({ latin: 'Zarina\u202E Aminova', native: 'Зарина Аминова', email: 'z.aminova@customs.tj' });
    await addDelegate({ latin: 'Zarina Aminova', email: 'z.aminova@customs.tj' });

    await page.getByRole('navigation', { name: 'Registry' }).getByRole('link', { name: 'Duplicates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Possible duplicates' }).waitFor();
    const pair = page.getByRole('listitem', { name: /Zarina\u202E Aminova/ });
    await pair.getByText('Same e-mail').waitFor();
    // The native name follows the overridden Latin one in the same line.
    const summary = pair.locator('p').filter({ hasText: 'Зарина Аминова' });
    await expectLeftToRight(summary, 'Зарина');
    await expectLeftToRight(summary, 'Аминова');

    const pairName = (await pair.getAttribute('aria-label')) ?? '';
    await pair.getByRole('link', { name: /^Compare and merge/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Merge two records' }).waitFor();
    // The record's label: name · native name · country · e-mail, in one line.
    const overridden = page.locator('label.choice').filter({ hasText: 'Зарина Аминова' });
    await expectLeftToRight(overridden, 'Зарина');
    await expectLeftToRight(overridden, 'Tajikistan');
    await expectLeftToRight(overridden, 'customs');
    // Keep the plain record, so the overridden one is named in the warning.
    const keepPlain = page.getByRole('radio', { name: /^\u2068Zarina Aminova\u2069/ });
    await keepPlain.click();
    await expect.poll(() => keepPlain.isChecked(), { timeout: 30_000 }).toBe(true);
    const warning = page.getByText(/will be deleted/);
    await expectLeftToRight(warning, 'deleted');
    await expectLeftToRight(warning, 'installations');
    // The pair's accessible name keeps each name in its own isolate.
    expect(pairName).toMatch(/\u2068Zarina\u202E Aminova\u2069/);
    expect(host.pageErrors).toEqual([]);
  });
});
