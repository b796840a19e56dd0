/**
 * Reports from a file, for the command line: reads the records of a data file into tables
 * and picks out what one report needs (the same selection the renderer's repository reads
 * from IndexedDB). Pure: the caller reads the file.
 *
 * Two shapes are read:
 * - the app's export shape: one JSON object with an array of records per synced table,
 *   as `repositories.dump()` produces (`{ "meetings": [...], "sessions": [...], ... }`;
 *   local tables such as "installation" or "meta" are ignored);
 * - a sync bundle (`{ "header": { "format": "cwg-desk-bundle", ... }, "payload": ... }`),
 *   changes or merged. Its records are read as they are (the app's import checks the
 *   checksum and signatures; printing does not need to trust the sender), and where a
 *   record appears more than once the latest change (highest stamp) wins.
 * Every record is checked against its table's schema; a file with invalid records is
 * refused with the first problems listed, rather than printed with holes.
 */
import type { z } from 'zod';
import { syncedTables, type Synced } from '../model';
import type { ReportSource, ReportSpec } from './spec';
import { emptyReportSource } from './spec';

/** The synced tables a report can read, i.e. the keys of a ReportSource. */
export const reportTableNames = [
  'meetings',
  'sessions',
  'participations',
  'decisions',
  'actionItems',
  'delegates',
  'organizations',
  'countries',
  'mouDocuments',
  'articles',
  'mouVersions',
  'amendments',
  'minutes',
  'brackets',
  'bracketAlternatives',
] as const satisfies readonly (keyof ReportSource)[];
type ReportTableName = (typeof reportTableNames)[number];

export interface ReadTablesResult {
  tables: ReportSource;
  /** "meetings[3].startDate: date must be YYYY-MM-DD" */
  issues: string[];
  /** Which shape the file had. */
  shape: 'export' | 'bundle';
}

export class ReportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportFileError';
  }
}

const MAX_ISSUES = 20;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Table name → raw records, from either file shape. */
function rawTables(json: unknown): { shape: 'export' | 'bundle'; tables: Map<string, unknown[]> } {
  if (!isObject(json)) throw new ReportFileError('The file is not a JSON object of tables or a CWG Desk bundle.');
  const tables = new Map<string, unknown[]>();
  const addAll = (changes: unknown, where: string) => {
    if (!isObject(changes)) throw new ReportFileError(`${where} is not an object of tables.`);
    for (const [name, records] of Object.entries(changes)) {
      if (!Array.isArray(records)) continue;
      tables.set(name, [...(tables.get(name) ?? []), ...(records as unknown[])]);
    }
  };
  const header = json.header;
  if (isObject(header) && header.format === 'cwg-desk-bundle') {
    const payload = json.payload;
    if (!isObject(payload)) throw new ReportFileError('The bundle has no payload.');
    if (header.kind === 'merged') {
      const parts = payload.parts;
      if (!Array.isArray(parts)) throw new ReportFileError('The merged bundle has no parts.');
      parts.forEach((part: unknown, index) => {
        if (!isObject(part) || !isObject(part.payload)) throw new ReportFileError(`Part ${String(index + 1)} of the bundle has no payload.`);
        addAll(part.payload.changes, `Part ${String(index + 1)}'s changes`);
      });
    } else {
      addAll(payload.changes, "The bundle's changes");
    }
    return { shape: 'bundle', tables };
  }
  if (!reportTableNames.some((name) => Array.isArray(json[name]))) {
    throw new ReportFileError(
      `The file holds none of the tables a report reads (${reportTableNames.join(', ')}): is it a CWG Desk export or bundle?`,
    );
  }
  addAll(json, 'The file');
  return { shape: 'export', tables };
}

/** Reads and checks every record a report could need; later stamps win over earlier copies of a record. */
export function readReportTables(json: unknown): ReadTablesResult {
  const { shape, tables: raw } = rawTables(json);
  const tables = emptyReportSource();
  const issues: string[] = [];
  for (const name of reportTableNames) {
    const schema: z.ZodType = syncedTables[name];
    const latest = new Map<string, Synced>();
    (raw.get(name) ?? []).forEach((record, index) => {
      const parsed = schema.safeParse(record);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          if (issues.length < MAX_ISSUES) {
            const path = issue.path.map(String).join('.');
            issues.push(`${name}[${String(index)}]${path === '' ? '' : `.${path}`}: ${issue.message}`);
          }
        }
        return;
      }
      const value = parsed.data as Synced;
      const existing = latest.get(value.id);
      if (!existing || existing.hlc < value.hlc) latest.set(value.id, value);
    });
    setTable(tables, name, [...latest.values()]);
  }
  return { tables, issues, shape };
}

