/**
 * Printed reports, timed with a warm print page (the test host's Chromium port, one page
 * reused): an agenda of 3 days and 40 sessions in both languages, and an MoU of 60
 * articles in parallel columns compared with an earlier version. Each is the median of 10
 * prints, beside a bare print of the very same HTML already rendered (a static page of the
 * same size), measured in the same run and interleaved with it so both see the same load.
 * Targets (issue 6): the agenda within 1.3× the bare print; the MoU under 2 s.
 *
 * Issue 14: the 23-page agenda (8 days, 104 sessions) in both languages, built, rendered and
 * printed, within 1.3× a bare Chromium print of a plain HTML table with the same number of
 * pages (no embedded fonts, no header or footer), interleaved in the same run: RUNS_23 pairs
 * (CWG_BENCH_RUNS to change it), each the agenda then the table, and the median of the
 * pairs' ratios. Each pair sees the same load on the shared machine, where the load moves
 * more between pairs than within one; the ratio of the two medians is in the note. Where the time goes is reported beside it: building
 * and rendering the HTML, and the print of that HTML without its running header and footer
 * (the @page margin boxes), so the rest is what the header and footer cost.
 */
import type { BenchResult } from '../../scripts/bench';
import { ChromiumPrintPort } from '../../electron/main/services/chromiumPrintPort';
import { loadNodeReportFonts } from '../../electron/main/services/reportFonts';
import { countPdfPages, createReportPrinter } from '../../electron/main/services/reportService';
import type { PdfOptions } from '../../electron/main/services/ports';
import type { ReportExportRequest } from '../../shared/reports/spec';
import { benchAgendaSource, benchMouSource } from '../fixtures/reports';
import { median, p95 } from './stats';

const RUNS = 10;
const WARM_UP = 2;
const RUNS_23 = Math.max(1, Number(process.env.CWG_BENCH_RUNS ?? '') || 9);
const AGENDA_23 = { days: 8, sessions: 104 };

/** A plain table: no fonts of its own, no styles, one short row per line. */
function plainTable(rows: number): string {
  const body = Array.from({ length: rows }, (_, index) => `<tr><td>${String(index + 1)}</td><td>Row ${String(index + 1)} of a plain table</td><td>Строка ${String(index + 1)}</td></tr>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain table</title></head><body><table>${body}</table></body></html>`;
}

/** Rows of a plain table that prints exactly `pages` pages with `options`. */
async function plainTableOf(print: ChromiumPrintPort, options: PdfOptions, pages: number): Promise<string> {
  let rows = pages * 40;
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const printed = countPdfPages(await print.printToPdf(plainTable(rows), options));
    if (printed === pages) return plainTable(rows);
    rows = Math.max(1, Math.round((rows * pages) / printed) + (printed > pages ? -1 : 1));
  }
  throw new Error(`No plain table of ${String(pages)} pages found.`);
}

interface Measured23 {
  full: number[];
  render: number[];
  noChrome: number[];
  table: number[];
  pages: number;
  htmlKb: number;
  fontKb: number;
}

/** The report's HTML without its running header and footer (the @page rule of pageMargins.ts). */
function withoutRunningHeader(html: string): string {
  const stripped = html.replace(/\n@page\{.*?\}\}(?=<\/style>)/, '');
  if (stripped === html) throw new Error('The report has no @page rule to take out.');
  return stripped;
}

async function measure23(printer: ReturnType<typeof createReportPrinter>, print: ChromiumPrintPort, request: ReportExportRequest): Promise<Measured23> {
  const rendered = await printer.render(request);
  const printed = await printer.print(request);
  const options: PdfOptions = rendered.pdfOptions;
  const table = await plainTableOf(print, options, printed.pages);
  const noChrome = withoutRunningHeader(rendered.html);
  await print.printToPdf(noChrome, options);
  const result: Measured23 = {
    full: [],
    render: [],
    noChrome: [],
    table: [],
    pages: printed.pages,
    htmlKb: Math.round(rendered.html.length / 1024),
    fontKb: Math.round((/<style>(.*?)\nhtml,body/s.exec(rendered.html)?.[1] ?? '').length / 1024),
  };
  for (let index = 0; index < RUNS_23; index += 1) {
    result.full.push(await time(() => printer.print(request)));
    result.table.push(await time(() => print.printToPdf(table, options)));
    result.render.push(await time(() => printer.render(request)));
    result.noChrome.push(await time(() => print.printToPdf(noChrome, options)));
  }
  return result;
}

