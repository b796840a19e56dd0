/**
 * Reports printed by Chromium (the test host's print port: JavaScript off, every request
 * refused) and read back with poppler: Cyrillic text, "page X of Y", every font embedded
 * and ours, hostile names literal, no request leaving the print page, the empty-programme
 * message, paper sizes, MoU line numbers beside the lines they count, the comparison
 * marks, and the `cwg report` command end to end.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReportCommand } from '../../cli/report';
import { ChromiumPrintPort } from '../../electron/main/services/chromiumPrintPort';
import { loadNodeReportFonts } from '../../electron/main/services/reportFonts';
import { countPdfPages, createReportPrinter } from '../../electron/main/services/reportService';
import type { ReportSource, ReportSpec } from '../../shared/reports/spec';
import { buildSampleData } from '../../shared/sample/sampleData';
import { benchMouSource, HOSTILE, hostileSource, noSessionsSource, ORIGIN, SAMPLE, sampleSource, stamper } from '../fixtures/reports';
import { pdfFonts, pdfInfo, pdfText, pdfWords, type PdfWord } from './reportsPdf';

let print: ChromiumPrintPort;
let server: Server;
let serverUrl: string;
/** Requests that reached the local server: must stay empty. */
const served: string[] = [];

beforeAll(async () => {
  print = new ChromiumPrintPort();
  server = createServer((request, response) => {
    served.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'image/png' }).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  serverUrl = `http://127.0.0.1:${String(address.port)}`;
});

afterAll(async () => {
  await print.close();
  await new Promise((done) => server.close(done));
});

function printer() {
  return createReportPrinter({ print, fonts: loadNodeReportFonts, now: () => new Date(2026, 2, 12, 10, 0) });
}

async function printReport(spec: ReportSpec, source: ReportSource) {
  const printed = await printer().print({ spec, source });
  return { ...printed, text: await pdfText(printed.pdf), info: await pdfInfo(printed.pdf), fonts: await pdfFonts(printed.pdf) };
}

/** Every font embedded, and each one ours (no system font stood in for a missing glyph). */
function expectOurFontsOnly(fonts: { name: string; type: string; embedded: boolean }[]) {
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.embedded, font.name).toBe(true);
    expect(font.name, font.name).toMatch(/^[A-Z]{6}\+NotoSans(Arabic)?-(Regular|Bold)$/);
    expect(font.type).toBe('CID TrueType');
  }
}

