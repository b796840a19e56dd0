/**
 * Approving the minutes (issue 15, item 4), as a secretariat and a delegation do it: the
 * secretariat circulates the minutes of the Bishkek meeting, the Kyrgyz delegation
 * comments offline and sends its bundle, the secretariat revises a decision, circulates
 * revision 2, compares the revisions, and approves the minutes at the opening session of
 * the next meeting (Dushanbe). The minutes are then locked on screen, in the PDF and at the
 * delegation.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';
import { pdfText } from './reportsPdf';
import { exportBundle, firstRun, importBundle, nav } from './syncSteps';

const SECOND = 'Second meeting of the Customs Working Group';
const THIRD = 'Third meeting of the Customs Working Group';
const OPENING = 'Opening and approval of the minutes';
const COMMENT = 'Decision 2: please add “and transit procedures”.';
/** User text as the screens isolate it for bidi (shared/bidi.ts). */
const iso = (text: string) => `\u2068${text}\u2069`;

async function openMeeting(page: Page, title: string, tab: 'Agenda' | 'Outcomes' | 'Participants' | 'Minutes'): Promise<void> {
  await nav(page).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
  await page.getByRole('link', { name: title }).first().click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('tab', { name: tab }).click();
}

const minutesStatus = (page: Page) => page.getByRole('paragraph').filter({ hasText: /^(Draft|Circulated|Approved)/ }).first();

