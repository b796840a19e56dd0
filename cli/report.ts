/**
 * `cwg report …`: prints a report from a data file to PDF, headless, with the system's
 * Chromium (or CHROME_PATH) and the same templates, fonts and print options as the app.
 *
 *   cwg report agenda|participants|sign-in|badges|mou|meeting-report|certificates|book --bundle FILE
 *       (--meeting ID | --mou ID [--version N] [--compare N])
 *       [--lang en|ru|en+ru] [--paper a4|letter] --out FILE.pdf
 *   cwg report KIND KIND … --bundle FILE … --out FOLDER/      (several reports, one KIND.pdf each)
 *
 * The data file is the app's export shape or a sync bundle (see shared/reports/source.ts
 * and docs/reports.md). Exit status: 0 printed, 1 failed, 2 wrong usage.
 */
import { FILE_READ_LIMITS, formatLimit } from '../shared/ipc/contract';
import { reportUsage } from './reportUsage';

export { reportUsage };
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../electron/main/services/atomicFile';
import { ChromiumPrintPort } from '../electron/main/services/chromiumPrintPort';
import type { PrintPort } from '../electron/main/services/ports';
import { loadNodeReportFonts } from '../electron/main/services/reportFonts';
import { createReportPrinter } from '../electron/main/services/reportService';
import { ReportInputError } from '../shared/reports/build';
import { readReportTables, ReportFileError, sourceForSpec } from '../shared/reports/source';
import { participationCapacities } from '../shared/model';
import {
  badgesPerSheet,
  nameScripts,
  paperSizes,
  reportKinds,
  reportLanguages,
  reportSourceSchema,
  reportSpecSchema,
  type ReportSource,
  type ReportSpec,
} from '../shared/reports/spec';


/** Largest data file read: the app's limit for a bundle. */
const MAX_BUNDLE_BYTES = FILE_READ_LIMITS.bundle;

export interface ReportCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The printer; the system's Chromium by default (tests may pass a shared one). */
  print?: PrintPort;
  now?: () => Date;
}

const defaultIo: ReportCliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

class UsageError extends Error {}

function oneOf<T extends string>(values: readonly T[], value: string | undefined, option: string, fallback: T): T {
  if (value === undefined) return fallback;
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) throw new UsageError(`${option} must be one of ${values.join(', ')} (got "${value}").`);
  return found;
}

function positiveInt(value: string | undefined, option: string): number | null {
  if (value === undefined) return null;
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1) throw new UsageError(`${option} must be a version number such as 1 or 2 (got "${value}").`);
  return Number(value);
}

function countArg(value: string, option: string, max: number): number {
  if (!/^\d{1,3}$/.test(value) || Number(value) > max) throw new UsageError(`${option} must be a whole number from 0 to ${String(max)} (got "${value}").`);
  return Number(value);
}

/** One PDF to write. */
export interface ReportJob {
  spec: ReportSpec;
  out: string;
}

interface ParsedCommand {
  jobs: ReportJob[];
  bundle: string;
}

type ReportKind = (typeof reportKinds)[number];
const meetingKinds: readonly ReportKind[] = reportKinds.filter((kind) => kind !== 'mou');

/** The reports each option concerns: an option no named report takes is a mistake, said so. */
const OPTION_KINDS: Readonly<Record<string, { kinds: readonly ReportKind[]; label: string }>> = {
  meeting: { kinds: meetingKinds, label: 'meeting reports, not to mou' },
  mou: { kinds: ['mou', 'book'], label: 'the mou report and the meeting book' },
  version: { kinds: ['mou'], label: 'the mou report' },
  compare: { kinds: ['mou'], label: 'the mou report' },
  annex: { kinds: ['mou'], label: 'the mou report' },
  'line-numbers': { kinds: ['mou'], label: 'the mou report' },
  names: { kinds: ['participants'], label: 'participants' },
  contacts: { kinds: ['participants'], label: 'participants' },
  'per-sheet': { kinds: ['badges'], label: 'badges' },
  day: { kinds: ['sign-in'], label: 'sign-in' },
  'blank-rows': { kinds: ['sign-in'], label: 'sign-in' },
  to: { kinds: ['certificates'], label: 'certificates' },
  'min-days': { kinds: ['certificates'], label: 'certificates' },
  signatory: { kinds: ['certificates'], label: 'certificates' },
  'signatory-title': { kinds: ['certificates'], label: 'certificates' },
  'signatory-title-ru': { kinds: ['certificates'], label: 'certificates' },
};

type ReportValues = Partial<Record<string, string | boolean>>;

