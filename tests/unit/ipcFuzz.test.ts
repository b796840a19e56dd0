/**
 * IPC fuzzing: fast-check sends generated payloads on every channel (and on channels that do
 * not exist) through the real dispatcher and handler map, from the app's page and from
 * foreign or framed senders. Whatever arrives, the answer is an IpcResult; bad input is an
 * error value and never "internal"; foreign senders and invalid payloads touch no file and
 * no port; and every file a call does touch lies in a folder that channel may use
 * (the backup folder for backups, the folder the user chose in the dialog and the
 * remembered-folders file for user files and reports).
 */
import * as fc from 'fast-check';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDispatch, type IpcSender } from '../../electron/main/ipc/dispatch';
import { createHandlers, createServices } from '../../electron/main/ipc/handlers';
import { createSyncFolderService, SYNC_FOLDER_CONFIG_FILE, type SyncFolderService } from '../../electron/main/services/syncFolderService';
import { BACKUP_FOLDER } from '../../electron/main/services/backupService';
import { FOLDER_MEMORY_FILE } from '../../electron/main/services/fileService';
import type { Ports } from '../../electron/main/services/ports';
import { backupReasons, channels, filePurposes, type Channel } from '../../shared/ipc/contract';
import { ipcErrorCodes } from '../../shared/ipc/result';
import { REPORT_FONT_FACES } from '../../shared/reports/fonts';
import { SAMPLE, sampleSource } from '../fixtures/reports';

/** Every path the services hand to node:fs/promises while `tracking` is on. */
const fsLog = vi.hoisted(() => ({ tracking: false, paths: [] as string[] }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(real)) {
    if (typeof value !== 'function' || name === 'constants') {
      wrapped[name] = value;
      continue;
    }
    const fn = value as (...args: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      if (fsLog.tracking) {
        // Paths are the first argument (and the second for rename, copyFile, cp, link, symlink).
        const pathArgs = ['rename', 'copyFile', 'cp', 'link', 'symlink'].includes(name) ? args.slice(0, 2) : args.slice(0, 1);
        for (const arg of pathArgs) if (typeof arg === 'string' || arg instanceof URL || Buffer.isBuffer(arg)) fsLog.paths.push(String(arg));
      }
      return fn(...args);
    };
  }
  return { ...wrapped, default: wrapped };
});

const APP = 'app://cwg';
const trusted: IpcSender = { url: `${APP}/index.html`, isTopFrame: true };
const FAKE_PDF = new TextEncoder().encode('%PDF-1.7\n<</Type /Page>>\n<</Type /Pages /Count 1>>\n%%EOF\n');