describe('approving the minutes', () => {
  let secretariat: TestHost;
  let delegation: TestHost;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-minutes-'));
    [secretariat, delegation] = await Promise.all([startTestHost(), startTestHost()]);
    await firstRun(secretariat, 'Secretariat', 'Secretariat');
    await firstRun(delegation, 'Kyrgyz delegation', 'Delegation', 'Kyrgyzstan');
    const { page } = secretariat;
    await nav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await page.getByRole('status').getByText(/^Sample data loaded/).waitFor();
  });

  afterAll(async () => {
    await Promise.all([secretariat.close(), delegation.close()]);
  });

  it('the secretariat plans the next meeting in Dushanbe and circulates the Bishkek minutes', async () => {
    const { page } = secretariat;
    await nav(page).getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('link', { name: 'New meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'New meeting' }).waitFor();
    await page.getByLabel('Title in English').fill(THIRD);
    await page.getByLabel('Title in Russian').fill('Третье заседание Таможенной рабочей группы');
    await page.getByLabel('First day').fill('2015-04-06');
    await page.getByLabel('Last day').fill('2015-04-08');
    await page.getByLabel('City in English').fill('Dushanbe');
    await page.getByLabel('City in Russian').fill('Душанбе');
    await page.getByRole('button', { name: 'Create meeting' }).click();
    await page.getByRole('status').getByText('Meeting created.').waitFor();
    await page.getByRole('button', { name: 'Add session on day 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'New session' });
    await dialog.getByLabel('Start', { exact: true }).fill('09:00');
    await dialog.getByLabel('End', { exact: true }).fill('10:00');
    await dialog.getByLabel('Kind').selectOption({ label: 'Opening' });
    await dialog.getByLabel('Title in English').fill(OPENING);
    await dialog.getByLabel('Title in Russian').fill('Открытие и утверждение протокола');
    await dialog.getByLabel('Title in English').press('Enter');
    await dialog.waitFor({ state: 'detached' });

    await openMeeting(page, SECOND, 'Minutes');
    expect(await minutesStatus(page).textContent()).toBe('Draft: not yet circulated.');
    await page.getByRole('button', { name: 'Circulate revision 1' }).click();
    await page.getByRole('status').getByText('Revision 1 of the minutes circulated.').waitFor();
    await expect.poll(() => minutesStatus(page).textContent()).toMatch(/^Circulated on .*, revision 1\.$/);
    // Focus stays on the page: on the status it changed.
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    await exportBundle(secretariat, join(folder, 'secretariat-1.cwgbundle.json'));
  });

  it('the delegation reads them and comments offline; it cannot circulate or approve', async () => {
    await importBundle(delegation, join(folder, 'secretariat-1.cwgbundle.json'), 'Secretariat');
    const { page } = delegation;
    await openMeeting(page, SECOND, 'Minutes');
    await expect.poll(() => minutesStatus(page).textContent()).toMatch(/^Circulated on .*, revision 1\.$/);
    expect(await page.getByRole('button', { name: /^Circulate/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Approve the minutes' }).count()).toBe(0);
    await page.getByText('Only the secretariat circulates the minutes and records their approval.').waitFor();
    await page.getByLabel('Your comment on revision 1').fill(COMMENT);
    await page.getByRole('button', { name: 'Add comment' }).click();
    await page.getByRole('status').getByText('Comment added.').waitFor();
    await expect.poll(() => minutesStatus(page).textContent()).toMatch(/commented by the delegations\.$/);
    await page.getByRole('list', { name: 'Comments of the delegations' }).getByText(COMMENT).waitFor();
    await exportBundle(delegation, join(folder, 'delegation-1.cwgbundle.json'));
  });

  it('the secretariat receives the comment, revises, compares and approves at the Dushanbe opening', async () => {
    await importBundle(secretariat, join(folder, 'delegation-1.cwgbundle.json'), 'Kyrgyz delegation');
    const { page } = secretariat;
    await openMeeting(page, SECOND, 'Minutes');
    await page.getByRole('list', { name: 'Comments of the delegations' }).getByText(COMMENT).waitFor();
    await expect.poll(() => minutesStatus(page).textContent()).toMatch(/commented by the delegations\.$/);

    // Revise decision 2 as the delegation asked.
    await page.getByRole('tab', { name: 'Outcomes' }).click();
    await page.getByRole('button', { name: /^Edit.*Customs valuation and risk management remain/ }).click();
    const form = page.getByRole('form', { name: 'Edit decision 2' });
    const text = form.getByLabel('Text in English');
    await text.fill((await text.inputValue()).replace('capacity building', 'capacity building and transit procedures'));
    await form.getByRole('button', { name: 'Save decision' }).click();
    await page.getByRole('status').getByText('Decision saved.').waitFor();

    await page.getByRole('tab', { name: 'Minutes' }).click();
    await page.getByText(/^The outcomes or attendance changed after revision 1 was circulated/).waitFor();
    // Approving now would approve what the delegations never read.
    await page.getByLabel('Session that approves the minutes').selectOption({ label: `${iso(THIRD)}, Apr 6, 2015: ${iso(OPENING)}` });
    expect(await page.getByRole('button', { name: 'Approve the minutes' }).getAttribute('aria-disabled')).toBe('true');
    await page.getByRole('button', { name: 'Put on that session’s agenda' }).click();
    await page.getByRole('status').getByText('Approval of the minutes put on the agenda.').waitFor();
    await page.getByRole('button', { name: 'Circulate revision 2' }).click();
    await page.getByRole('status').getByText('Revision 2 of the minutes circulated.').waitFor();

    // Revision 1 against revision 2: the inserted words, marked as an insertion.
    const compare = page.getByRole('region', { name: 'Compare revisions' });
    // The tab follows the stored records: wait for it to hold revision 2 before reading the choices.
    await expect.poll(() => compare.getByLabel('Newer text').locator('option:checked').textContent()).toMatch(/^Revision 2/);
    expect(await compare.getByLabel('Older text').locator('option:checked').textContent()).toMatch(/^Revision 1/);
    await expect.poll(() => compare.locator('.diff-text ins').allTextContents()).toEqual(['and transit procedures ']);
    expect(await compare.locator('.diff-text del').count()).toBe(0);

    // The agenda item of the next meeting links to the minutes and approves them there.
    await openMeeting(page, THIRD, 'Agenda');
    await page.getByText(`Approval of the minutes of the previous meeting: ${iso(SECOND)}`).waitFor();
    await page.getByRole('link', { name: `Open the minutes of ${iso(SECOND)}` }).waitFor();
    await page.getByRole('button', { name: `Approve the minutes of ${iso(SECOND)} at this session` }).click();
    await page.getByRole('status').getByText('Minutes approved and locked.').waitFor();
    await page.getByText(`The minutes of ${iso(SECOND)} were approved at this session.`).waitFor();
    await page.getByRole('link', { name: `Open the minutes of ${iso(SECOND)}` }).click();
    await page.getByRole('heading', { level: 1, name: SECOND }).waitFor();
    await expect
      .poll(() => minutesStatus(page).textContent())
      .toBe(`Approved at the meeting “${iso(THIRD)}”, ${iso('Dushanbe')}, session “${iso(OPENING)}”, on Apr 6, 2015.`);
  });

  it('locks the approved minutes on screen and prints their approval in both languages', async () => {
    const { page } = secretariat;
    await page.getByText('The minutes are approved and locked: the outcomes and attendance of this meeting can no longer be changed.').waitFor();
    expect(await page.getByRole('button', { name: /^Circulate/ }).count()).toBe(0);
    expect(await page.getByLabel(/^Your comment/).count()).toBe(0);
    await page.getByRole('tab', { name: 'Outcomes' }).click();
    await page.getByText(/^The minutes of this meeting are approved and locked/).waitFor();
    expect(await page.getByRole('button', { name: 'Add decision' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Edit.*Customs valuation/ }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Participants' }).click();
    expect(await page.getByRole('combobox', { name: 'Find a delegate' }).count()).toBe(0);

    await page.getByRole('link', { name: 'PDF options…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByRole('radio', { name: 'Meeting report' }).check();
    const target = join(folder, 'second-meeting-report.pdf');
    secretariat.dialogs.answer(target);
    await page.getByRole('button', { name: 'Export PDF' }).click();
    await page.getByRole('status').getByText(/^Saved /).waitFor();
    const printed = (await pdfText(target)).replace(/\s+/g, ' ');
    expect(printed).toContain(`Minutes approved at the meeting “${THIRD}”, Dushanbe, session “${OPENING}”, on 6 April 2015 (revision 2).`);
    expect(printed).toContain('Протокол утверждён на встрече «Третье заседание Таможенной рабочей группы», Душанбе, заседание «Открытие и утверждение протокола», 6 апреля 2015');
  });

  it('the delegation receives the approval: locked there too, no more comments', async () => {
    await exportBundle(secretariat, join(folder, 'secretariat-2.cwgbundle.json'));
    await importBundle(delegation, join(folder, 'secretariat-2.cwgbundle.json'), 'Secretariat');
    const { page } = delegation;
    await openMeeting(page, SECOND, 'Minutes');
    await expect.poll(() => minutesStatus(page).textContent()).toMatch(/^Approved at the meeting “\u2068Third meeting/);
    expect(await page.getByLabel(/^Your comment/).count()).toBe(0);
    await page.getByRole('list', { name: 'Comments of the delegations' }).getByText(COMMENT).waitFor();
    expect(secretariat.pageErrors).toEqual([]);
    expect(delegation.pageErrors).toEqual([]);
  });
});
