/**
 * The one gate every IPC call passes: known channel, trusted sender (the app's own origin,
 * top frame only), payload valid against the contract's schema. Handlers receive parsed
 * payloads and may throw; whatever happens, the caller gets an IpcResult envelope.
 * Used by the Electron registration and by the test host alike.
 */
import { contract, type Channel, type ParsedRequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../../shared/ipc/result';
import { ServiceError } from '../services/serviceError';
import type { z } from 'zod';

/** Who sent a message: the URL of the sending frame and whether it is the top frame. */
export interface IpcSender {
  url: string | null | undefined;
  isTopFrame: boolean;
}

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
export type HandlerMap = { [C in Channel]: Handler<C> };

/**
 * Origin as scheme://host[:port]. Node's URL reports "null" as the origin of non-special
 * schemes such as app://, so build it from the parts.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.host === '') return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function isTrustedSender(sender: IpcSender, allowedOrigin: string): boolean {
  if (!sender.isTopFrame || !sender.url) return false;
  return originOf(sender.url) === allowedOrigin;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export type Dispatch = (channel: string, payload: unknown, sender: IpcSender) => Promise<IpcResult<unknown>>;

export interface DispatchOptions {
  allowedOrigin: string;
  /**
   * Where unexpected errors are reported, with their stack. The renderer gets an `internal`
   * error whose message names the channel and forwards the error's own message.
   */
  logError?: (channel: string, error: unknown) => void;
}

export function createDispatch(handlers: HandlerMap, options: DispatchOptions): Dispatch {
  return async (channel, payload, sender) => {
    if (!Object.hasOwn(contract, channel)) {
      return fail('unknown-channel', `Unknown IPC channel "${channel}".`);
    }
    const known = channel as Channel;
    if (!isTrustedSender(sender, options.allowedOrigin)) {
      return fail(
        'forbidden-sender',
        `Refused "${known}": the sender (${sender.url ?? 'unknown'}${sender.isTopFrame ? '' : ', a sub-frame'}) is not the app's own page.`,
      );
    }
    const parsed = contract[known].request.safeParse(payload);
    if (!parsed.success) {
      return fail('invalid-payload', `Invalid request for "${known}": ${describeIssues(parsed.error)}.`);
    }
    const handler = handlers[known] as (request: unknown) => Promise<unknown>;
    try {
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof ServiceError) return fail(error.code, error.message, error.fault);
      options.logError?.(known, error);
      return fail('internal', `"${known}" failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
