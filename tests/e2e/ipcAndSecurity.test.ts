/**
 * The renderer's bridge to main, seen from the page: named functions only, payloads
 * validated in main, foreign senders refused, the CSP enforced, no request leaving the app.
 */
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../shared/ipc/result';
import { startTestHost, type TestHost } from '../host/testHost';

describe('IPC bridge and page security', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost();
    const { page } = host;
    await page.getByRole('heading', { level: 1, name: 'Welcome to CWG Desk' }).waitFor();
    await page.getByLabel('Name of this installation').fill('Delegation laptop');
    await page.getByRole('radio', { name: /^Delegation/ }).check();
    await page.getByLabel('Country of the delegation').selectOption({ label: 'Tajikistan' });
    await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
    await page.getByText('Delegation laptop · Delegation of Tajikistan').waitFor();
  });

  afterAll(async () => {
    await host.close();
  });

  it('exposes named functions only, not the transport', async () => {
    const shape = await host.page.evaluate(() => ({
      keys: Object.keys(window.cwg ?? {}).sort(),
      frozen: Object.isFrozen(window.cwg),
      transport: typeof (window as unknown as Record<string, unknown>).__cwgInvoke,
      upload: typeof (window as unknown as Record<string, unknown>).__cwgUploadChunk,
      ipcRenderer: typeof (window as unknown as Record<string, unknown>).ipcRenderer,
      require: typeof (window as unknown as Record<string, unknown>).require,
    }));
    expect(shape).toEqual({
      keys: [
        'appInfo',
        'chooseSyncFolder',
        'exportReportPdf',
        'forgetSyncFolder',
        'listBackups',
        'onMainEvent',
        'openExternal',
        'openFile',
        'pauseSyncFolder',
        'printReport',
        'readBackup',
        'readSyncFolderFile',
        'readyToQuit',
        'removeSyncFolderFiles',
        'saveFile',
        'scanSyncFolder',
        'syncFolderStatus',
        'writeBackup',
        'writeSyncFolderFile',
      ],
      frozen: true,
      transport: 'undefined',
      upload: 'undefined',
      ipcRenderer: 'undefined',
      require: 'undefined',
    });
  });

  it('answers app info from the main-process handlers', async () => {
    const result = await host.page.evaluate(() => window.cwg?.appInfo());
    expect(result).toMatchObject({ ok: true, value: { name: 'CWG Desk', host: 'test-host', platform: process.platform } });
  });

  it('refuses invalid payloads with a clear error and does nothing', async () => {
    const calls = await host.page.evaluate(async () => {
      const api = window.cwg as unknown as Record<string, (payload: unknown) => Promise<unknown>>;
      const open = api.openExternal as (payload: unknown) => Promise<unknown>;
      return Promise.all([
        open({ url: 'javascript:alert(1)' }),
        open({ url: 'http://example.org/' }),
        open({ url: 'file:///etc/passwd' }),
        open({ url: 'https://example.org/', extra: true }),
        open('https://example.org/'),
      ]);
    });
    for (const result of calls as IpcResult<unknown>[]) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-payload');
        expect(result.error.message).toMatch(/^Invalid request for "cwg:shell:open-external": /);
      }
    }
    expect(host.openedExternal).toEqual([]);
  });

  it('carries files as bytes both ways, every byte value intact, as Electron\'s structured clone does', async () => {
    /** 9 MB: three upload chunks (the host uploads at about 1 MB/s); 450 MB is carried in tests/unit/ipcBytes.test.ts. */
    const LARGE = 9 * 1024 * 1024;
    const folder = await mkdtemp(join(tmpdir(), 'cwg-bytes-'));
    try {
      const saved = join(folder, 'every-byte.pdf');
      host.dialogs.answer(saved);
      const since = host.ipcLog.length;
      // Bytes that are not UTF-8, as a view into a larger buffer: what a text or base64 path would mangle.
      const result = await host.page.evaluate(async () => {
        const whole = new Uint8Array(258);
        for (let i = 0; i < 256; i += 1) whole[i + 1] = i;
        return window.cwg?.saveFile({ purpose: 'pdf', suggestedName: 'every-byte.pdf', content: whole.subarray(1, 257) });
      });
      expect(result).toEqual({ ok: true, value: { saved: true, path: saved, bytes: 256 } });
      expect([...(await readFile(saved))]).toEqual(Array.from({ length: 256 }, (_, i) => i));
      // Main's handler received a Uint8Array, not a reference or a string.
      const call = await host.waitForIpc('cwg:file:save', { since });
      expect((call.payload as { content: unknown }).content).toBeInstanceOf(Uint8Array);

      host.dialogs.answer(saved);
      const opened = await host.page.evaluate(async () => {
        const answer = await window.cwg?.openFile({ purpose: 'pdf' });
        if (!answer?.ok || !answer.value.opened) return answer;
        const { bytes } = answer.value;
        return { isBytes: bytes instanceof Uint8Array, length: bytes.length, values: [...bytes] };
      });
      expect(opened).toEqual({ isBytes: true, length: 256, values: Array.from({ length: 256 }, (_, i) => i) });

      // A larger file in the real browser, in several upload chunks: opened, then saved again.
      const large = join(folder, 'large.json');
      await writeFile(large, '{');
      await truncate(large, LARGE);
      host.dialogs.answer(large);
      host.dialogs.answer(join(folder, 'copy.json'));
      const started = Date.now();
      host.page.on("console", (message) => { if (message.text().startsWith("test host:")) console.info(message.text()); });
      const copied = await host.page.evaluate(async () => {
        const answer = await window.cwg?.openFile({ purpose: 'backup' });
        if (!answer?.ok || !answer.value.opened) return { opened: false };
        const { bytes } = answer.value;
        const openedAt = Date.now();
        const save = await window.cwg?.saveFile({ purpose: 'backup', suggestedName: 'copy.json', content: bytes });
        console.info(`test host: saving took ${String(Date.now() - openedAt)} ms`);
        return { opened: true, length: bytes.length, first: bytes[0], save };
      });
      console.info(`test host: ${String(LARGE / 1024 / 1024)} MB opened and saved again in ${String(Date.now() - started)} ms`);
      expect(copied).toEqual({ opened: true, length: LARGE, first: 0x7b, save: { ok: true, value: { saved: true, path: join(folder, 'copy.json'), bytes: LARGE } } });
      const copy = await readFile(join(folder, 'copy.json'));
      expect(copy.byteLength).toBe(LARGE);
      expect(copy[0]).toBe(0x7b);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 180_000);

  it('refuses a call from a page that is not the app', async () => {
    const foreign = await host.context.newPage();
    try {
      await foreign.setContent('<p>not the app</p>');
      const result = (await foreign.evaluate(() => window.cwg?.appInfo())) as IpcResult<unknown>;
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    } finally {
      await foreign.close();
    }
  });

  it('opens the group page in the system browser from Settings', async () => {
    const { page } = host;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByText('Test host (Chromium)').waitFor();
    await page.getByRole('button', { name: /About the Customs Working Group/ }).click();
    await page.getByRole('status').getByText('The page was opened in your browser.').waitFor();
    expect(host.openedExternal).toEqual(['https://cldp.doc.gov/']);
  });

  it('enforces the content security policy: injected scripts do not run', async () => {
    const ran = await host.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      const img = document.createElement('img');
      img.src = 'https://example.org/pixel.png';
      document.body.append(img);
      await new Promise((done) => setTimeout(done, 200));
      return (window as unknown as Record<string, unknown>).__injected === true;
    });
    expect(ran).toBe(false);
    expect(host.blockedRequests).toEqual([]); // the CSP stopped the image before any request
  });
});