function setTable(tables: ReportSource, name: ReportTableName, records: Synced[]): void {
  // Each record was parsed by this table's own schema just above.
  (tables as Record<ReportTableName, Synced[]>)[name] = records;
}

const live = <T extends { deleted: boolean }>(records: readonly T[]): T[] => records.filter((record) => !record.deleted);

/** The records one report is printed from: its meeting or document and what they refer to. */
export function sourceForSpec(spec: ReportSpec, tables: ReportSource): ReportSource {
  if (spec.kind === 'book') {
    // The meeting book: the meeting's records and, with a document, the MoU's.
    const meeting = sourceForSpec({ ...spec, kind: 'meeting-report' }, tables);
    if (spec.documentId === null) return meeting;
    const mou = sourceForSpec(
      { kind: 'mou', documentId: spec.documentId, version: null, compareWith: null, annex: false, lineNumbers: false, language: spec.language, paper: spec.paper },
      tables,
    );
    const people = new Map([...meeting.delegates, ...mou.delegates].map((delegate) => [delegate.id, delegate]));
    return { ...meeting, delegates: [...people.values()], mouDocuments: mou.mouDocuments, articles: mou.articles, mouVersions: mou.mouVersions, amendments: mou.amendments, brackets: mou.brackets, bracketAlternatives: mou.bracketAlternatives };
  }
  const source = emptyReportSource();
  source.countries = live(tables.countries);
  if (spec.kind === 'mou') {
    source.mouDocuments = live(tables.mouDocuments).filter((document) => document.id === spec.documentId);
    source.articles = live(tables.articles).filter((article) => article.documentId === spec.documentId);
    source.mouVersions = live(tables.mouVersions).filter((version) => version.documentId === spec.documentId);
    source.amendments = live(tables.amendments).filter((amendment) => amendment.documentId === spec.documentId);
    source.brackets = live(tables.brackets).filter((bracket) => bracket.documentId === spec.documentId);
    source.bracketAlternatives = live(tables.bracketAlternatives).filter((alternative) => alternative.documentId === spec.documentId);
    // Where brackets were agreed: the meetings, their sessions and that day's attendance.
    const places = new Set(source.brackets.flatMap((bracket) => (bracket.decidedAtMeetingId === null ? [] : [bracket.decidedAtMeetingId])));
    source.meetings = live(tables.meetings).filter((meeting) => places.has(meeting.id));
    source.sessions = live(tables.sessions).filter((session) => places.has(session.meetingId));
    source.participations = live(tables.participations).filter((participation) => places.has(participation.meetingId));
    const proposers = new Set([...source.amendments.map((amendment) => amendment.proposedByDelegateId), ...source.participations.map((p) => p.delegateId)]);
    source.delegates = live(tables.delegates).filter((delegate) => proposers.has(delegate.id));
    return source;
  }
  const meetingId = spec.meetingId;
  source.meetings = live(tables.meetings).filter((meeting) => meeting.id === meetingId);
  source.sessions = live(tables.sessions).filter((session) => session.meetingId === meetingId);
  source.participations = live(tables.participations).filter((participation) => participation.meetingId === meetingId);
  source.decisions = live(tables.decisions).filter((decision) => decision.meetingId === meetingId);
  source.actionItems = live(tables.actionItems).filter((item) => item.meetingId === meetingId);
  const people = new Set<string | null>([
    ...source.participations.map((participation) => participation.delegateId),
    ...source.sessions.flatMap((session) => [...session.moderatorIds, ...session.speakerIds]),
    ...source.actionItems.map((item) => item.ownerDelegateId),
  ]);
  source.delegates = live(tables.delegates).filter((delegate) => people.has(delegate.id));
  const organizations = new Set<string | null>([
    ...source.meetings.map((meeting) => meeting.hostOrganizationId),
    ...source.delegates.map((delegate) => delegate.organizationId),
  ]);
  source.organizations = live(tables.organizations).filter((organization) => organizations.has(organization.id));
  // The minutes' state prints with the meeting report (alone or in the book, which reads this one), with the meeting and session that approved them.
  if (spec.kind !== 'meeting-report') return source;
  source.minutes = live(tables.minutes).filter((minutes) => minutes.meetingId === meetingId);
  for (const minutes of source.minutes) {
    if (!minutes.approvedAt) continue;
    const { meetingId: approvingId, sessionId } = minutes.approvedAt;
    source.meetings.push(...live(tables.meetings).filter((meeting) => meeting.id === approvingId && meeting.id !== meetingId));
    source.sessions.push(...live(tables.sessions).filter((session) => session.id === sessionId && session.meetingId !== meetingId));
  }
  return source;
}
