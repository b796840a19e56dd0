/** Saving and opening files: atomic writes, clear errors, size limits, remembered folders. */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { open, rename, truncate, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../electron/main/services/serviceError';
import { FILE_READ_LIMITS, filePurposes, MAX_FILE_BYTES, MAX_STRING_LENGTH } from '../../shared/ipc/contract';
import { writeFileAtomic, type AtomicFs } from '../../electron/main/services/atomicFile';
import { createFileService, FOLDER_MEMORY_FILE } from '../../electron/main/services/fileService';
import { ScriptedDialogs } from '../host/scriptedDialogs';

const tempDir = () => mkdtemp(join(tmpdir(), 'cwg-files-'));

function failing(code: string, at: 'write' | 'rename'): AtomicFs {
  return {
    open: (async (...args: Parameters<typeof open>) => {
      const handle = await open(...args);
      if (at !== 'write') return handle;
      return Object.assign(Object.create(handle) as typeof handle, {
        writeFile: () => Promise.reject(Object.assign(new Error('simulated'), { code })),
        close: () => handle.close(),
        sync: () => handle.sync(),
      });
    }),
    rename: ((...args: Parameters<typeof rename>) =>
      at === 'rename' ? Promise.reject(Object.assign(new Error('simulated'), { code })) : rename(...args)),
    unlink,
  };
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file', async () => {
    const dir = await tempDir();
    const target = join(dir, 'agenda.ics');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['agenda.ics']);
  });

  it('keeps the old file and explains a full disk', async () => {
    const dir = await tempDir();
    const target = join(dir, 'bundle.cwgbundle.json');
    await writeFile(target, 'previous contents');
    const error = await writeFileAtomic(target, 'x'.repeat(1000), failing('ENOSPC', 'write')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^The disk is full: ".*bundle\.cwgbundle\.json" could not be saved\. Nothing was written; any earlier file there is unchanged\./);
    expect(await readFile(target, 'utf8')).toBe('previous contents');
    expect(await readdir(dir)).toEqual(['bundle.cwgbundle.json']);
  });

  it('keeps the old file when the final rename fails', async () => {
    const dir = await tempDir();
    const target = join(dir, 'list.csv');
    await writeFile(target, 'kept');
    await expect(writeFileAtomic(target, 'lost', failing('EACCES', 'rename'))).rejects.toThrow(/No permission to write/);
    expect(await readFile(target, 'utf8')).toBe('kept');
    expect(await readdir(dir)).toEqual(['list.csv']);
  });

  it('explains a folder that vanished (a removed USB stick)', async () => {
    const dir = await tempDir();
    await expect(writeFileAtomic(join(dir, 'gone', 'file.pdf'), 'x')).rejects.toThrow(/no longer exists \(was a USB stick removed\?\)/);
  });
});

