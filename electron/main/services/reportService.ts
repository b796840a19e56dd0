/**
 * Printed reports in the main process: builds the report view from the request's records
 * (shared/reports/build.ts), renders it to static HTML with React (which escapes every
 * stored value), wraps it in a document with the print CSP, the embedded fonts and the
 * running header and footer (`@page` margin boxes), prints it through the PrintPort
 * (Electron's hidden window, or a Chromium page), and saves the PDF through the file
 * service (save dialog remembering the last folder, atomic write). The command line uses the same renderer and printer.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { buildReport, ReportInputError } from '../../../shared/reports/build';
import { ReportView } from '../../../shared/reports/components/ReportView';
import { pageSetupFor, reportDocumentHtml, reportFileName, runningHeaderCss } from '../../../shared/reports/document';
import { facesFor, fontFaceCss, type EmbeddedFont, type ReportFontLoader } from '../../../shared/reports/fonts';
import { isoDateOf } from '../../../shared/reports/format';
import type { BookModel, ReportModel } from '../../../shared/reports/model';
import type { ReportExportRequest, ReportExportResult, ReportPrintRequest, ReportPrintResult } from '../../../shared/reports/spec';
import { ServiceError } from './serviceError';
import type { FileService } from './fileService';
import type { PdfOptions, PrintPort, SystemPrintPort } from './ports';

/** A report ready for the printer: the document (with its running header and footer), the page options, and a file name. */
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
 * Renders a report (no printing): the same HTML whichever host prints it. The document
 * carries its running header and footer as `@page` margin boxes (shared/reports/pageMargins.ts),
 * so there are no header or footer templates to print. It embeds only the font faces its
 * text needs, by script and by weight (unused faces are not decoded, but their data: URLs
 * still cost parsing: half the fonts' 390 KB for an agenda in Latin and Cyrillic).
 */
export function renderReport(model: ReportModel, fonts: readonly EmbeddedFont[]): RenderedReport {
  const setup = pageSetupFor(model);
  const bodyHtml = renderToStaticMarkup(createElement(ReportView, { model }));
  // Markup characters are not text, but keeping them in the sample costs nothing.
  const faces = facesFor(fonts, `0123456789 ${bodyHtml}${runningHeaderCss(model)}`);
  const html = reportDocumentHtml({ model, fontCss: fontFaceCss(faces), bodyHtml });
  return {
    model,
    html,
    pdfOptions: { pageSize: setup.pageSize, landscape: setup.landscape, marginsMm: setup.marginsMm },
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
