/**
 * Every window the app opens is built here, and only here: the hardened web preferences,
 * the guard that keeps each web contents on the app's origin (no navigation away, no new
 * windows, no <webview>), the session-wide permission and network guards, and the two
 * window factories (the main window and the hidden print window).
 *
 * Electron is imported for types only, and the BrowserWindow constructor is injected, so
 * the unit tests can check every rule with fakes and without the Electron binary.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions, WebContentsPrintOptions, WebPreferences } from 'electron';
import { externalUrlSchema } from '../../shared/ipc/contract';
import { originOf } from './ipc/dispatch';
import { MIN_WINDOW_SIZE, type WindowState } from './windowState';

/**
 * The print window's session. No "persist:" prefix, so it lives in memory only: nothing a
 * report contains is written to a disk cache, and the app:// protocol (registered on the
 * default session) does not exist there.
 */
export const PRINT_PARTITION = 'cwg-print';

/** The settings no window may relax. */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  enableWebSQL: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  // The spellchecker may download dictionaries from Google's CDN; the app stays offline.
  spellcheck: false,
} as const satisfies WebPreferences;

export type WebPreferencesRequest =
  | { kind: 'main'; preloadPath: string; devTools: boolean }
  | { kind: 'print' };

/** Web preferences for each kind of window, always on top of the hardened base. */
export function buildWebPreferences(request: WebPreferencesRequest): WebPreferences {
  switch (request.kind) {
    case 'main':
      return {
        ...HARDENED_WEB_PREFERENCES,
        javascript: true,
        preload: request.preloadPath,
        devTools: request.devTools,
      };
    case 'print':
      // A report is static HTML: no script, no preload (so no window.cwg), no devtools,
      // its own in-memory session with the network shut (see applyPrintSessionGuards).
      return {
        ...HARDENED_WEB_PREFERENCES,
        javascript: false,
        devTools: false,
        disableDialogs: true,
        webgl: false,
        // Reports are UTF-8 (Cyrillic, Arabic); file:// pages get no charset header.
        defaultEncoding: 'utf-8',
        partition: PRINT_PARTITION,
        // Hidden windows may be throttled; the print page must finish loading promptly.
        backgroundThrottling: false,
      };
  }
}

// ---------------------------------------------------------------------------------------
// Web contents guard

/** The part of Electron's navigation events the guard reads. */
export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/** What hardenWebContents needs from a WebContents (Electron's satisfies it). */
export interface HardenableWebContents {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface HardenOptions {
  /** The only origin a frame may navigate within, e.g. app://cwg; null: no navigation at all. */
  allowedOrigin: string | null;
  /** Receives https links the page tried to open in a new window. */
  openExternal: (url: string) => Promise<void>;
  /** Told about every refusal; defaults to console.warn. */
  onBlocked?: (what: string, url: string) => void;
}

/** Contents already guarded: the factories and the app-wide hook may both reach one. */
const hardened = new WeakSet<object>();

export function isAllowedNavigation(url: string, allowedOrigin: string | null): boolean {
  return allowedOrigin !== null && originOf(url) === allowedOrigin;
}

/** https links without credentials, by the same rule as the openExternal IPC channel. */
export function isExternalLink(url: string): boolean {
  return externalUrlSchema.safeParse(url).success;
}

/**
 * Keeps a web contents on the app's origin. Navigations elsewhere are cancelled rather
 * than opened in a browser, because a navigation can be started by content (a redirect,
 * a meta refresh) and should not turn into a browser tab; links meant to leave the app go
 * through window.open or window.cwg.openExternal, where only https is passed on.
 * Applying it twice to the same contents is a no-op.
 */
export function hardenWebContents(contents: HardenableWebContents, options: HardenOptions): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const onBlocked =
    options.onBlocked ??
    ((what: string, url: string) => {
      console.warn(`[security] blocked ${what}: ${url}`);
    });

  const guardNavigation =
    (what: string) =>
    (event: NavigationEvent): void => {
      if (isAllowedNavigation(event.url, options.allowedOrigin)) return;
      event.preventDefault();
      onBlocked(what, event.url);
    };
  contents.on('will-navigate', guardNavigation('navigation'));
  // Covers sub-frames too; the CSP already forbids frames, this is the second lock.
  contents.on('will-frame-navigate', guardNavigation('frame navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));

  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) {
      try {
        options.openExternal(url).catch((error: unknown) => {
          onBlocked(`opening external link (${String(error)})`, url);
        });
      } catch (error) {
        onBlocked(`opening external link (${String(error)})`, url);
      }
    } else {
      onBlocked('window.open', url);
    }
    // The app never opens a second Electron window from page content.
    return { action: 'deny' };
  });

  // webviewTag is off already; refusing here also covers a contents created some other way.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked('webview', '');
  });
}

