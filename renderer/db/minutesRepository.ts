/**
 * The minutes of meetings (issue 15, item 4; rules in shared/meetings/minutes.ts): the
 * secretariat circulates revisions, schedules and records their approval at a session of a
 * later meeting; every installation comments on a circulated revision (a delegation
 * offline, its comments travel in its bundle). Writes go through writes.ts in one
 * transaction each.
 */
import {
  approveRefusal,
  approved,
  buildMinutesContent,
  circulateRefusal,
  circulated,
  isLaterMeeting,
  isLocked,
  latestRevision,
  type MinutesRefusal,
} from '../../shared/meetings/minutes';
import type { Comment, Minutes, MinutesContent } from '../../shared/model';
import { meetingsEn } from '../../shared/i18n/meetings';
import type { InstallationClock } from './clock';
import { NoInstallationError } from './errors';
import { unstamped, writeRecord, type RepositoryContext } from './writes';
import { mayPlanMeetings } from '../../shared/sync/screenOffers';

export type MinutesRefusalCode = MinutesRefusal | 'secretariatOnly' | 'notFound' | 'notCirculatedForComments' | 'emptyComment';

/** The action is not possible for this installation or in this state; nothing was written. */
export class MinutesRefusedError extends Error {
  constructor(readonly code: MinutesRefusalCode) {
    super(meetingsEn.minutes.refusals[code]);
    this.name = 'MinutesRefusedError';
  }
}

export interface MinutesRepository {
  /** The minutes of a meeting (not deleted), if any were started. */
  ofMeeting(meetingId: string): Promise<Minutes | undefined>;
  /** Minutes whose approval is on the agenda of this session (or was recorded at it). */
  approvedAtSession(sessionId: string): Promise<Minutes[]>;
  /** What the minutes would record now, from the meeting's live records. */
  liveContent(meetingId: string): Promise<MinutesContent>;
  /** Secretariat: circulates what the meeting's records hold now as the next revision. */
  circulate(meetingId: string): Promise<Minutes>;
  /** Secretariat: puts the approval on the agenda of a session of a later meeting (null: none). */
  scheduleApproval(meetingId: string, sessionId: string | null): Promise<Minutes>;
  /** Secretariat: records that `sessionId` (of a later meeting) approved the minutes, which locks them. */
  approve(meetingId: string, sessionId: string): Promise<Minutes>;
  /** Comments on the minutes (every revision), oldest first. */
  comments(minutesId: string): Promise<Comment[]>;
  /** Any installation: a comment on the latest circulated revision. */
  addComment(minutesId: string, text: string): Promise<Comment>;
}

const notDeleted = (record: { deleted: boolean }): boolean => !record.deleted;

const MINUTES_TABLES = ['installation', 'meetings', 'sessions', 'participations', 'decisions', 'actionItems', 'delegates', 'minutes', 'comments', 'meta'] as const;

