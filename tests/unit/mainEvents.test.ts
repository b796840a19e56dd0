/**
 * Messages main sends unasked are validated on both sides: main checks what it sends, the
 * preload passes on only the known names, and the renderer drops a payload that does not
 * match the contract before any app code sees it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validatedEvents } from '../../electron/main/ipc/handlers';
import { createApi } from '../../shared/ipc/api';
import type { CwgApi } from '../../shared/ipc/api';

describe('main-to-renderer messages', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'window');
  });

  it('main sends only what matches the contract', () => {
    const send = vi.fn();
    const events = validatedEvents({ send });
    events.send('cwg:event:sync-folder-changed', { reason: 'poll' });
    expect(send).toHaveBeenCalledWith('cwg:event:sync-folder-changed', { reason: 'poll' });
    expect(() => {
      events.send('cwg:event:sync-folder-changed', { reason: 'rumour' } as never);
    }).toThrow(/invalid "cwg:event:sync-folder-changed"/);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('the preload subscribes only to the contract’s names', () => {
    const subscribe = vi.fn(() => () => undefined);
    const api = createApi(() => Promise.reject(new Error('unused')), subscribe);
    expect(() => api.onMainEvent('cwg:event:anything' as never, () => undefined)).toThrow(/Unknown main event/);
    api.onMainEvent('cwg:event:before-quit', () => undefined);
    expect(subscribe).toHaveBeenCalledTimes(1);
  });

  it('the renderer drops a payload that does not match, and passes one that does', async () => {
    let deliver: (payload: unknown) => void = () => undefined;
    const cwg = createApi(
      () => Promise.reject(new Error('unused')),
      (_event, listener) => {
        deliver = listener;
        return () => undefined;
      },
    ) satisfies CwgApi;
    Object.defineProperty(globalThis, 'window', { value: { cwg }, configurable: true });
    const { api } = await import('../../renderer/lib/api');
    const heard: unknown[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    api.onMainEvent('cwg:event:sync-folder-changed', (payload) => heard.push(payload));
    deliver({ reason: 'watch', extra: 'not in the contract' });
    deliver('poll');
    deliver({ reason: 'poll' });
    expect(heard).toEqual([{ reason: 'poll' }]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
