/**
 * A failure a service reports on purpose: files, backups, reports, printing. These services
 * run behind IPC in Electron and in the test host, and in the `cwg` command line without IPC,
 * so they know nothing of the IPC layer; the dispatcher (ipc/dispatch.ts) turns a ServiceError
 * into an error envelope with its code and fault, and the CLI prints its message.
 */
import type { FileFault } from '../../../shared/ipc/result';

export type ServiceErrorCode = 'not-allowed' | 'cancelled' | 'io-error';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    /** For file failures: the reason as a value, which the renderer says in the user's language. */
    readonly fault?: FileFault,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
