/**
 * Files cross IPC as bytes (issue 17, item 5): the contract takes a Uint8Array up to its limit
 * and refuses one byte more with the limit in the message, through the same gate the app
 * uses; and the test host's byte route hands the other side the very bytes sent, as a
 * Uint8Array, at sizes whose base64 would not fit in one string.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/main/ipc/dispatch';
import { createHandlers } from '../../electron/main/ipc/handlers';
import type { Ports } from '../../electron/main/services/ports';
import { BYTES_ROUTE, isBytes, isBytesRef, swapLeaves, UPLOAD_CHUNK, type BytesRef } from '../../shared/ipc/byteTransport';
import { bytesSchema, contract, FILE_READ_LIMITS, formatLimit, MAX_FILE_BYTES, MAX_STRING_LENGTH } from '../../shared/ipc/contract';
import { createByteStore, MAX_UPLOAD_BYTES } from '../host/ipcBytes';
import { ScriptedDialogs } from '../host/scriptedDialogs';

const MB = 1024 * 1024;
const APP = 'app://cwg';
const trusted = { url: `${APP}/index.html`, isTopFrame: true };

describe('the limits', () => {
  it('are defined once, named in messages as the settings name them, and each decodes to one string', () => {
    expect(MAX_FILE_BYTES).toBe(500 * MB);
    expect(FILE_READ_LIMITS).toEqual({ calendar: 20 * MB, csv: 100 * MB, bundle: 200 * MB, pdf: 200 * MB, backup: MAX_FILE_BYTES });
    expect(formatLimit(MAX_FILE_BYTES)).toBe('500 MB');
    expect(formatLimit(2048)).toBe('2 KB');
    expect(formatLimit(1000)).toBe('1000 bytes');
    // UTF-8 never decodes to more UTF-16 units than it has bytes: the largest file is one string.
    expect(MAX_FILE_BYTES).toBeLessThanOrEqual(MAX_STRING_LENGTH);
  });
});

describe('bytes in the contract', () => {
  const dialogs = new ScriptedDialogs();
  const ports = {
    appInfo: { name: 'CWG Desk', version: '0', platform: 'linux', dataFolder: '/nonexistent/cwg-data', host: 'test-host' },
    documentsFolder: '/nonexistent/cwg-documents',
    shell: { openExternal: () => Promise.resolve() },
    dialogs,
    print: { printToPdf: () => Promise.reject(new Error('no printing here')) },
    events: { send: () => undefined },
    lifecycle: { readyToQuit: () => undefined },
  } as unknown as Ports;
  const dispatch = createDispatch(createHandlers(ports), { allowedOrigin: APP });

  it('takes a file exactly at the limit and refuses one byte more with the limit, before any dialog', async () => {
    const atLimit = new Uint8Array(MAX_FILE_BYTES);
    dialogs.answer(null); // the user cancels: the call passed the gate, nothing is written
    expect(await dispatch('cwg:file:save', { purpose: 'backup', suggestedName: 'b.json', content: atLimit }, trusted)).toEqual({ ok: true, value: { saved: false } });
    expect(dialogs.asked).toHaveLength(1);

    const over = new Uint8Array(MAX_FILE_BYTES + 1);
    const refused = await dispatch('cwg:file:save', { purpose: 'backup', suggestedName: 'b.json', content: over }, trusted);
    expect(refused).toEqual({ ok: false, error: { code: 'invalid-payload', message: 'Invalid request for "cwg:file:save": content: more than the limit of 500 MB.' } });
    expect(dialogs.asked).toHaveLength(1); // refused at the gate: no dialog
  }, 60_000);

  it('applies the same rule to backups and the sync folder, each with its own limit', () => {
    const backup = contract['cwg:backup:write'].request;
    expect(backup.safeParse({ reason: 'daily', content: new Uint8Array(MAX_FILE_BYTES), counts: {} }).success).toBe(true);
    const tooBig = backup.safeParse({ reason: 'daily', content: new Uint8Array(MAX_FILE_BYTES + 1), counts: {} });
    expect(tooBig.error?.issues.map((issue) => issue.message)).toEqual(['more than the limit of 500 MB']);

    const folder = contract['cwg:sync-folder:write'].request;
    const name = '20261205T120000Z-0123456789abcdef.cwgbundle.json';
    expect(folder.safeParse({ fileName: name, bytes: new Uint8Array(FILE_READ_LIMITS.bundle) }).success).toBe(true);
    expect(folder.safeParse({ fileName: name, bytes: new Uint8Array(FILE_READ_LIMITS.bundle + 1) }).error?.issues.map((issue) => issue.message)).toEqual([
      'more than the limit of 200 MB',
    ]);
  });

  it('takes any Uint8Array (a view, a Node Buffer) and nothing that only looks like bytes', () => {
    const schema = bytesSchema(4);
    expect(schema.safeParse(new Uint8Array([1, 2, 3, 4])).success).toBe(true);
    expect(schema.safeParse(new Uint8Array(10).subarray(3, 7)).success).toBe(true); // 4 bytes of a larger buffer
    expect(schema.safeParse(Buffer.from('abcd')).success).toBe(true);
    for (const notBytes of ['YWJjZA==', [1, 2, 3], { encoding: 'base64', data: 'YWJjZA==' }, new Int8Array(2), new Uint8ClampedArray(2), new ArrayBuffer(2), null]) {
      expect(schema.safeParse(notBytes).error?.issues.map((issue) => issue.message), Object.prototype.toString.call(notBytes)).toEqual(['bytes (a Uint8Array)']);
    }
    expect(bytesSchema(10, 2).safeParse(new Uint8Array(1)).error?.issues.map((issue) => issue.message)).toEqual(['at least 2 bytes']);
  });
});

describe("the test host's byte route", () => {
  const store = createByteStore();
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (!store.handle(request, response)) response.writeHead(404).end();
    });
    // No idle timeout: a kept-alive connection closed by the server just as the next POST starts
    // is reset, and fetch does not send a POST again (Chromium does, on a reused connection).
    server.keepAliveTimeout = 0;
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  /** What the test host's preload does in the page (testHostPreload.ts): chunks through the upload binding. */
  const upload = (bytes: Uint8Array): Promise<BytesRef> => {
    const id = store.upload('', bytes.byteLength, '');
    for (let offset = 0; offset < bytes.byteLength; offset += UPLOAD_CHUNK) {
      const chunk = bytes.subarray(offset, Math.min(offset + UPLOAD_CHUNK, bytes.byteLength));
      // What crosses the binding is text, one chunk's worth at a time.
      const text = Buffer.from(chunk).toString('base64');
      expect(text.length).toBeLessThanOrEqual((UPLOAD_CHUNK / 3 + 1) * 4);
      expect(store.upload(id, offset, text)).toBe('ok');
    }
    return Promise.resolve({ __cwgBytes: id, length: bytes.byteLength });
  };
  const download = async (ref: BytesRef): Promise<Uint8Array> => new Uint8Array(await (await fetch(`${origin}${BYTES_ROUTE}${ref.__cwgBytes}`)).arrayBuffer());

  it('hands main the bytes the page sent and the page the bytes main answered, as Uint8Array, once', async () => {
    const sent = { purpose: 'pdf', content: new Uint8Array([0, 0, 37, 80, 68, 70, 9]).subarray(2, 6), nested: [{ more: new Uint8Array([255]) }] };
    const overBinding = await swapLeaves(sent, isBytes, upload);
    expect(JSON.parse(JSON.stringify(overBinding))).toEqual(overBinding); // only JSON crosses the binding
    const received = (await store.resolveRequest(overBinding)) as typeof sent;
    expect(received.content).toBeInstanceOf(Uint8Array);
    expect([...received.content]).toEqual([37, 80, 68, 70]);
    expect([...(received.nested[0]?.more ?? [])]).toEqual([255]);
    expect(store.waiting).toBe(0);

    const answer = { ok: true, value: { opened: true, name: 'a.csv', bytes: new Uint8Array([110, 97, 109, 101]) } };
    const referred = await store.referAnswer(answer);
    expect(JSON.parse(JSON.stringify(referred))).toEqual(referred);
    const back = (await swapLeaves(referred, isBytesRef, download)) as typeof answer;
    expect(back).toEqual(answer);
    expect(back.value.bytes).toBeInstanceOf(Uint8Array);
    // Each id is good once: nothing lingers, and no other call can fetch them again.
    expect(store.waiting).toBe(0);
    const ref = (referred as { value: { bytes: BytesRef } }).value.bytes;
    expect((await fetch(`${origin}${BYTES_ROUTE}${ref.__cwgBytes}`)).status).toBe(404);
    // A reference to nothing stays what it is, and the contract refuses it as not bytes.
    expect(await store.resolveRequest({ content: { __cwgBytes: 'nope', length: 1 } })).toEqual({ content: { __cwgBytes: 'nope', length: 1 } });
  });

  it('carries 450 MB both ways without a string on the way', async () => {
    const big = new Uint8Array(450 * MB);
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251;
    // Base64 of this, the way files crossed before, is longer than a string can be.
    expect(Math.ceil(big.byteLength / 3) * 4).toBeGreaterThan(MAX_STRING_LENGTH);
    const request = (await store.resolveRequest(await swapLeaves({ content: big }, isBytes, upload))) as { content: Uint8Array };
    expect(request.content.byteLength).toBe(big.byteLength);
    expect(Buffer.compare(request.content, big)).toBe(0);
    const back = (await swapLeaves(await store.referAnswer({ bytes: request.content }), isBytesRef, download)) as { bytes: Uint8Array };
    expect(back.bytes.byteLength).toBe(big.byteLength);
    expect(Buffer.compare(back.bytes, big)).toBe(0);
  }, 300_000);

  it('takes one byte above the largest file, so the gate refuses it with the limit, hands out only whole uploads, and no more than announced', async () => {
    expect(MAX_UPLOAD_BYTES).toBe(MAX_FILE_BYTES + 1);
    const small = createByteStore(1000); // the same rules with a small cap
    const id = small.upload('', 1000, '');
    small.upload(id, 0, Buffer.alloc(500).toString('base64'));
    // Half an upload is not bytes yet: the reference stays, and the schema refuses it.
    expect(await small.resolveRequest({ content: { __cwgBytes: id, length: 1000 } })).toEqual({ content: { __cwgBytes: id, length: 1000 } });
    small.upload(id, 500, Buffer.alloc(500, 7).toString('base64'));
    const whole = (await small.resolveRequest({ content: { __cwgBytes: id, length: 1000 } })) as { content: Uint8Array };
    expect(whole.content).toBeInstanceOf(Uint8Array);
    expect([whole.content.byteLength, whole.content[0], whole.content[999]]).toEqual([1000, 0, 7]);
    expect(small.waiting).toBe(0);
    // More than announced drops the upload.
    const again = small.upload('', 10, '');
    expect(() => small.upload(again, 5, Buffer.alloc(6).toString('base64'))).toThrow('More bytes than announced.');
    expect(small.waiting).toBe(0);
    // One byte above the cap is refused before any byte is sent; junk calls are refused.
    expect(() => small.upload('', 1001, '')).toThrow('The test host takes at most 1000 bytes.');
    expect(() => small.upload('nope', 0, 'AAAA')).toThrow('No such upload.');
    expect(() => small.upload('', -1, '')).toThrow('Not an upload call.');
    expect(small.waiting).toBe(0);
    // Only GET fetches answers, once.
    const ref = (await small.referAnswer({ bytes: new Uint8Array([1, 2]) })) as { bytes: BytesRef };
    expect((await fetch(`${origin}${BYTES_ROUTE}${ref.bytes.__cwgBytes}`, { method: 'POST' })).status).toBe(404);
  });
});
