/**
 * The minutes of a meeting and their approval (issue 15, item 4): what a revision freezes,
 * the states the minutes go through and what each allows. Pure; the repository
 * (renderer/db/minutesRepository.ts) applies these rules, the screens offer exactly what
 * they allow, and authorityRules.ts refuses changes to approved minutes arriving in bundles.
 *
 *   draft ──circulate──▶ circulated ──(delegations comment)──▶ commented
 *     ▲                      │   ▲                                  │
 *     └── outcomes edited ───┘   └──── circulate revision n+1 ◀─────┘
 *                            approve (at a session of a later meeting) ──▶ approved, locked
 *
 * "Commented" is not stored: a delegation may only write comments, never the minutes, so
 * it is shown when the latest circulated revision has comments.
 */
import type {
  ActionItem,
  Bilingual,
  Decision,
  Delegate,
  Meeting,
  Minutes,
  MinutesApproval,
  MinutesContent,
  MinutesRevision,
  Participation,
  Session,
} from '../model';

/** The state shown to people: the stored status, with "commented" for a circulated revision that has comments. */
export type MinutesState = 'draft' | 'circulated' | 'commented' | 'approved';

/** The newest circulated revision, if any. */
export function latestRevision(minutes: Pick<Minutes, 'revisions'> | undefined): MinutesRevision | undefined {
  if (!minutes || minutes.revisions.length === 0) return undefined;
  return minutes.revisions.reduce((latest, revision) => (revision.number > latest.number ? revision : latest));
}

/** A revision by number. */
export function revisionNumbered(minutes: Pick<Minutes, 'revisions'> | undefined, number: number): MinutesRevision | undefined {
  return minutes?.revisions.find((revision) => revision.number === number);
}

/** Whether the minutes are approved, which locks the meeting's recorded outcomes and attendance. */
export function isLocked(minutes: Pick<Minutes, 'status' | 'deleted'> | undefined): boolean {
  return minutes !== undefined && !minutes.deleted && minutes.status === 'approved';
}

/**
 * The state to show. `commentsOnLatest`: comments (not deleted) on the latest circulated
 * revision.
 */
export function minutesState(minutes: Minutes | undefined, commentsOnLatest: number): MinutesState {
  if (!minutes || minutes.deleted || minutes.status === 'draft') return 'draft';
  if (minutes.status === 'approved') return 'approved';
  return commentsOnLatest > 0 ? 'commented' : 'circulated';
}

interface ContentInput {
  sessions: readonly Session[];
  decisions: readonly Decision[];
  actionItems: readonly ActionItem[];
  participations: readonly Participation[];
  delegatesById: ReadonlyMap<string, Delegate>;
}

const byOrder = <T extends { order: number }>(a: T, b: T): number => a.order - b.order;

function joined(parts: readonly string[]): string {
  return parts.filter((part) => part.trim() !== '').join(', ');
}

/**
 * What the minutes record today, from the meeting's live records (deleted ones left out):
 * the sessions with an outcome note, decisions and action items in order, and every
 * participant with their status and days present, sorted by Latin name.
 */
export function buildMinutesContent({ sessions, decisions, actionItems, participations, delegatesById }: ContentInput): MinutesContent {
  const live = <T extends { deleted: boolean }>(records: readonly T[]): T[] => records.filter((record) => !record.deleted);
  return {
    sessions: live(sessions)
      .filter((session) => session.outcome.en.trim() !== '' || session.outcome.ru.trim() !== '')
      .sort((a, b) => (a.date === b.date ? (a.start === b.start ? a.order - b.order : a.start < b.start ? -1 : 1) : a.date < b.date ? -1 : 1))
      .map((session) => ({
        sessionId: session.id,
        date: session.date,
        start: session.start,
        end: session.end,
        title: { ...session.title },
        outcome: { ...session.outcome },
      })),
    decisions: live(decisions)
      .sort(byOrder)
      .map((decision) => ({ decisionId: decision.id, text: { ...decision.text } })),
    actionItems: live(actionItems)
      .sort(byOrder)
      .map((item) => {
        const owner = item.ownerDelegateId ? delegatesById.get(item.ownerDelegateId) : undefined;
        return {
          actionItemId: item.id,
          text: { ...item.text },
          owner: {
            en: joined([owner?.nameLatin ?? '', item.ownerName.en]),
            ru: joined([owner ? owner.nameNative || owner.nameLatin : '', item.ownerName.ru]),
          },
          dueDate: item.dueDate,
        };
      }),
    attendance: live(participations)
      .flatMap((participation) => {
        const delegate = delegatesById.get(participation.delegateId);
        if (!delegate) return [];
        return [
          {
            delegateId: delegate.id,
            nameLatin: delegate.nameLatin,
            nameNative: delegate.nameNative,
            countryId: delegate.countryId,
            status: participation.status,
            attendedDays: [...participation.attendedDays].sort(),
          },
        ];
      })
      .sort((a, b) => a.nameLatin.localeCompare(b.nameLatin, 'en') || (a.delegateId < b.delegateId ? -1 : 1)),
  };
}

