/**
 * The one IPC contract between renderer and main: channel → request schema → response type.
 * Main validates every payload against these schemas; the preload builds `window.cwg`
 * from the same table, so a channel cannot exist on one side only.
 */
import { z } from 'zod';
import type { apiNames } from './channels';

export { apiNames } from './channels';

export const IPC_PREFIX = 'cwg:';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** Folder where the app keeps its files (backups, window state). */
  dataFolder: string;
  /** Which host runs the renderer: the Electron shell or the test host. */
  host: 'electron' | 'test-host';
}

/** Only https links leave the app, and only to the system browser. */
export const externalUrlSchema = z
  .string()
  .max(2048)
  .refine(
    // shared/ has neither DOM nor Node, so no URL class: a conservative pattern instead.
    // Host: letters, digits, dots, hyphens (or punycode); no credentials, no whitespace.
    (value) => /^https:\/\/[a-z0-9.-]+(:\d{1,5})?([/?#][^\s\\]*)?$/i.test(value),
    'only https:// links without credentials can be opened',
  );

/** A channel's request schema and (phantom) response type. */
export interface ChannelSpec<Req extends z.ZodType, Res> {
  request: Req;
  /** Never read at run time; carries the response type. */
  response?: Res;
}

function channel<Req extends z.ZodType, Res>(request: Req): ChannelSpec<Req, Res> {
  return { request };
}

export const contract = {
  'cwg:app:info': channel<z.ZodUndefined, AppInfo>(z.undefined()),
  'cwg:shell:open-external': channel<z.ZodObject<{ url: typeof externalUrlSchema }>, { opened: true }>(
    z.object({ url: externalUrlSchema }).strict(),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = NonNullable<Contract[C]['response']>;

export const channels = Object.keys(contract) as Channel[];

type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time check: every channel has a function name on window.cwg, and nothing else does. */
export const apiNamesMatchContract: SameKeys<Channel, keyof typeof apiNames> = true;
