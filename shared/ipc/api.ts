/**
 * The factory that builds `window.cwg` from the contract. The Electron preload and the
 * test host's init script both call it; only the transport differs.
 */
import { apiNames, channelNames as channels } from './channels';
import type { Channel, RequestOf, ResponseOf } from './contract';
import type { IpcResult } from './result';

export type Invoke = (channel: Channel, payload: unknown) => Promise<IpcResult<unknown>>;

type ApiFunction<C extends Channel> =
  RequestOf<C> extends undefined
    ? () => Promise<IpcResult<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;

/** `window.cwg`: one named function per channel, each answering an IpcResult envelope. */
export type CwgApi = { readonly [C in Channel as (typeof apiNames)[C]]: ApiFunction<C> };

export function createApi(invoke: Invoke): CwgApi {
  const api: Record<string, (payload?: unknown) => Promise<IpcResult<unknown>>> = {};
  for (const channel of channels) {
    api[apiNames[channel]] = (payload?: unknown) => invoke(channel, payload);
  }
  return Object.freeze(api) as unknown as CwgApi;
}
