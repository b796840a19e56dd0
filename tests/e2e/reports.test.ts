/**
 * Printing from the app, the way the secretariat does it: load the sample data, open
 * Reports, choose the agenda of the Bishkek meeting in both languages, check the preview,
 * export the PDF through the save dialog and read it back; then a participants list whose
 * export is cancelled, the MoU draft compared with its first version with an annex and
 * line numbers, the meeting report, and the screen in Russian. Selectors are roles and
 * labels, as a person sees them.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';
import { pdfFonts, pdfInfo, pdfText } from './reportsPdf';
import { loadSampleData, firstRun } from './syncSteps';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });
const preview = (page: Page) => page.getByRole('region', { name: 'Preview' });

describe('reports', () => {
  let host: TestHost;
  let folder: string;

  beforeAll(async () => {
    host = await startTestHost();
    folder = await mkdtemp(join(tmpdir(), 'cwg-reports-e2e-'));
    await firstRun(host, 'Secretariat laptop', 'Secretariat');
  });

  afterAll(async () => {
    await host.close();
  });

  it('says what is missing before there is anything to print', async () => {
    const { page } = host;
    await nav(page).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByText(/^There are no meetings to report on yet\./).waitFor();
    expect(await page.getByRole('button', { name: 'Export PDF' }).isDisabled()).toBe(true);
    await page.getByRole('radio', { name: 'MoU draft' }).check();
    await page.getByText(/^There is no MoU document yet\./).waitFor();
    expect(await page.getByRole('button', { name: 'Export PDF' }).isDisabled()).toBe(true);
    await page.getByRole('radio', { name: 'Agenda' }).check();

    await loadSampleData(page);
  });

  it('previews the agenda in both languages with the report’s own styles and fonts', async () => {
    const { page } = host;
    await nav(page).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Agenda' }).isChecked()).toBe(true);
    // The newest meeting is chosen until someone chooses another.
    const meeting = page.getByLabel('Meeting', { exact: true });
    expect(await meeting.locator('option:checked').textContent()).toContain('Second meeting of the Customs Working Group');

    await page.getByLabel('Language of the report').selectOption({ label: 'English and Russian side by side' });
    const region = preview(page);
    await region.getByText('Таможенная стоимость').first().waitFor();
    await region.getByRole('heading', { name: /Day 1 — Tuesday, 9 September 2014 \/ День 1 — вторник, 9 сентября 2014/ }).waitFor();
    expect(await region.getByRole('cell', { name: /Customs valuation/ }).count()).toBeGreaterThan(0);

    // The stylesheet is adopted despite the app's CSP, and the report fonts come from the app itself.
    const style = await region.locator('.cwg-report').evaluate((element) => {
      const computed = getComputedStyle(element);
      return { family: computed.fontFamily, size: computed.fontSize };
    });
    expect(style.family).toContain('CWG Report Sans');
    // 10pt = 13.33 CSS px.
    expect(Number.parseFloat(style.size)).toBeCloseTo((10 * 96) / 72, 1);
    await page.waitForFunction(() => document.fonts.check('10pt "CWG Report Sans"', 'Таможенная'));
    expect(host.pageErrors).toEqual([]);
    expect(host.blockedRequests).toEqual([]);
  });

  it('exports the agenda PDF through the save dialog', async () => {
    const { page } = host;
    const target = join(folder, 'agenda.pdf');
    host.dialogs.answer(target);
    const button = page.getByRole('button', { name: 'Export PDF' });
    await button.focus();
    await page.keyboard.press('Enter');
    const saved = page.getByRole('status').getByText(/^Saved .*agenda\.pdf \(pages: \d+\)\.$/);
    await saved.waitFor();

    const asked = host.dialogs.asked.at(-1);
    expect(asked?.kind).toBe('save');
    expect(asked?.defaultPath).toMatch(/Agenda — Second meeting of the Customs Working Group\.pdf$/);
    const text = await pdfText(target);
    const { pages } = await pdfInfo(target);
    expect((await saved.textContent()) ?? '').toContain(`(pages: ${String(pages)})`);
    expect(text).toContain('Risk management');
    expect(text).toContain('Управление рисками');
    expect(text).toContain(`Page 1 of ${String(pages)} / Стр. 1 из ${String(pages)}`);
    for (const font of await pdfFonts(target)) {
      expect(font.embedded).toBe(true);
      expect(font.name).toMatch(/\+NotoSans(Arabic)?-(Regular|Bold)$/);
    }
    expect(host.print.blockedRequests).toEqual([]);
  });

  it('prints the agenda with "Print…": the host\'s printer (a PDF here) receives the document the export saved', async () => {
    const { page } = host;
    const jobs = host.print.printerJobs.length;
    const asked = host.dialogs.asked.length;
    const exported = join(folder, 'agenda.pdf');
    const button = page.getByRole('button', { name: 'Print…' });
    await button.click();
    await page.getByRole('status').getByText('Sent to the printer.').waitFor();
    // Focus stays on the button after the action.
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(host.print.printerJobs.length).toBe(jobs + 1);
    const job = host.print.printerJobs.at(-1);
    if (!job) throw new Error('nothing reached the printer');
    // The document's title, in both languages as the agenda is printed.
    expect(job.title).toBe('Agenda — Second meeting of the Customs Working Group / Повестка дня — Второе заседание Таможенной рабочей группы');
    expect(job.options.pageSize).toBe('A4');
    // The same document as the export: same pages, same text.
    const printed = await pdfText(job.pdf);
    expect(printed).toContain('Risk management');
    expect(printed).toContain('Управление рисками');
    expect((await pdfInfo(job.pdf)).pages).toBe((await pdfInfo(exported)).pages);
    expect(printed).toBe(await pdfText(exported));
    // No save dialog: printing saves nothing.
    expect(host.dialogs.asked.length).toBe(asked);
    expect(host.pageErrors).toEqual([]);
  });

  it('shows a participants list with contacts only of people who consented, and a cancelled export saves nothing', async () => {
    const { page } = host;
    await page.getByRole('radio', { name: 'Participants list' }).check();
    await page.getByLabel('Names written in').selectOption({ label: 'Both scripts' });
    await page.getByRole('checkbox', { name: /Print e-mail and phone/ }).check();
    const region = preview(page);
    // The country heads its table (repeated on every page it runs over).
    await region.getByRole('columnheader', { name: 'Afghanistan / Афганистан' }).waitFor();
    await region.getByText('محمد ناصر شریفی').waitFor();
    // Withheld contacts leave the cell empty; the note under the list says why.
    expect(await region.getByText('not for print').count()).toBe(0);
    await region.getByText(/^Contact details are printed only for people who agreed to it\./).waitFor();
    expect(await region.getByText('a.seitkali@example.org').count()).toBe(1);

    const asked = host.dialogs.asked.length;
    host.dialogs.answer(null);
    await page.getByRole('button', { name: 'Export PDF' }).click();
    await page.getByRole('status').getByText('Export cancelled: nothing was saved.').waitFor();
    expect(host.dialogs.asked.length).toBe(asked + 1);
  });

  it('prints the MoU draft compared with its first version, with the annex and line numbers', async () => {
    const { page } = host;
    await page.getByRole('radio', { name: 'MoU draft' }).check();
    await page.getByLabel('Language of the report').selectOption({ label: 'English' });
    const version = page.getByLabel('Text to print');
    const options = await version.locator('option').allTextContents();
    expect(options[0]).toBe('Current working text');
    const latest = options.at(-1) ?? '';
    expect(latest).toMatch(/^Version 2: /);
    await version.selectOption({ label: latest });
    const compare = page.getByLabel('Mark changes since');
    // Only earlier versions are offered.
    await expect.poll(async () => (await compare.locator('option').allTextContents()).map((label) => label.slice(0, 10))).toEqual([
      'No compari',
      'Version 1:',
    ]);
    await compare.selectOption({ index: 1 });
    await page.getByRole('checkbox', { name: /annex listing the amendments/ }).check();
    await page.getByRole('checkbox', { name: /Number the lines/ }).check();

    const region = preview(page);
    await region.getByText(/^Changes since version 1/).waitFor();
    await region.getByRole('heading', { name: 'Annex. Amendments and their status' }).waitFor();
    expect(await region.locator('ins').count()).toBeGreaterThan(0);

    const target = join(folder, 'mou.pdf');
    host.dialogs.answer(target);
    await page.getByRole('button', { name: 'Export PDF' }).click();
    await page.getByRole('status').getByText(/^Saved .*mou\.pdf/).waitFor();
    expect(host.dialogs.asked.at(-1)?.defaultPath).toMatch(/ v2 vs v1\.pdf$/);
    const text = (await pdfText(target)).replace(/\s+/g, ' ');
    expect(text).toContain('Changes since version 1');
    expect(text).toContain('Annex. Amendments and their status');
    expect(text).toContain('DRAFT');
  });

  it('shows the meeting report’s attendance and keeps the choice across a reload', async () => {
    const { page } = host;
    await page.getByRole('radio', { name: 'Meeting report' }).check();
    const region = preview(page);
    const kyrgyzstan = region.getByRole('row', { name: /^Kyrgyzstan/ });
    await kyrgyzstan.waitFor();
    expect(await kyrgyzstan.getByRole('cell').allTextContents()).toEqual(['2', '–', '15', '–', '–', '17']);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Meeting report' }).isChecked()).toBe(true);
    await preview(page).getByRole('row', { name: /^Kyrgyzstan/ }).waitFor();
  });

  it('gives certificates to the capacities chosen, or to those present long enough, signed by someone named', async () => {
    const { page } = host;
    await page.getByRole('radio', { name: 'Certificates of participation' }).check();
    const region = preview(page);
    const certificates = region.getByRole('heading', { name: /^Certificate of participation/ });
    await expect.poll(() => certificates.count()).toBe(26);
    const recipients = page.getByRole('group', { name: 'Certificates for' });
    // Organizers and the secretariat get none unless chosen.
    expect(await recipients.getByRole('checkbox', { name: 'Organizer' }).isChecked()).toBe(false);
    expect(await recipients.getByRole('checkbox', { name: /^Trainee/ }).isChecked()).toBe(true);
    await recipients.getByRole('checkbox', { name: 'Member delegation' }).uncheck();
    await expect.poll(() => certificates.count()).toBeLessThan(26);
    await recipients.getByRole('checkbox', { name: 'Member delegation' }).check();
    await page.getByLabel('Present on at least this many days (0: any)').fill('3');
    await expect.poll(() => certificates.count()).toBeLessThan(26);
    await page.getByLabel('Present on at least this many days (0: any)').fill('0');
    await expect.poll(() => certificates.count()).toBe(26);

    const signed = page.getByRole('group', { name: 'Signed by' });
    await signed.getByLabel('Name of the signatory').fill('Aibek Dzhaparov');
    await signed.getByLabel('Title of the signatory in English').fill('Chair of the Working Group');
    await region.getByText('Aibek Dzhaparov').first().waitFor();
    await region.getByText('Chair of the Working Group').first().waitFor();
    expect(host.pageErrors).toEqual([]);
  });

  it('exports the meeting book from the meeting page in one action', async () => {
    const { page } = host;
    await nav(page).getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('link', { name: 'Second meeting of the Customs Working Group' }).click();
    const target = join(folder, 'book.pdf');
    host.dialogs.answer(target);
    await page.getByRole('group', { name: 'Meeting actions' }).getByRole('button', { name: 'Meeting book as PDF' }).click();
    await page.getByRole('status').getByText(/^Saved .*book\.pdf \(pages: \d+\)\.$/).waitFor({ timeout: 120_000 });
    expect(host.dialogs.asked.at(-1)?.defaultPath).toMatch(/Meeting book — Second meeting of the Customs Working Group\.pdf$/);
    const text = (await pdfText(target)).replace(/\s+/g, ' ');
    expect(text).toContain('Contents / Содержание');
    expect(text).toContain('Sign-in sheet — Day 1');
    expect(text).toContain('Changes since version');
    const { pages, tagged } = await pdfInfo(target);
    expect(tagged).toBe(true);
    expect(text).toContain(`Page ${String(pages)} of ${String(pages)}`);
    await nav(page).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  });

  it('speaks Russian, and prints a Russian report whatever the screen language was', async () => {
    const { page } = host;
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('ru');
    await page.getByRole('heading', { level: 1, name: 'Отчёты' }).waitFor();
    await page.getByRole('radio', { name: 'Сертификаты участника' }).check();
    await page.getByLabel('Язык документа').selectOption({ label: 'Русский' });
    const region = page.getByRole('region', { name: 'Предварительный просмотр' });
    await region.getByText('Настоящим удостоверяется, что').first().waitFor();
    expect(await region.getByRole('heading', { name: 'Сертификат участника' }).count()).toBe(26);
    expect(host.pageErrors).toEqual([]);
  });
});
