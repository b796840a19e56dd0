/**
 * Window hardening, checked with a fake BrowserWindow (no Electron binary): every window
 * factory's web preferences, the navigation / window.open / webview guards, the session
 * guards, the print flow, and a source scan that keeps window construction and raw IPC
 * registration in their one place each.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRINT_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { createPrintPort, createPrintPorts, createShellPort, toPrintToPdfOptions, toSystemPrintOptions, withPrintCsp } from '../../electron/main/services/electronPorts';
import type { PdfOptions } from '../../electron/main/services/ports';
import { DEFAULT_WINDOW_STATE } from '../../electron/main/windowState';
import {
  applyPrintSessionGuards,
  applySessionGuards,
  buildWebPreferences,
  createMainWindow,
  createPrintWindow,
  hardenWebContents,
  isPrintRequestAllowed,
  PRINT_PARTITION,
  printFileKey,
  type NavigationEvent,
  type PermissionSession,
  type RequestFilteringSession,
} from '../../electron/main/windows';

const APP_ORIGIN = 'app://cwg';

// The guards log what they block; keep the test output for failures.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});
const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

// ---------------------------------------------------------------------------------------
// Fakes

type Listener = (event: NavigationEvent) => void;

class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  readonly printCalls: PrintToPDFOptions[] = [];
  printResult: () => Promise<Uint8Array> = () => Promise.resolve(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
  readonly dialogCalls: WebContentsPrintOptions[] = [];
  /** How the system print dialog ends: Electron's callback arguments. */
  dialogResult: [success: boolean, failureReason: string] = [true, ''];
  /** Runs while the dialog is "open" (the report still loaded). */
  onDialog: () => void = () => undefined;

  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void {
    this.dialogCalls.push(options);
    this.onDialog();
    const [success, reason] = this.dialogResult;
    setTimeout(() => {
      callback(success, reason);
    }, 0);
  }

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> {
    this.printCalls.push(options);
    return this.printResult();
  }

  /** Emits like Electron and reports whether some listener called preventDefault(). */
  emitNavigation(event: string, url: string): boolean {
    let prevented = false;
    const payload: NavigationEvent = {
      url,
      preventDefault: () => {
        prevented = true;
      },
    };
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
    return prevented;
  }

  openWindow(url: string): { action: string } {
    if (!this.windowOpenHandler) throw new Error('no window open handler installed');
    return this.windowOpenHandler({ url });
  }
}

interface FakeWindowHooks {
  onLoad?: (window: FakeWindow, url: string) => Promise<void> | void;
}

class FakeWindow {
  readonly webContents = new FakeWebContents();
  readonly onceListeners = new Map<string, (() => void)[]>();
  readonly loaded: string[] = [];
  shown = false;
  maximized = false;
  destroyed = false;

  constructor(
    readonly options: BrowserWindowConstructorOptions,
    private readonly hooks: FakeWindowHooks,
  ) {}

  once(event: string, listener: () => void): this {
    this.onceListeners.set(event, [...(this.onceListeners.get(event) ?? []), listener]);
    return this;
  }

  emitOnce(event: string): void {
    const listeners = this.onceListeners.get(event) ?? [];
    this.onceListeners.delete(event);
    for (const listener of listeners) listener();
  }

  show(): void {
    this.shown = true;
  }

  maximize(): void {
    this.maximized = true;
  }

  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    await this.hooks.onLoad?.(this, url);
  }

  destroy(): void {
    this.destroyed = true;
  }
}

/** A BrowserWindow stand-in that records every window it constructs. */
function fakeBrowserWindow(hooks: FakeWindowHooks = {}) {
  const instances: FakeWindow[] = [];
  class BrowserWindow extends FakeWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      super(options, hooks);
      instances.push(this);
    }
  }
  return { BrowserWindow, instances };
}

class FakeSession implements PermissionSession, RequestFilteringSession {
  requestHandler: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | null = null;
  checkHandler: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | null = null;
  beforeRequest: Parameters<RequestFilteringSession['webRequest']['onBeforeRequest']>[0] | null = null;

