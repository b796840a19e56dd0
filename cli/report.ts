/**
 * `cwg report …`: prints a report from a data file to PDF, headless, with the system's
 * Chromium (or CHROME_PATH) and the same templates, fonts and print options as the app.
 *
 *   cwg report agenda|participants|sign-in|badges|mou|meeting-report|certificates|book --bundle FILE
 *       (--meeting ID | --mou ID [--version N] [--compare N])
 *       [--lang en|ru|en+ru] [--paper a4|letter] --out FILE.pdf
 *
 * The data file is the app's export shape or a sync bundle (see shared/reports/source.ts
 * and docs/reports.md). Exit status: 0 printed, 1 failed, 2 wrong usage.
 */
import { FILE_READ_LIMITS, formatLimit } from '../shared/ipc/contract';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
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

export const reportUsage = `Usage: cwg report <kind> --bundle FILE (--meeting ID | --mou ID [--version N] [--compare N])
                  [--lang en|ru|en+ru] [--paper a4|letter] --out FILE.pdf

Kinds: agenda, participants, sign-in, badges, mou, meeting-report, certificates, book

Options:
  --bundle FILE      the data: an export of the app's tables or a sync bundle (.json)
  --meeting ID       the meeting (agenda, participants, sign-in, meeting-report, certificates, book)
  --mou ID           the MoU document (mou; in the book, the MoU draft to include)
  --version N        print frozen version N instead of the current working text (mou)
  --compare N        mark the changes since version N (mou)
  --annex            add the annex of amendments and their status (mou)
  --line-numbers     number the lines of each article in the margin (mou)
  --names latin|native|both   how names are written (participants; follows --lang by default)
  --contacts         print e-mail and phone of people who consented to it (participants)
  --per-sheet 6|8|10 badges on each sheet (badges; default 8)
  --day YYYY-MM-DD   one day's sheet only (sign-in; default every day of the meeting)
  --blank-rows N     empty rows for walk-ins on each sheet (sign-in; default 8)
  --to CAPACITIES    comma-separated capacities that get one, e.g. member,trainee (certificates;
                     default every attendee except organizers and the secretariat)
  --min-days N       only to those present on at least N days (certificates)
  --signatory NAME   who signs (certificates), with --signatory-title "EN TITLE" and
                     --signatory-title-ru "RU TITLE"
  --lang en|ru|en+ru language, or both side by side (default en)
  --paper a4|letter  paper size (default a4)
  --out FILE.pdf     where to write the PDF (replaced atomically if it exists)

Chromium is found on the PATH (chromium, chromium-browser, google-chrome) or at CHROME_PATH.
`;

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

interface ParsedCommand {
  spec: ReportSpec;
  bundle: string;
  out: string;
}

