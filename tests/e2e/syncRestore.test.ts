/**
 * A restore, then ordinary sync, as people do it (issue 12 item 1): the secretariat sends
 * everything to a delegation; the delegation comments on the MoU and sends what the
 * secretariat lacks; the secretariat imports it (CWG Desk backs up first), renames a
 * meeting and sends that to the delegation; then the secretariat restores the "Before an
 * import" backup from Settings. "What one installation has not received yet" files, both
 * ways, must bring back what the restore removed (the comment, which the delegation holds,
 * and the secretariat's own rename, handed back by a delegation that may not change
 * meetings), with previews that say so, until both computers hold the same data.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncedTableNames, type SyncedTableName } from '../../shared/model';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import { withheldForBundle } from '../../shared/sync/privacy';
import { sameRecord } from '../../shared/sync/records';
import { startTestHost, type TestHost } from '../host/testHost';
import { dumpDatabase } from './dump';
import { exportBundle, firstRun, importBundle, nav, openBundle, loadSampleData } from './syncSteps';

const SECRETARIAT = 'Secretariat laptop';
const DELEGATION = 'Делегация Казахстана';
const SECOND = 'Second meeting of the Customs Working Group';
const RENAMED = 'Second meeting of the CWG (moved to Astana)';
const RENAMED_RU = 'Второе заседание РГТ (перенесено в Астану)';
const COMMENT = 'Казахстан поддерживает эту статью — نؤيد هذه المادة';

async function fingerprintInSettings(page: Page): Promise<string> {
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const fingerprint = page.getByRole('region', { name: 'Sync' }).getByTestId('key-fingerprint');
  await fingerprint.waitFor();
  return (await fingerprint.textContent()) ?? '';
}

async function openSettings(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Meetings' }).click();
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
}

const backupsTable = (page: Page) => page.getByRole('table', { name: 'Automatic backups, newest first' });

/** The preview's "Changes per table" row of one table: [new, updated, deleted, unchanged, …]. */
async function previewRow(page: Page, table: RegExp): Promise<string[]> {
  const row = page.getByRole('table', { name: 'Changes per table' }).getByRole('row', { name: table });
  return (await row.count()) === 0 ? [] : row.getByRole('cell').allTextContents();
}

/** The synced tables, read straight from IndexedDB in the page. */
async function syncedDump(page: Page): Promise<Record<string, SyncRecord[]>> {
  return (await dumpDatabase(page, syncedTableNames)) as Record<string, SyncRecord[]>;
}

/**
 * The records that differ (values or stamps, layout aside). Contacts a person did not agree
 * to share never leave the secretariat (docs/sync.md, Privacy of contacts): both sides are
 * compared as a bundle for others carries them.
 */
function differences(a: Record<string, SyncRecord[]>, b: Record<string, SyncRecord[]>): string[] {
  const out: string[] = [];
  for (const name of syncedTableNames as readonly SyncedTableName[]) {
    const other = new Map((b[name] ?? []).map((record) => [record.id, record]));
    for (const record of a[name] ?? []) {
      const match = other.get(record.id);
      other.delete(record.id);
      if (!match || !sameRecord(withheldForBundle(name, record), withheldForBundle(name, match))) out.push(`${name}/${record.id}`);
    }
    for (const id of other.keys()) out.push(`${name}/${id}`);
  }
  return out;
}

async function meetingTitles(page: Page): Promise<string[]> {
  await nav(page).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
  await page.getByText('Inaugural meeting', { exact: false }).first().waitFor();
  return page.getByRole('link', { name: /meeting of the (Customs Working Group|CWG)|Inaugural/ }).allTextContents();
}

async function commentsOnWorkingLanguages(page: Page): Promise<string> {
  await nav(page).getByRole('link', { name: 'MoU' }).click();
  await page.getByRole('link', { name: /^Memorandum of Understanding on the Customs Working Group/ }).first().click();
  await page.getByRole('region', { name: /^Article \d+\. Working languages$/ }).getByRole('link', { name: 'Amendments and comments' }).click();
  const comments = page.getByRole('region', { name: 'Comments' });
  // Loaded: the list, or the words for an empty one.
  await comments.locator('ul.comments').or(comments.getByText('No comments yet.')).first().waitFor();
  return (await comments.textContent()) ?? '';
}

