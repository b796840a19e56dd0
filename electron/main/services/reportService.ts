/**
 * Printed reports in the main process: builds the report view from the request's records
 * (shared/reports/build.ts), renders it to static HTML with React (which escapes every
 * stored value), wraps it in a document with the print CSP and the embedded fonts, prints
 * it through the PrintPort (Electron's hidden window, or a Chromium page) with the running
 * header and footer, and saves the PDF through the file service (save dialog remembering
 * the last folder, atomic write). The command line uses the same renderer and printer.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { buildReport, ReportInputError } from '../../../shared/reports/build';
import { PageFooter, PageHeader } from '../../../shared/reports/components/PageChrome';
import { ReportView } from '../../../shared/reports/components/ReportView';
import { chromeTemplateHtml, pageSetupFor, reportDocumentHtml, reportFileName } from '../../../shared/reports/document';
import { facesFor, fontFaceCss, type EmbeddedFont, type ReportFontLoader } from '../../../shared/reports/fonts';
import { isoDateOf } from '../../../shared/reports/format';
import type { BookModel, ReportModel } from '../../../shared/reports/model';
import type { ReportExportRequest, ReportExportResult, ReportPrintRequest, ReportPrintResult } from '../../../shared/reports/spec';
import { ServiceError } from './serviceError';
import type { FileService } from './fileService';
import type { PdfOptions, PrintPort, SystemPrintPort } from './ports';

/** A report ready for the printer: the document, the page options with header and footer, and a file name. */
export interface RenderedReport {
  model: ReportModel;
  html: string;
  pdfOptions: PdfOptions;
  fileName: string;
}

export interface PrintedReport {
  model: ReportModel;
  pdf: Uint8Array;
  pages: number;
  fileName: string;
}

/**
 * Header and footer text: digits, the labels and the title; only the faces they need travel
 * with them, by script and by weight. Chromium renders both templates again on every page,
 * decoding every face they embed each time, so a face they do not use costs a decode per
 * page: a bold face travels only when the bar has bold text (the MoU's DRAFT mark), which
 * halves the agenda's templates (4 faces → 2, 55 KB → 27 KB each).
 */
function chromeTemplate(fonts: readonly EmbeddedFont[], barHtml: string): string {
  const bold = /font-weight:\s*(?:bold|[6-9]00)/i.test(barHtml);
  const weights = fonts.filter((face) => bold || face.weight < 600);
  // Markup characters are not text, but keeping them in the sample costs nothing.
  return chromeTemplateHtml(fontFaceCss(facesFor(weights, `0123456789 ${barHtml}`)), barHtml);
}

/** Renders a report (no printing): the same HTML whichever host prints it. */
export function renderReport(model: ReportModel, fonts: readonly EmbeddedFont[]): RenderedReport {
  const setup = pageSetupFor(model);
  const bodyHtml = renderToStaticMarkup(createElement(ReportView, { model }));
  const html = reportDocumentHtml({ model, fontCss: fontFaceCss(fonts), bodyHtml });
  const headerTemplate = setup.chrome
    ? chromeTemplate(fonts, renderToStaticMarkup(createElement(PageHeader, { model, marginMm: setup.marginsMm.left })))
    : '';
  const footerTemplate = setup.chrome
    ? chromeTemplate(fonts, renderToStaticMarkup(createElement(PageFooter, { model, marginMm: setup.marginsMm.left })))
    : '';
  return {
    model,
    html,
    pdfOptions: {
      pageSize: setup.pageSize,
      landscape: setup.landscape,
      marginsMm: setup.marginsMm,
      headerTemplate,
      footerTemplate,
    },
    fileName: reportFileName(model),
  };
}

/**
 * Pages of a PDF as Chromium writes it (page objects in plain dictionaries, no object
 * streams): the number shown after saving, checked against pdfinfo in the tests.
 */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}

export interface ReportPrinterDeps {
  print: PrintPort;
  fonts: ReportFontLoader;
  /** The print date's clock; the computer's by default. */
  now?: () => Date;
}

export function createReportPrinter(deps: ReportPrinterDeps) {
  const now = deps.now ?? (() => new Date());

  /** Builds and renders without printing (what would be printed, for tests and benchmarks). */
  async function render(request: ReportExportRequest): Promise<RenderedReport> {
    const model = buildReport(request.spec, request.source, isoDateOf(now()));
    return renderReport(model, await deps.fonts());
  }

  /**
   * The contents' page numbers: each part is printed alone, laid out exactly as in the book
   * (same stylesheet, page size and margins, starting at the top of a page), and its pages
   * counted; the title page is 1 and the contents page 2. Costs one extra print per part.
   */
  async function measureBook(model: BookModel): Promise<RenderedReport> {
    const fonts = await deps.fonts();
    const startPages: number[] = [];
    let next = 3;
    for (let index = 0; index < model.parts.length; index += 1) {
      const part = renderReport({ ...model, only: index }, fonts);
      startPages.push(next);
      next += countPdfPages(await deps.print.printToPdf(part.html, part.pdfOptions));
    }
    return renderReport({ ...model, startPages }, fonts);
  }

  /** The finished document: a book's contents get their page numbers first. */
  async function layout(request: Pick<ReportExportRequest, 'spec' | 'source'>): Promise<RenderedReport> {
    const rendered = await render(request);
    return rendered.model.kind === 'book' ? measureBook(rendered.model) : rendered;
  }

  return {
    render,
    layout,
    async print(request: ReportExportRequest): Promise<PrintedReport> {
      const rendered = await layout(request);
      const pdf = await deps.print.printToPdf(rendered.html, rendered.pdfOptions);
      if (pdf.byteLength < 5 || Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') {
        throw new Error('The printer returned something that is not a PDF.');
      }
      return { model: rendered.model, pdf, pages: countPdfPages(pdf), fileName: rendered.fileName };
    },
  };
}

export type ReportPrinter = ReturnType<typeof createReportPrinter>;

export interface ReportServiceDeps extends ReportPrinterDeps {
  files: Pick<FileService, 'save'>;
  /** The system print dialog ("Print…"). */
  printer: SystemPrintPort;
}

/**
 * A request naming a meeting or version that is not in its records: the renderer's choice
 * was stale (e.g. deleted by a sync meanwhile); say so instead of "internal".
 */
async function staleAsRefusal<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ReportInputError) throw new ServiceError('not-allowed', error.message);
    throw error;
  }
}

/** The document's title as the print dialog and the printer's queue show it (the HTML's <title>). */
function documentTitle(html: string): string {
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? '';
  return title
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** The IPC side: print, then ask where to save (nothing is asked if printing fails), then write atomically. */
export function createReportService(deps: ReportServiceDeps) {
  const printer = createReportPrinter(deps);
  return {
    /**
     * "Print…": the document the PDF export would save (same HTML, page size, margins; a
     * book with its contents' page numbers), handed to the system print dialog.
     */
    async printWithDialog(request: ReportPrintRequest): Promise<ReportPrintResult> {
      const rendered = await staleAsRefusal(printer.layout(request));
      const outcome = await deps.printer.printWithDialog(rendered.html, rendered.pdfOptions, { title: documentTitle(rendered.html) || rendered.fileName });
      return { printed: outcome.printed };
    },
    async exportPdf(request: ReportExportRequest): Promise<ReportExportResult> {
      const printed = await staleAsRefusal(printer.print(request));
      // The PDF's bytes go to the file as they are: no encoding round trip inside main.
      const saved = await deps.files.save('pdf', printed.fileName, printed.pdf, request.dialogTitle);
      return saved.saved ? { ...saved, pages: printed.pages } : saved;
    },
  };
}