let dataFolder: string;
let chosenFolder: string;
let documentsFolder: string;
/** What the next dialog answers (a path the "user" picked, or null for Cancel). */
let dialogAnswer: string | null = null;
const portCalls: string[] = [];
const defaultPaths: string[] = [];
const logged: string[] = [];
let dispatch: ReturnType<typeof createDispatch>;
let syncFolder: SyncFolderService;
/** An installation id as the renderer sends it, and a change file name the app writes. */
const INSTALLATION = '5b0d7c1e-1c7b-4a37-9a51-0a4f4f3a2b11';
const CHANGE_FILE = '20261205T101500Z-aaaaaaaaaaaaaaaa.cwgbundle.json';

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'cwg-ipc-fuzz-'));
  dataFolder = join(root, 'data');
  chosenFolder = join(root, 'chosen');
  documentsFolder = join(root, 'documents');
  for (const folder of [dataFolder, chosenFolder, documentsFolder]) await mkdir(folder);
  await writeFile(join(chosenFolder, 'input.csv'), 'name\nNurlan\n');
  await mkdir(join(chosenFolder, 'subfolder'));
  const ports: Ports = {
    appInfo: { name: 'CWG Desk', version: '0.1.0', platform: 'linux', dataFolder, host: 'electron' },
    documentsFolder,
    shell: {
      openExternal: (url) => {
        portCalls.push(`shell ${url}`);
        return Promise.resolve();
      },
    },
    dialogs: {
      chooseSaveFile: ({ defaultPath }) => {
        portCalls.push('save dialog');
        defaultPaths.push(defaultPath);
        return Promise.resolve(dialogAnswer);
      },
      chooseOpenFile: () => {
        portCalls.push('open dialog');
        return Promise.resolve(dialogAnswer);
      },
      chooseFolder: () => {
        portCalls.push('folder dialog');
        return Promise.resolve(dialogAnswer);
      },
    },
    print: {
      printToPdf: () => {
        portCalls.push('print');
        return Promise.resolve(FAKE_PDF);
      },
    },
    printer: {
      printWithDialog: () => {
        portCalls.push('print dialog');
        return Promise.resolve(dialogAnswer === null ? ({ printed: false, reason: 'cancelled' } as const) : ({ printed: true } as const));
      },
    },
    reportFonts: () => Promise.resolve(REPORT_FONT_FACES.map((face) => ({ ...face, dataUrl: 'data:font/woff2;base64,AAAA' }))),
    events: {
      send: (event) => {
        portCalls.push(`event ${event}`);
      },
    },
    lifecycle: {
      readyToQuit: () => {
        portCalls.push('ready to quit');
      },
    },
  };
  // The sync folder without its background polling and events: only calls touch files here.
  syncFolder = createSyncFolderService({ dataFolder, watch: false, pollMs: 24 * 60 * 60 * 1000 });
  dispatch = createDispatch(createHandlers(ports, { ...createServices(ports), syncFolder }), {
    allowedOrigin: APP,
    logError: (channel, error) => logged.push(`${channel}: ${String(error)}`),
  });
  await freshBackups();
});

/** Writes three backups and makes them the ids reads are generated with (rotation drops old ones). */
async function freshBackups(): Promise<void> {
  backupIds.length = 0;
  for (const reason of ['daily', 'before-import', 'before-merge'] as const) {
    const written = await dispatch('cwg:backup:write', { reason, content: new TextEncoder().encode('{"snapshot":true}'), counts: { meetings: 1 } }, trusted);
    if (!written.ok) throw new Error(written.error.message);
    backupIds.push((written.value as { id: string }).id);
  }
}

afterEach(() => {
  fsLog.tracking = false;
});

afterAll(() => {
  syncFolder.stop();
});

// ---- generators -------------------------------------------------------------------------

/** Strings an attacker would try where a name, id or path is expected. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '.', '..', '../../etc/passwd', '/etc/passwd', '..\\..\\windows\\win.ini', 'C:\\Windows', 'a/b', 'name\u0000.json', '~/x', '%2e%2e%2f', '__proto__', 'constructor', `../${BACKUP_FOLDER}/index.json`, 'x'.repeat(5000)),
);

/** Anything at all, including prototype-polluting keys. */
const anything = fc.oneof(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }), fc.constant({ __proto__: { polluted: true } }), fc.constant(Object.create(null) as unknown));

/** A well-formed object with one field replaced by junk, or a key added. */
function mutated(base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: base },
    fc.tuple(base, fc.string(), anything).map(([object, key, value]) => ({ ...object, [key]: value })),
    fc.tuple(base, fc.nat(), anything).map(([object, index, value]) => {
      const keys = Object.keys(object);
      const key = keys[index % Math.max(keys.length, 1)];
      return key === undefined ? object : { ...object, [key]: value };
    }),
  );
}

const purpose = fc.oneof(fc.constantFrom(...filePurposes), hostileString);
/**
 * A file's bytes as they cross IPC (a Uint8Array, a view into a larger buffer, a Node Buffer),
 * and what is not bytes: text, base64 (the old content shapes), other typed arrays, junk.
 */
