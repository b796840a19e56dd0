/**
 * The factory that builds `window.cwg` from the contract. The Electron preload and the
 * test host's init script both call it; only the transport differs.
 */
import { apiNames, channelNames as channels, mainEventNames } from './channels';
import type { Channel, RequestOf, ResponseOf } from './contract';
import type { IpcResult } from './result';

export type Invoke = (channel: Channel, payload: unknown) => Promise<IpcResult<unknown>>;

/** Subscribes to one main-to-renderer message; returns the unsubscribe function. */
export type Subscribe = (event: MainEventNameOnly, listener: (payload: unknown) => void) => () => void;
export type MainEventNameOnly = (typeof mainEventNames)[number];

type ApiFunction<C extends Channel> =
  RequestOf<C> extends undefined
    ? () => Promise<IpcResult<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;

/** `window.cwg`: one named function per channel, each answering an IpcResult envelope. */
export type CwgApi = { readonly [C in Channel as (typeof apiNames)[C]]: ApiFunction<C> } & {
  /**
   * Listens to a message main sends unasked. The payload is as it arrived: the renderer
   * validates it (renderer/lib/api.ts) before any code of the app sees it.
   */
  readonly onMainEvent: Subscribe;
};

export function createApi(invoke: Invoke, subscribe: Subscribe): CwgApi {
  const api: Record<string, unknown> = {};
  for (const channel of channels) {
    api[apiNames[channel]] = (payload?: unknown) => invoke(channel, payload);
  }
  api.onMainEvent = (event: unknown, listener: unknown) => {
    if (typeof event !== 'string' || !(mainEventNames as readonly string[]).includes(event)) throw new Error(`Unknown main event "${String(event)}".`);
    if (typeof listener !== 'function') throw new Error('A listener must be a function.');
    return subscribe(event as MainEventNameOnly, listener as (payload: unknown) => void);
  };
  return Object.freeze(api) as unknown as CwgApi;
}
