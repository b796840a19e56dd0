/**
 * The print port outside Electron: a Chromium page with JavaScript off and every request
 * refused stands in for Electron's hidden print window, with the same PDF options.
 */
import { chromium, type Browser } from 'playwright-core';
import type { PdfOptions, PrintPort } from '../../electron/main/services/ports';
import { CHROMIUM_FLAGS, findChromium } from './chromium';

export class ChromiumPrintPort implements PrintPort {
  private browser: Promise<Browser> | null = null;
  /** URLs the print page tried to load (all refused). */
  readonly blockedRequests: string[] = [];

  private launch(): Promise<Browser> {
    this.browser ??= chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
    return this.browser;
  }

  async printToPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', async (route) => {
        this.blockedRequests.push(route.request().url());
        await route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const mm = (value: number) => `${value}mm`;
      const pdf = await page.pdf({
        format: options.pageSize,
        landscape: options.landscape,
        margin: {
          top: mm(options.marginsMm.top),
          right: mm(options.marginsMm.right),
          bottom: mm(options.marginsMm.bottom),
          left: mm(options.marginsMm.left),
        },
        displayHeaderFooter: true,
        headerTemplate: options.headerTemplate,
        footerTemplate: options.footerTemplate,
        printBackground: true,
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    if (this.browser) await (await this.browser).close();
    this.browser = null;
  }
}
