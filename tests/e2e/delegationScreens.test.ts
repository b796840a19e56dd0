/**
 * A delegation's screens offer exactly what peers accept from it (issue 16 item 3; the
 * authority table in docs/sync.md, "Who may change what"), as people meet it:
 * - the Kyrgyz delegation proposes an amendment, edits its text and rationale, and clears
 *   its country's position on a version, all without switching roles;
 * - it sees no button for what its peers would refuse: editing, withdrawing, deleting or
 *   deciding another country's proposal, another country's positions, the official text,
 *   another country's person, the countries;
 * - it deletes its own withdrawn proposal and restores it from Recently deleted;
 * - its bundle reaches the secretariat with nothing refused, and the secretariat holds the
 *   edited proposal and the cleared position.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';
import { exportBundle, firstRun, importBundle, nav, openBundle, openDelegate } from './syncSteps';

const WORKING_LANGUAGES = /^Article \d+\. Working languages$/;
const PROPOSAL_TITLE = /^Amendment to article \d+ “Working languages”$/;

async function openDocument(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'MoU' }).click();
  await page.getByRole('link', { name: /^Memorandum of Understanding on the Customs Working Group/ }).first().click();
  await page.getByRole('region', { name: WORKING_LANGUAGES }).waitFor();
}

async function openPositions(page: Page): Promise<void> {
  await openDocument(page);
  await page.getByRole('region', { name: 'Versions' }).getByRole('link', { name: 'Second draft' }).click();
  await page.getByRole('link', { name: 'Positions of the parties' }).click();
  await page.getByRole('heading', { level: 1, name: 'Positions on version 2: Second draft' }).waitFor();
}

const wholeTextRow = (page: Page) =>
  page.getByRole('table', { name: 'Stance of each party, on the whole text and on each article' }).getByRole('row', { name: /^Whole text/ });

async function openProposal(page: Page, id: string): Promise<void> {
  await openDocument(page);
  await page.getByRole('link', { name: /^Amendments \(\d+ open\)$/ }).click();
  await page.getByRole('link', { name: PROPOSAL_TITLE }).and(page.locator(`[href$="/amendments/${id}"]`)).click();
  await page.getByRole('heading', { level: 1, name: PROPOSAL_TITLE }).waitFor();
}

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active === null || active === document.body ? 'body' : (active.getAttribute('aria-label') ?? active.textContent);
  });

describe('a delegation records its own work, and is offered nothing its peers refuse', () => {
  let secretariat: TestHost;
  let delegation: TestHost;
  let folder: string;
  let proposalId = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-delegation-screens-'));
    [secretariat, delegation] = await Promise.all([startTestHost(), startTestHost()]);
    await firstRun(secretariat, 'Secretariat', 'Secretariat');
    await firstRun(delegation, 'Kyrgyz delegation', 'Delegation', 'Kyrgyzstan');
    const s = secretariat.page;
    await nav(s).getByRole('link', { name: 'Settings' }).click();
    await s.getByRole('button', { name: 'Load sample data' }).click();
    await s.getByRole('status').getByText(/^Sample data loaded/).waitFor();
    await exportBundle(secretariat, join(folder, 'secretariat.cwgbundle.json'));
    await importBundle(delegation, join(folder, 'secretariat.cwgbundle.json'), 'Secretariat');
  }, 180_000);

  afterAll(async () => {
    await Promise.all([secretariat.close(), delegation.close()]);
  });

  it('proposes an amendment in its own name and edits its text and rationale', async () => {
    const d = delegation.page;
    await openDocument(d);
    await d.getByRole('region', { name: WORKING_LANGUAGES }).getByRole('link', { name: 'Amendments and comments' }).click();
    await d.getByRole('button', { name: 'Propose an amendment' }).click();
    const form = d.getByRole('form', { name: 'Propose an amendment' });
    // Its own country's name, without asking.
    expect(await form.getByLabel('Proposed by the delegation of').count()).toBe(0);
    const bodyEn = form.getByLabel('Text (EN)');
    await bodyEn.fill((await bodyEn.inputValue()).replace('where resources permit', 'at every meeting'));
    await form.getByLabel('Rationale in English').fill('Interpretation at every meeting.');
    await form.getByRole('button', { name: 'Submit the proposal' }).click();
    await d.getByRole('heading', { level: 1, name: PROPOSAL_TITLE }).waitFor();
    proposalId = /\/amendments\/([0-9a-f-]{36})/.exec(d.url())?.[1] ?? '';
    expect(proposalId).not.toBe('');
    expect(await d.getByRole('button', { name: 'Record the decision' }).count()).toBe(0);

    await d.getByRole('button', { name: 'Edit the proposal' }).click();
    const edit = d.getByRole('form', { name: 'Edit the proposal' });
    await edit.waitFor();
    // The keyboard starts in the form; the kind of change stays what it was.
    expect(await d.evaluate(() => document.activeElement?.closest('form')?.getAttribute('aria-label'))).toBe('Edit the proposal');
    expect(await edit.getByRole('radio').count()).toBe(0);
    const editBody = edit.getByLabel('Text (EN)');
    expect(await editBody.inputValue()).toContain('at every meeting');
    await editBody.fill((await editBody.inputValue()).replace('at every meeting', 'at every regular meeting'));
    await edit.getByLabel('Rationale in English').fill('Interpretation at every regular meeting, paid by the host.');
    await edit.getByRole('button', { name: 'Save the proposal' }).click();
    await d.getByRole('status').getByText('Proposal saved.').waitFor();
    await d.getByText('Interpretation at every regular meeting, paid by the host.').waitFor();
    expect(await d.getByRole('region', { name: 'Proposed change to the current text' }).getByRole('insertion').allTextContents()).toContain('at every regular meeting');
    // Focus is back on the button that opened the form.
    expect(await focusedLabel(d)).toBe('Edit the proposal');
  }, 120_000);

  it('sees no button for another country’s proposal, the official text, another’s person or the countries', async () => {
    const d = delegation.page;
    // Afghanistan's open proposal on the same article.
    await openDocument(d);
    await d.getByRole('link', { name: /^Amendments \(\d+ open\)$/ }).click();
    await d.getByRole('heading', { level: 1, name: 'Amendments' }).waitFor();
    await d.getByRole('link', { name: PROPOSAL_TITLE }).and(d.locator(`:not([href$="/amendments/${proposalId}"])`)).first().click();
    await d.getByRole('definition').filter({ hasText: /^Afghanistan$/ }).waitFor();
    await d.getByRole('region', { name: 'Comments' }).waitFor();
    for (const name of ['Edit the proposal', 'Withdraw the proposal', 'Delete the proposal', 'Record the decision']) {
      expect(await d.getByRole('button', { name }).count(), name).toBe(0);
    }
    // The official text and the document.
    await openDocument(d);
    for (const name of ['Edit', 'Freeze as version', 'Add an article at the end']) {
      expect(await d.getByRole('button', { name }).count(), name).toBe(0);
    }
    // A Kazakh official's record, and the countries.
    await openDelegate(d, 'Aigerim Seitkali');
    expect(await d.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await d.getByText('A delegation edits people of its own country; the secretariat edits everyone.').waitFor();
    await nav(d).getByRole('link', { name: 'Delegates' }).click();
    await d.getByRole('link', { name: 'Countries', exact: true }).first().click();
    await d.getByText('The secretariat records the countries and their membership.').waitFor();
  }, 120_000);

  it('clears its own country’s position, and is offered no other country’s', async () => {
    const d = delegation.page;
    await openPositions(d);
    const row = wholeTextRow(d);
    await row.getByText('Supports: 3 · reservation: 0 · opposes: 0 · pending: 1').waitFor();
    expect(await d.getByRole('button', { name: /^Change the position of (Kazakhstan|Tajikistan|Turkmenistan)/ }).count()).toBe(0);
    await d.getByRole('button', { name: 'Change the position of Kyrgyzstan on Whole text' }).click();
    const form = d.getByRole('form', { name: 'Position of Kyrgyzstan on Whole text' });
    await form.getByRole('button', { name: 'Clear the position' }).click();
    await d.getByRole('status').getByText('Position cleared.').waitFor();
    await row.getByText('Supports: 2 · reservation: 0 · opposes: 0 · pending: 2').waitFor();
    expect(await focusedLabel(d)).toBe('Change the position of Kyrgyzstan on Whole text');
  }, 120_000);

  it('deletes its own withdrawn proposal and brings it back from Recently deleted', async () => {
    const d = delegation.page;
    await openDocument(d);
    await d.getByRole('link', { name: /^Amendments \(\d+ open\)$/ }).click();
    await d.getByRole('heading', { level: 1, name: 'Amendments' }).waitFor();
    await d.getByLabel('Show').selectOption('withdrawn');
    await d.getByRole('link', { name: /“Chairmanship”/ }).click();
    await d.getByRole('button', { name: 'Delete the proposal' }).click();
    await d.getByRole('group', { name: /^Delete this proposal and its comments\?/ }).getByRole('button', { name: 'Delete the proposal' }).click();
    await d.getByRole('status').getByText('Proposal deleted.').waitFor();

    await nav(d).getByRole('link', { name: 'Settings' }).click();
    await d.getByRole('link', { name: 'Open Recently deleted' }).click();
    await d.getByRole('heading', { level: 1, name: 'Recently deleted' }).waitFor();
    await d.getByText('This installation restores only what its peers accept from it', { exact: false }).waitFor();
    // Its proposal and its cleared position: both its own country's, both offered.
    const restores = d.getByRole('button', { name: /^Restore / });
    expect((await restores.allTextContents()).length).toBe(2);
    await d.getByRole('button', { name: /^Restore position / }).waitFor();
    await d.getByRole('button', { name: /^Restore amendment “.*Chairmanship/ }).click();
    await d.getByRole('status').getByText(/^Restored amendment “.*Chairmanship/).waitFor();
    await openDocument(d);
    await d.getByRole('link', { name: /^Amendments \(\d+ open\)$/ }).click();
    await d.getByLabel('Show').selectOption('withdrawn');
    await d.getByRole('link', { name: /“Chairmanship”/ }).waitFor();
  }, 120_000);

  it('sends its bundle, and the secretariat imports it with nothing refused', async () => {
    const s = secretariat.page;
    await exportBundle(delegation, join(folder, 'delegation.cwgbundle.json'));
    await openBundle(secretariat, join(folder, 'delegation.cwgbundle.json'), 'preview');
    await s.getByRole('checkbox', { name: /trust “Kyrgyz delegation” as Delegation of Kyrgyzstan$/ }).check();
    expect(await s.getByRole('heading', { name: 'Changes that will not be applied' }).count()).toBe(0);
    await s.getByRole('button', { name: 'Import', exact: true }).click();
    await s.getByRole('status').getByText(/^Imported from Kyrgyz delegation: 1 new, \d+ updated, 1 deleted, 0 conflicts, 0 refused\.$/).waitFor();

    await openProposal(s, proposalId);
    await s.getByText('Interpretation at every regular meeting, paid by the host.').waitFor();
    expect(await s.getByRole('region', { name: 'Proposed change to the current text' }).getByRole('insertion').allTextContents()).toContain('at every regular meeting');
    // The secretariat decides; the delegation could not.
    await s.getByRole('form', { name: 'Decision' }).waitFor();

    await openPositions(s);
    await wholeTextRow(s).getByText('Supports: 2 · reservation: 0 · opposes: 0 · pending: 2').waitFor();
    expect(delegation.pageErrors).toEqual([]);
    expect(secretariat.pageErrors).toEqual([]);
  }, 120_000);
});
