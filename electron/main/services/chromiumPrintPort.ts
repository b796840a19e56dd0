/**
 * The print port outside Electron (test host, command line, benchmarks): a Chromium page
 * with JavaScript off and every request refused stands in for Electron's hidden print
 * window, with the same PDF options.
 *
 * One page is kept warm and reused between prints (a new page per print costs more than
 * printing a short report); prints are queued, never interleaved on that page. Each print
 * starts from a new blank document, so nothing of one report survives into the next.
 *
 * It also stands in for the system print dialog ("Print…") where there is none: the job
 * is printed to PDF with the same options and kept in `printerJobs`, where the test host's
 * tests read what was "printed". Nothing is ever sent to a real printer.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from './chromium';
import type { PdfOptions, PrintPort, SystemPrintOutcome, SystemPrintPort } from './ports';

/** A job "Print…" sent where there is no print dialog: printed to PDF instead. */
export interface PrinterJob {
  title: string;
  options: PdfOptions;
  pdf: Uint8Array;
}

export interface ChromiumPrintPortOptions {
  /** Chromium to run; findChromium() (CHROME_PATH, then PATH) by default. */
  executablePath?: string;
}

export class ChromiumPrintPort implements PrintPort, SystemPrintPort {
  private browser: Promise<Browser> | null = null;
  private warm: Promise<{ context: BrowserContext; page: Page }> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** URLs the print page tried to load (all refused). */
  readonly blockedRequests: string[] = [];
  /** What "Print…" sent to this stand-in printer, oldest first. */
  readonly printerJobs: PrinterJob[] = [];

  constructor(private readonly options: ChromiumPrintPortOptions = {}) {}

  private launch(): Promise<Browser> {
    this.browser ??= chromium.launch({
      executablePath: this.options.executablePath ?? findChromium(),
      args: CHROMIUM_FLAGS,
      headless: true,
    });
    return this.browser;
  }

  private page(): Promise<{ context: BrowserContext; page: Page }> {
    this.warm ??= (async () => {
      const browser = await this.launch();
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route('**/*', async (route) => {
        this.blockedRequests.push(route.request().url());
        await route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      return { context, page };
    })();
    return this.warm;
  }

  printToPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
    const job = this.queue.then(() => this.print(html, options));
    // The queue goes on after a failed print; the failure goes to this print's caller.
    this.queue = job.catch(() => undefined);
    return job;
  }

  /** The print dialog's stand-in: the job goes to PDF (the same print as the export's) and into printerJobs. */
  async printWithDialog(html: string, options: PdfOptions, job: { title: string }): Promise<SystemPrintOutcome> {
    const pdf = await this.printToPdf(html, options);
    this.printerJobs.push({ title: job.title, options, pdf });
    return { printed: true };
  }

  private async print(html: string, options: PdfOptions): Promise<Uint8Array> {
    const warm = this.page();
    try {
      const { page } = await warm;
      // A fresh, empty document first: writing into the previous one would keep its
      // policies (a CSP set by a <meta> outlives document.open()).
      await page.goto('about:blank');
      await page.setContent(html, { waitUntil: 'load' });
      const mm = (value: number) => `${String(value)}mm`;
      const pdf = await page.pdf({
        format: options.pageSize,
        landscape: options.landscape,
        margin: {
          top: mm(options.marginsMm.top),
          right: mm(options.marginsMm.right),
          bottom: mm(options.marginsMm.bottom),
          left: mm(options.marginsMm.left),
        },
        // The running header and footer are the document's own @page margin boxes; Chromium's
        // header and footer templates would be rendered again on every page.
        displayHeaderFooter: false,
        printBackground: true,
        preferCSSPageSize: false,
        // Accessible: a structure tree (with the document's language from <html lang>), and
        // bookmarks from the headings.
        tagged: true,
        outline: true,
      });
      return new Uint8Array(pdf);
    } catch (error) {
      // A crashed or closed page is replaced on the next print.
      if (this.warm === warm) this.warm = null;
      await warm.then(({ context }) => context.close()).catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.warm = null;
    if (browser) await (await browser).close();
  }
}