/** Arguments → what to print, or a UsageError saying what is wrong. */
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
  if (positionals.length !== 1) throw new UsageError('Name one report kind: agenda, participants, sign-in, badges, mou, meeting-report, certificates or book.');
  const kind = oneOf(reportKinds, positionals[0], 'The report kind', 'agenda');
  if (values.bundle === undefined) throw new UsageError('--bundle FILE is required: the data to print from.');
  if (values.out === undefined) throw new UsageError('--out FILE.pdf is required: where to write the PDF.');
  if (!/\.pdf$/i.test(values.out)) throw new UsageError(`--out must name a .pdf file (got "${values.out}"), so no other file is overwritten by mistake.`);
  const language = oneOf(reportLanguages, values.lang, '--lang', 'en');
  const paper = oneOf(paperSizes, values.paper, '--paper', 'a4');

  const onlyFor = (option: string, present: boolean, kinds: string) => {
    if (present) throw new UsageError(`${option} applies to ${kinds} only.`);
  };
  let spec: ReportSpec;
  if (kind === 'mou') {
    if (values.mou === undefined) throw new UsageError('The mou report needs --mou ID (the document).');
    onlyFor('--meeting', values.meeting !== undefined, 'meeting reports, not to mou');
    onlyFor('--names', values.names !== undefined, 'participants');
    onlyFor('--contacts', values.contacts !== undefined, 'participants');
    const version = positiveInt(values.version, '--version');
    const compareWith = positiveInt(values.compare, '--compare');
    if (version !== null && compareWith !== null && compareWith >= version) {
      throw new UsageError(`--compare ${String(compareWith)} must be an earlier version than --version ${String(version)}.`);
    }
    spec = {
      kind,
      documentId: values.mou,
      version,
      compareWith,
      annex: values.annex ?? false,
      lineNumbers: values['line-numbers'] ?? false,
      language,
      paper,
    };
  } else {
    if (values.meeting === undefined) throw new UsageError(`The ${kind} report needs --meeting ID.`);
    onlyFor('--mou', values.mou !== undefined && kind !== 'book', 'the mou report and the meeting book');
    for (const option of ['version', 'compare', 'annex', 'line-numbers'] as const) {
      onlyFor(`--${option}`, values[option] !== undefined, 'the mou report');
    }
    if (kind !== 'badges') onlyFor('--per-sheet', values['per-sheet'] !== undefined, 'badges');
    if (kind !== 'sign-in') {
      onlyFor('--day', values.day !== undefined, 'sign-in');
      onlyFor('--blank-rows', values['blank-rows'] !== undefined, 'sign-in');
    }
    if (kind !== 'certificates') {
      for (const option of ['to', 'min-days', 'signatory', 'signatory-title', 'signatory-title-ru'] as const) {
        onlyFor(`--${option}`, values[option] !== undefined, 'certificates');
      }
    }
    if (kind === 'participants') {
      const nameScript = oneOf(nameScripts, values.names, '--names', language === 'en' ? 'latin' : language === 'ru' ? 'native' : 'both');
      spec = { kind, meetingId: values.meeting, nameScript, contacts: values.contacts ?? false, language, paper };
    } else if (kind === 'sign-in') {
      onlyFor('--names', values.names !== undefined, 'participants');
      onlyFor('--contacts', values.contacts !== undefined, 'participants');
      if (values.day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.day)) throw new UsageError(`--day must be a date YYYY-MM-DD (got "${values.day}").`);
      const blankRows = values['blank-rows'] === undefined ? undefined : countArg(values['blank-rows'], '--blank-rows', 60);
      spec = {
        kind,
        meetingId: values.meeting,
        ...(values.day === undefined ? {} : { day: values.day }),
        ...(blankRows === undefined ? {} : { blankRows }),
        language,
        paper,
      };
    } else if (kind === 'certificates') {
      onlyFor('--names', values.names !== undefined, 'participants');
      onlyFor('--contacts', values.contacts !== undefined, 'participants');
      const capacities =
        values.to === undefined
          ? null
          : values.to.split(',').map((value) => oneOf(participationCapacities, value.trim(), '--to', 'member'));
      const minDays = values['min-days'] === undefined ? 0 : countArg(values['min-days'], '--min-days', 62);
      const name = values.signatory ?? '';
      const titleEn = values['signatory-title'] ?? '';
      const titleRu = values['signatory-title-ru'] ?? '';
      spec = {
        kind,
        meetingId: values.meeting,
        ...(capacities !== null || minDays > 0 ? { recipients: { capacities, minDays } } : {}),
        ...(name !== '' || titleEn !== '' || titleRu !== '' ? { signatory: { name: { en: name, ru: name }, title: { en: titleEn, ru: titleRu } } } : {}),
        language,
        paper,
      };
    } else if (kind === 'badges') {
      onlyFor('--names', values.names !== undefined, 'participants');
      onlyFor('--contacts', values.contacts !== undefined, 'participants');
      const perSheet = badgesPerSheet.find((value) => String(value) === (values['per-sheet'] ?? '8'));
      if (perSheet === undefined) throw new UsageError(`--per-sheet must be one of ${badgesPerSheet.join(', ')} (got "${values['per-sheet'] ?? ''}").`);
      spec = { kind, meetingId: values.meeting, perSheet, language, paper };
    } else if (kind === 'book') {
      onlyFor('--names', values.names !== undefined, 'participants');
      onlyFor('--contacts', values.contacts !== undefined, 'participants');
      spec = { kind, meetingId: values.meeting, documentId: values.mou ?? null, language, paper };
    } else {
      onlyFor('--names', values.names !== undefined, 'participants');
      onlyFor('--contacts', values.contacts !== undefined, 'participants');
      spec = { kind, meetingId: values.meeting, language, paper };
    }
  }
  return { spec: reportSpecSchema.parse(spec), bundle: values.bundle, out: values.out };
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

  // A Chromium of our own is started only when the caller brings no printer, and closed at the end.
  let ownPrinter: ChromiumPrintPort | null = null;
  const printPort: PrintPort = io.print ?? (ownPrinter = new ChromiumPrintPort());
  try {
    const { tables, issues, shape } = readReportTables(await readJson(command.bundle));
    if (issues.length > 0) {
      io.stderr(`"${command.bundle}" holds records that are not valid; nothing was printed:\n${issues.map((issue) => `  ${issue}`).join('\n')}\n`);
      return 1;
    }
    const narrowed = reportSourceSchema.safeParse(sourceForSpec(command.spec, tables));
    if (!narrowed.success) {
      io.stderr(`The report needs more records than one report may hold: ${narrowed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}\n`);
      return 1;
    }
    const printer = createReportPrinter({
      print: printPort,
      fonts: loadNodeReportFonts,
      ...(io.now === undefined ? {} : { now: io.now }),
    });
    let printed;
    try {
      printed = await printer.print({ spec: command.spec, source: narrowed.data });
    } catch (error) {
      if (error instanceof ReportInputError) {
        io.stderr(`${error.message}\n${whatIsThere(command.spec, tables)}\n`);
        return 1;
      }
      throw error;
    }
    const out = resolve(command.out);
    await writeFileAtomic(out, printed.pdf);
    io.stdout(`Wrote ${out} (${String(printed.pages)} ${printed.pages === 1 ? 'page' : 'pages'}) from the ${shape === 'bundle' ? 'bundle' : 'export'} ${command.bundle}.\n`);
    return 0;
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