/** YYYY-MM-DD of `millis` on this computer's calendar. */
function localDate(millis: number): string {
  const date = new Date(millis);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function createMinutesRepository(ctx: RepositoryContext): MinutesRepository {
  const { db } = ctx;

  const ofMeeting = async (meetingId: string): Promise<Minutes | undefined> =>
    db.minutes.where('meetingId').equals(meetingId).filter(notDeleted).first();

  const liveContent = async (meetingId: string): Promise<MinutesContent> => {
    const [sessions, decisions, actionItems, participations] = await Promise.all([
      db.sessions.where('meetingId').equals(meetingId).toArray(),
      db.decisions.where('meetingId').equals(meetingId).toArray(),
      db.actionItems.where('meetingId').equals(meetingId).toArray(),
      db.participations.where('meetingId').equals(meetingId).toArray(),
    ]);
    const delegates = await db.delegates.bulkGet([...new Set(participations.map((p) => p.delegateId).concat(actionItems.flatMap((a) => (a.ownerDelegateId ? [a.ownerDelegateId] : []))))]);
    const delegatesById = new Map(delegates.flatMap((delegate) => (delegate ? [[delegate.id, delegate] as const] : [])));
    return buildMinutesContent({ sessions, decisions, actionItems, participations, delegatesById });
  };

  /** Runs `body` in one transaction with the clock; `secretariat`: refused where peers would refuse the minutes (screenOffers). */
  const change = async <T>(secretariat: boolean, body: (clock: InstallationClock, author: string) => Promise<T>): Promise<T> => {
    const installation = await db.installation.get('self');
    if (!installation) throw new NoInstallationError();
    if (secretariat && !mayPlanMeetings(installation)) throw new MinutesRefusedError('secretariatOnly');
    const clock = await ctx.clock();
    return db.transaction('rw', [...MINUTES_TABLES], async () => body(clock, installation.displayName));
  };

  const liveMeeting = async (id: string) => {
    const meeting = await db.meetings.get(id);
    if (!meeting || meeting.deleted) throw new MinutesRefusedError('notFound');
    return meeting;
  };

  /** The session, its meeting, checked to be later than `meetingId`'s meeting. */
  const laterSession = async (meetingId: string, sessionId: string) => {
    const meeting = await liveMeeting(meetingId);
    const session = await db.sessions.get(sessionId);
    if (!session || session.deleted) throw new MinutesRefusedError('notFound');
    const approving = await liveMeeting(session.meetingId);
    if (!isLaterMeeting(meeting, approving)) throw new MinutesRefusedError('notLaterMeeting');
    return { meeting, session, approving };
  };

  return {
    ofMeeting,
    approvedAtSession: async (sessionId) => (await db.minutes.where('approvalSessionId').equals(sessionId).filter(notDeleted).toArray()),
    liveContent,

    circulate: (meetingId) =>
      change(true, async (clock) => {
        await liveMeeting(meetingId);
        const minutes = await ofMeeting(meetingId);
        const live = await liveContent(meetingId);
        const refusal = circulateRefusal(minutes, live);
        if (refusal) throw new MinutesRefusedError(refusal);
        const next = circulated(minutes, live, localDate(ctx.now()));
        if (minutes) return writeRecord(db, clock, 'minutes', { ...unstamped<'minutes'>(minutes), ...next });
        return writeRecord(db, clock, 'minutes', { id: ctx.randomUUID(), meetingId, approvalSessionId: null, approvedAt: null, deleted: false, ...next });
      }),

    scheduleApproval: (meetingId, sessionId) =>
      change(true, async (clock) => {
        await liveMeeting(meetingId);
        if (sessionId !== null) await laterSession(meetingId, sessionId);
        const minutes = await ofMeeting(meetingId);
        if (isLocked(minutes)) throw new MinutesRefusedError('locked');
        if (minutes) return writeRecord(db, clock, 'minutes', { ...unstamped<'minutes'>(minutes), approvalSessionId: sessionId });
        return writeRecord(db, clock, 'minutes', {
          id: ctx.randomUUID(),
          meetingId,
          status: 'draft',
          revisions: [],
          approvalSessionId: sessionId,
          approvedAt: null,
          deleted: false,
        });
      }),

    approve: (meetingId, sessionId) =>
      change(true, async (clock) => {
        const { meeting, session, approving } = await laterSession(meetingId, sessionId);
        const minutes = await ofMeeting(meetingId);
        const refusal = approveRefusal(minutes, await liveContent(meetingId), meeting, approving);
        if (refusal || !minutes) throw new MinutesRefusedError(refusal ?? 'notCirculated');
        // The day of the approving session: the day the meeting agreed.
        return writeRecord(db, clock, 'minutes', {
          ...unstamped<'minutes'>(minutes),
          ...approved({ meetingId: approving.id, sessionId: session.id, date: session.date }),
        });
      }),

    comments: async (minutesId) =>
      (await db.comments.where('targetId').equals(minutesId).filter((comment) => !comment.deleted && comment.targetKind === 'minutes').toArray()).sort(
        (a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1),
      ),

    addComment: (minutesId, text) =>
      change(false, async (clock, author) => {
        const minutes = await db.minutes.get(minutesId);
        if (!minutes || minutes.deleted) throw new MinutesRefusedError('notFound');
        if (isLocked(minutes)) throw new MinutesRefusedError('locked');
        const latest = latestRevision(minutes);
        if (!latest) throw new MinutesRefusedError('notCirculatedForComments');
        const trimmed = text.trim();
        if (trimmed === '') throw new MinutesRefusedError('emptyComment');
        return writeRecord(db, clock, 'comments', {
          id: ctx.randomUUID(),
          targetKind: 'minutes',
          targetId: minutes.id,
          minutesRevision: latest.number,
          authorDelegateId: null,
          authorName: author,
          text: trimmed,
          createdAt: new Date(ctx.now()).toISOString(),
          resolved: false,
          deleted: false,
        });
      }),
  };
}
