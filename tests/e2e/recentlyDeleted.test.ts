/**
 * Recently deleted, the way the secretariat uses it, keyboard only: delete the second
 * 2014 meeting (its agenda, participants and outcomes go with it), find it under
 * Settings → Recently deleted, restore it and find every record back as it was (a full
 * dump of the database, the stamps aside); the same for one session and one MoU article;
 * and a delegation's read-only view of the list.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleId } from '../../shared/sample/sampleData';
import { startTestHost, type TestHost } from '../host/testHost';
import { dumpDatabase } from './dump';

const MEETING = 'Second meeting of the Customs Working Group';
const meetingId = sampleId('meeting', 'second');
const documentId = sampleId('mou', 'cwg-mou');


/** The dump without what a restore renews: the records' stamps and the clock's saved stamp. */
function withoutStamps(dump: Record<string, unknown[]>): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [table, rows] of Object.entries(dump)) {
    if (table === 'meta') {
      out[table] = rows.filter((row) => (row as { key?: unknown }).key !== 'clock.lastStamp');
      continue;
    }
    out[table] = rows.map((row) => {
      if (typeof row !== 'object' || row === null) return row;
      const { hlc: _hlc, origin: _origin, fieldStamps: _stamps, ...rest } = row as Record<string, unknown>;
      return rest;
    });
  }
  return out;
}

const liveRows = (dump: Record<string, unknown[]>, table: string, meeting: string) =>
  (dump[table] ?? []).filter((row) => {
    const record = row as { meetingId?: unknown; deleted?: unknown };
    return record.meetingId === meeting && record.deleted === false;
  }).length;

async function openRecentlyDeleted(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await page.getByRole('link', { name: 'Open Recently deleted' }).press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Recently deleted' }).waitFor();
}