async function time(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

interface Measured {
  full: number[];
  bare: number[];
  pages: number;
  htmlKb: number;
}

async function measure(printer: ReturnType<typeof createReportPrinter>, print: ChromiumPrintPort, request: ReportExportRequest): Promise<Measured> {
  const rendered = await printer.render(request);
  const printed = await printer.print(request);
  for (let index = 0; index < WARM_UP; index += 1) {
    await printer.print(request);
    await print.printToPdf(rendered.html, rendered.pdfOptions);
  }
  const full: number[] = [];
  const bare: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    full.push(await time(() => printer.print(request)));
    bare.push(await time(() => print.printToPdf(rendered.html, rendered.pdfOptions)));
  }
  return { full, bare, pages: printed.pages, htmlKb: Math.round(rendered.html.length / 1024) };
}

export async function run(): Promise<BenchResult[]> {
  const print = new ChromiumPrintPort();
  try {
    const fonts = await loadNodeReportFonts();
    const printer = createReportPrinter({ print, fonts: () => Promise.resolve(fonts) });

    const agendaSource = benchAgendaSource();
    const agenda = await measure(printer, print, {
      spec: { kind: 'agenda', meetingId: agendaSource.meetingId, language: 'en+ru', paper: 'a4' },
      source: agendaSource.source,
    });
    const mouSource = benchMouSource(60);
    const mou = await measure(printer, print, {
      spec: {
        kind: 'mou',
        documentId: mouSource.documentId,
        version: 2,
        compareWith: 1,
        annex: false,
        lineNumbers: false,
        language: 'en+ru',
        paper: 'a4',
      },
      source: mouSource.source,
    });

    const agenda23Source = benchAgendaSource(AGENDA_23);
    const agenda23 = await measure23(printer, print, {
      spec: { kind: 'agenda', meetingId: agenda23Source.meetingId, language: 'en+ru', paper: 'a4' },
      source: agenda23Source.source,
    });
    const table23 = median(agenda23.table);

    const agendaBare = median(agenda.bare);
    const note = (m: Measured, values: readonly number[]) =>
      `p95 ${p95(values).toFixed(1)} ms, ${String(m.pages)} pages, ${String(m.htmlKb)} KB of HTML, median of ${String(RUNS)}`;
    return [
      {
        name: 'reports: agenda 3 days × 40 sessions, en+ru (build + render + print)',
        unit: 'ms',
        median: median(agenda.full),
        target: agendaBare * 1.3,
        note: `${note(agenda, agenda.full)}; target 1.3 × bare print`,
      },
      { name: 'reports: bare print of the same agenda HTML', unit: 'ms', median: agendaBare, note: note(agenda, agenda.bare) },
      {
        name: 'reports: MoU 60 articles, parallel columns + comparison (build + render + print)',
        unit: 'ms',
        median: median(mou.full),
        target: 2000,
        note: note(mou, mou.full),
      },
      { name: 'reports: bare print of the same MoU HTML', unit: 'ms', median: median(mou.bare), note: note(mou, mou.bare) },
      {
        name: `reports: agenda ${String(agenda23.pages)} pages (8 days × 104 sessions), en+ru, over a plain table of as many pages`,
        unit: 'x',
        median: median(agenda23.full.map((full, index) => full / (agenda23.table[index] ?? Number.NaN))),
        target: 1.3,
        note: `median of ${String(RUNS_23)} interleaved pairs; agenda ${median(agenda23.full).toFixed(0)} ms, plain table ${table23.toFixed(0)} ms (medians), ratio of medians ${(median(agenda23.full) / table23).toFixed(3)}`,
      },
      {
        name: 'reports: 23-page agenda, where the time goes: build + render to HTML',
        unit: 'ms',
        median: median(agenda23.render),
        note: `${String(agenda23.htmlKb)} KB of HTML, ${String(agenda23.fontKb)} KB of it the fonts its text uses`,
      },
      {
        name: 'reports: 23-page agenda, where the time goes: print of its HTML without the running header and footer',
        unit: 'ms',
        median: median(agenda23.noChrome),
        note: `${(median(agenda23.noChrome) / table23).toFixed(3)} × the plain table; the rest of the full time is the header and footer (@page margin boxes)`,
      },
    ];
  } finally {
    await print.close();
  }
}
