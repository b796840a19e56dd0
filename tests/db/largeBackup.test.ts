/**
 * A backup above 400 MB, end to end except the window: the renderer's snapshot (a signed
 * bundle as text) → its UTF-8 bytes → the backup service writes and reads them back as bytes
 * (what crosses IPC) → the renderer's restore check decodes and reads them. The way the file
 * once crossed IPC, base64 text, is longer than V8's longest string at this size (issue 17:
 * a 400 MB backup failed); bytes are not text, and the text of a file within the limit fits.
 * The data is cheap to make: a few hundred delegates whose notes are 900,000 characters each
 * (below the bundle scan's 1,000,000 per string; the notes' 5,000 limit is the form's, not the
 * record's). Slow by nature (about a minute on two cores), hence the long timeout.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackupService } from '../../electron/main/services/backupService';
import { FILE_READ_LIMITS, MAX_STRING_LENGTH } from '../../shared/ipc/contract';
import { emptyDelegateFields } from '../../shared/delegates/validation';
import type { Delegate } from '../../shared/model';
import { createRepositories, openDatabase, type CwgDatabase } from '../../renderer/db';

const databases: CwgDatabase[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await db.delete();
  }
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

const NOTES = 900_000;
const PEOPLE = 480; // 480 × 900,000 characters ≈ 412 MiB of notes, and the rest of the bundle

describe('a backup above 400 MB', () => {
  it('is written and read as bytes and checked for restore without passing a string limit', async () => {
    const db = openDatabase(`cwg-large-backup-${crypto.randomUUID()}`);
    databases.push(db);
    const repos = createRepositories(db);
    await repos.installation.create({ displayName: 'Secretariat laptop', role: 'secretariat', countryId: null });
    // One person saved as the app saves (valid stamps), then copies of them with long notes.
    const saved = await repos.delegates.save({ ...emptyDelegateFields(), nameLatin: 'Aibek Sadykov', countryId: 'KG' });
    const copies: Delegate[] = Array.from({ length: PEOPLE }, (_, n) => ({
      ...saved,
      id: crypto.randomUUID(),
      nameLatin: `Person ${String(n)}`,
      notes: String.fromCharCode(97 + (n % 26)).repeat(NOTES),
    }));
    await db.table('delegates').bulkPut(copies);

    const snapshot = await repos.backup.snapshot();
    const content = new TextEncoder().encode(snapshot.text);
    expect(content.byteLength).toBeGreaterThan(400 * 1024 * 1024);
    expect(content.byteLength).toBeLessThanOrEqual(FILE_READ_LIMITS.backup);
    // What used to cross IPC: its base64 is longer than any string can be.
    expect(Math.ceil(content.byteLength / 3) * 4).toBeGreaterThan(MAX_STRING_LENGTH);

    const dataFolder = await mkdtemp(join(tmpdir(), 'cwg-large-backup-'));
    folders.push(dataFolder);
    const backups = createBackupService({ dataFolder });
    const entry = await backups.write('before-restore', content, snapshot.counts);
    expect(entry.size).toBe(content.byteLength);
    const read = await backups.read(entry.id);
    expect(read.bytes).toBeInstanceOf(Uint8Array);
    expect(read.bytes.byteLength).toBe(content.byteLength);

    const session = await repos.backup.prepareRestore({ name: entry.fileName, bytes: read.bytes });
    expect(session.preview.bytes).toBe(content.byteLength);
    expect(session.preview.backup.delegates).toEqual({ live: PEOPLE + 1, deleted: 0 });
    expect(session.preview.ownBackup).toBe(true);
  }, 600_000);
});