// ---------------------------------------------------------------------------------------
// Session guards

/** What applySessionGuards needs from a Session (Electron's satisfies it). */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/**
 * Denies every permission (camera, microphone, geolocation, notifications, clipboard
 * read, HID/serial/USB, ...) to every page of the session. The app needs none: it talks
 * to the system through its own IPC channels. Both handlers are needed: the request
 * handler answers prompts, the check handler answers synchronous queries.
 */
export function applySessionGuards(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

/** What applyPrintSessionGuards needs from a Session's webRequest. */
export interface RequestFilteringSession {
  webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void,
    ): void;
  };
}

/** How a print file path is compared: resolved, and case-insensitive where the OS is. */
export function printFileKey(filePath: string, platform: string = process.platform): string {
  const full = resolve(filePath);
  return platform === 'win32' || platform === 'darwin' ? full.toLowerCase() : full;
}

/**
 * The print session's network rule: only the report file being printed right now (by
 * exact path) and data: URLs (the fonts and images embedded in the report) may load.
 * Everything else is cancelled: http(s), ws, other file:// paths (a report must not be
 * able to pull a local file into a PDF), blob:, custom schemes.
 */
export function isPrintRequestAllowed(url: string, allowedFiles: ReadonlySet<string>, platform?: string): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  try {
    return allowedFiles.has(printFileKey(fileURLToPath(url), platform));
  } catch {
    return false;
  }
}

/**
 * Shuts the print session's network. `allowedFiles` holds printFileKey()s and is read on
 * every request, so the print port adds a file for the duration of one print job.
 */
export function applyPrintSessionGuards(
  session: PermissionSession & RequestFilteringSession,
  allowedFiles: ReadonlySet<string>,
  onBlocked: (url: string) => void = (url) => {
    console.warn(`[security] print page request cancelled: ${url}`);
  },
): void {
  applySessionGuards(session);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isPrintRequestAllowed(details.url, allowedFiles);
    if (!allowed) onBlocked(details.url);
    callback({ cancel: !allowed });
  });
}

// ---------------------------------------------------------------------------------------
// Window factories

export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/** What the main window factory uses (Electron's BrowserWindow satisfies it). */
export interface MainWindowLike {
  readonly webContents: HardenableWebContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  maximize(): void;
}

export interface MainWindowDeps<W extends MainWindowLike> {
  BrowserWindow: WindowConstructor<W>;
  /** Absolute path of out/preload/preload.cjs. */
  preloadPath: string;
  /** Remembered bounds, already clamped to the current displays. */
  state: WindowState;
  devTools: boolean;
  allowedOrigin: string;
  openExternal: (url: string) => Promise<void>;
  title?: string;
}

/** Matches the renderer's background, so the window does not flash white before paint. */
export const WINDOW_BACKGROUND = '#f5f6f8';

export function createMainWindow<W extends MainWindowLike>(deps: MainWindowDeps<W>): W {
  const { state } = deps;
  const window = new deps.BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: deps.title ?? 'CWG Desk',
    backgroundColor: WINDOW_BACKGROUND,
    // Shown on ready-to-show: no blank frame while the renderer loads.
    show: false,
    webPreferences: buildWebPreferences({ kind: 'main', preloadPath: deps.preloadPath, devTools: deps.devTools }),
  });
  hardenWebContents(window.webContents, { allowedOrigin: deps.allowedOrigin, openExternal: deps.openExternal });
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  return window;
}

/** What the print flow uses (Electron's BrowserWindow satisfies it). */
export interface PrintWindowLike {
  readonly webContents: HardenableWebContents & {
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
    /** The system print dialog ("Print…"); the callback says how it ended. */
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  };
  loadURL(url: string): Promise<void>;
  destroy(): void;
}

export interface PrintWindowDeps<W extends PrintWindowLike> {
  BrowserWindow: WindowConstructor<W>;
}

/**
 * A hidden window that only ever shows one static report: JavaScript off, no preload,
 * the print partition's shut network, no navigation and no popups at all.
 */
export function createPrintWindow<W extends PrintWindowLike>(deps: PrintWindowDeps<W>): W {
  const window = new deps.BrowserWindow({
    show: false,
    width: 1024,
    height: 768,
    skipTaskbar: true,
    focusable: false,
    webPreferences: buildWebPreferences({ kind: 'print' }),
  });
  hardenWebContents(window.webContents, {
    allowedOrigin: null,
    openExternal: () => Promise.resolve(),
  });
  return window;
}