describe('printed reports', () => {
  it('prints the agenda in English and Russian with page numbers, the print date and embedded fonts', async () => {
    const pdf = await printReport({ kind: 'agenda', meetingId: SAMPLE.secondMeeting, language: 'en+ru', paper: 'a4' }, sampleSource());
    expect(pdf.text).toContain('Customs valuation');
    expect(pdf.text).toContain('Таможенная стоимость');
    expect(pdf.text).toContain('Повестка дня');
    expect(pdf.text).toContain('Dates / Даты');
    expect(pdf.info.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.pages).toBe(pdf.info.pages);
    for (let page = 1; page <= pdf.info.pages; page += 1) {
      expect(pdf.text).toContain(`Page ${String(page)} of ${String(pdf.info.pages)} / Стр. ${String(page)} из ${String(pdf.info.pages)}`);
    }
    expect(pdf.text).toContain('Printed 12 March 2026 / Напечатано 12 марта 2026 г.');
    // The running header and footer (@page margin boxes) stand in the page margins, on every page:
    // the title top left, the print date bottom left, the page number bottom right.
    const words = await pdfWords(pdf.pdf);
    for (let page = 1; page <= pdf.info.pages; page += 1) {
      const on = words.filter((word) => word.page === page);
      expect(on.some((word) => word.text === 'Agenda' && word.yMax < HEADER_BOTTOM && word.xMin < 52), `header on page ${String(page)}`).toBe(true);
      expect(on.some((word) => word.text === 'Повестка' && word.yMax < HEADER_BOTTOM), `header on page ${String(page)}`).toBe(true);
      expect(on.some((word) => word.text === 'Printed' && word.yMin > FOOTER_TOP && word.xMin < 52), `footer on page ${String(page)}`).toBe(true);
      const pageNumber = on.find((word) => word.text === 'Стр.' && word.yMin > FOOTER_TOP);
      expect(pageNumber, `page number on page ${String(page)}`).toBeDefined();
      // Right-aligned at the right margin (A4: 595 pt wide, 18 mm = 51 pt margins).
      const right = Math.max(...on.filter((word) => word.yMin > FOOTER_TOP).map((word) => word.xMax));
      expect(Math.abs(right - (595.28 - 51.02))).toBeLessThan(2);
    }
    expect(pdf.info.pageSize).toContain('(A4)');
    expectOurFontsOnly(pdf.fonts);
    expect(print.blockedRequests).toEqual([]);
  });

  it('prints the participants list in native script with the Dari names in Arabic script', async () => {
    const pdf = await printReport(
      { kind: 'participants', meetingId: SAMPLE.secondMeeting, language: 'ru', paper: 'letter', nameScript: 'native', contacts: true },
      sampleSource(),
    );
    expect(pdf.text).toContain('Айгерім Сейітқали');
    expect(pdf.text).toContain('Список участников');
    expect(pdf.text).toMatch(/Стр\. 1 из \d+/);
    // Withheld contacts leave the cell empty; a note under the list says why.
    expect(pdf.text).not.toContain('не для печати');
    expect(pdf.text.replace(/\s+/g, ' ')).toContain('Контактные данные напечатаны только у тех, кто дал на это согласие.');
    expect(pdf.info.pageSize).toContain('(letter)');
    expect(pdf.fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))).toContain('NotoSansArabic-Regular');
    expectOurFontsOnly(pdf.fonts);
  });

  it('prints hostile names literally and fetches nothing they point to', async () => {
    const { source, meetingId } = hostileSource(`${serverUrl}/from-a-name.png`);
    for (const spec of [
      { kind: 'agenda', meetingId, language: 'en', paper: 'a4' },
      { kind: 'participants', meetingId, language: 'en+ru', paper: 'a4', nameScript: 'both', contacts: true },
    ] satisfies ReportSpec[]) {
      const pdf = await printReport(spec, source);
      const flat = pdf.text.replace(/\s+/g, ' ');
      expect(flat).toContain(HOSTILE.img);
      expect(flat).toContain(HOSTILE.style);
      expect(flat).toContain(`<img src="${serverUrl}/from-a-name.png">`);
      // The running header prints the hostile meeting title as text too.
      expect(flat).toContain('DRAFT');
    }
    expect(served).toEqual([]);
    expect(print.blockedRequests).toEqual([]);
  });

  it('lets no request leave the print page, whatever the HTML asks for', async () => {
    const asks = [
      `<img src="${serverUrl}/img.png">`,
      `<link rel="stylesheet" href="${serverUrl}/style.css">`,
      `<style>@font-face{font-family:x;src:url(${serverUrl}/font.woff2)} p{font-family:x;background:url(${serverUrl}/bg.png)}</style>`,
      `<iframe src="${serverUrl}/frame.html"></iframe>`,
      `<script src="${serverUrl}/script.js"></script>`,
      '<p>Text</p>',
    ].join('');
    const blockedBefore = print.blockedRequests.length;
    // Straight to the port, without the report document's CSP: the page itself must refuse.
    const pdf = await print.printToPdf(`<!doctype html><html><body>${asks}</body></html>`, {
      pageSize: 'A4',
      landscape: false,
      marginsMm: { top: 10, right: 10, bottom: 10, left: 10 },
    });
    expect(await pdfText(pdf)).toContain('Text');
    expect(served).toEqual([]);
    const attempted = print.blockedRequests.slice(blockedBefore);
    expect(attempted.some((url) => url.startsWith(serverUrl))).toBe(true);
    expect(attempted.every((url) => url.startsWith(serverUrl))).toBe(true);
  });

  it('says so on the page when a meeting has no sessions', async () => {
    const { source, meetingId } = noSessionsSource();
    const english = await printReport({ kind: 'agenda', meetingId, language: 'en', paper: 'a4' }, source);
    expect(english.text).toContain('No sessions have been scheduled for this meeting yet.');
    expect(english.text).toMatch(/Page 1 of 1/);
    const russian = await printReport({ kind: 'meeting-report', meetingId, language: 'ru', paper: 'a4' }, source);
    expect(russian.text.replace(/\s+/g, ' ')).toContain('Программа этой встречи пока не составлена: заседаний нет.');
  });

  it('numbers MoU lines in the margin beside the lines they count, restarting in each article', async () => {
    const source = sampleSource();
    const spec: ReportSpec = { kind: 'mou', documentId: SAMPLE.mou, version: 1, compareWith: null, annex: false, lineNumbers: true, language: 'en', paper: 'a4' };
    const printed = await printer().print({ spec, source });
    const words = await pdfWords(printed.pdf);
    const numbers = lineNumberWords(words);
    const articleCount = source.mouVersions.find((version) => version.number === 1)?.articles.length ?? 0;
    // Runs of 1, 2, 3, … one per article, continuing across page breaks.
    const runs: number[][] = [];
    for (const word of numbers) {
      const value = Number(word.text);
      if (value === 1) runs.push([]);
      runs[runs.length - 1]?.push(value);
    }
    expect(runs).toHaveLength(articleCount);
    for (const run of runs) expect(run).toEqual(run.map((_, index) => index + 1));
    // Each number stands beside a line of text, on the same baseline.
    const body = words.filter((word) => !numbers.includes(word));
    for (const number of numbers) {
      const centre = (number.yMin + number.yMax) / 2;
      const beside = body.filter(
        (word) => word.page === number.page && word.xMin > number.xMax && Math.abs((word.yMin + word.yMax) / 2 - centre) < 2,
      );
      expect(beside.length, `line ${number.text} on page ${String(number.page)}`).toBeGreaterThan(0);
    }
    // …and every line of article text has its number (lines found by their body-size words
    // starting in the text column: headings are larger, the header block starts further left).
    const columnStart = Math.min(...body.filter((word) => /^\d+\.$/.test(word.text)).map((word) => word.xMin));
    const lines = new Map<string, PdfWord[]>();
    for (const word of body) {
      const height = word.yMax - word.yMin;
      if (height < 12.5 || height > 14.5 || word.yMin < HEADER_BOTTOM || word.yMax > FOOTER_TOP) continue;
      const key = `${String(word.page)}:${((word.yMin + word.yMax) / 2).toFixed(0)}`;
      lines.set(key, [...(lines.get(key) ?? []), word]);
    }
    let counted = 0;
    for (const line of lines.values()) {
      const first = line.reduce((a, b) => (a.xMin <= b.xMin ? a : b));
      if (first.xMin < columnStart - 1 || first.xMin > columnStart + 16) continue;
      counted += 1;
      const centre = (first.yMin + first.yMax) / 2;
      expect(numbers.some((number) => number.page === first.page && Math.abs((number.yMin + number.yMax) / 2 - centre) < 2), first.text).toBe(true);
    }
    expect(counted).toBe(numbers.length);
  });

  it('marks the changes since an earlier version in both languages, with the annex', async () => {
    const { source, documentId } = benchMouSource(12);
    const pdf = await printReport(
      { kind: 'mou', documentId, version: 2, compareWith: 1, annex: true, lineNumbers: false, language: 'en+ru', paper: 'a4' },
      source,
    );
    const flat = pdf.text.replace(/\s+/g, ' ');
    expect(flat).toContain('Changes since version 1 (First draft, 1 February 2026)');
    // Change notes print in capitals.
    expect(flat).toMatch(/DELETED ARTICLE \(FORMERLY ARTICLE \d+\) \/ ИСКЛЮЧЁННАЯ СТАТЬЯ/);
    expect(flat).toContain('Transitional provisions');
    expect(flat).toContain('Переходные положения');
    expect(flat).toContain('NEW ARTICLE / НОВАЯ СТАТЬЯ');
    expect(flat).toContain('promptly');
    expect(flat).toContain('Annex. Amendments and their status');
    expectOurFontsOnly(pdf.fonts);
  });

  it('prints one landscape certificate per attendee', async () => {
    const pdf = await printReport({ kind: 'certificates', meetingId: SAMPLE.secondMeeting, language: 'en+ru', paper: 'a4' }, sampleSource());
    expect(pdf.info.pages).toBe(26);
    expect(pdf.info.pageSize).toBe('842.88 x 595.92 pts (A4)');
    expect(pdf.text).toContain('Certificate of participation / Сертификат участника');
    expect(pdf.text).not.toMatch(/Page \d+ of/);
    expect(countPdfPages(pdf.pdf)).toBe(26);
  });
});

