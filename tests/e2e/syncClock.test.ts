/**
 * Clocks that run ahead, as people meet them (issue 12, "Clocks"). A delegation's laptop
 * whose date is three days ahead proposes an amendment and exports; the secretariat refuses
 * the file and says what helps. The delegation's clock is corrected and the app restarts:
 * it says plainly that it corrected the clock and re-dated the change, the delegation
 * exports again, and the secretariat accepts it. A laptop 20 hours ahead is accepted with a
 * warning that names it, in the preview and in the history.
 *
 * The test host has no clock of its own: Playwright's clock (page.clock) sets the page's
 * Date, and a reload is the app's restart.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';
import { exportBundle, loadSampleData, firstRun, nav, openBundle, openSync } from './syncSteps';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;


async function importOpened(host: TestHost, sender: string): Promise<void> {
  const { page } = host;
  const confirm = page.getByRole('checkbox', { name: /^I compared the fingerprint/ });
  if ((await confirm.count()) > 0) await confirm.check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').getByText(new RegExp(`^Imported from ${sender}`)).waitFor();
}

/** Proposes an amendment to the "Working languages" article (a change a delegation may make). */
async function proposeAmendment(page: Page, rationale: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'MoU' }).click();
  await page.getByRole('link', { name: /^Memorandum of Understanding on the Customs Working Group/ }).first().click();
  const article = page.getByRole('region', { name: /^Article \d+\. Working languages$/ });
  await article.waitFor();
  await article.getByRole('link', { name: 'Propose an amendment' }).click();
  const form = page.getByRole('form', { name: 'Propose an amendment' });
  const bodyEn = form.getByLabel('Text (EN)');
  await bodyEn.fill(`${await bodyEn.inputValue()} ${rationale}`);
  await form.getByLabel('Rationale in English').fill(rationale);
  await form.getByRole('button', { name: 'Submit the proposal' }).click();
  await page.getByRole('heading', { level: 1, name: /^Amendment to article \d+ “Working languages”$/ }).waitFor();
}

/** Sets this computer's date and time, then restarts the app (a reload). */
async function setClockAndRestart(host: TestHost, time: number): Promise<void> {
  await host.page.clock.setSystemTime(time);
  await host.page.reload();
  await nav(host.page).waitFor();
}

describe('clocks that run ahead', () => {
  let secretariat: TestHost;
  let delegation: TestHost;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-clock-e2e-'));
    [secretariat, delegation] = await Promise.all([startTestHost(), startTestHost()]);
    await firstRun(secretariat, 'Secretariat laptop', 'Secretariat');
    await firstRun(delegation, 'Kyrgyz delegation', 'Delegation', 'Kyrgyzstan');
    const s = secretariat.page;
    await loadSampleData(s);
    await exportBundle(secretariat, join(folder, 'secretariat.cwgbundle.json'));
    await openBundle(delegation, join(folder, 'secretariat.cwgbundle.json'));
    await importOpened(delegation, 'Secretariat laptop');
    // From here on the delegation's page runs on a clock the test sets (flowing like a real one).
    await delegation.page.clock.install({ time: Date.now() });
  });

  afterAll(async () => {
    await Promise.all([secretariat.close(), delegation.close()]);
  });

  it('three days ahead: refused with what helps; after the clock is corrected and the app restarts, accepted', async () => {
    const d = delegation.page;
    await setClockAndRestart(delegation, Date.now() + 3 * DAY);
    await proposeAmendment(d, 'Proposed while the date was wrong.');
    await exportBundle(delegation, join(folder, 'delegation-ahead.cwgbundle.json'));

    const s = secretariat.page;
    await openBundle(secretariat, join(folder, 'delegation-ahead.cwgbundle.json'));
    const alert = s.getByRole('alert').filter({ hasText: 'This file was not imported' });
    await alert.getByText(/^Changes from “Kyrgyz delegation” are stamped 72 h ahead of this computer’s clock \(at most 24 h is accepted\)\./).waitFor();
    expect(await alert.textContent()).toContain(
      'If the clock of “Kyrgyz delegation” is wrong: set its date, time and time zone right, restart CWG Desk there (it then re-dates the changes made meanwhile) and export again.',
    );

    // The delegation corrects its clock; the app restarts and says what it did, once.
    await setClockAndRestart(delegation, Date.now());
    await openSync(d, 'Overview');
    const notice = d.getByRole('region', { name: 'This computer’s clock was corrected' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      /This computer’s clock was ahead by about 3 days and has been corrected\. \d+ changes? made meanwhile (was|were) re-dated so other installations accept (it|them); export to your peers again\./,
    );
    const dismiss = notice.getByRole('button', { name: 'Dismiss the notice about the corrected clock' });
    await dismiss.focus();
    await d.keyboard.press('Enter');
    await notice.waitFor({ state: 'detached' });
    expect(await d.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await d.reload();
    await openSync(d, 'Overview');
    await d.getByRole('heading', { level: 2, name: 'Records on this computer' }).waitFor();
    expect(await d.getByRole('region', { name: 'This computer’s clock was corrected' }).count()).toBe(0);

    // Exported again, the same proposal is accepted.
    await exportBundle(delegation, join(folder, 'delegation-corrected.cwgbundle.json'));
    await openBundle(secretariat, join(folder, 'delegation-corrected.cwgbundle.json'));
    await s.getByRole('heading', { name: 'First bundle from “Kyrgyz delegation”' }).waitFor();
    expect(await s.getByRole('region', { name: 'A clock runs ahead' }).count()).toBe(0);
    const summary = s.getByRole('table', { name: 'Changes per table' });
    expect(await summary.getByRole('row', { name: /^Amendments/ }).getByRole('cell').first().textContent()).toBe('1');
    await importOpened(secretariat, 'Kyrgyz delegation');
  });

  it('twenty hours ahead: imported with a warning naming the installation, in the preview and the history', async () => {
    const d = delegation.page;
    await setClockAndRestart(delegation, Date.now() + 20 * HOUR);
    await proposeAmendment(d, 'Proposed with the clock twenty hours ahead.');
    await exportBundle(delegation, join(folder, 'delegation-20h.cwgbundle.json'));

    const s = secretariat.page;
    await openBundle(secretariat, join(folder, 'delegation-20h.cwgbundle.json'));
    const warning = s.getByRole('region', { name: 'A clock runs ahead' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('The clock of “Kyrgyz delegation” is 20 h ahead of this computer’s.');
    await importOpened(secretariat, 'Kyrgyz delegation');

    await openSync(s, 'History');
    const history = s.getByRole('table', { name: 'Exports and imports, newest first' });
    await history.getByRole('row').nth(1).waitFor();
    expect(await history.getByRole('row').nth(1).textContent()).toContain('the clock of “Kyrgyz delegation” was 20 h ahead');
    expect(secretariat.pageErrors).toEqual([]);
    expect(delegation.pageErrors).toEqual([]);
  });
});
