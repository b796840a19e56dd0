/**
 * The test host: the built renderer in Chromium, with `window.cwg` built by the same
 * preload factory and answered by the same main-process handler map, running here in Node.
 * Ports are injected: dialogs answer what the test chose, printing uses a Chromium page,
 * and "open in browser" is recorded instead of launching anything.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createDispatch, isTrustedSender, type Dispatch } from '../../electron/main/ipc/dispatch';
import { UPLOAD_BINDING } from '../../shared/ipc/byteTransport';
import { createHandlers, createServices, type MainServices } from '../../electron/main/ipc/handlers';
import type { MainEventName, MainEventPayload } from '../../shared/ipc/contract';
import { CHROMIUM_FLAGS, findChromium } from './chromium';
import { createByteStore } from './ipcBytes';
import { ChromiumPrintPort } from './chromiumPrintPort';
import { ScriptedDialogs } from './scriptedDialogs';
import { serveDirectory, type StaticServer } from './staticServer';

const root = resolve(import.meta.dirname, '../..');
/**
 * Build output to serve; CWG_OUT_DIR lets parallel work build into its own folder
 * (`vite build --outDir <dir>/renderer` and `vite build --mode host-preload --outDir <dir>/test-host`).
 */
const outDir = resolve(root, process.env.CWG_OUT_DIR ?? 'out');
export const RENDERER_DIR = join(outDir, 'renderer');
export const HOST_PRELOAD = join(outDir, 'test-host/preload.js');

export interface TestHostOptions {
  /** false opens a visible window (npm run host). */
  headless?: boolean;
  /** Chromium profile; kept across restart() so IndexedDB and localStorage survive. */
  profileDir?: string;
  /** What the app reports as its data folder. */
  dataDir?: string;
  locale?: string;
  viewport?: { width: number; height: number } | null;
  /** Pins the port, so a profile's data (keyed by origin) is found again on the next run. */
  port?: number;
  /**
   * false: requests are not intercepted (benchmarks of start-up). Playwright's interception
   * turns Chromium's cache off, and with it V8's compiled-code cache, which Electron keeps
   * for app:// (its `codeCache` privilege); without it a start measures the harness. Other
   * hosts still get nowhere: Chromium resolves no name but 127.0.0.1, and the app's CSP
   * allows only its own origin; `blockedRequests` then stays empty.
   */
  interceptRequests?: boolean;
}

export interface IpcLogEntry {
  readonly channel: string;
  readonly payload: unknown;
  readonly answer: unknown;
}

export interface TestHost {
  readonly origin: string;
  readonly url: string;
  readonly page: Page;
  readonly context: BrowserContext;
  readonly dialogs: ScriptedDialogs;
  readonly print: ChromiumPrintPort;
  readonly dispatch: Dispatch;
  /** https links the app asked to open in the system browser. */
  readonly openedExternal: string[];
  /** Requests the page tried to send outside its own origin (all refused). */
  readonly blockedRequests: string[];
  /** Console errors and uncaught page errors, for tests to assert on. */
  readonly pageErrors: string[];
  /** Main's services (the sync folder's polling runs in them). */
  readonly services: MainServices;
  /** Times the renderer answered `cwg:event:before-quit`. */
  readonly quitAnswers: number;
  /** Sends the page a message as main does unasked (e.g. before quitting). */
  sendMainEvent<E extends MainEventName>(event: E, payload: MainEventPayload<E>): Promise<void>;
  /** Every IPC call the page made, in the order answered, with its answer. */
  readonly ipcLog: readonly IpcLogEntry[];
  /**
   * Resolves with the first call on `channel` answered after the log had `since` entries
   * (default: now) and matching `accept`; rejects after `timeout` ms. Lets a test wait for
   * the app to have done something instead of sleeping.
   */
  waitForIpc(channel: string, options?: { since?: number; accept?: (entry: IpcLogEntry) => boolean; timeout?: number }): Promise<IpcLogEntry>;
  /**
   * Closes the browser and opens it again on the same profile: an app restart. `blank` leaves
   * the page on about:blank (the app not loaded, its storage not opened) until the test loads host.url.
   */
  restart(options?: { blank?: boolean }): Promise<void>;
  /**
   * Kills Chromium's browser process at once (SIGKILL), as a crash or a power cut would:
   * nothing gets to close or flush. restart() then opens the same profile again.
   */
  crash(): Promise<void>;
  close(): Promise<void>;
}

/** The pid of the Chromium browser process using `profileDir` (its helpers carry --type=). */
async function browserProcessId(profileDir: string): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = await readFile(`/proc/${entry}/cmdline`, 'utf8')
      .then((text) => text.split('\0'))
      .catch((): string[] => []);
    if (args.includes(`--user-data-dir=${profileDir}`) && !args.some((arg) => arg.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`No Chromium browser process found for the profile ${profileDir}.`);
}

