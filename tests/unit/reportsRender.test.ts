/**
 * The print document as HTML (no Chromium here): hostile names escaped everywhere (body,
 * title, running header), the print CSP first in <head>, only embedded data: fonts and only
 * the faces the text needs, the running header and footer as @page margin boxes with the
 * page counters, the empty-programme message, safe file names, and the PDF page counter.
 */
import { describe, expect, it } from 'vitest';
import { suggestedFileNameSchema } from '../../shared/ipc/contract';
import { buildReport } from '../../shared/reports/build';
import { reportDocumentHtml, reportFileName } from '../../shared/reports/document';
import { facesFor, fontFaceCss, REPORT_FONT_FACES, type EmbeddedFont } from '../../shared/reports/fonts';
import type { ReportSpec } from '../../shared/reports/spec';
import { PRINT_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { countPdfPages, createReportPrinter, renderReport } from '../../electron/main/services/reportService';
import { hostileSource, noSessionsSource, SAMPLE, sampleSource } from '../fixtures/reports';

/** Tiny stand-ins for the fonts: the HTML only needs their data: URLs. */
const fakeFonts: EmbeddedFont[] = REPORT_FONT_FACES.map((face, index) => ({
  ...face,
  dataUrl: `data:font/woff2;base64,${btoa(`font-${String(index)}`)}`,
}));

const REMOTE = 'http://127.0.0.1:9/never.png';

/** The running header and footer: the document's @page rule. */
function pageRule(html: string): string {
  return /@page\{.*\}\}(?=<\/style>)/.exec(html)?.[0] ?? '';
}

function bodyOf(html: string): string {
  const start = html.indexOf('<body>');
  return html.slice(start, html.indexOf('</body>'));
}

