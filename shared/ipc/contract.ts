/**
 * The one IPC contract between renderer and main: channel → request schema → response type.
 * Main validates every payload against these schemas; the preload builds `window.cwg`
 * from the same table, so a channel cannot exist on one side only.
 */
import { z } from 'zod';
import type { apiNames } from './channels';
import { reportExportRequestSchema, reportPrintRequestSchema, type ReportExportResult, type ReportPrintResult } from '../reports/spec';

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

/** `channel<Response>()(requestSchema)`: the response type is named, the request inferred. */
function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelSpec<Req, Res> => ({ request });
}

/** What a file is for: picks the dialog's filters, the remembered folder and the size limit. */
export const filePurposes = ['calendar', 'csv', 'bundle', 'pdf', 'backup'] as const;
export type FilePurpose = (typeof filePurposes)[number];

const MB = 1024 * 1024;

/**
 * V8's longest string (0x1fffffe8 UTF-16 units, in Chromium and Node alike). A bundle or a
 * backup is JSON text that is parsed as one string, and UTF-8 never decodes to more units than
 * it has bytes, so a file of at most this many bytes always fits in one.
 */
export const MAX_STRING_LENGTH = 0x1fffffe8;

/**
 * Largest file the app reads or writes, whatever the caller asks (500 MB): the largest backup.
 * Not 1 GiB, as it once said: a backup is restored from its text, and the text of a 1 GiB file
 * cannot be one string (MAX_STRING_LENGTH); 500 MB leaves room below it, and keeps one IPC
 * message below Electron's 512 MiB serialisation bound.
 */
export const MAX_FILE_BYTES = 500 * MB;

/**
 * The read limit per purpose when the caller names none: the one definition that the file
 * service, the sync folder, the command line and the renderer's defaults use.
 */
export const FILE_READ_LIMITS: Readonly<Record<FilePurpose, number>> = {
  calendar: 20 * MB,
  csv: 100 * MB,
  bundle: 200 * MB,
  pdf: 200 * MB,
  backup: MAX_FILE_BYTES,
};

/** "500 MB", "2 KB": how a limit is named in messages (MB = 1024 × 1024 bytes, as everywhere in the app). */
export function formatLimit(bytes: number): string {
  if (bytes >= MB && bytes % MB === 0) return `${String(bytes / MB)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${String(bytes / 1024)} KB`;
  return `${String(bytes)} bytes`;
}

/**
 * A file's bytes crossing IPC: a Uint8Array (structured clone in Electron; in the test host,
 * shared/ipc/byteTransport.ts), never base64 or a string; at most `limit` bytes, refused above
 * with the limit.
 */
export function bytesSchema(limit: number = MAX_FILE_BYTES, min = 0) {
  return z
    // Any Uint8Array (a Node Buffer is one): the file's bytes, whatever buffer holds them.
    .custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'bytes (a Uint8Array)' })
    .refine((bytes) => bytes.byteLength <= limit, { error: `more than the limit of ${formatLimit(limit)}`, abort: true })
    .refine((bytes) => bytes.byteLength >= min, { error: `at least ${String(min)} bytes` });
}

/** A file name offered in a save dialog: no folders, no control or reserved characters. */
export const suggestedFileNameSchema = z
  .string()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/, 'a file name without folders or the characters / \\ : * ? " < > |')
  .refine((name) => name !== '.' && name !== '..', 'a file name without folders');

export type SaveFileResult = { saved: true; path: string; bytes: number } | { saved: false };
/** The bytes come last: a structured clone then writes them in one piece after the small fields. */
export type OpenFileResult =
  | { opened: true; name: string; path: string; size: number; bytes: Uint8Array }
  | { opened: false };

/** Why an automatic backup was taken; all but "daily" are taken before a risky operation. */
export const backupReasons = ['daily', 'before-import', 'before-restore', 'before-merge'] as const;
export type BackupReason = (typeof backupReasons)[number];

export interface BackupEntry {
  id: string;
  fileName: string;
  reason: BackupReason;
  /** ISO time the snapshot was written. */
  createdAt: string;
  size: number;
  /** Records per table in the snapshot. */
  counts: Record<string, number>;
}

/** The sync folder as main finds it (electron/main/services/syncFolderService.ts). */
export interface SyncFolderStatus {
  folder: string | null;
  installationId: string | null;
  paused: boolean;
  /** off: no folder chosen; offline: chosen but missing, unreadable, or empty after use (not mounted). */
  state: 'off' | 'online' | 'offline';
  reason?: 'missing' | 'unreadable' | 'empty';
}

/** One change file in the sync folder. */
export interface SyncFolderFile {
  /** `<installation id>/<file name>`, relative to the app's folder inside the sync folder. */
  name: string;
  installationId: string;
  /** Written by this installation. */
  own: boolean;
  size: number;
  modifiedMs: number;
  /** Size and time unchanged for a few seconds: a broken file is then broken, not arriving. */
  settled: boolean;
  /** A copy a sync engine made of two versions (read like any other file). */
  conflictCopy: boolean;
}

export interface SyncFolderScan {
  status: SyncFolderStatus;
  files: SyncFolderFile[];
}

/** `<installation id>/<file>` as the folder service lists it. */
const syncFolderFileNameSchema = z
  .string()
  .max(400)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\/[^/\\]{1,255}$/, 'a file of the sync folder: "<installation>/<file>"');

