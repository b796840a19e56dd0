/**
 * Printed reports, timed with a warm print page (the test host's Chromium port, one page
 * reused): an agenda of 3 days and 40 sessions in both languages, and an MoU of 60
 * articles in parallel columns compared with an earlier version. Each is the median of 10
 * prints, beside a bare print of the very same HTML already rendered (a static page of the
 * same size), measured in the same run and interleaved with it so both see the same load.
 * Targets (issue 6): the agenda within 1.3× the bare print; the MoU under 2 s.
 */
import type { BenchResult } from '../../scripts/bench';
import { ChromiumPrintPort } from '../../electron/main/services/chromiumPrintPort';
import { loadNodeReportFonts } from '../../electron/main/services/reportFonts';
import { createReportPrinter } from '../../electron/main/services/reportService';
import type { ReportExportRequest } from '../../shared/reports/spec';
import { benchAgendaSource, benchMouSource } from '../fixtures/reports';
import { median, p95 } from './stats';

const RUNS = 10;
const WARM_UP = 2;

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
    ];
  } finally {
    await print.close();
  }
}
