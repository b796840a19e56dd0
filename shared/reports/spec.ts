/**
 * What a report request is, as zod schemas: which report (the spec) and the records it is
 * printed from (the source). The IPC channel `cwg:report:export-pdf` validates its payload
 * against `reportExportRequestSchema`; the renderer's preview and the command line build
 * the same two objects, so all three print from identical input.
 *
 * The source carries stored records, not a pre-digested view: main builds the view with
 * the same pure builders the preview uses (shared/reports/build.ts), so what is printed
 * cannot drift from what was previewed.
 */
import { z } from 'zod';
import {
  actionItemSchema,
  amendmentSchema,
  minutesSchema,
  articleSchema,
  countrySchema,
  decisionSchema,
  delegateSchema,
  meetingSchema,
  mouDocumentSchema,
  bracketSchema,
  bracketAlternativeSchema,
  mouVersionSchema,
  organizationSchema,
  participationCapacities,
  participationSchema,
  sessionSchema,
} from '../model';

export const reportKinds = ['agenda', 'participants', 'sign-in', 'mou', 'meeting-report', 'certificates', 'badges', 'book'] as const;
export type ReportKind = (typeof reportKinds)[number];

/** A report in one language, or in both side by side. */
export const reportLanguages = ['en', 'ru', 'en+ru'] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

export const paperSizes = ['a4', 'letter'] as const;
export type PaperSize = (typeof paperSizes)[number];

/** How people's names are written on a participants list. */
export const nameScripts = ['latin', 'native', 'both'] as const;
export type NameScript = (typeof nameScripts)[number];

const recordId = z.string().min(1).max(100);
const common = {
  language: z.enum(reportLanguages),
  paper: z.enum(paperSizes),
};

export const agendaSpecSchema = z.object({ kind: z.literal('agenda'), meetingId: recordId, ...common }).strict();
export const participantsSpecSchema = z
  .object({
    kind: z.literal('participants'),
    meetingId: recordId,
    nameScript: z.enum(nameScripts),
    /** Print e-mail and phone; even then only of people who consented to it. */
    contacts: z.boolean(),
    ...common,
  })
  .strict();
export const mouSpecSchema = z
  .object({
    kind: z.literal('mou'),
    documentId: recordId,
    /** Number of a frozen version, or null for the current working text. */
    version: z.number().int().positive().nullable(),
    /** Number of an earlier version whose text the printed one is compared with. */
    compareWith: z.number().int().positive().nullable(),
    annex: z.boolean(),
    lineNumbers: z.boolean(),
    ...common,
  })
  .strict();
export const meetingReportSpecSchema = z.object({ kind: z.literal('meeting-report'), meetingId: recordId, ...common }).strict();
const shortText = z.string().max(200);
export const certificatesSpecSchema = z
  .object({
    kind: z.literal('certificates'),
    meetingId: recordId,
    /**
     * Who gets one. Left out: every attendee except organizers and the secretariat.
     * `capacities`: only these; `minDays`: only those present on at least this many days.
     */
    recipients: z
      .object({ capacities: z.array(z.enum(participationCapacities)).max(participationCapacities.length).nullable(), minDays: z.number().int().min(0).max(62) })
      .strict()
      .optional(),
    /** The person who signs, printed under the signature line. */
    signatory: z.object({ name: z.object({ en: shortText, ru: shortText }).strict(), title: z.object({ en: shortText, ru: shortText }).strict() }).strict().optional(),
    ...common,
  })
  .strict();

/** A sign-in sheet for each day of a meeting (or one day), with blank rows for walk-ins. */
export const signInSpecSchema = z
  .object({
    kind: z.literal('sign-in'),
    meetingId: recordId,
    /** One day (YYYY-MM-DD), or every day of the meeting when left out. */
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    /** Empty rows at the end of each day's sheet, for people who were not registered. */
    blankRows: z.number().int().min(0).max(60).optional(),
    ...common,
  })
  .strict();

/**
 * The meeting book: a title page, contents with page numbers, then the agenda, the
 * participants list, the sign-in sheets, the MoU draft (its working text compared with its
 * last version) and the meeting report, numbered continuously, with a bookmark for each part.
 */
export const bookSpecSchema = z
  .object({ kind: z.literal('book'), meetingId: recordId, documentId: recordId.nullable(), ...common })
  .strict();

/** How many badges an A4 or Letter sheet holds (two columns). */
export const badgesPerSheet = [6, 8, 10] as const;

/** Badges (name tags) for everyone expected at a meeting. */
export const badgesSpecSchema = z
  .object({ kind: z.literal('badges'), meetingId: recordId, perSheet: z.union([z.literal(6), z.literal(8), z.literal(10)]), ...common })
  .strict();