const fileBytes = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  fc.uint8Array({ minLength: 2, maxLength: 64 }).map((bytes) => bytes.subarray(1)),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(new TextEncoder().encode('{"header":{}}')),
  fc.string(),
  fc.record({ encoding: fc.constant('utf8'), text: fc.string() }),
  fc.record({ encoding: fc.constant('base64'), data: fc.oneof(fc.base64String(), hostileString) }),
  fc.int8Array({ maxLength: 8 }),
  fc.uint8ClampedArray({ maxLength: 8 }),
  fc.array(fc.nat({ max: 255 }), { maxLength: 8 }),
  anything,
);
const source = fc.oneof(
  { weight: 4, arbitrary: fc.constant(sampleSource() as unknown as Record<string, unknown>) },
  fc.constantFrom<Record<string, unknown>>({}, { meetings: [{ id: 'x' }] }),
);
/** Ids of backups that exist (written in beforeAll), so reads get past "no such backup". */
const backupIds: string[] = [];

const meetingId = fc.oneof(fc.constantFrom(SAMPLE.secondMeeting, SAMPLE.firstMeeting), hostileString);
const common = { language: fc.constantFrom('en', 'ru', 'en+ru', 'de'), paper: fc.constantFrom('a4', 'letter', 'a0') };
/** Report specs of each kind with the fields that kind takes, most of them valid. */
const reportSpec: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ kind: fc.constantFrom('agenda', 'meeting-report', 'certificates'), meetingId, ...common }),
  fc.record({ kind: fc.constant('participants'), meetingId, nameScript: fc.constantFrom('latin', 'native', 'both', 'klingon'), contacts: fc.boolean(), ...common }),
  fc.record({
    kind: fc.constant('mou'),
    documentId: fc.oneof(fc.constant(SAMPLE.mou), hostileString),
    version: fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 5 })),
    compareWith: fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 5 })),
    annex: fc.boolean(),
    lineNumbers: fc.boolean(),
    ...common,
  }),
  fc.record({ kind: hostileString, meetingId, ...common }),
);

const payloads: Record<Channel, fc.Arbitrary<unknown>> = {
  'cwg:app:info': fc.oneof(fc.constant(undefined), anything),
  'cwg:shell:open-external': mutated(fc.record({ url: fc.oneof(fc.webUrl(), hostileString, fc.constantFrom('https://user:pw@example.org/', 'javascript:alert(1)', 'file:///etc/passwd', 'https://example.org/\\..\\x', 'HTTPS://WWW.WCOOMD.ORG/')) })),
  'cwg:file:save': mutated(fc.record({ purpose, suggestedName: hostileString, content: fileBytes })),
  'cwg:file:open': mutated(fc.record({ purpose, maxBytes: fc.oneof(fc.constant(undefined), fc.integer(), fc.double(), fc.constant(2 ** 31)) }, { requiredKeys: ['purpose'] })),
  'cwg:backup:write': mutated(fc.record({ reason: fc.oneof(fc.constantFrom(...backupReasons), hostileString), content: fileBytes, counts: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.nat(), fc.integer(), fc.double())), anything) })),
  'cwg:backup:list': fc.oneof(fc.constant(undefined), anything),
  'cwg:backup:read': mutated(fc.record({ id: fc.oneof(hostileString, fc.constantFrom(0, 1, 2).map((n) => backupIds[n] ?? '')) })),
  'cwg:report:export-pdf': mutated(fc.record({ spec: mutated(reportSpec), source })),
  'cwg:report:print': mutated(fc.record({ spec: mutated(reportSpec), source })),
  'cwg:app:ready-to-quit': fc.oneof(fc.constant(undefined), anything),
  'cwg:sync-folder:status': fc.oneof(fc.constant(undefined), anything),
  'cwg:sync-folder:choose': mutated(fc.record({ installationId: fc.oneof({ weight: 3, arbitrary: fc.constant(INSTALLATION) }, hostileString) })),
  'cwg:sync-folder:forget': fc.oneof(fc.constant(undefined), anything),
  'cwg:sync-folder:pause': mutated(fc.record({ paused: fc.oneof(fc.boolean(), anything) })),
  'cwg:sync-folder:scan': fc.oneof(fc.constant(undefined), anything),
  'cwg:sync-folder:read': mutated(fc.record({ name: fc.oneof({ weight: 3, arbitrary: fc.constant(`${INSTALLATION}/${CHANGE_FILE}`) }, hostileString, fc.constantFrom(`${INSTALLATION}/../../../data/${SYNC_FOLDER_CONFIG_FILE}`, `../${CHANGE_FILE}`)) })),
  'cwg:sync-folder:write': mutated(fc.record({ fileName: fc.oneof({ weight: 3, arbitrary: fc.constant(CHANGE_FILE) }, hostileString), bytes: fileBytes })),
  'cwg:sync-folder:remove': mutated(
    fc.record({ names: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(`${INSTALLATION}/${CHANGE_FILE}`) }, hostileString, fc.constant(`other-installation/${CHANGE_FILE}`)), { maxLength: 3 }) }),
  ),
};