describe('file service', () => {
  async function setup() {
    const dataFolder = await tempDir();
    const documents = await tempDir();
    const dialogs = new ScriptedDialogs();
    return { dataFolder, documents, dialogs, files: createFileService({ dialogs, dataFolder, defaultFolder: documents }) };
  }

  it('reads a file exactly at its purpose\'s limit and refuses one byte more, with the limit in the message', async () => {
    const { files, dialogs } = await setup();
    const folder = await tempDir();
    for (const purpose of filePurposes) {
      const limit = FILE_READ_LIMITS[purpose];
      // Sparse files: the size is real, the disk holds nothing.
      const over = join(folder, `${purpose}-over.bin`);
      await writeFile(over, '');
      await truncate(over, limit + 1);
      dialogs.answer(over);
      const error = await files.open(purpose).catch((e: unknown) => e);
      expect(error, purpose).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).fault).toEqual({ reason: 'too-large', path: over, size: limit + 1, limit });
      expect((error as ServiceError).message).toContain(`more than the limit of ${String(limit / 1024 / 1024)} MB`);
      const exact = join(folder, `${purpose}-exact.bin`);
      await writeFile(exact, '');
      await truncate(exact, limit);
      dialogs.answer(exact);
      // Up to the backup's 500 MB: bytes, never a string (its base64 would pass V8's longest string).
      const opened = await files.open(purpose);
      expect(opened.opened && opened.size, purpose).toBe(limit);
      expect(opened.opened && opened.bytes.byteLength, purpose).toBe(limit);
      await unlink(exact);
    }
    // No caller may raise a limit past the largest read, and the largest read decodes to one string.
    expect(Math.max(...Object.values(FILE_READ_LIMITS))).toBe(MAX_FILE_BYTES);
    expect(MAX_FILE_BYTES).toBeLessThanOrEqual(MAX_STRING_LENGTH);
  }, 120_000);

  it('saves bytes where the user chose, and remembers the folder per purpose', async () => {
    const { files, dialogs, documents, dataFolder } = await setup();
    const usb = await tempDir();
    dialogs.answer(join(usb, 'meeting.ics'));
    expect(await files.save('calendar', 'meeting.ics', new TextEncoder().encode('BEGIN:VCALENDAR'))).toEqual({
      saved: true,
      path: join(usb, 'meeting.ics'),
      bytes: 15,
    });
    expect(await readFile(join(usb, 'meeting.ics'), 'utf8')).toBe('BEGIN:VCALENDAR');
    expect(JSON.parse(await readFile(join(dataFolder, FOLDER_MEMORY_FILE), 'utf8'))).toEqual({ calendar: usb });

    dialogs.answer(join(documents, 'x.pdf'));
    await files.save('pdf', 'x.pdf', new Uint8Array([37, 80, 68, 70]));
    expect([...(await readFile(join(documents, 'x.pdf')))]).toEqual([37, 80, 68, 70]);
    expect(dialogs.asked.map((a) => a.kind)).toEqual(['save', 'save']);

    // Bytes are written as they are, even a view into a larger buffer (a printed PDF, a structured clone's view).
    dialogs.answer(join(documents, 'y.pdf'));
    const whole = new Uint8Array([0, 0, 37, 80, 68, 70, 45, 9, 9]);
    const result = await files.save('pdf', 'y.pdf', whole.subarray(2, 7));
    expect(result).toEqual({ saved: true, path: join(documents, 'y.pdf'), bytes: 5 });
    expect([...(await readFile(join(documents, 'y.pdf')))]).toEqual([37, 80, 68, 70, 45]);
  });

  it('starts the next calendar dialog in the remembered folder', async () => {
    const { files, dialogs, documents } = await setup();
    const usb = await tempDir();
    dialogs.answer(join(usb, 'a.ics'));
    dialogs.answer(null);
    dialogs.answer(null);
    await files.save('calendar', 'a.ics', new TextEncoder().encode('a'));
    expect(await files.save('calendar', 'b.ics', new TextEncoder().encode('b'))).toEqual({ saved: false });
    await files.save('csv', 'c.csv', new TextEncoder().encode('c'));
    expect(dialogs.asked.map((a) => a.defaultPath)).toEqual([join(documents, 'a.ics'), join(usb, 'b.ics'), join(documents, 'c.csv')]);
  });

  it('opens a file as bytes and refuses one over the limit with its size', async () => {
    const { files, dialogs } = await setup();
    const dir = await tempDir();
    await writeFile(join(dir, 'delegates.csv'), 'name\nNurlan');
    dialogs.answer(join(dir, 'delegates.csv'));
    const opened = await files.open('csv');
    expect(opened).toMatchObject({ opened: true, name: 'delegates.csv', size: 11 });
    expect(opened.opened && opened.bytes).toBeInstanceOf(Uint8Array);
    if (opened.opened) expect(new TextDecoder().decode(opened.bytes)).toBe('name\nNurlan');

    await writeFile(join(dir, 'big.json'), 'x'.repeat(3000));
    dialogs.answer(join(dir, 'big.json'));
    const error = await files.open('bundle', 2048).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('not-allowed');
    expect((error as ServiceError).message).toBe('"big.json" is 3 KB, more than the limit of 2 KB for a cwg desk bundle.');
    // The same refusal as a value, for the renderer to say in the user's language.
    expect((error as ServiceError).fault).toEqual({ reason: 'too-large', path: join(dir, 'big.json'), size: 3000, limit: 2048 });
    dialogs.answer(null);
    expect(await files.open('bundle')).toEqual({ opened: false });
  });

  it('reports a missing file clearly', async () => {
    const { files, dialogs } = await setup();
    dialogs.answer('/nonexistent/file.csv');
    await expect(files.open('csv')).rejects.toThrow(/"\/nonexistent\/file\.csv" cannot be read/);
    dialogs.answer('/nonexistent/file.csv');
    const error = await files.open('csv').catch((e: unknown) => e);
    expect((error as ServiceError).fault).toMatchObject({ reason: 'unreadable', path: '/nonexistent/file.csv' });
  });

  it('says why a save failed as a value too: a folder that vanished', async () => {
    const { files, dialogs } = await setup();
    const target = join(await tempDir(), 'removed-usb-stick', 'agenda.pdf');
    dialogs.answer(target);
    const error = await files.save('pdf', 'agenda.pdf', new TextEncoder().encode('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('io-error');
    expect((error as ServiceError).fault).toEqual({ reason: 'folder-gone', path: target });
    expect((error as ServiceError).message).toMatch(/no longer exists \(was a USB stick removed\?\)/);
  });
});
