/**
 * Backups as a secretariat uses them: the daily automatic backup appears in Settings;
 * "Back up now" writes a complete, signed bundle to a chosen folder (a USB stick); after a
 * mistake (a meeting deleted) the file is restored, with preview and confirmation, and a
 * backup of the state before the restore appears in the list, from which the restore can
 * itself be undone. Damaged and partial files are refused and change nothing; an import
 * (into a delegation, which trusts the bench file's secretariat) and a duplicate merge
 * each take a backup first.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncedTableNames } from '../../shared/model';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import { readBundleText } from '../../shared/sync/bundleRead';
import { sameRecord } from '../../shared/sync/records';
import { buildLargeBundle } from '../fixtures/bundles/large';
import { nodeSyncCrypto } from '../fixtures/bundles/nodeCrypto';
import { startTestHost, type TestHost } from '../host/testHost';
import { dumpDatabase } from './dump';
import { waitForBundleSaved } from './syncSteps';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });
const SECOND = 'Second meeting of the Customs Working Group';

async function openSettings(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Meetings' }).click();
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
}

const backupsTable = (page: Page) => page.getByRole('table', { name: 'Automatic backups, newest first' });

/** Rows of the automatic backups list as "reason" texts, newest first. */
async function backupReasons(page: Page): Promise<string[]> {
  await openSettings(page);
  await backupsTable(page).or(page.getByText('There is no automatic backup yet.')).waitFor();
  return backupsTable(page).locator('tbody tr td:nth-child(2)').allTextContents();
}

/** The synced tables, read straight from IndexedDB in the page. */
async function syncedDump(page: Page): Promise<Record<string, SyncRecord[]>> {
  return (await dumpDatabase(page, syncedTableNames)) as Record<string, SyncRecord[]>;
}