  setPermissionRequestHandler(handler: Parameters<PermissionSession['setPermissionRequestHandler']>[0]): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: Parameters<PermissionSession['setPermissionCheckHandler']>[0]): void {
    this.checkHandler = handler;
  }

  readonly webRequest = {
    onBeforeRequest: (listener: Parameters<RequestFilteringSession['webRequest']['onBeforeRequest']>[0]): void => {
      this.beforeRequest = listener;
    },
  };

  /** Whether the session would cancel a request for `url`. */
  cancels(url: string): boolean {
    if (!this.beforeRequest) throw new Error('no onBeforeRequest listener installed');
    let cancelled: boolean | undefined;
    this.beforeRequest({ url }, (response) => {
      cancelled = response.cancel === true;
    });
    if (cancelled === undefined) throw new Error('listener did not answer');
    return cancelled;
  }
}

// ---------------------------------------------------------------------------------------
// Window factories

interface Built {
  name: string;
  window: FakeWindow;
  openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<void>>>;
}

function buildMain(state = DEFAULT_WINDOW_STATE): Built {
  const { BrowserWindow } = fakeBrowserWindow();
  const openExternal = vi.fn<(url: string) => Promise<void>>(() => Promise.resolve());
  const window = createMainWindow({
    BrowserWindow,
    preloadPath: '/app/out/preload/preload.cjs',
    state,
    devTools: false,
    allowedOrigin: APP_ORIGIN,
    openExternal,
  });
  return { name: 'main', window, openExternal };
}

function buildPrint(): Built {
  const { BrowserWindow } = fakeBrowserWindow();
  const window = createPrintWindow({ BrowserWindow });
  return { name: 'print', window, openExternal: vi.fn<(url: string) => Promise<void>>() };
}

const factories = [buildMain, buildPrint];

