/**
 * The Ports of the main-process services, implemented with Electron: native dialogs
 * attached to the main window, the system browser for https links, PDF printing in a
 * hidden, locked-down print window, and the app's identity. Electron is taken as injected
 * modules (types only here), so the print flow is unit-tested with fakes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, BrowserWindow, Dialog, OpenDialogOptions, PrintToPDFOptions, SaveDialogOptions, Shell, WebContentsPrintOptions } from 'electron';
import { PRINT_CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { ServiceError } from './serviceError';
import {
  applyPrintSessionGuards,
  createPrintWindow,
  isExternalLink,
  printFileKey,
  type PermissionSession,
  type PrintWindowLike,
  type RequestFilteringSession,
  type WindowConstructor,
} from '../windows';
import type { DialogPort, PdfOptions, Ports, PrintPort, ShellPort, SystemPrintOutcome, SystemPrintPort } from './ports';
import { loadInlineReportFonts } from './reportFontsInline';

const MM_PER_INCH = 25.4;

/** PdfOptions (millimetres) → Electron's printToPDF options (inches). */
export function toPrintToPdfOptions(options: PdfOptions): PrintToPDFOptions {
  const { marginsMm } = options;
  return {
    pageSize: options.pageSize,
    landscape: options.landscape,
    margins: {
      top: marginsMm.top / MM_PER_INCH,
      right: marginsMm.right / MM_PER_INCH,
      bottom: marginsMm.bottom / MM_PER_INCH,
      left: marginsMm.left / MM_PER_INCH,
    },
    // The running header and footer are the document's own @page margin boxes; Chromium's
    // header and footer templates would be rendered again on every page.
    displayHeaderFooter: false,
    // Accessible (a structure tree, the language from <html lang>) with bookmarks from the headings.
    generateTaggedPDF: true,
    generateDocumentOutline: true,
    // Shaded table headers and rule lines are part of a report's look.
    printBackground: true,
    // The page size comes from PdfOptions, not from whatever @page rule a template has.
    preferCSSPageSize: false,
  };
}

/** Chromium reads the custom print margins in points (1/72 in), whatever Electron's docs call them. */
const POINTS_PER_INCH = 72;

/**
 * PdfOptions → the options of the system print dialog ("Print…"): the same paper, orientation,
 * margins and backgrounds as the PDF, so the page breaks fall where they fall in the PDF. No
 * `header` or `footer`: those turn on Chromium's own header and footer (title, date, page
 * number), which would print over the document's running header and footer (its `@page`
 * margin boxes, the same as in the PDF); badges and certificates have none on purpose.
 */
export function toSystemPrintOptions(options: PdfOptions): WebContentsPrintOptions {
  const points = (mm: number) => Math.round((mm / MM_PER_INCH) * POINTS_PER_INCH);
  const { marginsMm } = options;
  return {
    silent: false,
    printBackground: true,
    pageSize: options.pageSize,
    landscape: options.landscape,
    margins: {
      marginType: 'custom',
      top: points(marginsMm.top),
      right: points(marginsMm.right),
      bottom: points(marginsMm.bottom),
      left: points(marginsMm.left),
    },
  };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Puts the print CSP first in the document's head (a meta policy only governs what comes
 * after it), after any doctype so the page stays in standards mode.
 */
export function withPrintCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(PRINT_CONTENT_SECURITY_POLICY)}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) {
    const at = head.index + head[0].length;
    return `${html.slice(0, at)}${meta}${html.slice(at)}`;
  }
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return `${doctype[0]}${meta}${html.slice(doctype[0].length)}`;
  return `${meta}${html}`;
}