describe('sync after a restore', () => {
  let secretariat: TestHost;
  let delegation: TestHost;
  let folder: string;
  const path = (name: string) => join(folder, `${name}.cwgbundle.json`);

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-sync-restore-e2e-'));
    [secretariat, delegation] = await Promise.all([startTestHost(), startTestHost()]);
  });

  afterAll(async () => {
    await Promise.all([secretariat.close(), delegation.close()]);
  });

  it('the delegation trusts the secretariat, comments, and sends what the secretariat has not received', async () => {
    await firstRun(secretariat, SECRETARIAT, 'Secretariat');
    await firstRun(delegation, DELEGATION, 'Delegation', 'Kazakhstan');
    const s = secretariat.page;
    await loadSampleData(s);
    const fingerprint = await fingerprintInSettings(s);
    await exportBundle(secretariat, path('secretariat-all'));

    const d = delegation.page;
    await openBundle(delegation, path('secretariat-all'));
    expect(await d.locator('.sync-trust .sync-fingerprint').textContent()).toBe(fingerprint);
    await importBundle(delegation, path('secretariat-all'), SECRETARIAT);

    // Offline, the delegation comments on an article (in Russian and Arabic script).
    expect(await commentsOnWorkingLanguages(d)).not.toContain(COMMENT);
    const comments = d.getByRole('region', { name: 'Comments' });
    await comments.getByRole('textbox', { name: 'Comment' }).fill(COMMENT);
    await comments.getByRole('button', { name: 'Post comment' }).click();
    await comments.getByText(COMMENT).waitFor();
    await exportBundle(delegation, path('delegation-1'), SECRETARIAT);
  });

  it('the secretariat imports it, renames a meeting, sends that, then restores the backup taken before the import', async () => {
    const s = secretariat.page;
    await openBundle(secretariat, path('delegation-1'));
    expect(await previewRow(s, /^Comments/)).toEqual(expect.arrayContaining(['1']));
    await importBundle(secretariat, path('delegation-1'), DELEGATION);
    expect(await commentsOnWorkingLanguages(s)).toContain(COMMENT);

    await nav(s).getByRole('link', { name: 'Meetings' }).click();
    await s.getByRole('link', { name: SECOND }).first().click();
    await s.getByRole('link', { name: 'Edit meeting' }).click();
    await s.getByLabel('Title in English').fill(RENAMED);
    await s.getByLabel('Title in Russian').fill(RENAMED_RU);
    await s.getByRole('button', { name: 'Save changes' }).click();
    await s.getByRole('status').getByText('Meeting saved.').first().waitFor();
    await exportBundle(secretariat, path('secretariat-2'), DELEGATION);
    await importBundle(delegation, path('secretariat-2'), SECRETARIAT);
    expect(await meetingTitles(delegation.page)).toContain(RENAMED);
    expect(differences(await syncedDump(s), await syncedDump(delegation.page))).toEqual([]);

    // The restore: the "Before an import" backup, from the list in Settings.
    await openSettings(s);
    const row = backupsTable(s).getByRole('row').filter({ hasText: 'Before an import' }).first();
    await row.waitFor();
    await row.getByRole('link', { name: /^Restore the backup of / }).click();
    await s.getByRole('heading', { name: 'What the backup holds' }).waitFor();
    // The page says how what the restore removes comes back (and not "at the next import").
    await s.getByText(/send it a file from this computer, then import the file it makes for this computer after importing yours/).waitFor();
    await s.getByRole('checkbox', { name: 'I understand that the data on this computer will be replaced by this backup' }).check();
    await s.getByRole('button', { name: 'Restore this backup' }).click();
    await s.getByRole('status').getByText(/^Backup restored: [\d,]+ records\./).waitFor();

    expect(await meetingTitles(s)).not.toContain(RENAMED);
    expect(await commentsOnWorkingLanguages(s)).not.toContain(COMMENT);
    expect(differences(await syncedDump(s), await syncedDump(delegation.page)).length).toBeGreaterThanOrEqual(2);
  });

  it('“What one installation has not received yet”, both ways, brings back what the restore removed', async () => {
    const s = secretariat.page;
    const d = delegation.page;
    // The delegation answers first, not knowing of the restore: its file holds what it
    // believes the secretariat lacks (nothing), and must not make the secretariat skip the rest.
    await exportBundle(delegation, path('delegation-2'), SECRETARIAT);
    await importBundle(secretariat, path('delegation-2'), DELEGATION);

    // The secretariat's file tells the delegation it restored; the delegation holds all of it.
    await exportBundle(secretariat, path('secretariat-3'), DELEGATION);
    await importBundle(delegation, path('secretariat-3'), SECRETARIAT);

    // The delegation's next answer holds the comment and the secretariat's own rename.
    await exportBundle(delegation, path('delegation-3'), SECRETARIAT);
    await openBundle(secretariat, path('delegation-3'));
    expect(await s.getByText('This bundle holds nothing new for this computer.').count()).toBe(0);
    expect((await previewRow(s, /^Comments/))[0]).toBe('1');
    expect((await previewRow(s, /^Meetings/))[1]).toBe('1');
    expect(await s.getByRole('heading', { name: 'Changes that will not be applied' }).count()).toBe(0);
    await s.getByRole('button', { name: 'Import', exact: true }).click();
    await s.getByRole('status').getByText(new RegExp(`^Imported from ${DELEGATION}: 1 new, 1 updated, 0 deleted, 0 conflicts, 0 refused`)).waitFor();
    expect(await meetingTitles(s)).toContain(RENAMED);
    expect(await commentsOnWorkingLanguages(s)).toContain(COMMENT);

    // A second round both ways changes nothing more, and both hold the same data.
    await exportBundle(secretariat, path('secretariat-4'), DELEGATION);
    await importBundle(delegation, path('secretariat-4'), SECRETARIAT);
    await exportBundle(delegation, path('delegation-4'), SECRETARIAT);
    await importBundle(secretariat, path('delegation-4'), DELEGATION);
    expect(differences(await syncedDump(s), await syncedDump(d))).toEqual([]);
  });
});