/** One kind's spec from the shared options (those of other kinds are left aside). */
function specFor(kind: ReportKind, values: ReportValues, language: ReportSpec['language'], paper: ReportSpec['paper']): ReportSpec {
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const flag = (name: string): boolean => values[name] === true;
  if (kind === 'mou') {
    const documentId = text('mou');
    if (documentId === undefined) throw new UsageError('The mou report needs --mou ID (the document).');
    const version = positiveInt(text('version'), '--version');
    const compareWith = positiveInt(text('compare'), '--compare');
    if (version !== null && compareWith !== null && compareWith >= version) {
      throw new UsageError(`--compare ${String(compareWith)} must be an earlier version than --version ${String(version)}.`);
    }
    return { kind, documentId, version, compareWith, annex: flag('annex'), lineNumbers: flag('line-numbers'), language, paper };
  }
  const meetingId = text('meeting');
  if (meetingId === undefined) throw new UsageError(`The ${kind} report needs --meeting ID.`);
  switch (kind) {
    case 'participants': {
      const nameScript = oneOf(nameScripts, text('names'), '--names', language === 'en' ? 'latin' : language === 'ru' ? 'native' : 'both');
      return { kind, meetingId, nameScript, contacts: flag('contacts'), language, paper };
    }
    case 'sign-in': {
      const day = text('day');
      if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError(`--day must be a date YYYY-MM-DD (got "${day}").`);
      const rows = text('blank-rows');
      const blankRows = rows === undefined ? undefined : countArg(rows, '--blank-rows', 60);
      return { kind, meetingId, ...(day === undefined ? {} : { day }), ...(blankRows === undefined ? {} : { blankRows }), language, paper };
    }
    case 'certificates': {
      const to = text('to');
      const capacities = to === undefined ? null : to.split(',').map((value) => oneOf(participationCapacities, value.trim(), '--to', 'member'));
      const days = text('min-days');
      const minDays = days === undefined ? 0 : countArg(days, '--min-days', 62);
      const name = text('signatory') ?? '';
      const titleEn = text('signatory-title') ?? '';
      const titleRu = text('signatory-title-ru') ?? '';
      return {
        kind,
        meetingId,
        ...(capacities !== null || minDays > 0 ? { recipients: { capacities, minDays } } : {}),
        ...(name !== '' || titleEn !== '' || titleRu !== '' ? { signatory: { name: { en: name, ru: name }, title: { en: titleEn, ru: titleRu } } } : {}),
        language,
        paper,
      };
    }
    case 'badges': {
      const perSheet = badgesPerSheet.find((value) => String(value) === (text('per-sheet') ?? '8'));
      if (perSheet === undefined) throw new UsageError(`--per-sheet must be one of ${badgesPerSheet.join(', ')} (got "${text('per-sheet') ?? ''}").`);
      return { kind, meetingId, perSheet, language, paper };
    }
    case 'book':
      return { kind, meetingId, documentId: text('mou') ?? null, language, paper };
    case 'agenda':
    case 'meeting-report':
      return { kind, meetingId, language, paper };
  }
}

/** A folder for --out: it ends with a slash (or backslash), or it is "." or "..". */
function isFolderArgument(out: string): boolean {
  return /[\\/]$/.test(out) || out === '.' || out === '..';
}

/**
 * Arguments → what to print, or a UsageError saying what is wrong. Several kinds may be
 * named at once (`cwg report agenda participants mou …`); each option applies to the
 * named kinds it concerns, and --out is then a folder that gets one KIND.pdf per report.
 */