describe('web preferences of every window factory', () => {
  it.each(factories.map((build) => [build().name, build] as const))('%s window is sandboxed and isolated', (_name, build) => {
    const { window } = build();
    const prefs = window.options.webPreferences;
    expect(prefs).toBeDefined();
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(window.options.show).toBe(false);
  });

  it('main window runs JavaScript with the preload, and devtools as asked', () => {
    const { window } = buildMain();
    expect(window.options.webPreferences).toMatchObject({
      javascript: true,
      preload: '/app/out/preload/preload.cjs',
      devTools: false,
    });
    expect(buildWebPreferences({ kind: 'main', preloadPath: '/p.cjs', devTools: true }).devTools).toBe(true);
  });

  it('print window has JavaScript off, no preload, no devtools and its own session', () => {
    const { window } = buildPrint();
    const prefs = window.options.webPreferences;
    expect(prefs?.javascript).toBe(false);
    expect(prefs?.preload).toBeUndefined();
    expect(prefs?.devTools).toBe(false);
    expect(prefs?.partition).toBe(PRINT_PARTITION);
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('main window takes the remembered bounds and shows itself on ready-to-show', () => {
    const { window } = buildMain({ x: 40, y: 50, width: 1000, height: 700, maximized: true });
    expect(window.options).toMatchObject({ x: 40, y: 50, width: 1000, height: 700, show: false });
    expect(window.shown).toBe(false);
    window.emitOnce('ready-to-show');
    expect(window.shown).toBe(true);
    expect(window.maximized).toBe(true);
  });

  it('main window without a remembered position leaves placement to the OS', () => {
    const { window } = buildMain({ width: 1100, height: 760, maximized: false });
    expect(window.options.x).toBeUndefined();
    expect(window.options.y).toBeUndefined();
    window.emitOnce('ready-to-show');
    expect(window.maximized).toBe(false);
  });
});

describe('navigation guard of every window factory', () => {
  const events = ['will-navigate', 'will-frame-navigate', 'will-redirect'];
  const foreign = [
    'https://evil.example/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://other/index.html',
    'app://cwg.evil/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
  ];

  it.each(factories.map((build) => [build().name, build] as const))('%s window: installs all three guards', (_name, build) => {
    const { window } = build();
    for (const event of events) expect(window.webContents.listeners.get(event)?.length).toBe(1);
  });

  it.each(factories.map((build) => [build().name, build] as const))('%s window: prevents navigation to other origins', (_name, build) => {
    const { window } = build();
    for (const event of events) {
      for (const url of foreign) expect(window.webContents.emitNavigation(event, url), `${event} ${url}`).toBe(true);
    }
  });

  it('main window: allows navigation within app://cwg', () => {
    const { window } = buildMain();
    for (const event of events) {
      expect(window.webContents.emitNavigation(event, 'app://cwg/index.html')).toBe(false);
      expect(window.webContents.emitNavigation(event, 'app://cwg/meetings/42')).toBe(false);
    }
  });

  it('print window: allows no navigation at all, not even to the app', () => {
    const { window } = buildPrint();
    expect(window.webContents.emitNavigation('will-navigate', 'app://cwg/index.html')).toBe(true);
  });
});

describe('window.open guard of every window factory', () => {
  it.each(factories.map((build) => [build().name, build] as const))('%s window: denies every window.open', (_name, build) => {
    const { window } = build();
    for (const url of ['https://example.org/', 'http://example.org/', 'app://cwg/index.html', 'about:blank']) {
      expect(window.webContents.openWindow(url)).toEqual({ action: 'deny' });
    }
  });

  it('hands https links to openExternal and drops everything else', () => {
    const { window, openExternal } = buildMain();
    window.webContents.openWindow('https://www.wcoomd.org/en/about-us.aspx');
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://www.wcoomd.org/en/about-us.aspx');

    openExternal.mockClear();
    for (const url of [
      'http://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'app://cwg/index.html',
      'https://user:secret@example.org/',
      'smb://server/share',
      'HTTPS://',
    ]) {
      window.webContents.openWindow(url);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('survives an openExternal that rejects or throws', async () => {
    const onBlocked = vi.fn();
    const contents = new FakeWebContents();
    hardenWebContents(contents, {
      allowedOrigin: APP_ORIGIN,
      openExternal: () => Promise.reject(new Error('no browser')),
      onBlocked,
    });
    expect(contents.openWindow('https://example.org/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => {
      expect(onBlocked).toHaveBeenCalled();
    });

    const throwing = new FakeWebContents();
    hardenWebContents(throwing, {
      allowedOrigin: APP_ORIGIN,
      openExternal: () => {
        throw new Error('sync failure');
      },
      onBlocked,
    });
    expect(throwing.openWindow('https://example.org/')).toEqual({ action: 'deny' });
  });
});

describe('hardenWebContents', () => {
  it.each(factories.map((build) => [build().name, build] as const))('%s window: blocks <webview> attachment', (_name, build) => {
    const { window } = build();
    expect(window.webContents.emitNavigation('will-attach-webview', '')).toBe(true);
  });

  it('applies once per contents even when called again (factory and app-wide hook)', () => {
    const contents = new FakeWebContents();
    const options = { allowedOrigin: APP_ORIGIN, openExternal: () => Promise.resolve(), onBlocked: vi.fn() };
    hardenWebContents(contents, options);
    hardenWebContents(contents, options);
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
  });

  it('reports what it blocked', () => {
    const onBlocked = vi.fn();
    const contents = new FakeWebContents();
    hardenWebContents(contents, { allowedOrigin: APP_ORIGIN, openExternal: () => Promise.resolve(), onBlocked });
    contents.emitNavigation('will-navigate', 'https://evil.example/');
    expect(onBlocked).toHaveBeenCalledWith('navigation', 'https://evil.example/');
  });
});

// ---------------------------------------------------------------------------------------
// Session guards

describe('session guards', () => {
  it('deny every permission request and check', () => {
    const session = new FakeSession();
    applySessionGuards(session);
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      session.requestHandler?.({}, permission, (answer) => granted.push(answer));
      expect(session.checkHandler?.({}, permission)).toBe(false);
    }
    expect(granted).toEqual([false, false, false, false, false, false]);
  });

  it('print session: cancels all but data: URLs and the file being printed', () => {
    const session = new FakeSession();
    const file = resolve(tmpdir(), 'cwg-print-test', 'report.html');
    const allowed = new Set<string>();
    applyPrintSessionGuards(session, allowed, () => undefined);
    expect(session.checkHandler?.({}, 'media')).toBe(false);

    const fileUrl = pathToFileURL(file).href;
    expect(session.cancels(fileUrl)).toBe(true);
    allowed.add(printFileKey(file));
    expect(session.cancels(fileUrl)).toBe(false);
    expect(session.cancels('data:font/woff2;base64,AAAA')).toBe(false);
    for (const url of [
      'https://fonts.example/noto.woff2',
      'http://localhost/',
      'ws://localhost/',
      pathToFileURL(resolve(tmpdir(), 'cwg-print-test', 'other.png')).href,
      pathToFileURL('/etc/passwd').href,
      'app://cwg/index.html',
      'blob:null/1234',
    ]) {
      expect(session.cancels(url), url).toBe(true);
    }
  });

  it('compares print files case-insensitively only where the file system is', () => {
    const file = resolve('/tmp/cwg-print-x/Report.html');
    const allowed = new Set([printFileKey(file, 'win32')]);
    expect(isPrintRequestAllowed(pathToFileURL(file.toLowerCase()).href, allowed, 'win32')).toBe(true);
    const linux = new Set([printFileKey(file, 'linux')]);
    expect(isPrintRequestAllowed(pathToFileURL(file.toLowerCase()).href, linux, 'linux')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------
// Print port: the hidden print window from start to finish

const pdfOptions: PdfOptions = {
  pageSize: 'A4',
  landscape: false,
  marginsMm: { top: 25.4, right: 12.7, bottom: 20, left: 0 },
};

describe('print port', () => {
  let tempRoot: string;
  beforeEach(async () => {
    tempRoot = await mkdtemp(join(tmpdir(), 'cwg-print-port-'));
  });
  afterEach(async () => {
    await rm(tempRoot, { recursive: true, force: true });
  });

  it('prints a temp file in a JS-less window, lets only that file through, then cleans up', async () => {
    const session = new FakeSession();
    const seen: { html: string; allowedDuringLoad: boolean; otherFileCancelled: boolean }[] = [];
    const { BrowserWindow, instances } = fakeBrowserWindow({
      onLoad: async (_window, url) => {
        seen.push({
          html: await readFile(fileURLToPath(url), 'utf8'),
          allowedDuringLoad: !session.cancels(url),
          otherFileCancelled: session.cancels(pathToFileURL(join(tempRoot, 'elsewhere.html')).href),
        });
      },
    });
    const port = createPrintPort({ BrowserWindow, getPrintSession: () => session, tempRoot });

    const pdf = await port.printToPdf('<!doctype html><html><head><title>R</title></head><body>Отчёт</body></html>', pdfOptions);

    expect(Array.from(pdf.slice(0, 4))).toEqual([0x25, 0x50, 0x44, 0x46]);
    expect(instances).toHaveLength(1);
    const window = instances[0];
    if (!window) throw new Error('no print window');
    expect(window.options.webPreferences?.javascript).toBe(false);
    expect(window.options.webPreferences?.preload).toBeUndefined();
    expect(window.options.show).toBe(false);
    expect(window.loaded).toHaveLength(1);
    expect(window.loaded[0]?.startsWith('file://')).toBe(true);

    const load = seen[0];
    expect(load?.allowedDuringLoad).toBe(true);
    expect(load?.otherFileCancelled).toBe(true);
    expect(load?.html.startsWith('\uFEFF<!doctype html>')).toBe(true);
    expect(load?.html).toContain(`<head><meta http-equiv="Content-Security-Policy" content="${PRINT_CONTENT_SECURITY_POLICY}">`);
    expect(load?.html).toContain('Отчёт');

    expect(window.webContents.printCalls).toEqual([toPrintToPdfOptions(pdfOptions)]);
    expect(window.destroyed).toBe(true);
    expect(await readdir(tempRoot)).toEqual([]);
    expect(session.cancels(window.loaded[0] ?? '')).toBe(true);
  });

  it('destroys the window and removes the file when printing fails', async () => {
    const session = new FakeSession();
    const { BrowserWindow, instances } = fakeBrowserWindow({
      onLoad: (window) => {
        window.webContents.printResult = () => Promise.reject(new Error('printing failed'));
      },
    });
    const port = createPrintPort({ BrowserWindow, getPrintSession: () => session, tempRoot });
    await expect(port.printToPdf('<p>x</p>', pdfOptions)).rejects.toThrow('printing failed');
    expect(instances[0]?.destroyed).toBe(true);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('gives up after the timeout', async () => {
    const session = new FakeSession();
    const { BrowserWindow, instances } = fakeBrowserWindow({ onLoad: () => new Promise<void>(() => undefined) });
    const port = createPrintPort({ BrowserWindow, getPrintSession: () => session, tempRoot, timeoutMs: 20 });
    await expect(port.printToPdf('<p>x</p>', pdfOptions)).rejects.toMatchObject({ code: 'io-error' });
    expect(instances[0]?.destroyed).toBe(true);
  });

  it('"Print…" shows the system dialog on the same report file, and both ports share one session guard', async () => {
    const session = new FakeSession();
    const allowedWhileOpen: boolean[] = [];
    const { BrowserWindow, instances } = fakeBrowserWindow({
      onLoad: (window, url) => {
        window.webContents.onDialog = () => allowedWhileOpen.push(!session.cancels(url));
      },
    });
    const { print, printer } = createPrintPorts({ BrowserWindow, getPrintSession: () => session, tempRoot });
    // The PDF port first: it installs the guard; the dialog's file must still be let through.
    await print.printToPdf('<p>pdf</p>', pdfOptions);
    const outcome = await printer.printWithDialog('<!doctype html><html><head><title>Agenda</title></head><body>Повестка</body></html>', pdfOptions, { title: 'Agenda' });
    expect(outcome).toEqual({ printed: true });
    const window = instances[1];
    if (!window) throw new Error('no print window for the dialog');
    expect(window.options.webPreferences?.javascript).toBe(false);
    expect(window.options.show).toBe(false);
    expect(window.webContents.dialogCalls).toEqual([toSystemPrintOptions(pdfOptions)]);
    expect(window.webContents.printCalls).toEqual([]);
    expect(allowedWhileOpen).toEqual([true]);
    expect(window.destroyed).toBe(true);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('"Print…": a cancelled dialog is an answer, a failed job an io-error; the window goes either way', async () => {
    const session = new FakeSession();
    let answer: [boolean, string] = [false, 'cancelled'];
    const { BrowserWindow, instances } = fakeBrowserWindow({
      onLoad: (window) => {
        window.webContents.dialogResult = answer;
      },
    });
    const { printer } = createPrintPorts({ BrowserWindow, getPrintSession: () => session, tempRoot });
    expect(await printer.printWithDialog('<p>x</p>', pdfOptions, { title: 'x' })).toEqual({ printed: false, reason: 'cancelled' });
    answer = [false, 'failed'];
    await expect(printer.printWithDialog('<p>x</p>', pdfOptions, { title: 'x' })).rejects.toMatchObject({ code: 'io-error', message: 'The printer did not take the report: failed.' });
    expect(instances.map((window) => window.destroyed)).toEqual([true, true]);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('gives the print dialog the PDF\'s paper, orientation and margins (in points), with backgrounds and no header of Chromium\'s own', () => {
    const options = toSystemPrintOptions({ ...pdfOptions, pageSize: 'Letter', landscape: true });
    expect(options).toEqual({
      silent: false,
      printBackground: true,
      pageSize: 'Letter',
      landscape: true,
      // 25.4 mm = 1 in = 72 pt; 12.7 mm = 36 pt; 20 mm ≈ 57 pt.
      margins: { marginType: 'custom', top: 72, right: 36, bottom: 57, left: 0 },
    });
    // A `header` or `footer` would turn on Chromium's header and footer over the document's own margin boxes.
    expect(options).not.toHaveProperty('header');
    expect(options).not.toHaveProperty('footer');
  });

  it('converts millimetres to inches and leaves the running header and footer to the document', () => {
    const options = toPrintToPdfOptions(pdfOptions);
    expect(options.pageSize).toBe('A4');
    expect(options.landscape).toBe(false);
    expect(options.margins?.top).toBeCloseTo(1);
    expect(options.margins?.right).toBeCloseTo(0.5);
    expect(options.margins?.bottom).toBeCloseTo(20 / 25.4);
    expect(options.margins?.left).toBe(0);
    // The report's @page margin boxes print its header and footer; no templates on every page.
    expect(options.displayHeaderFooter).toBe(false);
    expect(options).not.toHaveProperty('headerTemplate');
    expect(options).not.toHaveProperty('footerTemplate');
    expect(options).toMatchObject({ generateTaggedPDF: true, generateDocumentOutline: true, printBackground: true, preferCSSPageSize: false });
  });

  it('puts the print CSP first, after the doctype when there is no head', () => {
    expect(withPrintCsp('<!DOCTYPE html><p>x</p>')).toMatch(/^<!DOCTYPE html><meta http-equiv="Content-Security-Policy"/);
    expect(withPrintCsp('<p>x</p>')).toMatch(/^<meta http-equiv="Content-Security-Policy"[^>]*><p>x<\/p>$/);
    expect(withPrintCsp('<html><head lang="ru"><title>t</title></head></html>')).toMatch(
      /^<html><head lang="ru"><meta http-equiv="Content-Security-Policy"[^>]*><title>/,
    );
  });
});

describe('shell port', () => {
  it('re-checks the URL before handing it to the OS', async () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const port = createShellPort({ openExternal });
    await port.openExternal('https://example.org/page');
    expect(openExternal).toHaveBeenCalledWith('https://example.org/page');
    for (const url of ['http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'ms-settings:']) {
      await expect(port.openExternal(url)).rejects.toMatchObject({ code: 'not-allowed' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

// ---------------------------------------------------------------------------------------
// Source scan

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder)) {
    const full = join(folder, entry);
    if (statSync(full).isDirectory()) found.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry)) found.push(full);
  }
  return found;
}

describe('source scan of electron/', () => {
  const files = sourceFiles(join(repoRoot, 'electron')).map((file) => ({
    path: relative(repoRoot, file).split('\\').join('/'),
    text: readFileSync(file, 'utf8'),
  }));

  it('finds the sources', () => {
    expect(files.map((file) => file.path)).toContain('electron/main/windows.ts');
    expect(files.map((file) => file.path)).toContain('electron/main/index.ts');
  });

  it('constructs BrowserWindow and sets webPreferences only in windows.ts', () => {
    const offenders = files
      .filter((file) => file.path !== 'electron/main/windows.ts')
      .filter((file) => /new\s+(\w+\.)?BrowserWindow\b|\bBrowserWindow\s*\(|webPreferences/.test(file.text))
      .map((file) => file.path);
    expect(offenders).toEqual([]);
  });

  it('calls ipcMain.handle only in ipc/register.ts', () => {
    const users = files.filter((file) => /ipcMain\s*\.\s*handle\b/.test(file.text)).map((file) => file.path);
    expect(users).toEqual(['electron/main/ipc/register.ts']);
  });

  it('never exposes ipcRenderer itself from a preload', () => {
    for (const file of files.filter((candidate) => candidate.path.startsWith('electron/preload/'))) {
      expect(file.text, file.path).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    }
  });

  it('index.ts hardens every web contents through web-contents-created', () => {
    const index = files.find((file) => file.path === 'electron/main/index.ts');
    expect(index).toBeDefined();
    expect(index?.text).toMatch(/app\.on\(\s*'web-contents-created',[\s\S]{0,200}?hardenWebContents\(/);
    expect(index?.text).toMatch(/registerAppScheme\(protocol\)/);
    expect(index?.text).toMatch(/requestSingleInstanceLock\(\)/);
    expect(index?.text).toMatch(/applySessionGuards\(session\.defaultSession\)/);
  });

  it('main-process modules other than index.ts import Electron for types only', () => {
    // They run in Node under test; a value import of 'electron' would throw there.
    const offenders = files
      .filter((file) => file.path.startsWith('electron/main/') && file.path !== 'electron/main/index.ts')
      .filter((file) => /^import\s+(?!type\b)[^;]*from\s+'electron'/m.test(file.text))
      .map((file) => file.path);
    expect(offenders).toEqual([]);
    expect(existsSync(join(repoRoot, 'electron/main/windows.ts'))).toBe(true);
  });
});