/** Same records with the same values and stamps, whatever their stored layout. */
function expectSameData(actual: Record<string, SyncRecord[]>, expected: Record<string, SyncRecord[]>): void {
  for (const name of syncedTableNames) {
    const byId = (list: SyncRecord[] | undefined) => [...(list ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
    const a = byId(actual[name]);
    const e = byId(expected[name]);
    expect(a.map((record) => record.id), name).toEqual(e.map((record) => record.id));
    a.forEach((record, index) => {
      const other = e[index];
      expect(other !== undefined && sameRecord(record, other), `${name} ${record.id}`).toBe(true);
    });
  }
}

async function meetingTitles(page: Page): Promise<string[]> {
  await nav(page).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
  await page.getByText('Inaugural meeting', { exact: false }).first().waitFor();
  return page.getByRole('link', { name: /meeting of the Customs Working Group|Inaugural/ }).allTextContents();
}

async function restoreConfirmed(page: Page): Promise<void> {
  // Without the confirmation nothing happens, and the box says why.
  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await page.getByText('Tick the box above to confirm first.').waitFor();
  const confirm = page.getByRole('checkbox', { name: 'I understand that the data on this computer will be replaced by this backup' });
  expect(await confirm.getAttribute('aria-invalid')).toBe('true');
  await confirm.check();
  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await page.getByRole('status').getByText(/^Backup restored: [\d,]+ records\. The data you had before was saved as a backup \(Before a restore, /).waitFor();
}

describe('backups and restore', () => {
  let host: TestHost;
  let folder: string;
  let dataDir: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-backup-e2e-'));
    dataDir = await mkdtemp(join(tmpdir(), 'cwg-backup-data-'));
    host = await startTestHost({ dataDir });
    const { page } = host;
    await page.getByRole('heading', { level: 1, name: 'Welcome to CWG Desk' }).waitFor();
    await page.getByLabel('Name of this installation').fill('Secretariat laptop');
    await page.getByRole('radio', { name: /^Secretariat/ }).check();
    await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
    await nav(page).waitFor();
    await openSettings(page);
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await page.getByRole('status').getByText(/Sample data loaded/).waitFor();
  }, 120_000);

  afterAll(async () => {
    await host.close();
  });

  it('takes the daily backup by itself and lists it with reason, size and contents', async () => {
    const { page } = host;
    // Settings stays open: the list shows the daily backup as soon as it is written.
    await openSettings(page);
    const row = backupsTable(page).getByRole('row').filter({ hasText: 'Daily' }).first();
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toMatch(/\d+ (KB|MB)/);
    expect(await row.getByRole('link', { name: /^Restore the backup of / }).count()).toBe(1);
    const files = await readdir(join(dataDir, 'backups'));
    expect(files.filter((name) => /^cwg-backup-.*-daily\.json$/.test(name))).toHaveLength(1);
    // Used again: a new daily backup only on a new day (this run may cross midnight).
    // The app restarts on Meetings, where only the daily check lists the backups: its answer
    // is the event that says the check ran and what it saw.
    await nav(page).getByRole('link', { name: 'Meetings' }).click();
    const since = host.ipcLog.length;
    await host.restart();
    await nav(host.page).waitFor();
    const check = await host.waitForIpc('cwg:backup:list', { since });
    const seen = check.answer as { ok: boolean; value?: { backups: { reason: string; fileName: string }[] } };
    expect(seen.ok).toBe(true);
    expect(seen.value?.backups.filter((entry) => entry.reason === 'daily').map((entry) => entry.fileName)).toEqual(files.filter((name) => name.endsWith('-daily.json')));
    // It saw today's backup, so none is due (dailyDue): no write between its list and the
    // Settings screen's own list below, and still one daily file per local day on disk.
    await backupReasons(host.page);
    await host.waitForIpc('cwg:backup:list', { since: since + 1 });
    expect(host.ipcLog.slice(since).filter((entry) => entry.channel === 'cwg:backup:write')).toEqual([]);
    const dailyTimes = (await readdir(join(dataDir, 'backups')))
      .map((name) => /^cwg-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-[0-9a-f]+-daily\.json$/.exec(name))
      .filter((match) => match !== null)
      .map(([, day, h, m, sec, ms]) => `${String(day)}T${String(h)}:${String(m)}:${String(sec)}.${String(ms)}Z`);
    const localDays = await host.page.evaluate(
      (times) =>
        [...times, new Date().toISOString()].map((iso) => {
          const date = new Date(iso);
          return `${String(date.getFullYear())}-${String(date.getMonth() + 1)}-${String(date.getDate())}`;
        }),
      dailyTimes,
    );
    const today = localDays.pop();
    expect(new Set(localDays).size).toBe(localDays.length);
    expect(localDays).toContain(today);
  }, 120_000);

  it('backs up to a chosen folder, restores that file after a mistake, and can undo the restore', async () => {
    const { page } = host;
    const before = await syncedDump(page);
    const target = join(folder, 'usb-stick-backup.cwgbundle.json');
    await openSettings(page);
    host.dialogs.answer(target);
    await page.getByRole('button', { name: 'Back up now…' }).click();
    await page.getByRole('status').getByText(`Backup saved: ${target}`).waitFor();
    const read = await readBundleText(await readFile(target, 'utf8'), nodeSyncCrypto);
    expect(read.units[0]?.header.scope.kind).toBe('all');
    expect(read.units[0]?.header.counts.meetings).toBe(2);

    // The mistake: the second meeting deleted.
    await nav(page).getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('link', { name: SECOND }).first().click();
    await page.getByRole('button', { name: 'Delete meeting' }).click();
    await page.getByRole('dialog', { name: 'Delete this meeting?' }).getByRole('button', { name: 'Delete meeting' }).click();
    await page.getByRole('status').getByText('Meeting deleted.').first().waitFor();
    const afterMistake = await syncedDump(page);

    // Restore the file: preview first.
    await openSettings(page);
    await page.getByRole('link', { name: 'Restore from a file…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Restore a backup' }).waitFor();
    host.dialogs.answer(target);
    await page.getByRole('button', { name: 'Choose a backup file…' }).click();
    await page.getByRole('heading', { name: 'What the backup holds' }).waitFor();
    expect(await page.getByText('Secretariat laptop (this installation)').count()).toBe(1);
    const compare = page.getByRole('table', { name: 'Records per table: in the backup and on this computer now' });
    const meetingsRow = compare.getByRole('row', { name: /^Meetings/ });
    expect(await meetingsRow.getByRole('cell').allTextContents()).toEqual(['2', '1 (+1 deleted)']);
    await restoreConfirmed(page);
    expectSameData(await syncedDump(page), before);
    expect(await meetingTitles(page)).toEqual(expect.arrayContaining([expect.stringContaining(SECOND)]));

    // The state before the restore was saved; restoring it undoes the restore.
    const reasons = await backupReasons(page);
    expect(reasons[0]).toBe('Before a restore');
    await backupsTable(page).getByRole('row').nth(1).getByRole('link', { name: /^Restore the backup of / }).click();
    await page.getByRole('heading', { name: 'What the backup holds' }).waitFor();
    expect(await compare.getByRole('row', { name: /^Meetings/ }).getByRole('cell').allTextContents()).toEqual(['1 (+1 deleted)', '2']);
    await restoreConfirmed(page);
    expectSameData(await syncedDump(page), afterMistake);
    expect(await page.getByText(SECOND).count()).toBe(0);
  }, 180_000);

  it('refuses a damaged file and a one-meeting bundle, changing nothing', async () => {
    const { page } = host;
    const before = await syncedDump(page);
    const good = await readFile(join(folder, 'usb-stick-backup.cwgbundle.json'), 'utf8');
    const damaged = join(folder, 'damaged.cwgbundle.json');
    await writeFile(damaged, good.replace('Bishkek', 'Bishkex'));
    await openSettings(page);
    await page.getByRole('link', { name: 'Restore from a file…' }).click();
    host.dialogs.answer(damaged);
    await page.getByRole('button', { name: 'Choose a backup file…' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'This file cannot be restored' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Nothing on this computer was changed.');

    // A bundle of one meeting is not a backup.
    const meetingBundle = join(folder, 'meeting.cwgbundle.json');
    await nav(page).getByRole('link', { name: 'Sync' }).click();
    await page.getByRole('navigation', { name: 'Sync sections' }).getByRole('link', { name: 'Export' }).click();
    await page.getByRole('radio', { name: /^One meeting/ }).check();
    await page.getByLabel('Meeting', { exact: true }).selectOption({ index: 1 });
    host.dialogs.answer(meetingBundle);
    await page.getByRole('button', { name: 'Export bundle…' }).click();
    await waitForBundleSaved(page, meetingBundle);
    await openSettings(page);
    await page.getByRole('link', { name: 'Restore from a file…' }).click();
    host.dialogs.answer(meetingBundle);
    await page.getByRole('button', { name: 'Choose a backup file…' }).click();
    await page.getByRole('alert').getByText(/holds only part of the data/).waitFor();
    expectSameData(await syncedDump(page), before);
  }, 120_000);

});

describe('an import', () => {
  let host: TestHost;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-backup-import-'));
    // A delegation: the bench file is signed by its own secretariat key, which a delegation
    // pins on first trust. (A secretariat installation trusts only itself as the
    // secretariat: every record of that file would be refused, and nothing would change.)
    host = await startTestHost();
    const { page } = host;
    await page.getByRole('heading', { level: 1, name: 'Welcome to CWG Desk' }).waitFor();
    await page.getByLabel('Name of this installation').fill('Kyrgyz delegation');
    await page.getByRole('radio', { name: /^Delegation/ }).check();
    await page.getByLabel('Country of the delegation').selectOption({ label: 'Kyrgyzstan' });
    await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
    await nav(page).waitFor();
  }, 120_000);

  afterAll(async () => {
    await host.close();
  });

  it('takes a backup before an import that changes something', async () => {
    const { page } = host;
    // The daily backup first, so the newest one below is the import's.
    await openSettings(page);
    await backupsTable(page).getByRole('row').filter({ hasText: 'Daily' }).first().waitFor({ timeout: 20_000 });
    const bundle = await buildLargeBundle(200);
    const path = join(folder, 'from-bench.cwgbundle.json');
    await writeFile(path, bundle.text);
    await nav(page).getByRole('link', { name: 'Sync' }).click();
    await page.getByRole('navigation', { name: 'Sync sections' }).getByRole('link', { name: 'Import' }).click();
    host.dialogs.answer(path);
    await page.getByRole('button', { name: 'Choose a bundle file…' }).click();
    await page.getByRole('checkbox', { name: /^I compared the fingerprint with the sender and trust “Bench secretariat” as Secretariat/ }).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').getByText(/^Imported from Bench secretariat: 200 new/).waitFor();
    expect((await backupReasons(page))[0]).toBe('Before an import');
  }, 120_000);
});

describe('when no backup can be written', () => {
  let host: TestHost;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-backup-blocked-'));
    const dataDir = await mkdtemp(join(tmpdir(), 'cwg-backup-blocked-data-'));
    // A file where the backups folder should be: every backup write fails.
    await writeFile(join(dataDir, 'backups'), 'not a folder');
    host = await startTestHost({ dataDir });
    const { page } = host;
    await page.getByLabel('Name of this installation').fill('Kyrgyz delegation');
    await page.getByRole('radio', { name: /^Delegation/ }).check();
    await page.getByLabel('Country of the delegation').selectOption({ label: 'Kyrgyzstan' });
    await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
    await nav(page).waitFor();
  }, 120_000);

  afterAll(async () => {
    await host.close();
  });

  it('reports the failed daily backup and refuses an import rather than import without a safety copy', async () => {
    const { page } = host;
    await page.getByRole('alert').getByText(/^Today’s automatic backup could not be written: .*could not be saved/).waitFor({ timeout: 20_000 });

    const bundle = await buildLargeBundle(100);
    const path = join(folder, 'from-bench.cwgbundle.json');
    await writeFile(path, bundle.text);
    const before = await dumpDatabase(page);
    await nav(page).getByRole('link', { name: 'Sync' }).click();
    await page.getByRole('navigation', { name: 'Sync sections' }).getByRole('link', { name: 'Import' }).click();
    host.dialogs.answer(path);
    await page.getByRole('button', { name: 'Choose a bundle file…' }).click();
    await page.getByRole('checkbox', { name: /^I compared the fingerprint/ }).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('alert').getByText(/^The safety backup could not be written: .* Nothing was changed\.$/).waitFor();
    expect(await dumpDatabase(page)).toEqual(before);

    // The same screens in Russian.
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('ru');
    await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Настройки' }).click();
    await page.getByRole('heading', { level: 2, name: 'Резервные копии' }).waitFor();
    await page.getByText('Автоматических резервных копий пока нет.').waitFor();
    // A USB stick pulled out before saving: the reason comes in Russian too.
    const gone = join(folder, 'removed-usb-stick', 'backup.cwgbundle.json');
    host.dialogs.answer(gone);
    await page.getByRole('button', { name: 'Создать копию сейчас…' }).click();
    await page.getByRole('alert').getByText(`Папка для «${gone}» больше не существует (извлечён USB-накопитель?). Ничего не записано.`).waitFor();
    await page.getByRole('link', { name: 'Восстановить из файла…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Восстановление из резервной копии' }).waitFor();
    await page.getByRole('button', { name: 'Выбрать файл резервной копии…' }).waitFor();
  }, 120_000);
});
