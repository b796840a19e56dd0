/**
 * Reads for printed reports: the choices the Reports screen offers (meetings, MoU
 * documents, frozen versions) and, for a report spec, exactly the records it is printed
 * from, read in one transaction so a sync landing meanwhile cannot mix two states.
 * Read-only: reports never write.
 */
import { Dexie } from 'dexie';
import type { Meeting, MouDocument, MouVersion } from '../../shared/model';
import { emptyReportSource, type ReportSource, type ReportSpec } from '../../shared/reports/spec';
import type { RepositoryContext } from './writes';

export interface ReportsRepository {
  /** Meetings a report can be printed for: not deleted, newest first. */
  listMeetings(): Promise<Meeting[]>;
  /** MoU documents: not deleted, by English title. */
  listDocuments(): Promise<MouDocument[]>;
  /** Frozen versions of a document: not deleted, oldest first. */
  listVersions(documentId: string): Promise<MouVersion[]>;
  /** The records a report is printed from (tombstones left out). */
  loadSource(spec: ReportSpec): Promise<ReportSource>;
}

const live = <T extends { deleted: boolean }>(records: readonly (T | undefined)[]): T[] =>
  records.filter((record): record is T => record !== undefined && !record.deleted);

export function createReportsRepository(ctx: RepositoryContext): ReportsRepository {
  const { db } = ctx;

  const meetingSource = (meetingId: string): Promise<ReportSource> =>
    db.transaction(
      'r',
      [db.meetings, db.sessions, db.participations, db.decisions, db.actionItems, db.delegates, db.organizations, db.countries, db.minutes],
      async () => {
        const source = emptyReportSource();
        const meeting = await db.meetings.get(meetingId);
        if (!meeting || meeting.deleted) return source;
        source.meetings = [meeting];
        source.sessions = live(await db.sessions.where('meetingId').equals(meetingId).toArray());
        source.participations = live(await db.participations.where('meetingId').equals(meetingId).toArray());
        source.decisions = live(await db.decisions.where('meetingId').equals(meetingId).toArray());
        source.actionItems = live(await db.actionItems.where('meetingId').equals(meetingId).toArray());
        const delegateIds = new Set<string>([
          ...source.participations.map((participation) => participation.delegateId),
          ...source.sessions.flatMap((session) => [...session.moderatorIds, ...session.speakerIds]),
          ...source.actionItems.flatMap((item) => (item.ownerDelegateId === null ? [] : [item.ownerDelegateId])),
        ]);
        source.delegates = live(await db.delegates.bulkGet([...delegateIds]));
        const organizationIds = new Set<string>([
          ...(meeting.hostOrganizationId === null ? [] : [meeting.hostOrganizationId]),
          ...source.delegates.flatMap((delegate) => (delegate.organizationId === null ? [] : [delegate.organizationId])),
        ]);
        source.organizations = live(await db.organizations.bulkGet([...organizationIds]));
        source.countries = live(await db.countries.toArray());
        // The minutes' state prints with the report; when approved, with the meeting and session that approved them.
        source.minutes = live(await db.minutes.where('meetingId').equals(meetingId).toArray());
        for (const minutes of source.minutes) {
          if (!minutes.approvedAt) continue;
          const approving = await db.meetings.get(minutes.approvedAt.meetingId);
          const session = await db.sessions.get(minutes.approvedAt.sessionId);
          if (approving && !approving.deleted && approving.id !== meetingId) source.meetings.push(approving);
          if (session && !session.deleted && session.meetingId !== meetingId) source.sessions.push(session);
        }
        return source;
      },
    );

  const mouSource = (documentId: string): Promise<ReportSource> =>
    db.transaction(
      'r',
      [db.mouDocuments, db.articles, db.mouVersions, db.amendments, db.brackets, db.bracketAlternatives, db.meetings, db.sessions, db.participations, db.delegates, db.countries],
      async () => {
      const source = emptyReportSource();
      const document = await db.mouDocuments.get(documentId);
      if (!document || document.deleted) return source;
      source.mouDocuments = [document];
      source.articles = live(await db.articles.where('documentId').equals(documentId).toArray());
      source.mouVersions = live(await db.mouVersions.where('documentId').equals(documentId).toArray());
      source.amendments = live(await db.amendments.where('documentId').equals(documentId).toArray());
      source.brackets = live(await db.brackets.where('documentId').equals(documentId).toArray());
      source.bracketAlternatives = live(await db.bracketAlternatives.where('documentId').equals(documentId).toArray());
      // Where brackets were agreed: the meetings, their sessions and that day's attendance.
      const places = [...new Set(source.brackets.flatMap((bracket) => (bracket.decidedAtMeetingId === null ? [] : [bracket.decidedAtMeetingId])))];
      source.meetings = live(await db.meetings.bulkGet(places));
      source.sessions = live(await db.sessions.where('meetingId').anyOf(places).toArray());
      source.participations = live(await db.participations.where('meetingId').anyOf(places).toArray());
      const proposers = new Set([
        ...source.amendments.flatMap((amendment) => (amendment.proposedByDelegateId === null ? [] : [amendment.proposedByDelegateId])),
        ...source.participations.map((participation) => participation.delegateId),
      ]);
      source.delegates = live(await db.delegates.bulkGet([...proposers]));
      source.countries = live(await db.countries.toArray());
      return source;
      },
    );

  return {
    listMeetings: async () => live(await db.meetings.orderBy('startDate').reverse().toArray()),

    listDocuments: async () =>
      live(await db.mouDocuments.toArray()).sort((a, b) => a.title.en.localeCompare(b.title.en, 'en')),

    listVersions: async (documentId) =>
      live(
        await db.mouVersions
          .where('[documentId+number]')
          .between([documentId, Dexie.minKey], [documentId, Dexie.maxKey])
          .toArray(),
      ),

    loadSource: async (spec) => {
      if (spec.kind === 'mou') return mouSource(spec.documentId);
      if (spec.kind !== 'book' || spec.documentId === null) return meetingSource(spec.meetingId);
      // The meeting book: the meeting's records and the MoU's, people and countries from both.
      const [meeting, mou] = await Promise.all([meetingSource(spec.meetingId), mouSource(spec.documentId)]);
      const people = new Map([...meeting.delegates, ...mou.delegates].map((delegate) => [delegate.id, delegate]));
      return { ...meeting, delegates: [...people.values()], mouDocuments: mou.mouDocuments, articles: mou.articles, mouVersions: mou.mouVersions, amendments: mou.amendments, brackets: mou.brackets, bracketAlternatives: mou.bracketAlternatives };
    },
  };
}