const channelName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...channels) },
  { weight: 1, arbitrary: fc.oneof(hostileString, fc.constantFrom('cwg:file:save ', 'CWG:APP:INFO', 'cwg:', 'toString', 'hasOwnProperty', '__proto__', 'constructor')) },
);

const sender = fc.oneof(
  { weight: 3, arbitrary: fc.constant(trusted) },
  {
    weight: 2,
    arbitrary: fc.record({
      url: fc.oneof(
        fc.constantFrom(`${APP}/index.html`, 'app://cwg.evil/index.html', 'app://evil/', 'https://cwg/', 'file:///index.html', 'http://127.0.0.1:1/', 'about:blank', 'data:text/html,x', '', null, undefined),
        fc.webUrl(),
        fc.string(),
      ),
      isTopFrame: fc.boolean(),
    }),
  },
);

/** The dialog's answers: Cancel, a new file, an existing file, a missing file, a folder (all in the chosen folder). */
const dialog = fc.oneof(fc.constant(null), fc.constantFrom('out.bin', 'input.csv', 'missing.csv', 'subfolder').map((name) => join(chosenFolder, name)));

/** Is `path` inside `folder` (or the folder itself)? */
function inside(path: string, folder: string): boolean {
  const rel = relative(folder, resolve(path));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

/** The folders and files each channel may touch. */
function allowed(channel: Channel, path: string): boolean {
  const memory = join(dataFolder, FOLDER_MEMORY_FILE);
  // The remembered-folders file is written atomically: a temporary sibling, then a rename.
  const memoryFile = path === memory || (dirname(resolve(path)) === dataFolder && path.includes(FOLDER_MEMORY_FILE));
  switch (channel) {
    case 'cwg:backup:write':
    case 'cwg:backup:list':
    case 'cwg:backup:read':
      return inside(path, join(dataFolder, BACKUP_FOLDER));
    case 'cwg:file:save':
    case 'cwg:file:open':
    case 'cwg:report:export-pdf':
      return memoryFile || inside(path, chosenFolder);
    case 'cwg:sync-folder:status':
    case 'cwg:sync-folder:choose':
    case 'cwg:sync-folder:forget':
    case 'cwg:sync-folder:pause':
    case 'cwg:sync-folder:scan':
    case 'cwg:sync-folder:read':
    case 'cwg:sync-folder:write':
    case 'cwg:sync-folder:remove': {
      // The folder the user chose (its app folder), and the choice itself (written atomically).
      const config = dirname(resolve(path)) === dataFolder && path.includes(SYNC_FOLDER_CONFIG_FILE);
      return config || inside(path, chosenFolder);
    }
    // "Print…" writes no file: the report goes to the print dialog.
    case 'cwg:report:print':
    case 'cwg:app:info':
    case 'cwg:shell:open-external':
    case 'cwg:app:ready-to-quit':
      return false;
  }
}

describe('IPC fuzzing', () => {
  it('answers every generated call with an error value or a result, never internal, and touches only its own folders', async () => {
    await fc.assert(
      fc.asyncProperty(
        channelName.chain((name) => fc.tuple(fc.constant(name), Object.hasOwn(payloads, name) ? payloads[name as Channel] : anything)),
        sender,
        dialog,
        async ([channel, payload], from, answer) => {
          dialogAnswer = answer;
          portCalls.length = 0;
          defaultPaths.length = 0;
          fsLog.paths.length = 0;
          logged.length = 0;
          fsLog.tracking = true;
          let result: unknown;
          try {
            result = await dispatch(channel, payload, from);
          } finally {
            fsLog.tracking = false;
          }
          // Always an envelope.
          expect(result).toBeTypeOf('object');
          const envelope = result as { ok: unknown; error?: { code: unknown; message: unknown } };
          expect(typeof envelope.ok).toBe('boolean');
          const known = Object.hasOwn(payloads, channel);
          const trustedSender = from.isTopFrame && from.url === trusted.url;
          if (!envelope.ok) {
            expect(ipcErrorCodes).toContain(envelope.error?.code);
            expect(typeof envelope.error?.message).toBe('string');
            // Bad input, a foreign sender or a stale choice is explained, never "internal".
            expect(envelope.error?.code, String(envelope.error?.message)).not.toBe('internal');
          }
          expect(logged).toEqual([]);
          if (!known) expect(envelope.error?.code).toBe('unknown-channel');
          else if (!trustedSender) expect(envelope.error?.code).toBe('forbidden-sender');
          const refused = !envelope.ok && ['unknown-channel', 'forbidden-sender', 'invalid-payload'].includes(String(envelope.error?.code));
          if (refused) {
            // Refused at the gate: no file, no dialog, no printer, no browser.
            expect(fsLog.paths).toEqual([]);
            expect(portCalls).toEqual([]);
            return;
          }
          for (const path of fsLog.paths) expect(allowed(channel as Channel, path), `${channel} touched ${path}`).toBe(true);
          // A save dialog opens in a folder (remembered or Documents) on the suggested name alone.
          for (const path of defaultPaths) expect([documentsFolder, chosenFolder]).toContain(dirname(path));
        },
      ),
      { numRuns: Number(process.env.CWG_FUZZ_RUNS ?? 2000) },
    );
  }, 120_000);

  it('reaches every channel with payloads that pass the gate', async () => {
    // The generators are not all junk: each channel is answered beyond invalid-payload at least once.
    await freshBackups();
    const reached = new Set<string>();
    const succeeded = new Set<string>();
    const touched: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels).chain((name) => fc.tuple(fc.constant(name), payloads[name])), dialog, async ([channel, payload], answer) => {
        dialogAnswer = answer;
        fsLog.paths.length = 0;
        fsLog.tracking = true;
        const result = await dispatch(channel, payload, trusted).finally(() => {
          fsLog.tracking = false;
        });
        touched.push(...fsLog.paths);
        if (result.ok || result.error.code !== 'invalid-payload') reached.add(channel);
        if (result.ok) succeeded.add(channel);
      }),
      // A fixed seed: this checks the generators' reach, not the app, so it must not flake.
      // (A successful sync folder read needs a choose first; with the print channel in the
      // table seed 17 never got one, seed 1 does.)
      { numRuns: 100 * channels.length, seed: 1 },
    );
    expect([...reached].sort()).toEqual([...channels].sort());
    // Real work was done (files written, a report printed and saved), and the file log saw it:
    // the folder checks above are not vacuous.
    expect(channels.filter((channel) => !succeeded.has(channel))).toEqual([]);
    expect(touched.some((path) => inside(path, join(dataFolder, BACKUP_FOLDER)))).toBe(true);
    expect(touched.some((path) => inside(path, chosenFolder))).toBe(true);
  }, 120_000);
});