/**
 * The small right-aligned digits of the number column (not paragraph numbers, dates or the
 * page numbers of the running header and footer, which sit in the top and bottom margins).
 */
/**
 * The running header's words end about 26 pt from the top of an A4 page and the footer's
 * begin at about 817 pt; a body line can stand right below the header (56 pt) when a page
 * break falls inside an article.
 */
const HEADER_BOTTOM = 40;
const FOOTER_TOP = 805;

function lineNumberWords(words: readonly PdfWord[]): PdfWord[] {
  const candidates = words.filter((word) => /^\d+$/.test(word.text) && word.yMax - word.yMin < 11 && word.yMin > HEADER_BOTTOM && word.yMax < FOOTER_TOP);
  const byRightEdge = new Map<string, PdfWord[]>();
  for (const word of candidates) {
    const key = word.xMax.toFixed(0);
    byRightEdge.set(key, [...(byRightEdge.get(key) ?? []), word]);
  }
  const column = [...byRightEdge.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return column.sort((a, b) => a.page - b.page || a.yMin - b.yMin);
}

describe('cwg report', () => {
  let dump: string;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-report-cli-'));
    dump = join(folder, 'export.json');
    const data = buildSampleData({ origin: ORIGIN, stamp: stamper() });
    await writeFile(dump, JSON.stringify({ ...data, installation: [{ key: 'self' }] }));
  });

  function io() {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text), print, now: () => new Date(2026, 2, 12) } };
  }

  it('prints a report from an export file', async () => {
    const target = join(folder, 'report.pdf');
    const run = io();
    const status = await runReportCommand(
      ['meeting-report', '--bundle', dump, '--meeting', SAMPLE.secondMeeting, '--lang', 'ru', '--paper', 'letter', '--out', target],
      run.io,
    );
    expect(run.err).toEqual([]);
    expect(status).toBe(0);
    expect(run.out.join('')).toMatch(/^Wrote .*report\.pdf \(\d+ pages?\) from the export /);
    const text = await pdfText(target);
    expect(text).toContain('Отчёт о встрече');
    expect(text).toContain('Кыргызстан');
    expect((await pdfInfo(target)).pageSize).toContain('(letter)');
  });

  it('prints sign-in sheets and chosen certificates, and refuses their options on other reports', async () => {
    const sheets = join(folder, 'sign-in.pdf');
    const run = io();
    const status = await runReportCommand(
      ['sign-in', '--bundle', dump, '--meeting', SAMPLE.secondMeeting, '--lang', 'en+ru', '--blank-rows', '3', '--out', sheets],
      run.io,
    );
    expect(run.err).toEqual([]);
    expect(status).toBe(0);
    expect((await pdfText(sheets)).replace(/\s+/g, ' ')).toContain('Sign-in sheet — Day 3');
    const certificates = join(folder, 'certificates.pdf');
    const chosen = io();
    expect(
      await runReportCommand(
        ['certificates', '--bundle', dump, '--meeting', SAMPLE.secondMeeting, '--to', 'expert', '--signatory', 'Aibek Dzhaparov', '--signatory-title', 'Chair', '--out', certificates],
        chosen.io,
      ),
    ).toBe(0);
    const text = await pdfText(certificates);
    expect(text).toContain('Aibek Dzhaparov');
    expect((await pdfInfo(certificates)).pages).toBeLessThan(26);
    const wrong = io();
    expect(await runReportCommand(['agenda', '--bundle', dump, '--meeting', SAMPLE.secondMeeting, '--to', 'expert', '--out', certificates], wrong.io)).toBe(2);
    expect(wrong.err.join('')).toContain('--to applies to certificates only.');
  });

  it('prints several reports in one call into a folder, and writes the others when one cannot be printed', async () => {
    const out = join(folder, 'several', 'print');
    const run = io();
    const status = await runReportCommand(
      ['agenda', 'participants', 'mou', '--bundle', dump, '--meeting', SAMPLE.secondMeeting, '--mou', SAMPLE.mou, '--names', 'both', '--lang', 'en+ru', '--out', `${out}/`],
      run.io,
    );
    expect(run.err).toEqual([]);
    expect(status).toBe(0);
    expect(run.out).toHaveLength(3);
    expect((await pdfText(join(out, 'agenda.pdf'))).replace(/\s+/g, ' ')).toContain('Risk management');
    expect(await pdfText(join(out, 'participants.pdf'))).toContain('Aigerim Seitkali');
    expect(await pdfText(join(out, 'mou.pdf'))).toContain('DRAFT');
    const partly = io();
    expect(await runReportCommand(['agenda', 'mou', '--bundle', dump, '--meeting', SAMPLE.secondMeeting, '--mou', 'gone', '--out', `${join(folder, 'partly')}/`], partly.io)).toBe(1);
    expect(partly.out.join('')).toMatch(/^Wrote .*agenda\.pdf/);
    expect(partly.err.join('')).toMatch(/^mou: /);
  });

  it('says which meetings the file holds when the one asked for is not there', async () => {
    const run = io();
    const status = await runReportCommand(['agenda', '--bundle', dump, '--meeting', 'nope', '--out', join(folder, 'x.pdf')], run.io);
    expect(status).toBe(1);
    expect(run.err.join('')).toContain('There is no meeting with id "nope".');
    expect(run.err.join('')).toContain(`${SAMPLE.secondMeeting}  2014-09-09  Second meeting of the Customs Working Group`);
  });

  it('refuses a file with invalid records, and wrong usage', async () => {
    const broken = join(folder, 'broken.json');
    await writeFile(broken, JSON.stringify({ meetings: [{ id: 'x', startDate: 'tomorrow' }] }));
    const run = io();
    expect(await runReportCommand(['agenda', '--bundle', broken, '--meeting', 'x', '--out', join(folder, 'y.pdf')], run.io)).toBe(1);
    expect(run.err.join('')).toContain('holds records that are not valid; nothing was printed');
    const usage = io();
    expect(await runReportCommand(['agenda', '--bundle', broken], usage.io)).toBe(2);
    expect(usage.err.join('')).toContain('--out FILE.pdf is required');
    expect(usage.err.join('')).toContain('Usage: cwg report');
    const missing = io();
    expect(await runReportCommand(['agenda', '--bundle', join(folder, 'none.json'), '--meeting', 'x', '--out', join(folder, 'z.pdf')], missing.io)).toBe(1);
    expect(missing.err.join('')).toContain('cannot be read');
  });
});
