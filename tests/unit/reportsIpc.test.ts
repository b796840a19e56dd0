/**
 * `cwg:report:export-pdf` through the real dispatcher and handlers with fake ports: a valid
 * request is printed, then saved where the dialog says (nothing asked when printing
 * fails); malformed or oversized payloads are refused before anything is printed; a stale
 * choice comes back as a sentence, not "internal". `cwg:report:print` ("Print…") hands the
 * same document to the print dialog, writes nothing, and says when the dialog was cancelled.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDispatch, type IpcSender } from '../../electron/main/ipc/dispatch';
import { createHandlers } from '../../electron/main/ipc/handlers';
import type { PdfOptions, Ports, SystemPrintOutcome } from '../../electron/main/services/ports';
import { REPORT_FONT_FACES } from '../../shared/reports/fonts';
import { REPORT_SOURCE_LIMITS } from '../../shared/reports/spec';
import { meeting, SAMPLE, sampleSource } from '../fixtures/reports';

const trusted: IpcSender = { url: 'app://cwg/index.html', isTopFrame: true };
const FAKE_PDF = new TextEncoder().encode('%PDF-1.7\n<</Type /Page>>\n<</Type /Page>>\n<</Type /Pages /Count 2>>\n%%EOF\n');

async function setup(answer: string | null, printerAnswer: SystemPrintOutcome = { printed: true }) {
  const dataFolder = await mkdtemp(join(tmpdir(), 'cwg-report-ipc-'));
  const printToPdf = vi.fn((_html: string, _options: PdfOptions) => Promise.resolve(FAKE_PDF));
  const chooseSaveFile = vi.fn(() => Promise.resolve(answer));
  const printWithDialog = vi.fn((_html: string, _options: PdfOptions, _job: { title: string }) => Promise.resolve(printerAnswer));
  const unexpected = () => Promise.reject(new Error('not used in this test'));
  const ports: Ports = {
    appInfo: { name: 'CWG Desk', version: '0.1.0', platform: 'linux', dataFolder, host: 'electron' },
    documentsFolder: dataFolder,
    shell: { openExternal: unexpected },
    dialogs: { chooseSaveFile, chooseOpenFile: unexpected, chooseFolder: unexpected },
    print: { printToPdf },
    printer: { printWithDialog },
    events: { send: () => undefined },
    lifecycle: { readyToQuit: () => undefined },
    reportFonts: () => Promise.resolve(REPORT_FONT_FACES.map((face) => ({ ...face, dataUrl: 'data:font/woff2;base64,AAAA' }))),
  };
  const dispatch = createDispatch(createHandlers(ports), { allowedOrigin: 'app://cwg' });
  return { dispatch, printToPdf, printWithDialog, chooseSaveFile, dataFolder };
}

const agenda = { kind: 'agenda', meetingId: SAMPLE.secondMeeting, language: 'en', paper: 'a4' } as const;

describe('report export over IPC', () => {
  it('prints, asks where to save with a suggested name, and writes the PDF', async () => {
    const target = join(await mkdtemp(join(tmpdir(), 'cwg-report-out-')), 'agenda.pdf');
    const { dispatch, printToPdf, chooseSaveFile } = await setup(target);
    const result = await dispatch('cwg:report:export-pdf', { spec: agenda, source: sampleSource() }, trusted);
    expect(result).toEqual({ ok: true, value: { saved: true, path: target, bytes: FAKE_PDF.byteLength, pages: 2 } });
    expect(Buffer.from(await readFile(target)).equals(Buffer.from(FAKE_PDF))).toBe(true);
    expect(printToPdf).toHaveBeenCalledTimes(1);
    const [html, options] = printToPdf.mock.calls[0] ?? [];
    expect(html).toContain('Second meeting of the Customs Working Group');
    expect(options?.pageSize).toBe('A4');
    expect(chooseSaveFile.mock.calls[0]).toEqual([
      expect.objectContaining({ defaultPath: expect.stringMatching(/Agenda — Second meeting of the Customs Working Group\.pdf$/) as unknown }),
    ]);
  });

  it('answers saved: false when the person cancels the dialog', async () => {
    const { dispatch } = await setup(null);
    expect(await dispatch('cwg:report:export-pdf', { spec: agenda, source: sampleSource() }, trusted)).toEqual({ ok: true, value: { saved: false } });
  });

  it('explains a meeting that is not in the records, and asks nothing', async () => {
    const { dispatch, chooseSaveFile, printToPdf } = await setup('/tmp/never.pdf');
    const result = await dispatch('cwg:report:export-pdf', { spec: { ...agenda, meetingId: 'gone' }, source: { meetings: [] } }, trusted);
    expect(result).toEqual({ ok: false, error: { code: 'not-allowed', message: 'There is no meeting with id "gone".' } });
    expect(chooseSaveFile).not.toHaveBeenCalled();
    expect(printToPdf).not.toHaveBeenCalled();
  });

  const source = sampleSource();
  it.each([
    ['no spec', { source }],
    ['an unknown report kind', { spec: { ...agenda, kind: 'poster' }, source }],
    ['an unknown option', { spec: { ...agenda, script: '<x>' }, source }],
    ['an unknown language', { spec: { ...agenda, language: 'de' }, source }],
    ['a malformed record', { spec: agenda, source: { meetings: [{ ...source.meetings[0], startDate: 'soon' }] } }],
    ['too many meetings', { spec: agenda, source: { meetings: Array.from({ length: REPORT_SOURCE_LIMITS.meetings + 1 }, (_, i) => meeting({ key: String(i) })) } }],
    ['an extra top-level field', { spec: agenda, source, html: '<script>alert(1)</script>' }],
  ])('refuses %s before printing', async (_name, payload) => {
    const { dispatch, printToPdf } = await setup('/tmp/never.pdf');
    const result = await dispatch('cwg:report:export-pdf', payload, trusted);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-payload');
    expect(printToPdf).not.toHaveBeenCalled();
  });
});

describe('report print over IPC ("Print…")', () => {
  it('hands the print dialog the document and page setup the PDF export prints, and writes no file', async () => {
    const target = join(await mkdtemp(join(tmpdir(), 'cwg-report-out-')), 'agenda.pdf');
    const exported = await setup(target);
    await exported.dispatch('cwg:report:export-pdf', { spec: agenda, source: sampleSource() }, trusted);
    const [pdfHtml, pdfOptions] = exported.printToPdf.mock.calls[0] ?? [];

    const { dispatch, printWithDialog, printToPdf, chooseSaveFile } = await setup(null);
    const result = await dispatch('cwg:report:print', { spec: agenda, source: sampleSource() }, trusted);
    expect(result).toEqual({ ok: true, value: { printed: true } });
    expect(printWithDialog).toHaveBeenCalledTimes(1);
    const [html, options, job] = printWithDialog.mock.calls[0] ?? [];
    expect(html).toBe(pdfHtml);
    expect(options).toEqual(pdfOptions);
    expect(job).toEqual({ title: 'Agenda — Second meeting of the Customs Working Group' });
    expect(printToPdf).not.toHaveBeenCalled();
    expect(chooseSaveFile).not.toHaveBeenCalled();
  });

  it('answers printed: false when the person cancels the print dialog', async () => {
    const { dispatch } = await setup(null, { printed: false, reason: 'cancelled' });
    expect(await dispatch('cwg:report:print', { spec: agenda, source: sampleSource() }, trusted)).toEqual({ ok: true, value: { printed: false } });
  });

  it('explains a stale choice, refuses a malformed payload or a foreign sender, and shows no dialog', async () => {
    const { dispatch, printWithDialog } = await setup(null);
    expect(await dispatch('cwg:report:print', { spec: { ...agenda, meetingId: 'gone' }, source: { meetings: [] } }, trusted)).toEqual({
      ok: false,
      error: { code: 'not-allowed', message: 'There is no meeting with id "gone".' },
    });
    const malformed = await dispatch('cwg:report:print', { spec: agenda, source: sampleSource(), dialogTitle: 'x' }, trusted);
    expect(malformed.ok ? null : malformed.error.code).toBe('invalid-payload');
    const foreign = await dispatch('cwg:report:print', { spec: agenda, source: sampleSource() }, { url: 'https://evil.example/', isTopFrame: true });
    expect(foreign.ok ? null : foreign.error.code).toBe('forbidden-sender');
    expect(printWithDialog).not.toHaveBeenCalled();
  });
});