export async function startTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'cwg-profile-')));
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'cwg-data-')));
  const preloadSource = await readFile(HOST_PRELOAD, 'utf8').catch(() => {
    throw new Error(`${HOST_PRELOAD} is missing: run \`npm run build\` first.`);
  });
  // Files' bytes travel between page and host over this server, not through the binding (shared/ipc/byteTransport.ts).
  const bytes = createByteStore();
  const server: StaticServer = await serveDirectory(RENDERER_DIR, options.port, (request, response) => bytes.handle(request, response));
  const dialogs = new ScriptedDialogs();
  const print = new ChromiumPrintPort();
  const openedExternal: string[] = [];
  const blockedRequests: string[] = [];
  const pageErrors: string[] = [];
  const ipcLog: IpcLogEntry[] = [];
  const ipcListeners = new Set<() => void>();

  const packageJson = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  let quitAnswers = 0;
  // Main's unasked messages reach the page as the test-host preload's __cwgMainEvent.
  const deliver = async (event: string, payload: unknown): Promise<void> => {
    await current.page
      .evaluate(([name, body]) => {
        (window as unknown as { __cwgMainEvent?: (event: string, payload: unknown) => void }).__cwgMainEvent?.(name, body);
      }, [event, payload] as const)
      .catch(() => undefined); // a page closing or navigating misses it, as a window would
  };
  const ports = {
    appInfo: { name: 'CWG Desk', version: packageJson.version, platform: process.platform, dataFolder: dataDir, host: 'test-host' as const },
    documentsFolder: dataDir,
    shell: {
      openExternal: (url: string) => {
        openedExternal.push(url);
        return Promise.resolve();
      },
    },
    dialogs,
    print,
    // No print dialog in the test host: "Print…" prints to PDF, kept in print.printerJobs.
    printer: print,
    events: {
      send: (event: MainEventName, payload: unknown) => {
        void deliver(event, payload);
      },
    },
    lifecycle: {
      readyToQuit: () => {
        quitAnswers += 1;
      },
    },
  };
  const services = createServices(ports);
  const dispatch = createDispatch(createHandlers(ports, services), {
    allowedOrigin: server.origin,
    logError: (channel, error) => pageErrors.push(`${channel}: ${String(error)}`),
  });

  const launch = async (blank = false): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: findChromium(),
      headless: options.headless ?? true,
      args: options.interceptRequests === false ? [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] : CHROMIUM_FLAGS,
      locale: options.locale ?? 'en-US',
      viewport: options.viewport === undefined ? { width: 1280, height: 860 } : options.viewport,
    });
    await context.exposeBinding('__cwgInvoke', async (source, channel: unknown, sent: unknown) => {
      // The payload as main receives it in Electron: Uint8Arrays where the page sent them.
      const payload = await bytes.resolveRequest(sent);
      const answer = await dispatch(String(channel), payload, {
        url: source.frame.url(),
        isTopFrame: source.frame.parentFrame() === null,
      });
      ipcLog.push({ channel: String(channel), payload, answer });
      for (const listener of ipcListeners) listener();
      return bytes.referAnswer(answer);
    });
    // Files' bytes from the page, in chunks (shared/ipc/byteTransport.ts); only the app's own page may send them.
    await context.exposeBinding(UPLOAD_BINDING, (source, id: unknown, at: unknown, base64: unknown) => {
      if (!isTrustedSender({ url: source.frame.url(), isTopFrame: source.frame.parentFrame() === null }, server.origin)) throw new Error('Not the app.');
      return bytes.upload(id, at, base64);
    });
    await context.addInitScript({ content: preloadSource });
    // The app talks to nothing but its own origin; anything else is refused and noted.
    if (options.interceptRequests !== false) await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
        await route.continue();
      } else {
        blockedRequests.push(url);
        await route.abort('blockedbyclient');
      }
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    if (!blank) await page.goto(`${server.origin}/index.html`);
    return { context, page };
  };

  let current = await launch();
  await services.syncFolder.start();
  return {
    origin: server.origin,
    url: `${server.origin}/index.html`,
    get page() {
      return current.page;
    },
    get context() {
      return current.context;
    },
    dialogs,
    print,
    dispatch,
    openedExternal,
    blockedRequests,
    pageErrors,
    services,
    get quitAnswers() {
      return quitAnswers;
    },
    async sendMainEvent(event, payload) {
      await deliver(event, payload);
    },
    ipcLog,
    waitForIpc(channel, { since = ipcLog.length, accept = () => true, timeout = 30_000 } = {}) {
      return new Promise<IpcLogEntry>((resolve, reject) => {
        let checked = since;
        const listener = () => {
          for (; checked < ipcLog.length; checked += 1) {
            const entry = ipcLog[checked];
            if (entry?.channel === channel && accept(entry)) {
              done();
              resolve(entry);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no answered ${channel} call within ${String(timeout)} ms`));
        }, timeout);
        const done = () => {
          clearTimeout(timer);
          ipcListeners.delete(listener);
        };
        ipcListeners.add(listener);
        listener();
      });
    },
    async restart({ blank = false } = {}) {
      await current.context.close();
      current = await launch(blank);
    },
    async crash() {
      const pid = await browserProcessId(profileDir);
      const closed = new Promise<void>((resolve) => {
        current.context.once('close', () => {
          resolve();
        });
      });
      process.kill(pid, 'SIGKILL');
      await closed;
    },
    async close() {
      services.syncFolder.stop();
      await current.context.close();
      await print.close();
      await server.close();
      bytes.clear();
    },
  };
}
