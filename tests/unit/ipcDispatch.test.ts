/**
 * The IPC gate end to end (createDispatch + createHandlers) with fake ports: valid calls
 * answered, invalid payloads and foreign senders refused before any port is touched,
 * unknown channels and failing handlers reported as error values.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { createDispatch, type IpcSender } from '../../electron/main/ipc/dispatch';
import { ServiceError } from '../../electron/main/services/serviceError';
import { createHandlers } from '../../electron/main/ipc/handlers';
import type { Ports } from '../../electron/main/services/ports';

const appInfo: AppInfo = {
  name: 'CWG Desk',
  version: '0.1.0',
  platform: 'linux',
  dataFolder: '/home/delegate/.config/CWG Desk',
  host: 'electron',
};

const trusted: IpcSender = { url: 'app://cwg/index.html', isTopFrame: true };

function setup(openExternal: (url: string) => Promise<void> = () => Promise.resolve()) {
  const shell = { openExternal: vi.fn(openExternal) };
  const unexpected = () => Promise.reject(new Error('not used in this test'));
  const ports: Ports = {
    appInfo,
    documentsFolder: '/home/delegate/Documents',
    shell,
    dialogs: { chooseSaveFile: unexpected, chooseOpenFile: unexpected, chooseFolder: unexpected },
    print: { printToPdf: unexpected },
    printer: { printWithDialog: unexpected },
    events: { send: () => undefined },
    lifecycle: { readyToQuit: () => undefined },
  };
  const logError = vi.fn();
  const dispatch = createDispatch(createHandlers(ports), { allowedOrigin: 'app://cwg', logError });
  return { dispatch, shell, logError };
}

function expectError(result: IpcResult<unknown>, code: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected an error');
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(10);
  return result.error.message;
}

describe('IPC dispatch', () => {
  it('answers a valid call with ok: true', async () => {
    const { dispatch, shell } = setup();
    expect(await dispatch('cwg:app:info', undefined, trusted)).toEqual({ ok: true, value: appInfo });
    expect(await dispatch('cwg:shell:open-external', { url: 'https://www.wcoomd.org/' }, trusted)).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.wcoomd.org/');
  });

  it.each([
    ['an http link', { url: 'http://x' }],
    ['a javascript: URL', { url: 'javascript:alert(1)' }],
    ['a file: URL', { url: 'file:///etc/passwd' }],
    ['credentials in the link', { url: 'https://user:pw@example.org/' }],
    ['a bare string instead of an object', 'https://example.org/'],
    ['a number', 42],
    ['a number as url', { url: 42 }],
    ['null', null],
    ['nothing', undefined],
    ['extra keys', { url: 'https://example.org/', extra: true }],
    ['an over-long link', { url: `https://example.org/${'a'.repeat(3000)}` }],
  ])('refuses %s for openExternal without calling the shell', async (_label, payload) => {
    const { dispatch, shell } = setup();
    const message = expectError(await dispatch('cwg:shell:open-external', payload, trusted), 'invalid-payload');
    expect(message).toContain('cwg:shell:open-external');
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('says what was wrong with the payload', async () => {
    const { dispatch } = setup();
    const message = expectError(await dispatch('cwg:shell:open-external', { url: 'http://x' }, trusted), 'invalid-payload');
    expect(message).toMatch(/url: only https:\/\/ links/);
    const extra = expectError(
      await dispatch('cwg:shell:open-external', { url: 'https://example.org/', extra: 1 }, trusted),
      'invalid-payload',
    );
    expect(extra).toMatch(/extra/);
  });

  it('refuses a payload on a channel that takes none', async () => {
    const { dispatch } = setup();
    expectError(await dispatch('cwg:app:info', { sneaky: true }, trusted), 'invalid-payload');
  });

  it.each<[string, IpcSender]>([
    ['another origin', { url: 'https://evil.example/', isTopFrame: true }],
    ['a look-alike host', { url: 'app://cwg.evil/index.html', isTopFrame: true }],
    ['a file: page', { url: 'file:///tmp/report.html', isTopFrame: true }],
    ['a data: page', { url: 'data:text/html,hi', isTopFrame: true }],
    ['a sub-frame of the app', { url: 'app://cwg/index.html', isTopFrame: false }],
    ['a null URL', { url: null, isTopFrame: true }],
    ['an undefined URL', { url: undefined, isTopFrame: true }],
    ['an empty URL', { url: '', isTopFrame: true }],
  ])('refuses %s as sender before looking at the payload', async (_label, sender) => {
    const { dispatch, shell } = setup();
    expectError(await dispatch('cwg:shell:open-external', { url: 'https://example.org/' }, sender), 'forbidden-sender');
    expectError(await dispatch('cwg:app:info', undefined, sender), 'forbidden-sender');
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it.each(['cwg:nope', 'app:info', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'refuses the unknown channel "%s"',
    async (channel) => {
      const { dispatch } = setup();
      expectError(await dispatch(channel, undefined, trusted), 'unknown-channel');
    },
  );

  it('reports a throwing handler as internal, and logs it', async () => {
    const { dispatch, logError } = setup(() => Promise.reject(new Error('xdg-open is missing')));
    const message = expectError(
      await dispatch('cwg:shell:open-external', { url: 'https://example.org/' }, trusted),
      'internal',
    );
    expect(message).toContain('xdg-open is missing');
    expect(logError).toHaveBeenCalledTimes(1);
  });

  it('passes a deliberate ServiceError through with its code', async () => {
    const { dispatch, logError } = setup(() => Promise.reject(new ServiceError('not-allowed', 'Links are disabled by policy.')));
    const result = await dispatch('cwg:shell:open-external', { url: 'https://example.org/' }, trusted);
    expect(result).toEqual({ ok: false, error: { code: 'not-allowed', message: 'Links are disabled by policy.' } });
    expect(logError).not.toHaveBeenCalled();
  });

  it('passes a file failure through as a value the renderer can translate', async () => {
    const fault = { reason: 'disk-full', path: '/media/usb/agenda.pdf' } as const;
    const { dispatch } = setup(() => Promise.reject(new ServiceError('io-error', 'The disk is full.', fault)));
    const result = await dispatch('cwg:shell:open-external', { url: 'https://example.org/' }, trusted);
    expect(result).toEqual({ ok: false, error: { code: 'io-error', message: 'The disk is full.', fault } });
  });
});