export function parseReportArgs(argv: readonly string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        bundle: { type: 'string' },
        meeting: { type: 'string' },
        mou: { type: 'string' },
        version: { type: 'string' },
        compare: { type: 'string' },
        annex: { type: 'boolean' },
        'line-numbers': { type: 'boolean' },
        names: { type: 'string' },
        contacts: { type: 'boolean' },
        day: { type: 'string' },
        'per-sheet': { type: 'string' },
        'blank-rows': { type: 'string' },
        to: { type: 'string' },
        'min-days': { type: 'string' },
        signatory: { type: 'string' },
        'signatory-title': { type: 'string' },
        'signatory-title-ru': { type: 'string' },
        lang: { type: 'string' },
        paper: { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('Name the reports to print: agenda, participants, sign-in, badges, mou, meeting-report, certificates or book.');
  const kinds = positionals.map((positional) => oneOf(reportKinds, positional, 'The report kind', 'agenda'));
  const repeated = kinds.find((kind, index) => kinds.indexOf(kind) !== index);
  if (repeated !== undefined) throw new UsageError(`"${repeated}" is named twice: each report is printed once per call.`);
  if (values.bundle === undefined) throw new UsageError('--bundle FILE is required: the data to print from.');
  if (values.out === undefined) {
    throw new UsageError(kinds.length > 1 ? '--out FOLDER/ is required: where to write the PDFs.' : '--out FILE.pdf is required: where to write the PDF.');
  }
  const out = values.out;
  const toFolder = isFolderArgument(out);
  if (!toFolder && !/\.pdf$/i.test(out)) {
    throw new UsageError(`--out must name a .pdf file or a folder ending with / (got "${out}"), so no other file is overwritten by mistake.`);
  }
  if (!toFolder && kinds.length > 1) throw new UsageError(`Several reports are written to a folder: --out FOLDER/ (got "${out}").`);
  const language = oneOf(reportLanguages, values.lang, '--lang', 'en');
  const paper = oneOf(paperSizes, values.paper, '--paper', 'a4');
  for (const [option, concerns] of Object.entries(OPTION_KINDS)) {
    if ((values as ReportValues)[option] !== undefined && !kinds.some((kind) => concerns.kinds.includes(kind))) {
      throw new UsageError(`--${option} applies to ${concerns.label} only.`);
    }
  }
  const jobs = kinds.map((kind) => ({
    spec: reportSpecSchema.parse(specFor(kind, values as ReportValues, language, paper)),
    out: toFolder ? join(out, `${kind}.pdf`) : out,
  }));
  return { jobs, bundle: values.bundle };
}

async function readJson(path: string): Promise<unknown> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ReportFileError(`"${path}" is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof ReportFileError) throw error;
    throw new ReportFileError(`"${path}" cannot be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
  if (size > MAX_BUNDLE_BYTES) throw new ReportFileError(`"${path}" is larger than the limit of ${formatLimit(MAX_BUNDLE_BYTES)}.`);
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new ReportFileError(`"${path}" is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** What the file does hold, when the chosen meeting, document or version is not there. */
function whatIsThere(spec: ReportSpec, tables: ReportSource): string {
  if (spec.kind === 'mou') {
    const documents = tables.mouDocuments.filter((document) => !document.deleted);
    if (documents.length === 0) return 'The file holds no MoU document.';
    return [
      'MoU documents in the file:',
      ...documents.map((document) => {
        const versions = tables.mouVersions
          .filter((version) => version.documentId === document.id && !version.deleted)
          .map((version) => version.number)
          .sort((a, b) => a - b);
        return `  ${document.id}  ${document.title.en}${versions.length > 0 ? ` (versions ${versions.join(', ')})` : ' (no versions)'}`;
      }),
    ].join('\n');
  }
  const meetings = tables.meetings.filter((meeting) => !meeting.deleted).sort((a, b) => a.startDate.localeCompare(b.startDate));
  if (meetings.length === 0) return 'The file holds no meeting.';
  return ['Meetings in the file:', ...meetings.map((meeting) => `  ${meeting.id}  ${meeting.startDate}  ${meeting.title.en}`)].join('\n');
}

/** Runs `cwg report …`; returns the exit status. */
export async function runReportCommand(argv: readonly string[], io: ReportCliIo = defaultIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(reportUsage);
    return 0;
  }
  let command: ParsedCommand;
  try {
    command = parseReportArgs(argv);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${reportUsage}`);
    return 2;
  }

  // A Chromium of our own is started only when the caller brings no printer, and closed at
  // the end; several reports in one call share it (one browser start, not one per report).
  let ownPrinter: ChromiumPrintPort | null = null;
  const printPort: PrintPort = io.print ?? (ownPrinter = new ChromiumPrintPort());
  try {
    const { tables, issues, shape } = readReportTables(await readJson(command.bundle));
    if (issues.length > 0) {
      io.stderr(`"${command.bundle}" holds records that are not valid; nothing was printed:\n${issues.map((issue) => `  ${issue}`).join('\n')}\n`);
      return 1;
    }
    const printer = createReportPrinter({
      print: printPort,
      fonts: loadNodeReportFonts,
      ...(io.now === undefined ? {} : { now: io.now }),
    });
    const folders = new Set(command.jobs.map((job) => dirname(resolve(job.out))));
    for (const folder of folders) await mkdir(folder, { recursive: true });
    // Each report on its own: one that cannot be printed is said, the others are still written.
    let failed = 0;
    for (const job of command.jobs) {
      const prefix = command.jobs.length > 1 ? `${job.spec.kind}: ` : '';
      const narrowed = reportSourceSchema.safeParse(sourceForSpec(job.spec, tables));
      if (!narrowed.success) {
        io.stderr(`${prefix}The report needs more records than one report may hold: ${narrowed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}\n`);
        failed += 1;
        continue;
      }
      let printed;
      try {
        printed = await printer.print({ spec: job.spec, source: narrowed.data });
      } catch (error) {
        if (error instanceof ReportInputError) {
          io.stderr(`${prefix}${error.message}\n${whatIsThere(job.spec, tables)}\n`);
          failed += 1;
          continue;
        }
        throw error;
      }
      const out = resolve(job.out);
      await writeFileAtomic(out, printed.pdf);
      io.stdout(`Wrote ${out} (${String(printed.pages)} ${printed.pages === 1 ? 'page' : 'pages'}) from the ${shape === 'bundle' ? 'bundle' : 'export'} ${command.bundle}.\n`);
    }
    return failed === 0 ? 0 : 1;
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await ownPrinter?.close();
  }
}

// `tsx cli/report.ts …` runs the command directly, before `cwg` dispatches to it.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runReportCommand(process.argv.slice(2));
}