/** Whether two contents record the same (same order, same words). */
export function sameContent(a: MinutesContent, b: MinutesContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Why an action on the minutes is not possible now. */
export type MinutesRefusal =
  /** Approved minutes are locked. */
  | 'locked'
  /** Nothing changed since the latest circulated revision. */
  | 'unchanged'
  /** Approving needs a circulated revision. */
  | 'notCirculated'
  /** The outcomes changed after the latest revision was circulated: circulate them first. */
  | 'changedSinceCirculated'
  /** Minutes are approved at a session of a later meeting. */
  | 'notLaterMeeting';

/** Whether a new revision can be circulated: never once approved, nor when it would repeat the latest. */
export function circulateRefusal(minutes: Minutes | undefined, live: MinutesContent): MinutesRefusal | null {
  if (isLocked(minutes)) return 'locked';
  const latest = latestRevision(minutes);
  if (latest && sameContent(latest.content, live)) return 'unchanged';
  return null;
}

/** The minutes after circulating `live` on `date`: a new revision, numbered after the latest. */
export function circulated(minutes: Minutes | undefined, live: MinutesContent, date: string): Pick<Minutes, 'status' | 'revisions'> {
  const number = (latestRevision(minutes)?.number ?? 0) + 1;
  return { status: 'circulated', revisions: [...(minutes?.revisions ?? []), { number, circulatedOn: date, content: live }] };
}

/**
 * Whether the minutes of `meeting` can be approved at `session` of `approvingMeeting`: a
 * revision was circulated, the outcomes did not change since (the meeting approves what the
 * delegations read), not yet approved, and the session belongs to a later meeting.
 */
export function approveRefusal(
  minutes: Minutes | undefined,
  live: MinutesContent,
  meeting: Pick<Meeting, 'id' | 'startDate'>,
  approvingMeeting: Pick<Meeting, 'id' | 'startDate'>,
): MinutesRefusal | null {
  if (isLocked(minutes)) return 'locked';
  const latest = latestRevision(minutes);
  if (!minutes || minutes.status === 'draft' || !latest) return 'notCirculated';
  if (!sameContent(latest.content, live)) return 'changedSinceCirculated';
  if (approvingMeeting.id === meeting.id || approvingMeeting.startDate <= meeting.startDate) return 'notLaterMeeting';
  return null;
}

/** Whether `candidate` can be the meeting that approves the minutes of `meeting`: a later one. */
export function isLaterMeeting(meeting: Pick<Meeting, 'id' | 'startDate'>, candidate: Pick<Meeting, 'id' | 'startDate' | 'deleted'>): boolean {
  return !candidate.deleted && candidate.id !== meeting.id && candidate.startDate > meeting.startDate;
}

/** The minutes after their approval: locked, with the meeting, session and day that approved them. */
export function approved(approval: MinutesApproval): Pick<Minutes, 'status' | 'approvedAt' | 'approvalSessionId'> {
  return { status: 'approved', approvedAt: { ...approval }, approvalSessionId: approval.sessionId };
}

/** Headings and words the text of the minutes is built with, in one language. */
export interface MinutesTextLabels {
  sessions: string;
  decisions: string;
  actionItems: string;
  attendance: string;
  owner: string;
  due: string;
  /** Participation status names. */
  statuses: Readonly<Record<MinutesContent['attendance'][number]['status'], string>>;
  /** "days present: N" for a number. */
  days: (count: number) => string;
}

/**
 * The minutes as plain text in one language, one paragraph per line, for comparing
 * revisions word by word (shared/mou/compare.ts diffText) and for the revision view.
 */
export function minutesText(content: MinutesContent, language: 'en' | 'ru', labels: MinutesTextLabels): string {
  const pick = (value: Bilingual): string => value[language] || value[language === 'en' ? 'ru' : 'en'];
  const lines: string[] = [];
  lines.push(labels.sessions);
  for (const session of content.sessions) lines.push(`${session.date} ${session.start}–${session.end} ${pick(session.title)}: ${pick(session.outcome)}`);
  lines.push(labels.decisions);
  content.decisions.forEach((decision, index) => lines.push(`${String(index + 1)}. ${pick(decision.text)}`));
  lines.push(labels.actionItems);
  content.actionItems.forEach((item, index) => {
    const owner = pick(item.owner);
    const facts = [owner ? `${labels.owner}: ${owner}` : '', item.dueDate ? `${labels.due}: ${item.dueDate}` : ''].filter((fact) => fact !== '');
    lines.push(`${String(index + 1)}. ${pick(item.text)}${facts.length > 0 ? ` (${facts.join('; ')})` : ''}`);
  });
  lines.push(labels.attendance);
  for (const person of content.attendance) {
    const name = language === 'ru' && person.nameNative ? person.nameNative : person.nameLatin;
    const country = person.countryId ? ` (${person.countryId})` : '';
    lines.push(`${name}${country}: ${labels.statuses[person.status]}, ${labels.days(person.attendedDays.length)}`);
  }
  return lines.join('\n');
}