describe('report HTML', () => {
  const hostile = hostileSource(REMOTE);
  const specs: ReportSpec[] = [
    { kind: 'agenda', meetingId: hostile.meetingId, language: 'en+ru', paper: 'a4' },
    { kind: 'participants', meetingId: hostile.meetingId, language: 'en+ru', paper: 'a4', nameScript: 'both', contacts: true },
    { kind: 'meeting-report', meetingId: hostile.meetingId, language: 'ru', paper: 'letter' },
  ];

  it.each(specs)('prints hostile names as text in a $kind report, never as markup', (spec) => {
    const rendered = renderReport(buildReport(spec, hostile.source, '2026-03-12'), fakeFonts);
    const body = bodyOf(rendered.html);
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).not.toMatch(/<img|<script|<\/style/i);
    expect(rendered.html.match(/<script/gi)).toBeNull();
    // One <style> block, ours, closed once.
    expect(rendered.html.match(/<\/style>/g)).toHaveLength(1);
    expect(rendered.html).not.toContain(REMOTE.replace('http://', 'src="http://'));
    // The running header prints the title from a CSS string: its markup characters are CSS escapes.
    expect(pageRule(rendered.html)).toContain(' \\3c img src=x onerror=alert(1)\\3e ');
    // No header or footer templates: nothing but paper, orientation and margins goes to the printer.
    expect(Object.keys(rendered.pdfOptions).sort()).toEqual(['landscape', 'marginsMm', 'pageSize']);
  });

  it('puts the print CSP first in <head> and embeds only data: fonts', () => {
    const model = buildReport({ kind: 'agenda', meetingId: SAMPLE.secondMeeting, language: 'en', paper: 'a4' }, sampleSource(), '2026-03-12');
    const html = reportDocumentHtml({
      model,
      fontCss: fontFaceCss([...fakeFonts, { ...REPORT_FONT_FACES[0], dataUrl: 'https://fonts.example.com/x.woff2' } as EmbeddedFont]),
      bodyHtml: '<p>x</p>',
    });
    expect(html.startsWith('<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(html).toContain(PRINT_CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;'));
    expect(html.match(/@font-face/g)).toHaveLength(fakeFonts.length);
    expect(html).not.toContain('fonts.example.com');
    expect(html).not.toMatch(/url\((?!"data:font\/woff2;base64,)/);
  });

  it('prints the running header and footer as @page margin boxes: title, print date, page X of Y', () => {
    const source = sampleSource();
    const model = buildReport({ kind: 'agenda', meetingId: SAMPLE.secondMeeting, language: 'ru', paper: 'a4' }, source, '2026-03-12');
    const { html, pdfOptions } = renderReport(model, fakeFonts);
    const rule = pageRule(html);
    expect(rule).toContain('@bottom-right{content:"Стр. " counter(page) " из " counter(pages);');
    expect(rule).toContain('@bottom-left{content:"Напечатано 12 марта 2026 г.";');
    expect(rule).toContain('@top-left{content:"Повестка дня — Второе заседание Таможенной рабочей группы";');
    // In the report's own fonts, 7.5 pt, as the templates were.
    expect(rule).toMatch(/^@page\{font-family:"CWG Report Sans",sans-serif;font-size:7\.5pt;/);
    // A planned meeting's agenda is not a draft here: no mark, no version line.
    expect(rule).not.toMatch(/@top-right|@top-center/);
    expect(pdfOptions).toEqual({ pageSize: 'A4', landscape: false, marginsMm: { top: 20, right: 18, bottom: 18, left: 18 } });
  });

  it('numbers pages in both languages of a bilingual report', () => {
    const model = buildReport({ kind: 'agenda', meetingId: SAMPLE.secondMeeting, language: 'en+ru', paper: 'letter' }, sampleSource(), '2026-03-12');
    expect(pageRule(renderReport(model, fakeFonts).html)).toContain(
      '@bottom-right{content:"Page " counter(page) " of " counter(pages) " / " "Стр. " counter(page) " из " counter(pages);',
    );
  });

  it('embeds only the font faces the text uses', () => {
    const { source, meetingId } = noSessionsSource();
    const faces = (language: 'en' | 'en+ru') =>
      [...renderReport(buildReport({ kind: 'agenda', meetingId, language, paper: 'a4' }, source, '2026-03-12'), fakeFonts).html.matchAll(/unicode-range:([^}]*)\}/g)].map(
        (match) => match[1],
      );
    const english = faces('en');
    expect(english.length).toBeGreaterThan(0);
    // No Cyrillic and no Arabic in an English agenda without names: their faces stay out.
    expect(english.some((range) => range?.includes('U+0400-045F'))).toBe(false);
    expect(english.some((range) => range?.includes('U+0600-06FF'))).toBe(false);
    expect(faces('en+ru').some((range) => range?.includes('U+0400-045F'))).toBe(true);
  });

  it('gives an MoU its version on every page, and the working text its date', () => {
    const source = sampleSource();
    const base = { kind: 'mou', documentId: SAMPLE.mou, compareWith: null, annex: false, lineNumbers: false, paper: 'a4' } as const;
    const frozen = pageRule(renderReport(buildReport({ ...base, version: 1, language: 'en+ru' }, source, '2026-03-12'), fakeFonts).html);
    // On the line under the title (a CSS-escaped line break), in both languages.
    expect(frozen).toMatch(/@top-left\{content:"[^"]*\\a Version 1 \([^)]+\) \/ Версия 1 \([^)]+\)";/);
    const working = pageRule(renderReport(buildReport({ ...base, version: null, language: 'en' }, source, '2026-03-12'), fakeFonts).html);
    expect(working).toMatch(/@top-left\{content:"[^"]*\\a Working text \(12 Mar 2026\)";/);
  });

  it('says on the page that a meeting has no sessions yet', () => {
    const { source, meetingId } = noSessionsSource();
    for (const [language, words] of [
      ['en', 'No sessions have been scheduled for this meeting yet.'],
      ['ru', 'Программа этой встречи пока не составлена: заседаний нет.'],
    ] as const) {
      const html = renderReport(buildReport({ kind: 'agenda', meetingId, language, paper: 'a4' }, source, '2026-03-12'), fakeFonts).html;
      expect(bodyOf(html)).toContain(words);
      expect(bodyOf(html)).not.toContain('<table');
    }
  });

  it('prints certificates landscape, one section each, without running header or footer', () => {
    const model = buildReport({ kind: 'certificates', meetingId: SAMPLE.secondMeeting, language: 'en', paper: 'letter' }, sampleSource(), '2026-03-12');
    const rendered = renderReport(model, fakeFonts);
    expect(rendered.pdfOptions).toEqual({ pageSize: 'Letter', landscape: true, marginsMm: { top: 12, right: 12, bottom: 12, left: 12 } });
    expect(rendered.html).not.toContain('@page');
    expect(bodyOf(rendered.html).match(/class="certificate"/g)).toHaveLength(26);
  });

  it('numbers MoU lines only when asked', () => {
    const source = sampleSource();
    const base = { kind: 'mou', documentId: SAMPLE.mou, version: 1, compareWith: null, annex: false, language: 'en', paper: 'a4' } as const;
    const numbered = renderReport(buildReport({ ...base, lineNumbers: true }, source, '2026-03-12'), fakeFonts).html;
    const plain = renderReport(buildReport({ ...base, lineNumbers: false }, source, '2026-03-12'), fakeFonts).html;
    expect(numbered).toContain('class="line-numbers"');
    expect(plain).not.toContain('class="line-numbers"');
  });
});

describe('fonts for a piece of text', () => {
  it('picks the faces whose ranges the text uses', () => {
    const names = (text: string) => facesFor(REPORT_FONT_FACES, text).map((face) => face.file.replace(/^.*\/noto-sans-/, '').replace('-normal.woff2', ''));
    expect(names('Page 1')).toEqual(['latin-400', 'latin-700']);
    expect(names('Стр. 1')).toEqual(['cyrillic-400', 'cyrillic-700', 'latin-400', 'latin-700']);
    expect(names('Айгерім Сейітқали')).toContain('cyrillic-ext-400');
    expect(names('محمد')).toEqual(['arabic-arabic-400', 'arabic-arabic-700']);
  });
});

describe('file names', () => {
  it('are safe for every file system and the save dialog', () => {
    const { source, meetingId } = hostileSource(REMOTE);
    const withSlashes = {
      ...source,
      meetings: source.meetings.map((m) => ({ ...m, title: { en: 'A/B\\C: "D" <E> | F? *G*\u0007.', ru: '' } })),
    };
    const name = reportFileName(buildReport({ kind: 'agenda', meetingId, language: 'en', paper: 'a4' }, withSlashes, '2026-03-12'));
    expect(name).toBe('Agenda — A B C D E F G.pdf');
    expect(suggestedFileNameSchema.safeParse(name).success).toBe(true);
    const long = { ...source, meetings: source.meetings.map((m) => ({ ...m, title: { en: 'x'.repeat(500), ru: '' } })) };
    const longName = reportFileName(buildReport({ kind: 'agenda', meetingId, language: 'en', paper: 'a4' }, long, '2026-03-12'));
    expect(suggestedFileNameSchema.safeParse(longName).success).toBe(true);
  });

  it('name the MoU version and the comparison', () => {
    const source = sampleSource();
    const spec = { kind: 'mou', documentId: SAMPLE.mou, version: 2, compareWith: 1, annex: false, lineNumbers: false, language: 'ru', paper: 'a4' } as const;
    expect(reportFileName(buildReport(spec, source, '2026-03-12'))).toMatch(/^Меморандум о взаимопонимании .* v2 vs v1\.pdf$/);
  });
});

describe('the printer', () => {
  it('counts the pages of a PDF as Chromium writes it', () => {
    const pdf = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj <</Type /Pages /Kids [2 0 R 3 0 R] /Count 2>> endobj\n2 0 obj <</Type /Page /Parent 1 0 R>> endobj\n3 0 obj <</Type/Page/Parent 1 0 R>> endobj\n',
    );
    expect(countPdfPages(pdf)).toBe(2);
  });

  it('refuses what is not a PDF, and uses the given clock for the print date', async () => {
    const seen: string[] = [];
    const printer = createReportPrinter({
      print: {
        printToPdf: (html) => {
          seen.push(html);
          return Promise.resolve(new TextEncoder().encode('<html>not a pdf</html>'));
        },
      },
      fonts: () => Promise.resolve(fakeFonts),
      now: () => new Date(2026, 0, 31, 23, 30),
    });
    const request = { spec: { kind: 'agenda', meetingId: SAMPLE.secondMeeting, language: 'en', paper: 'a4' } as const, source: sampleSource() };
    await expect(printer.print(request)).rejects.toThrow(/not a PDF/);
    const rendered = await printer.render(request);
    expect(pageRule(rendered.html)).toContain('"Printed 31 January 2026"');
    expect(seen).toHaveLength(1);
  });
});