export const reportSpecSchema = z.discriminatedUnion('kind', [
  badgesSpecSchema,
  bookSpecSchema,
  agendaSpecSchema,
  participantsSpecSchema,
  signInSpecSchema,
  mouSpecSchema,
  meetingReportSpecSchema,
  certificatesSpecSchema,
]);
export type ReportSpec = z.infer<typeof reportSpecSchema>;
export type AgendaSpec = z.infer<typeof agendaSpecSchema>;
export type ParticipantsSpec = z.infer<typeof participantsSpecSchema>;
export type MouSpec = z.infer<typeof mouSpecSchema>;
export type MeetingReportSpec = z.infer<typeof meetingReportSpecSchema>;
export type CertificatesSpec = z.infer<typeof certificatesSpecSchema>;
export type SignInSpec = z.infer<typeof signInSpecSchema>;
export type BookSpec = z.infer<typeof bookSpecSchema>;
export type BadgesSpec = z.infer<typeof badgesSpecSchema>;

/**
 * Upper bounds per table: generous for a working group (a meeting has dozens of sessions
 * and at most a few hundred participants), small enough that a crafted payload cannot
 * make main render for minutes.
 */
export const REPORT_SOURCE_LIMITS = {
  meetings: 50,
  sessions: 2_000,
  participations: 10_000,
  decisions: 1_000,
  actionItems: 2_000,
  delegates: 20_000,
  organizations: 5_000,
  countries: 300,
  mouDocuments: 10,
  articles: 1_000,
  mouVersions: 200,
  amendments: 5_000,
  minutes: 200,
  brackets: 5_000,
  bracketAlternatives: 20_000,
} as const;

const table = <T extends z.ZodType>(schema: T, max: number) => z.array(schema).max(max).default([]);

/** The stored records a report is printed from; tables a report does not need may be left out. */
export const reportSourceSchema = z.object({
  meetings: table(meetingSchema, REPORT_SOURCE_LIMITS.meetings),
  sessions: table(sessionSchema, REPORT_SOURCE_LIMITS.sessions),
  participations: table(participationSchema, REPORT_SOURCE_LIMITS.participations),
  decisions: table(decisionSchema, REPORT_SOURCE_LIMITS.decisions),
  actionItems: table(actionItemSchema, REPORT_SOURCE_LIMITS.actionItems),
  delegates: table(delegateSchema, REPORT_SOURCE_LIMITS.delegates),
  organizations: table(organizationSchema, REPORT_SOURCE_LIMITS.organizations),
  countries: table(countrySchema, REPORT_SOURCE_LIMITS.countries),
  mouDocuments: table(mouDocumentSchema, REPORT_SOURCE_LIMITS.mouDocuments),
  articles: table(articleSchema, REPORT_SOURCE_LIMITS.articles),
  mouVersions: table(mouVersionSchema, REPORT_SOURCE_LIMITS.mouVersions),
  amendments: table(amendmentSchema, REPORT_SOURCE_LIMITS.amendments),
  /** The meeting's minutes (their state prints under the report's heading). */
  minutes: table(minutesSchema, REPORT_SOURCE_LIMITS.minutes),
  brackets: table(bracketSchema, REPORT_SOURCE_LIMITS.brackets),
  bracketAlternatives: table(bracketAlternativeSchema, REPORT_SOURCE_LIMITS.bracketAlternatives),
});
/** The parsed source: every table present (possibly empty). */
export type ReportSource = z.output<typeof reportSourceSchema>;
/** What a caller sends: tables it does not need may be missing. */
export type ReportSourceInput = z.input<typeof reportSourceSchema>;

export const reportExportRequestSchema = z
  .object({ spec: reportSpecSchema, source: reportSourceSchema, dialogTitle: z.string().trim().min(1).max(200).optional() })
  .strict();
export type ReportExportRequest = z.output<typeof reportExportRequestSchema>;
export type ReportExportRequestInput = z.input<typeof reportExportRequestSchema>;

export type ReportExportResult = { saved: true; path: string; bytes: number; pages: number } | { saved: false };

/** "Print…": the same report, to the system print dialog instead of a file. */
export const reportPrintRequestSchema = z.object({ spec: reportSpecSchema, source: reportSourceSchema }).strict();
export type ReportPrintRequest = z.output<typeof reportPrintRequestSchema>;

/** Sent to the printer, or the person cancelled the print dialog (nothing printed). */
export type ReportPrintResult = { printed: true } | { printed: false };

/** A source with every table empty, to fill in. */
export function emptyReportSource(): ReportSource {
  return {
    meetings: [],
    sessions: [],
    participations: [],
    decisions: [],
    actionItems: [],
    delegates: [],
    organizations: [],
    countries: [],
    mouDocuments: [],
    articles: [],
    mouVersions: [],
    amendments: [],
    minutes: [],
    brackets: [],
    bracketAlternatives: [],
  };
}