describe('recently deleted', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost();
    const { page } = host;
    await page.getByRole('heading', { level: 1, name: 'Welcome to CWG Desk' }).waitFor();
    await page.getByLabel('Name of this installation').fill('Secretariat laptop');
    await page.getByRole('radio', { name: /^Secretariat/ }).check();
    await page.getByRole('button', { name: 'Start using CWG Desk' }).press('Enter');
    // First run ends on the meetings list.
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).press('Enter');
    await page.getByRole('button', { name: 'Load sample data' }).press('Enter');
    await page.getByRole('status').getByText(/Sample data loaded/).waitFor();
  });

  afterAll(async () => {
    await host.close();
  });

  it('deletes a meeting with its agenda and participants, and restores everything by keyboard', async () => {
    const { page } = host;
    const before = await dumpDatabase(page);
    const sessions = liveRows(before, 'sessions', meetingId);
    const participants = liveRows(before, 'participations', meetingId);
    expect(sessions).toBeGreaterThan(3);
    expect(participants).toBeGreaterThan(3);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Meetings' }).press('Enter');
    await page.getByRole('link', { name: MEETING }).press('Enter');
    await page.getByRole('heading', { level: 1, name: MEETING }).waitFor();
    await page.getByRole('group', { name: 'Meeting actions' }).getByRole('button', { name: 'Delete meeting' }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete this meeting?' });
    await dialog.getByRole('button', { name: 'Delete meeting' }).press('Enter');
    // The confirmation says where to find it again.
    await page.getByRole('status').getByText('Meeting deleted. To bring it back, use Settings → Recently deleted.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    expect(await page.getByRole('link', { name: MEETING }).count()).toBe(0);

    await openRecentlyDeleted(page);
    const list = page.getByRole('list', { name: 'Deleted records' });
    const entry = list.getByRole('listitem').filter({ hasText: MEETING });
    await entry.getByText(`Deleted with it: ${String(sessions)} sessions, ${String(participants)} participants`, { exact: false }).waitFor();
    await entry.getByText(/^Deleted .+ by Secretariat laptop \(this computer\)$/).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);

    // Keyboard: from the filter, Tab reaches the entry's Restore button, Enter restores.
    await page.getByLabel('Show').focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe(`Restore meeting “${MEETING}”`);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(new RegExp(`^Restored meeting “${MEETING}” with ${String(sessions)} sessions, ${String(participants)} participants`)).waitFor();
    await page.getByText('Nothing has been deleted.').waitFor();

    const after = await dumpDatabase(page);
    expect(withoutStamps(after)).toEqual(withoutStamps(before));
    // The restore is a change of its own, stamped now, so it syncs.
    const restoredMeeting = (after.meetings ?? []).find((row) => (row as { id: string }).id === meetingId) as { hlc: string; deleted: boolean };
    const beforeMeeting = (before.meetings ?? []).find((row) => (row as { id: string }).id === meetingId) as { hlc: string };
    expect(restoredMeeting.deleted).toBe(false);
    expect(restoredMeeting.hlc > beforeMeeting.hlc).toBe(true);

    // Back in its area: the meeting page with its agenda and participants.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Meetings' }).press('Enter');
    await page.getByRole('link', { name: MEETING }).press('Enter');
    await page.getByRole('heading', { level: 1, name: MEETING }).waitFor();
    await page.getByRole('tab', { name: 'Agenda' }).press('Enter');
    await page.getByRole('article', { name: 'Customs valuation' }).waitFor();
    await expect.poll(() => page.getByRole('article').count()).toBe(sessions);
    await page.getByRole('tab', { name: 'Participants' }).press('Enter');
    const totals = page.getByRole('table', { name: /Participants by country and capacity/ });
    const totalRow = totals.getByRole('row', { name: /^Total/ });
    await totalRow.waitFor();
    expect((await totalRow.getByRole('cell').allTextContents()).at(-1)).toBe(String(participants));
  });

  it('restores one session deleted from the agenda', async () => {
    const { page } = host;
    await page.getByRole('tab', { name: 'Agenda' }).press('Enter');
    const card = page.getByRole('article', { name: 'Customs valuation' });
    await card.waitFor();
    const count = await page.getByRole('article').count();
    await card.getByRole('group', { name: 'Actions for “Customs valuation”' }).getByRole('button', { name: 'Delete' }).press('Enter');
    await page.getByRole('dialog', { name: 'Delete this session?' }).getByRole('button', { name: 'Delete session' }).press('Enter');
    await page.getByRole('status').getByText('Session deleted.').waitFor();
    await expect.poll(() => page.getByRole('article').count()).toBe(count - 1);

    await openRecentlyDeleted(page);
    const entry = page.getByRole('list', { name: 'Deleted records' }).getByRole('listitem').filter({ hasText: 'Customs valuation' });
    await entry.getByText(`In: ${MEETING}`).waitFor();
    await entry.getByRole('button', { name: 'Restore session “Customs valuation”' }).press('Enter');
    await page.getByRole('status').getByText('Restored session “Customs valuation”.').waitFor();
    await page.getByText('Nothing has been deleted.').waitFor();

    await page.goto(`${host.url}#/meetings/${meetingId}/agenda`);
    await page.getByRole('article', { name: 'Customs valuation' }).waitFor();
    expect(await page.getByRole('article').count()).toBe(count);
  });

  it('restores an MoU article to its number', async () => {
    const { page } = host;
    await page.goto(`${host.url}#/mou/${documentId}`);
    const third = page.getByRole('heading', { level: 3, name: /^Article 3\./ }).first();
    const title = (await third.textContent()) ?? '';
    expect(title).toMatch(/^Article 3\. /);
    const actions = page.getByRole('group', { name: 'Actions on article 3' });
    await actions.getByRole('button', { name: 'Delete' }).press('Enter');
    await page.getByRole('group', { name: /^Delete article 3 / }).getByRole('button', { name: 'Delete' }).press('Enter');
    await page.getByRole('status').getByText('Article deleted; the articles after it were renumbered.').waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 3, name: /^Article 3\./ }).first().textContent()).not.toBe(title);

    await openRecentlyDeleted(page);
    // The filter narrows the list to articles.
    await page.getByLabel('Show').selectOption({ label: 'Articles (1)' });
    const restore = page.getByRole('list', { name: 'Deleted records' }).getByRole('button', { name: /^Restore article “/ });
    expect(await restore.count()).toBe(1);
    await restore.press('Enter');
    await page.getByRole('status').getByText(/^Restored article “/).waitFor();

    await page.goto(`${host.url}#/mou/${documentId}`);
    await expect.poll(() => page.getByRole('heading', { level: 3, name: /^Article 3\./ }).first().textContent()).toBe(title);
  });

  it('shows a delegation the list read-only', async () => {
    const { page } = host;
    // The secretariat deletes the first meeting; then this installation becomes a delegation.
    await page.goto(`${host.url}#/meetings`);
    await page.getByRole('link', { name: /Inaugural meeting/ }).first().press('Enter');
    await page.getByRole('group', { name: 'Meeting actions' }).getByRole('button', { name: 'Delete meeting' }).press('Enter');
    await page.getByRole('dialog', { name: 'Delete this meeting?' }).getByRole('button', { name: 'Delete meeting' }).press('Enter');
    await page.getByRole('status').getByText(/^Meeting deleted\./).first().waitFor();
    // After a deletion the app goes back to the list of meetings.
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('radio', { name: /^Delegation/ }).check();
    await page.getByLabel('Country of the delegation').selectOption({ label: 'Kyrgyzstan' });
    await page.getByRole('button', { name: 'Save' }).first().press('Enter');
    await page.getByRole('status').getByText('Settings saved.').waitFor();

    await page.getByRole('link', { name: 'Open Recently deleted' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Recently deleted' }).waitFor();
    await page.getByText('This installation restores only what its peers accept from it', { exact: false }).waitFor();
    const list = page.getByRole('list', { name: 'Deleted records' });
    await list.getByRole('listitem').filter({ hasText: /Inaugural meeting/ }).waitFor();
    expect(await page.getByRole('button', { name: /^Restore/ }).count()).toBe(0);
    expect(host.pageErrors).toEqual([]);
  });
});
