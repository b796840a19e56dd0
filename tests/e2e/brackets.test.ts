/**
 * Square brackets as negotiators work with them (issue 15, "Done when"): the delegation of
 * Tajikistan proposes an alternative for an open bracket offline, at the Bishkek meeting;
 * its sync file brings it to the secretariat; the secretariat records that the meeting
 * agreed it in the MoU session; the MoU draft prints the agreed text and its annex the
 * bracket's history with where and by whom it was agreed (read back from the PDF).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';
import { pdfText } from './reportsPdf';
import { exportBundle, firstRun, importBundle, loadSampleData, nav } from './syncSteps';

const AMENDMENTS = /^Article \d+\. Amendments$/;
const MEETING = 'Second meeting of the Customs Working Group';
const SESSION = 'Memorandum of Understanding regimenting the work of the Customs Working Group';
/** Text as read: without the invisible isolation marks around user text, spaces collapsed. */
const plain = (text: string | null) => (text ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ');

/** Opens an article's own page (its brackets, amendments and comments) from the MoU. */
async function openArticle(page: Page, heading: RegExp): Promise<void> {
  await nav(page).getByRole('link', { name: 'MoU' }).click();
  await page.getByRole('link', { name: /^Memorandum of Understanding on the Customs Working Group/ }).first().click();
  const card = page.getByRole('region', { name: heading });
  await card.getByRole('link', { name: 'Amendments and comments' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Picks the Bishkek meeting and its MoU session in a form's meeting and session fields. */
async function pickBishkekSession(form: ReturnType<Page['getByRole']>, meetingLabel: string): Promise<void> {
  const meeting = form.getByLabel(meetingLabel);
  const meetingOption = (await meeting.locator('option').allTextContents()).find((label) => label.startsWith(MEETING)) ?? MEETING;
  await meeting.selectOption({ label: meetingOption });
  const session = form.getByLabel('Agenda session');
  await expect.poll(async () => (await session.locator('option').allTextContents()).some((label) => label.includes(SESSION))).toBe(true);
  const sessionOption = (await session.locator('option').allTextContents()).find((label) => label.includes(SESSION)) ?? SESSION;
  await session.selectOption({ label: sessionOption });
}

const bracket = (page: Page) => page.getByRole('region', { name: 'Square brackets' }).getByRole('region', { name: /^Bracket 1/ });

describe('square brackets agreed where and by whom', () => {
  let secretariat: TestHost;
  let delegation: TestHost;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-brackets-'));
    [secretariat, delegation] = await Promise.all([startTestHost(), startTestHost()]);
    await firstRun(secretariat, 'Secretariat laptop', 'Secretariat');
    await firstRun(delegation, 'Tajik delegation', 'Delegation', 'Tajikistan');
    await loadSampleData(secretariat.page);
    await exportBundle(secretariat, join(folder, 'start.cwgbundle.json'));
    await importBundle(delegation, join(folder, 'start.cwgbundle.json'), 'Secretariat laptop');
  });

  afterAll(async () => {
    await Promise.all([secretariat.close(), delegation.close()]);
  });

  it('the delegation proposes an alternative offline, in its own name, and cannot decide', async () => {
    const d = delegation.page;
    await openArticle(d, AMENDMENTS);
    // The open bracket reads as printed, with the document's open-bracket count on the MoU page.
    expect(plain(await d.getByRole('region', { name: 'Current official text' }).textContent())).toContain('at least [thirty / sixty] days');
    expect(await bracket(d).getByRole('button', { name: /^Record the decision/ }).count()).toBe(0);
    // A proposal on the article is typed with the bracket as printed, never its marker; and it
    // cannot settle the bracket, which is the meeting's.
    await d.getByRole('button', { name: 'Propose an amendment' }).click();
    const proposal = d.getByRole('form', { name: 'Propose an amendment' });
    const bodyEn = proposal.getByLabel('Text (EN)');
    expect(await bodyEn.inputValue()).toContain('at least [thirty / sixty] days');
    expect(await proposal.getByLabel('Text (RU)').inputValue()).toContain('не позднее чем за [тридцать / шестьдесят] дней');
    await bodyEn.fill((await bodyEn.inputValue()).replace('[thirty / sixty]', 'forty-five'));
    await proposal.getByLabel('Rationale in English').fill('Forty-five days suit every capital.');
    await proposal.getByRole('button', { name: 'Submit the proposal' }).click();
    await proposal.getByText(/^Keep the article’s open square brackets as they stand/).waitFor();
    await proposal.getByRole('button', { name: 'Cancel' }).click();
    await bracket(d).getByRole('button', { name: 'Propose an alternative for bracket 1' }).click();
    const form = d.getByRole('form', { name: 'New alternative for bracket 1' });
    // Typed in a hurry, with a slip in the English.
    await form.getByLabel('Alternative in English').fill('fourty-five');
    await form.getByLabel('Alternative in Russian').fill('сорок пять');
    // Proposed at the Bishkek meeting, the day before the MoU session: a date in the past.
    await form.getByLabel('Proposed on').fill('2014-09-10');
    await form.getByRole('button', { name: 'Add the alternative' }).click();
    await d.getByRole('status').getByText('Alternative added.').waitFor();
    // Focus stays on the page, never on the body, after the form closes.
    expect(await d.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    // Its own alternative it corrects before sending it: the form holds what it proposed.
    await bracket(d).getByRole('button', { name: 'Edit the alternative “fourty-five”' }).click();
    const edit = d.getByRole('form', { name: 'Alternative “fourty-five” in bracket 1' });
    expect(await edit.getByLabel('Alternative in Russian').inputValue()).toBe('сорок пять');
    expect(await edit.getByLabel('Proposed on').inputValue()).toBe('2014-09-10');
    // A delegation proposes in its own name: the form does not ask in whose.
    expect(await edit.getByRole('group', { name: 'Proposed by' }).count()).toBe(0);
    await edit.getByLabel('Alternative in English').fill('forty-five');
    await edit.getByRole('button', { name: 'Save the alternative' }).click();
    await d.getByRole('status').getByText('Alternative saved.').waitFor();
    expect(await d.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    // The list follows the stored records: wait for the new alternative to show.
    await expect
      .poll(async () => plain(await bracket(d).getByRole('list', { name: 'Alternatives of bracket 1' }).textContent()))
      .toContain('forty-five / сорок пять — proposed by Tajikistan, Sep 10, 2014');
    // Its own alternative it may withdraw; Turkmenistan's "sixty" it may not.
    const list = bracket(d).getByRole('list', { name: 'Alternatives of bracket 1' });
    await list.getByRole('button', { name: 'Withdraw the alternative “forty-five”' }).waitFor();
    expect(await list.getByRole('button', { name: /^Withdraw the alternative “sixty”/ }).count()).toBe(0);
    expect(await list.getByRole('button', { name: /^Edit the alternative “sixty”/ }).count()).toBe(0);
    // A second one, proposed by mistake, withdrawn again; focus stays on the list.
    await bracket(d).getByRole('button', { name: 'Propose an alternative for bracket 1' }).click();
    await form.getByLabel('Alternative in English').fill('ninety');
    await form.getByLabel('Alternative in Russian').fill('девяносто');
    await form.getByLabel('Proposed on').fill('2014-09-10');
    await form.getByRole('button', { name: 'Add the alternative' }).click();
    await list.getByRole('button', { name: 'Withdraw the alternative “ninety”' }).click();
    await d.getByRole('status').getByText('Alternative withdrawn.').waitFor();
    await expect.poll(async () => plain(await list.textContent())).not.toContain('ninety');
    expect(await d.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    await exportBundle(delegation, join(folder, 'tajikistan.cwgbundle.json'));
  });

  it('the secretariat receives it and records that the meeting agreed it in the MoU session', async () => {
    const s = secretariat.page;
    await importBundle(secretariat, join(folder, 'tajikistan.cwgbundle.json'), 'Tajik delegation');
    await openArticle(s, AMENDMENTS);
    expect(plain(await bracket(s).textContent())).toContain('forty-five / сорок пять — proposed by Tajikistan, Sep 10, 2014');
    // The secretariat may correct any alternative, Turkmenistan's included (who proposed it, at the meeting).
    await bracket(s).getByRole('button', { name: 'Edit the alternative “sixty”' }).waitFor();
    await bracket(s).getByRole('button', { name: 'Record the decision on bracket 1' }).click();
    const form = s.getByRole('form', { name: 'Decision on bracket 1' });
    await form.getByLabel('Agreed alternative').selectOption({ label: 'forty-five / сорок пять' });
    await pickBishkekSession(form, 'Meeting where it was decided');
    // The session's day becomes the date of the decision; a date before the proposal is refused.
    expect(await form.getByLabel('Date of the decision').inputValue()).toBe('2014-09-11');
    await form.getByLabel('Date of the decision').fill('2014-09-09');
    await form.getByRole('button', { name: 'Record the decision' }).click();
    await form.getByText('The decision cannot be dated before the proposal.').waitFor();
    await form.getByLabel('Date of the decision').fill('2014-09-11');
    await form.getByRole('button', { name: 'Record the decision' }).click();
    await s.getByRole('status').getByText('Decision recorded.').waitFor();

    // The page follows the stored records: wait for the bracket to say where it was agreed.
    await expect
      .poll(async () => plain(await bracket(s).textContent()))
      .toContain(`Agreed at ${MEETING}, Bishkek, Sep 11, 2014; session “${SESSION}”; present: Kazakhstan, Kyrgyzstan, Tajikistan; Afghanistan as observer.`);
    expect(plain(await s.getByRole('region', { name: 'Current official text' }).textContent())).toContain('at least forty-five days');
    expect(plain(await s.getByRole('region', { name: 'Current official text' }).textContent())).toContain('не позднее чем за сорок пять дней');
  });

  it('the MoU draft and its annex print the bracket history with where and by whom it was agreed', async () => {
    const s = secretariat.page;
    await nav(s).getByRole('link', { name: 'MoU' }).click();
    await s.getByRole('link', { name: /^Memorandum of Understanding on the Customs Working Group/ }).first().click();
    // Two brackets are still open in the document.
    await s.getByText('2 open brackets').first().waitFor();
    await s.getByRole('link', { name: 'PDF options…' }).click();
    await s.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await s.getByRole('checkbox', { name: /annex listing the amendments and the square brackets/ }).check();
    await s.getByRole('region', { name: 'Preview' }).getByRole('heading', { name: 'Annex. Square brackets and where they were agreed' }).waitFor();
    const target = join(folder, 'mou.pdf');
    secretariat.dialogs.answer(target);
    await s.getByRole('button', { name: 'Export PDF' }).click();
    await s.getByRole('status').getByText(/^Saved .*mou\.pdf/).waitFor();
    const text = plain(await pdfText(target));
    expect(text).toContain('at least forty-five days');
    expect(text).toContain('Open square brackets: 2');
    expect(text).toContain('Annex. Square brackets and where they were agreed');
    // The bracket's history: its alternatives and proposers, the outcome, where and by whom.
    expect(text).toMatch(/\[forty-five\] \/ \[сорок пять\] ✓ proposed by Tajikistan/);
    expect(text).toContain('proposed by Turkmenistan');
    expect(text).toContain(`at ${MEETING}, Bishkek, 11 September 2014; session “${SESSION}”; present: Kazakhstan, Kyrgyzstan, Tajikistan; Afghanistan as observer`);
    expect(text).toContain('присутствовали: Казахстан, Кыргызстан, Таджикистан; Афганистан в качестве наблюдателя');
  });

  it('a version adopted at a session says where and who was present', async () => {
    const s = secretariat.page;
    await nav(s).getByRole('link', { name: 'MoU' }).click();
    await s.getByRole('link', { name: /^Memorandum of Understanding on the Customs Working Group/ }).first().click();
    await s.getByRole('button', { name: 'Freeze as version' }).click();
    const form = s.getByRole('form', { name: 'Freeze the current text as a version' });
    await form.getByLabel('Label').fill('As agreed in Bishkek');
    await pickBishkekSession(form, 'Tabled at meeting');
    // The session's day becomes the version's date.
    expect(await form.getByLabel('Date').inputValue()).toBe('2014-09-11');
    await form.getByRole('button', { name: 'Freeze version' }).click();
    await s.getByRole('status').getByText(/^Version \d+ frozen\./).waitFor();
    await s.getByRole('region', { name: 'Versions' }).getByRole('link', { name: 'As agreed in Bishkek' }).click();
    const facts = s.getByRole('definition').filter({ hasText: /^Adopted at/ });
    await expect
      .poll(async () => plain(await facts.textContent()))
      .toBe(`Adopted at ${MEETING}, Bishkek, Sep 11, 2014; session “${SESSION}”; present: Kazakhstan, Kyrgyzstan, Tajikistan; Afghanistan as observer.`);
    // Just frozen, every article reads as the current text, those with open brackets too
    // (the version holds them as printed): nothing to restore.
    const articles = await s.getByRole('region').filter({ has: s.getByRole('heading', { level: 2, name: /^Article \d+/ }) }).count();
    expect(articles).toBeGreaterThan(5);
    await expect.poll(async () => s.getByText('Same as the current text').count()).toBe(articles);
    expect(await s.getByRole('button', { name: 'Restore this text' }).count()).toBe(0);
  });
});