export interface PrintPortDeps {
  BrowserWindow: WindowConstructor<PrintWindowLike>;
  /** The PRINT_PARTITION session; its guards are installed on first use. */
  getPrintSession: () => PermissionSession & RequestFilteringSession;
  /** Where the per-job temp folders go; the OS temp folder by default. */
  tempRoot?: string;
  /** A print that takes longer is abandoned, so an IPC call cannot hang forever. */
  timeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new ServiceError('io-error', `${what} did not finish within ${Math.round(ms / 1000)} s.`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

/**
 * Prints through a hidden print window that loads the report from a temp file.
 *
 * Why a file and not a data: URL: Chromium refuses to navigate to URLs longer than 2 MB,
 * and a report with embedded fonts for Latin, Cyrillic and Arabic script easily exceeds
 * that. A file:// page needs neither JavaScript nor network. The file lives in a fresh
 * private folder (mkdtemp, owner-only), starts with a UTF-8 byte order mark (file:// has
 * no Content-Type header, and the BOM decides the encoding before anything else), and is
 * the only file the print session lets through, for the duration of the job.
 */
function createPrintWindowRunner(deps: PrintPortDeps) {
  const allowedFiles = new Set<string>();
  let guarded = false;
  /** Loads `html` into a fresh hidden print window, runs `work` on it, then cleans up. */
  return async function withReportWindow<T>(html: string, timeoutMs: number, work: (window: PrintWindowLike) => Promise<T>): Promise<T> {
    if (!guarded) {
      applyPrintSessionGuards(deps.getPrintSession(), allowedFiles);
      guarded = true;
    }
    const folder = await mkdtemp(join(deps.tempRoot ?? tmpdir(), 'cwg-print-'));
    const file = join(folder, 'report.html');
    const key = printFileKey(file);
    let window: PrintWindowLike | null = null;
    try {
      await writeFile(file, `\uFEFF${withPrintCsp(html)}`, { encoding: 'utf8', mode: 0o600 });
      allowedFiles.add(key);
      const printWindow = createPrintWindow({ BrowserWindow: deps.BrowserWindow });
      window = printWindow;
      const job = async (): Promise<T> => {
        await printWindow.loadURL(pathToFileURL(file).href);
        return work(printWindow);
      };
      return await withTimeout(job(), timeoutMs, 'Printing the report');
    } finally {
      allowedFiles.delete(key);
      window?.destroy();
      await rm(folder, { recursive: true, force: true });
    }
  };
}

/** A person answers a print dialog in minutes, not seconds; after this long the window is let go. */
const PRINT_DIALOG_TIMEOUT_MS = 30 * 60_000;

/**
 * The PDF printer and "Print…", sharing one print session guard: Electron keeps one
 * onBeforeRequest listener per session, so a second guard would replace the first and
 * refuse the other port's report file.
 *
 * "Print…" loads the report into the same hidden, locked-down print window as the PDF
 * export and hands it to the system print dialog (webContents.print, not silent).
 * Cancelling the dialog is an answer, not a failure; a printer's failure is reported with
 * Chromium's reason.
 */
export function createPrintPorts(deps: PrintPortDeps): { print: PrintPort; printer: SystemPrintPort } {
  const withReportWindow = createPrintWindowRunner(deps);
  const print: PrintPort = {
    printToPdf(html, options) {
      return withReportWindow(html, deps.timeoutMs ?? 60_000, (window) => window.webContents.printToPDF(toPrintToPdfOptions(options)));
    },
  };
  const printer: SystemPrintPort = {
    printWithDialog(html, options) {
      return withReportWindow(
        html,
        deps.timeoutMs ?? PRINT_DIALOG_TIMEOUT_MS,
        (window) =>
          new Promise<SystemPrintOutcome>((resolve, reject) => {
            window.webContents.print(toSystemPrintOptions(options), (success, failureReason) => {
              if (success) resolve({ printed: true });
              else if (/cancel/i.test(failureReason)) resolve({ printed: false, reason: 'cancelled' });
              else reject(new ServiceError('io-error', `The printer did not take the report: ${failureReason || 'no reason given'}.`));
            });
          }),
      );
    },
  };
  return { print, printer };
}

export function createPrintPort(deps: PrintPortDeps): PrintPort {
  return createPrintPorts(deps).print;
}

export interface ElectronPortsDeps {
  app: Pick<App, 'getName' | 'getVersion' | 'getPath'>;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  shell: Pick<Shell, 'openExternal'>;
  BrowserWindow: WindowConstructor<PrintWindowLike>;
  getPrintSession: () => PermissionSession & RequestFilteringSession;
  /** Dialogs are modal to it when it exists. */
  getMainWindow: () => BrowserWindow | null;
  platform: string;
  /** The renderer answered the quit request (quitCoordinator.ts). */
  onReadyToQuit: () => void;
}

export function createShellPort(shell: Pick<Shell, 'openExternal'>): ShellPort {
  return {
    async openExternal(url) {
      // Checked again here although IPC validated it: this port is also reached from the
      // window-open guard, and it is the last step before the OS hands the URL to a program.
      if (!isExternalLink(url)) {
        throw new ServiceError('not-allowed', 'Only https:// links can be opened in the browser.');
      }
      await shell.openExternal(url);
    },
  };
}

function createDialogPort(deps: Pick<ElectronPortsDeps, 'dialog' | 'getMainWindow'>): DialogPort {
  const { dialog } = deps;
  // Modal to the main window when there is one, so the dialog cannot get lost behind it.
  const save = (options: SaveDialogOptions) => {
    const parent = deps.getMainWindow();
    return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
  };
  const open = (options: OpenDialogOptions) => {
    const parent = deps.getMainWindow();
    return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
  };
  return {
    async chooseSaveFile({ title, defaultPath, filters }) {
      const result = await save({
        title,
        defaultPath,
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || result.filePath === '' ? null : result.filePath;
    },
    async chooseOpenFile({ title, filters }) {
      const result = await open({ title, filters, properties: ['openFile'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder({ title }) {
      const result = await open({ title, properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

export function createElectronPorts(deps: ElectronPortsDeps): Ports {
  return {
    appInfo: {
      name: deps.app.getName(),
      version: deps.app.getVersion(),
      platform: deps.platform,
      dataFolder: deps.app.getPath('userData'),
      host: 'electron',
    },
    documentsFolder: deps.app.getPath('documents'),
    shell: createShellPort(deps.shell),
    dialogs: createDialogPort(deps),
    ...createPrintPorts({ BrowserWindow: deps.BrowserWindow, getPrintSession: deps.getPrintSession }),
    // The packaged app has no node_modules: its report fonts are compiled into the bundle.
    reportFonts: loadInlineReportFonts,
    events: {
      send(event, payload) {
        const window = deps.getMainWindow();
        if (window && !window.isDestroyed()) window.webContents.send(event, payload);
      },
    },
    lifecycle: { readyToQuit: deps.onReadyToQuit },
  };
}