/** The title of a save or open dialog, in the user's language (the renderer knows it; main does not). */
const dialogTitleSchema = z.string().trim().min(1).max(200);

export const contract = {
  'cwg:app:info': channel<AppInfo>()(z.undefined()),
  'cwg:shell:open-external': channel<{ opened: true }>()(z.object({ url: externalUrlSchema }).strict()),
  /** Asks where to save (remembering the last folder per purpose) and writes atomically. */
  'cwg:file:save': channel<SaveFileResult>()(
    z
      .object({ purpose: z.enum(filePurposes), suggestedName: suggestedFileNameSchema, content: bytesSchema(), dialogTitle: dialogTitleSchema.optional() })
      .strict(),
  ),
  /** Writes a snapshot into the app's backup folder, atomically, and rotates old ones. */
  'cwg:backup:write': channel<BackupEntry>()(
    z
      .object({
        reason: z.enum(backupReasons),
        content: bytesSchema(MAX_FILE_BYTES, 2),
        counts: z.record(z.string().max(64), z.number().int().nonnegative()),
      })
      .strict(),
  ),
  /** The automatic backups, newest first, and the date of the newest daily one. */
  'cwg:backup:list': channel<{ backups: BackupEntry[]; lastDaily: string | null }>()(z.undefined()),
  /** One automatic backup's bytes (UTF-8 JSON), for a restore preview; refused above the backup limit. */
  'cwg:backup:read': channel<{ entry: BackupEntry; bytes: Uint8Array }>()(
    z.object({ id: z.string().regex(/^[0-9A-Za-z-]{1,80}$/, 'a backup id') }).strict(),
  ),
  /** Asks which file to read and returns its bytes, refusing files above the size limit. */
  'cwg:file:open': channel<OpenFileResult>()(
    z
      .object({ purpose: z.enum(filePurposes), maxBytes: z.number().int().positive().max(MAX_FILE_BYTES).optional(), dialogTitle: dialogTitleSchema.optional() })
      .strict(),
  ),
  /**
   * Prints a report (spec + the records it is printed from, see shared/reports/spec.ts) to
   * PDF in a locked-down print page, then asks where to save it and writes it atomically.
   */
  'cwg:report:export-pdf': channel<ReportExportResult>()(reportExportRequestSchema),
  /**
   * "Print…": the same report, laid out as for the PDF (same HTML, page size and margins),
   * sent to the system print dialog; `printed: false` when the person cancelled it.
   */
  'cwg:report:print': channel<ReportPrintResult>()(reportPrintRequestSchema),
  /** The renderer wrote what it had to before quitting (answers cwg:event:before-quit). */
  'cwg:app:ready-to-quit': channel<{ quitting: true }>()(z.undefined()),
  /** The sync folder's state (no dialog, no file written). */
  'cwg:sync-folder:status': channel<SyncFolderStatus>()(z.undefined()),
  /** Asks which folder to sync through; `installationId` names this installation's own folder in it. */
  'cwg:sync-folder:choose': channel<{ chosen: boolean; status: SyncFolderStatus }>()(
    z.object({ installationId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'an installation id') }).strict(),
  ),
  /** Stops syncing through the folder (its files stay where they are). */
  'cwg:sync-folder:forget': channel<SyncFolderStatus>()(z.undefined()),
  'cwg:sync-folder:pause': channel<SyncFolderStatus>()(z.object({ paused: z.boolean() }).strict()),
  /** Every installation's change files, with whether each has settled. */
  'cwg:sync-folder:scan': channel<SyncFolderScan>()(z.undefined()),
  /** One listed file's bytes (refused above the bundle limit). */
  'cwg:sync-folder:read': channel<{ name: string; size: number; bytes: Uint8Array }>()(z.object({ name: syncFolderFileNameSchema }).strict()),
  /** Writes one of this installation's change files, write-once, atomically. */
  'cwg:sync-folder:write': channel<{ name: string; written: boolean }>()(
    z
      .object({
        fileName: z.string().regex(/^\d{8}T\d{6}Z-[0-9a-f]{16}\.cwgbundle\.json$/, 'a change file name the app writes'),
        bytes: bytesSchema(FILE_READ_LIMITS.bundle, 2),
      })
      .strict(),
  ),
  /** Removes some of this installation's own files (compaction); never another's. */
  'cwg:sync-folder:remove': channel<{ removed: string[] }>()(z.object({ names: z.array(syncFolderFileNameSchema).max(10_000) }).strict()),
} as const;

/**
 * Messages main sends to the renderer unasked. Validated like requests: main checks what it
 * sends, and the renderer checks what it receives before any code of the app sees it.
 */
export const mainEvents = {
  /** The sync folder's listing may have changed: a file arrived or grew, or the folder came back. */
  'cwg:event:sync-folder-changed': z.object({ reason: z.enum(['watch', 'poll']) }).strict(),
  /** The app is about to quit: write what is not yet in the sync folder, then answer `cwg:app:ready-to-quit`. */
  'cwg:event:before-quit': z.object({}).strict(),
} as const;
export type MainEvents = typeof mainEvents;
export type MainEventName = keyof MainEvents;
export type MainEventPayload<E extends MainEventName> = z.output<MainEvents[E]>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = NonNullable<Contract[C]['response']>;

export const channels = Object.keys(contract) as Channel[];

type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time check: every channel has a function name on window.cwg, and nothing else does. */
export const apiNamesMatchContract: SameKeys<Channel, keyof typeof apiNames> = true;
