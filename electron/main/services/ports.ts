/**
 * The Electron-specific parts the main-process services need, as small interfaces.
 * The Electron composition root implements them with Electron APIs; the test host with
 * Node, a Chromium page and answers chosen by the test.
 */
import type { AppInfo, MainEventName, MainEventPayload } from '../../../shared/ipc/contract';
import type { ReportFontLoader } from '../../../shared/reports/fonts';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DialogPort {
  /** A path to save to, or null when the user cancelled. */
  chooseSaveFile(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  /** A file to read, or null when the user cancelled. */
  chooseOpenFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** A folder, or null when the user cancelled. */
  chooseFolder(options: { title: string }): Promise<string | null>;
}

/**
 * How a report is printed, the same for every host (Electron's printToPDF and print dialog,
 * the Chromium print port). No header or footer templates: a report's running header and
 * footer are `@page` margin boxes in its own document (shared/reports/pageMargins.ts).
 */
export interface PdfOptions {
  pageSize: 'A4' | 'Letter';
  landscape: boolean;
  marginsMm: { top: number; right: number; bottom: number; left: number };
}

export interface PrintPort {
  /** Prints self-contained HTML (no scripts, no network) to PDF bytes. */
  printToPdf(html: string, options: PdfOptions): Promise<Uint8Array>;
}

/** What the system print dialog ended with. */
export type SystemPrintOutcome = { printed: true } | { printed: false; reason: 'cancelled' };

/**
 * "Print…": shows the system print dialog for self-contained HTML (the report as the PDF
 * export prints it). Electron prints from the hidden print window; the test host prints to
 * PDF instead, where a test can read what was "printed".
 */
export interface SystemPrintPort {
  /** Resolves when the dialog was answered and the job handed to the printer (or cancelled). */
  printWithDialog(html: string, options: PdfOptions, job: { title: string }): Promise<SystemPrintOutcome>;
}

export interface ShellPort {
  /** Opens an https URL in the system browser. */
  openExternal(url: string): Promise<void>;
}

/** Messages main sends the renderer unasked (contract.ts mainEvents), already validated. */
export interface MainEventPort {
  send<E extends MainEventName>(event: E, payload: MainEventPayload<E>): void;
}

/** The app's life: the renderer said it wrote what it had to before quitting. */
export interface LifecyclePort {
  readyToQuit(): void;
}

export interface Ports {
  appInfo: AppInfo;
  /** Where file dialogs start before a folder was remembered (the user's Documents). */
  documentsFolder: string;
  shell: ShellPort;
  dialogs: DialogPort;
  print: PrintPort;
  /** The system print dialog ("Print…"). */
  printer: SystemPrintPort;
  events: MainEventPort;
  lifecycle: LifecyclePort;
  /**
   * The fonts reports embed. Optional: by default they are read from node_modules, which
   * every host but the packaged app has; the Electron build passes the bundled copies.
   */
  reportFonts?: ReportFontLoader;
}
