/**
 * A meeting's outcomes as the secretariat records them after the Bishkek workshop, keyboard
 * first: a decision refused while empty (focus on the field that is wrong), then added in
 * both languages, moved, edited, kept on "Keep it" and deleted; an action item with an
 * owner and a past due date shows as overdue until it is marked done.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';
import { loadSampleData, firstRun } from './syncSteps';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });
const MEETING = 'Second meeting of the Customs Working Group';

/** The texts of a list's entries, in order. */
async function entries(section: Locator): Promise<string[]> {
  return section.locator('ol > li .m-item-text').allTextContents();
}

describe('meeting outcomes', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost();
    const { page } = host;
    await firstRun(host, 'Secretariat laptop', 'Secretariat');
    await loadSampleData(page);
    await nav(page).getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('link', { name: MEETING }).first().click();
    await page.getByRole('tab', { name: 'Outcomes' }).press('Enter');
  }, 120_000);

  afterAll(async () => {
    await host.close();
  });

  it('records, orders, edits and deletes a decision', async () => {
    const { page } = host;
    const decisions = page.getByRole('region', { name: 'Decisions' });
    await decisions.waitFor();
    const before = await entries(decisions);

    await decisions.getByRole('button', { name: 'Add decision' }).press('Enter');
    const form = decisions.getByRole('form', { name: 'New decision' });
    await form.getByRole('button', { name: 'Save decision' }).press('Enter');
    // Nothing to save: the first field says so and has the focus.
    const english = form.getByLabel('Text in English');
    await expect.poll(() => english.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await english.getAttribute('aria-invalid')).toBe('true');
    expect(await entries(decisions)).toEqual(before);

    await english.fill('The next meeting is held in Dushanbe.');
    await form.getByLabel('Text in Russian').fill('Следующее заседание проводится в Душанбе.');
    await form.getByRole('button', { name: 'Save decision' }).press('Enter');
    await page.getByRole('status').getByText('Decision saved.').first().waitFor();
    await expect.poll(() => entries(decisions)).toEqual([...before, 'The next meeting is held in Dushanbe.']);

    await decisions.getByRole('button', { name: 'Move up: The next meeting is held in Dushanbe.' }).press('Enter');
    await expect.poll(() => entries(decisions)).toEqual([
      ...before.slice(0, -1),
      'The next meeting is held in Dushanbe.',
      ...before.slice(-1),
    ]);

    await decisions.getByRole('button', { name: 'Edit “The next meeting is held in Dushanbe.”' }).press('Enter');
    const editing = decisions.getByRole('form', { name: /^Edit decision \d+$/ });
    await editing.getByLabel('Text in English').fill('The next meeting is held in Dushanbe in 2015.');
    await editing.getByRole('button', { name: 'Save decision' }).press('Enter');
    await expect.poll(() => entries(decisions)).toContain('The next meeting is held in Dushanbe in 2015.');

    // Delete asks first; "Keep it" keeps it.
    const deleteButton = decisions.getByRole('button', { name: 'Delete “The next meeting is held in Dushanbe in 2015.”' });
    await deleteButton.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete “The next meeting is held in Dushanbe in 2015.”' });
    await dialog.getByRole('button', { name: 'Keep it' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await entries(decisions)).toContain('The next meeting is held in Dushanbe in 2015.');
    await deleteButton.press('Enter');
    await dialog.getByRole('button', { name: 'Delete' }).press('Enter');
    await expect.poll(() => entries(decisions)).toEqual(before);
  });

  it('shows an action item past its due date as overdue until it is done', async () => {
    const { page } = host;
    const items = page.getByRole('region', { name: 'Action items' });
    await items.getByRole('button', { name: 'Add action item' }).press('Enter');
    const form = items.getByRole('form', { name: 'New action item' });
    await form.getByLabel('Text in English').fill('Circulate the revised MoU draft to the delegations.');
    await form.getByLabel('Owner (a participant)').selectOption({ index: 1 });
    await form.getByLabel('Due date').fill('2014-10-15');
    await form.getByRole('button', { name: 'Save action item' }).press('Enter');
    await page.getByRole('status').getByText('Action item saved.').first().waitFor();

    const row = items.getByRole('listitem').filter({ hasText: 'Circulate the revised MoU draft' });
    await row.getByText('overdue').waitFor();
    const done = row.getByRole('checkbox', { name: 'Done: Circulate the revised MoU draft to the delegations.' });
    await done.press('Space');
    await expect.poll(() => done.isChecked()).toBe(true);
    await expect.poll(() => row.getByText('overdue').count()).toBe(0);
    expect(host.pageErrors).toEqual([]);
  });
});
