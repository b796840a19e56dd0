/**
 * The meetings area's storage: meetings, their sessions (the agenda), participations and
 * attendance, decisions and action items. Every write checks that this installation is
 * the secretariat (delegations read meetings), validates with the rules of
 * shared/meetings/validation.ts plus what only the database knows (organizations, people,
 * sessions outside new dates), and writes all its records in one transaction through
 * writes.ts, so a refused or failed change leaves nothing behind.
 */
import { Dexie } from 'dexie';
import { meetingsEn } from '../../shared/i18n/meetings';
import {
  copyDayPlacements,
  duplicatePlacement,
  moveToDay,
  moveWithinDay,
  nextOrder,
  sortSlots,
  type Placement,
} from '../../shared/meetings/agenda';
import { addDays, daysBetween, meetingDays } from '../../shared/meetings/dates';
import { suggestedCapacity, withAttendance } from '../../shared/meetings/participants';
import {
  validateActionItem,
  validateMeetingDraft,
  validateOutcome,
  validateSessionDraft,
  validateTextItem,
  type ActionItemDraft,
  type FieldIssue,
  type MeetingDraft,
  type SessionDraft,
  type TextItemDraft,
} from '../../shared/meetings/validation';
import type {
  ActionItem,
  Bilingual,
  Decision,
  Meeting,
  MeetingStatus,
  Participation,
  ParticipationCapacity,
  ParticipationStatus,
  Session,
} from '../../shared/model';
import { mayPlanMeetings } from '../../shared/sync/screenOffers';
import type { InstallationClock } from './clock';
import { MINUTES_LOCKED_FIELDS, lockedByMinutes } from '../../shared/sync/authorityRules';
import { isLocked } from '../../shared/meetings/minutes';
import { sameValue } from '../../shared/sync/stampChanges';
import { syncedTable, type SyncedRecordMap } from './db';
import { NoInstallationError, ValidationError } from './errors';
import { unstamped, writeDeleted, writeRecord, type RepositoryContext, type Unstamped } from './writes';

// ---------------------------------------------------------------------------------------
// Errors

function interpolate(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Input refused; `details` carry keys the forms translate (meetings.errors.<key>). */
export class MeetingValidationError extends ValidationError {
  readonly details: readonly FieldIssue[];

  constructor(subject: string, details: readonly FieldIssue[]) {
    super(
      subject,
      details.map((issue) => ({ path: issue.path, message: interpolate(meetingsEn.errors[issue.key], issue.values) })),
    );
    this.name = 'MeetingValidationError';
    this.details = details;
  }
}

export type MeetingRefusalCode = 'secretariatOnly' | 'notFound' | 'pastMidnight' | 'atEdge' | 'minutesLocked';

/** The action is not allowed for this installation or in this state; nothing was written. */
export class MeetingRefusedError extends Error {
  constructor(readonly code: MeetingRefusalCode) {
    super(meetingsEn.refusals[code]);
    this.name = 'MeetingRefusedError';
  }
}

// ---------------------------------------------------------------------------------------
// Inputs

export interface MeetingInput extends MeetingDraft {
  /** Absent for a new meeting. */
  id?: string;
}

export interface MeetingSaveOptions {
  /**
   * When the start date changes, move every session (and recorded attendance) by the same
   * number of days, so the agenda follows the meeting. Without it, sessions must already
   * fall inside the new dates.
   */
  moveAgenda?: boolean;
}

export interface SessionInput extends SessionDraft {
  id?: string;
  meetingId: string;
}

export interface MeetingDecisionInput extends TextItemDraft {
  id?: string;
  meetingId: string;
}

export interface ActionItemInput extends ActionItemDraft {
  id?: string;
  meetingId: string;
}

/** 'suggested': each person's likely capacity (suggestedCapacity). */
export type CapacityChoice = ParticipationCapacity | 'suggested';

export interface AddedParticipants {
  added: number;
  /** Already participating (not deleted): left as they were. */
  alreadyThere: number;
}

export interface MeetingsRepository {
  /** Not deleted, newest start date first. */
  list(): Promise<Meeting[]>;
  count(): Promise<number>;
  /** The meeting, unless unknown or deleted. */
  get(id: string): Promise<Meeting | undefined>;
  /** Creates (no id) or updates a meeting. */
  save(input: MeetingInput, options?: MeetingSaveOptions): Promise<Meeting>;
  setStatus(id: string, status: MeetingStatus): Promise<Meeting>;
  /** Deletes the meeting with its sessions, participants, decisions and action items (tombstones). */
  remove(id: string): Promise<void>;

  sessions: {
    /** Not deleted, in agenda order (day, start, order). */
    list(meetingId: string): Promise<Session[]>;
    get(id: string): Promise<Session | undefined>;
    save(input: SessionInput): Promise<Session>;
    remove(id: string): Promise<void>;
    /** Swaps the session with its neighbour in the day (see moveWithinDay). */
    move(id: string, direction: 'up' | 'down'): Promise<void>;
    moveToDay(id: string, date: string): Promise<Session>;
    /** A copy right after the original (or at the same time when that would pass midnight). */
    duplicate(id: string): Promise<Session>;
    /** Copies every session of one day to another; returns how many. */
    copyDay(meetingId: string, fromDate: string, toDate: string): Promise<number>;
    saveOutcome(id: string, outcome: Bilingual): Promise<Session>;
  };

  participants: {
    /** Not deleted, in no particular order (screens sort by country and name). */
    list(meetingId: string): Promise<Participation[]>;
    add(meetingId: string, delegateIds: readonly string[], capacity: CapacityChoice, status: ParticipationStatus): Promise<AddedParticipants>;
    /** Every registered delegate of the country who is not participating yet. */
    addCountry(meetingId: string, countryId: string, capacity: CapacityChoice, status: ParticipationStatus): Promise<AddedParticipants>;
    update(id: string, patch: { capacity?: ParticipationCapacity; status?: ParticipationStatus }): Promise<Participation>;
    remove(id: string): Promise<void>;
    setAttendance(id: string, date: string, present: boolean): Promise<Participation>;
    /** Marks the given participations present (or not) on a day, in one transaction; returns how many changed. */
    setAttendanceMany(ids: readonly string[], date: string, present: boolean): Promise<number>;
  };

  decisions: {
    list(meetingId: string): Promise<Decision[]>;
    save(input: MeetingDecisionInput): Promise<Decision>;
    remove(id: string): Promise<void>;
    move(id: string, direction: 'up' | 'down'): Promise<void>;
  };

  actionItems: {
    list(meetingId: string): Promise<ActionItem[]>;
    save(input: ActionItemInput): Promise<ActionItem>;
    setDone(id: string, done: boolean): Promise<ActionItem>;
    remove(id: string): Promise<void>;
    move(id: string, direction: 'up' | 'down'): Promise<void>;
  };
}

// ---------------------------------------------------------------------------------------

const notDeleted = (record: { deleted: boolean }): boolean => !record.deleted;

const byOrder = (a: { order: number; id: string }, b: { order: number; id: string }): number =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const trimmed = (text: Bilingual): Bilingual => ({ en: text.en.trim(), ru: text.ru.trim() });

const MEETING_TABLES = [
  'meetings',
  'sessions',
  'participations',
  'decisions',
  'actionItems',
  'minutes',
  'organizations',
  'delegates',
  'countries',
  'meta',
] as const;

export function createMeetingsRepository(ctx: RepositoryContext): MeetingsRepository {
  const { db } = ctx;

  /** The clock, after checking this installation may plan meetings. */
  const secretariatClock = async (): Promise<InstallationClock> => {
    const installation = await db.installation.get('self');
    if (!installation) throw new NoInstallationError();
    if (!mayPlanMeetings(installation)) throw new MeetingRefusedError('secretariatOnly');
    return ctx.clock();
  };

  /** Runs `body` in one read-write transaction over the meetings tables, with the clock. */
  const change = async <T>(body: (clock: InstallationClock) => Promise<T>): Promise<T> => {
    const clock = await secretariatClock();
    // An async callback: Dexie keeps the transaction across native awaits only for those.
    return db.transaction('rw', [...MEETING_TABLES], async () => body(clock));
  };

  /**
   * Writes a record of the meetings area. Approved minutes lock what they record: a change
   * of a locked field (authorityRules MINUTES_LOCKED_FIELDS) of a record of such a meeting
   * is refused here, as peers would refuse it in a bundle.
   */
  const write = async <K extends 'meetings' | 'sessions' | 'participations' | 'decisions' | 'actionItems'>(
    clock: InstallationClock,
    name: K,
    record: Unstamped<K>,
  ): Promise<SyncedRecordMap[K]> => {
    const meetingId: unknown = (record as Record<string, unknown>).meetingId;
    if (typeof meetingId === 'string' && MINUTES_LOCKED_FIELDS[name] !== undefined) {
      const minutes = await db.minutes.where('meetingId').equals(meetingId).filter((candidate) => isLocked(candidate)).first();
      if (minutes) {
        const previous: Record<string, unknown> | undefined = await syncedTable(db, name).get(record.id);
        const next = record as Record<string, unknown>;
        const changed = Object.keys(next).filter((field) => field !== 'id' && (previous === undefined || !sameValue(previous[field], next[field])));
        if (changed.some((field) => lockedByMinutes(name, field))) throw new MeetingRefusedError('minutesLocked');
      }
    }
    return writeRecord(db, clock, name, record);
  };

  const liveMeeting = async (id: string): Promise<Meeting> => {
    const meeting = await db.meetings.get(id);
    if (!meeting || meeting.deleted) throw new MeetingRefusedError('notFound');
    return meeting;
  };

  const liveSession = async (id: string): Promise<Session> => {
    const session = await db.sessions.get(id);
    if (!session || session.deleted) throw new MeetingRefusedError('notFound');
    return session;
  };

  const sessionsOf = async (meetingId: string): Promise<Session[]> =>
    sortSlots(await db.sessions.where('meetingId').equals(meetingId).filter(notDeleted).toArray());

  const participationsOf = (meetingId: string): Promise<Participation[]> =>
    db.participations.where('meetingId').equals(meetingId).filter(notDeleted).toArray();

  const checkOrganizations = async (draft: MeetingDraft, issues: FieldIssue[]): Promise<void> => {
    const known = async (id: string) => {
      const organization = await db.organizations.get(id);
      return organization !== undefined && !organization.deleted;
    };
    if (draft.hostOrganizationId !== null && !(await known(draft.hostOrganizationId))) {
      issues.push({ path: 'hostOrganizationId', key: 'organizationUnknown' });
    }
    for (const id of draft.coOrganizerIds) {
      if (!(await known(id))) {
        issues.push({ path: 'coOrganizerIds', key: 'organizationUnknown' });
        break;
      }
    }
  };

  const checkPeople = async (ids: readonly string[], path: string, issues: FieldIssue[]): Promise<void> => {
    const found = await db.delegates.bulkGet([...ids]);
    if (found.some((delegate) => !delegate || delegate.deleted)) issues.push({ path, key: 'personUnknown' });
  };

  const placeSession = async (clock: InstallationClock, session: Session, placement: Omit<Placement, 'id'>): Promise<Session> =>
    write(clock, 'sessions', { ...unstamped<'sessions'>(session), ...placement });

  /** Swaps `order` with the neighbour in a list sorted by order. */
  const swapOrder = async <K extends 'decisions' | 'actionItems'>(
    clock: InstallationClock,
    name: K,
    items: SyncedRecordMap[K][],
    id: string,
    direction: 'up' | 'down',
  ): Promise<void> => {
    const sorted = [...items].sort(byOrder);
    const index = sorted.findIndex((item) => item.id === id);
    if (index === -1) throw new MeetingRefusedError('notFound');
    const neighbour = sorted[direction === 'up' ? index - 1 : index + 1];
    const item = sorted[index];
    if (!neighbour || !item) throw new MeetingRefusedError('atEdge');
    // Renumber the whole list 0…n-1 with the two swapped, so equal orders (from a merge) cannot stick.
    const reordered = sorted.map((candidate) => (candidate.id === item.id ? neighbour : candidate.id === neighbour.id ? item : candidate));
    for (const [order, record] of reordered.entries()) {
      if (record.order !== order) await write(clock, name, { ...unstamped<K>(record), order });
    }
  };

  return {
    list: () => db.meetings.orderBy('startDate').reverse().filter(notDeleted).toArray(),
    count: () => db.meetings.filter(notDeleted).count(),
    get: async (id) => {
      const meeting = await db.meetings.get(id);
      return meeting && !meeting.deleted ? meeting : undefined;
    },

    save: (input, options = {}) =>
      change(async (clock) => {
        const draft: MeetingDraft = {
          ...input,
          title: trimmed(input.title),
          city: trimmed(input.city),
          venue: trimmed(input.venue),
          inConjunctionWith: trimmed(input.inConjunctionWith),
          objectives: trimmed(input.objectives),
          coOrganizerIds: [...new Set(input.coOrganizerIds)],
        };
        const issues = validateMeetingDraft(draft);
        await checkOrganizations(draft, issues);
        if (issues.length > 0) throw new MeetingValidationError('meeting', issues);

        const previous = input.id === undefined ? undefined : await liveMeeting(input.id);
        const id = previous?.id ?? ctx.randomUUID();
        if (previous) {
          const shift = options.moveAgenda ? daysBetween(previous.startDate, draft.startDate) : 0;
          const sessions = await sessionsOf(id);
          const outside = sessions.filter((session) => {
            const date = addDays(session.date, shift);
            return date < draft.startDate || date > draft.endDate;
          });
          if (outside.length > 0) {
            throw new MeetingValidationError('meeting', [
              { path: 'endDate', key: 'sessionsOutsideDates', values: { count: outside.length } },
            ]);
          }
          if (shift !== 0) {
            for (const session of sessions) {
              await write(clock, 'sessions', { ...unstamped<'sessions'>(session), date: addDays(session.date, shift) });
            }
            for (const participation of await participationsOf(id)) {
              if (participation.attendedDays.length === 0) continue;
              await write(clock, 'participations', {
                ...unstamped<'participations'>(participation),
                attendedDays: participation.attendedDays.map((day) => addDays(day, shift)),
              });
            }
          }
        }
        return write(clock, 'meetings', {
          id,
          deleted: false,
          title: draft.title,
          kind: draft.kind,
          status: draft.status,
          startDate: draft.startDate,
          endDate: draft.endDate,
          city: draft.city,
          venue: draft.venue,
          timeZone: draft.timeZone,
          hostOrganizationId: draft.hostOrganizationId,
          coOrganizerIds: draft.coOrganizerIds,
          inConjunctionWith: draft.inConjunctionWith,
          objectives: draft.objectives,
        });
      }),

    setStatus: (id, status) =>
      change(async (clock) => {
        const meeting = await liveMeeting(id);
        return write(clock, 'meetings', { ...unstamped<'meetings'>(meeting), status });
      }),

    remove: (id) =>
      change(async (clock) => {
        const meeting = await liveMeeting(id);
        const tombstone = async (name: 'sessions' | 'participations' | 'decisions' | 'actionItems') => {
          const ids = await db
            .table<{ id: string; meetingId: string; deleted: boolean }, string>(name)
            .where('meetingId')
            .equals(id)
            .filter(notDeleted)
            .primaryKeys();
          for (const recordId of ids) await writeDeleted(db, clock, name, recordId, true);
        };
        // The meeting first: its children's deletion stamps then come at or after the
        // meeting's, which is how Recently deleted (shared/trash/rules.ts) tells what was
        // deleted with the meeting from a session deleted on its own before.
        await write(clock, 'meetings', { ...unstamped<'meetings'>(meeting), deleted: true });
        await tombstone('sessions');
        await tombstone('participations');
        await tombstone('decisions');
        await tombstone('actionItems');
        // Its minutes go with it (and come back with it from Recently deleted).
        for (const minutes of await db.minutes.where('meetingId').equals(id).filter(notDeleted).toArray()) {
          await writeDeleted(db, clock, 'minutes', minutes.id, true);
        }
      }),

    sessions: {
      list: (meetingId) => sessionsOf(meetingId),
      get: async (id) => {
        const session = await db.sessions.get(id);
        return session && !session.deleted ? session : undefined;
      },

      save: (input) =>
        change(async (clock) => {
          const meeting = await liveMeeting(input.meetingId);
          const checked = validateSessionDraft(input, meeting);
          const issues = checked.ok ? [] : [...checked.issues];
          await checkPeople(input.moderatorIds, 'moderatorIds', issues);
          await checkPeople(input.speakerIds, 'speakerIds', issues);
          if (!checked.ok || issues.length > 0) throw new MeetingValidationError('session', issues);
          const previous = input.id === undefined ? undefined : await liveSession(input.id);
          if (previous && previous.meetingId !== input.meetingId) throw new MeetingRefusedError('notFound');
          const sessions = await sessionsOf(meeting.id);
          const order = previous && previous.date === input.date ? previous.order : nextOrder(sessions, input.date);
          return write(clock, 'sessions', {
            id: previous?.id ?? ctx.randomUUID(),
            deleted: false,
            meetingId: meeting.id,
            date: input.date,
            start: checked.start,
            end: checked.end,
            order,
            kind: input.kind,
            title: trimmed(input.title),
            description: trimmed(input.description),
            location: trimmed(input.location),
            moderatorIds: [...new Set(input.moderatorIds)],
            speakerIds: [...new Set(input.speakerIds)],
            topics: [...new Set(input.topics.map((topic) => topic.trim()).filter(Boolean))],
            outcome: previous?.outcome ?? { en: '', ru: '' },
          });
        }),

      remove: (id) =>
        change(async (clock) => {
          const session = await liveSession(id);
          await write(clock, 'sessions', { ...unstamped<'sessions'>(session), deleted: true });
        }),

      move: (id, direction) =>
        change(async (clock) => {
          const session = await liveSession(id);
          const sessions = await sessionsOf(session.meetingId);
          const result = moveWithinDay(sessions, id, direction);
          if (!result.ok) {
            throw new MeetingRefusedError(result.reason === 'past-midnight' ? 'pastMidnight' : result.reason === 'edge' ? 'atEdge' : 'notFound');
          }
          const byId = new Map(sessions.map((candidate) => [candidate.id, candidate]));
          for (const { id: placedId, ...placement } of result.placements) {
            const placed = byId.get(placedId);
            if (placed) await placeSession(clock, placed, placement);
          }
        }),

      moveToDay: (id, date) =>
        change(async (clock) => {
          const session = await liveSession(id);
          const meeting = await liveMeeting(session.meetingId);
          if (date < meeting.startDate || date > meeting.endDate) {
            throw new MeetingValidationError('session', [
              { path: 'date', key: 'dayOutsideMeeting', values: { start: meeting.startDate, end: meeting.endDate } },
            ]);
          }
          const placement = moveToDay(await sessionsOf(meeting.id), id, date);
          if (!placement) throw new MeetingRefusedError('notFound');
          const { id: _id, ...rest } = placement;
          return placeSession(clock, session, rest);
        }),

      duplicate: (id) =>
        change(async (clock) => {
          const session = await liveSession(id);
          const placement = duplicatePlacement(await sessionsOf(session.meetingId), session);
          return write(clock, 'sessions', {
            ...unstamped<'sessions'>(session),
            ...placement,
            id: ctx.randomUUID(),
            outcome: { en: '', ru: '' },
          });
        }),

      copyDay: (meetingId, fromDate, toDate) =>
        change(async (clock) => {
          const meeting = await liveMeeting(meetingId);
          const days = meetingDays(meeting.startDate, meeting.endDate);
          if (!days.includes(toDate)) {
            throw new MeetingValidationError('session', [
              { path: 'date', key: 'dayOutsideMeeting', values: { start: meeting.startDate, end: meeting.endDate } },
            ]);
          }
          if (fromDate === toDate) throw new MeetingValidationError('session', [{ path: 'date', key: 'sameDay' }]);
          const sessions = await sessionsOf(meetingId);
          const byId = new Map(sessions.map((session) => [session.id, session]));
          const copies = copyDayPlacements(sessions, fromDate, toDate);
          for (const { sourceId, placement } of copies) {
            const source = byId.get(sourceId);
            if (!source) continue;
            await write(clock, 'sessions', {
              ...unstamped<'sessions'>(source),
              ...placement,
              id: ctx.randomUUID(),
              outcome: { en: '', ru: '' },
            });
          }
          return copies.length;
        }),

      saveOutcome: (id, outcome) =>
        change(async (clock) => {
          const session = await liveSession(id);
          const issues = validateOutcome(outcome);
          if (issues.length > 0) throw new MeetingValidationError('session', issues);
          return write(clock, 'sessions', { ...unstamped<'sessions'>(session), outcome: trimmed(outcome) });
        }),
    },

    participants: {
      list: (meetingId) => participationsOf(meetingId),

      add: (meetingId, delegateIds, capacity, status) =>
        change(async (clock) => {
          await liveMeeting(meetingId);
          const delegates = await db.delegates.bulkGet([...new Set(delegateIds)]);
          if (delegates.some((delegate) => !delegate || delegate.deleted)) {
            throw new MeetingValidationError('participation', [{ path: 'delegateId', key: 'delegateUnknown' }]);
          }
          return addDelegates(clock, meetingId, delegates.filter((delegate) => delegate !== undefined), capacity, status);
        }),

      addCountry: (meetingId, countryId, capacity, status) =>
        change(async (clock) => {
          await liveMeeting(meetingId);
          const delegates = await db.delegates.where('countryId').equals(countryId).filter(notDeleted).toArray();
          const result = await addDelegates(clock, meetingId, delegates, capacity, status);
          if (result.added === 0) throw new MeetingValidationError('participation', [{ path: 'countryId', key: 'noneToAdd' }]);
          return result;
        }),

      update: (id, patch) =>
        change(async (clock) => {
          const participation = await db.participations.get(id);
          if (!participation || participation.deleted) throw new MeetingRefusedError('notFound');
          return write(clock, 'participations', {
            ...unstamped<'participations'>(participation),
            ...(patch.capacity === undefined ? {} : { capacity: patch.capacity }),
            ...(patch.status === undefined ? {} : { status: patch.status }),
          });
        }),

      remove: (id) =>
        change(async (clock) => {
          const participation = await db.participations.get(id);
          if (!participation || participation.deleted) throw new MeetingRefusedError('notFound');
          await write(clock, 'participations', { ...unstamped<'participations'>(participation), deleted: true });
        }),

      setAttendance: (id, date, present) =>
        change(async (clock) => {
          const participation = await db.participations.get(id);
          if (!participation || participation.deleted) throw new MeetingRefusedError('notFound');
          const meeting = await liveMeeting(participation.meetingId);
          const days = meetingDays(meeting.startDate, meeting.endDate);
          if (!days.includes(date)) {
            throw new MeetingValidationError('participation', [
              { path: 'date', key: 'dayOutsideMeeting', values: { start: meeting.startDate, end: meeting.endDate } },
            ]);
          }
          return write(clock, 'participations', withAttendance(unstamped<'participations'>(participation), date, present, days));
        }),

      setAttendanceMany: (ids, date, present) =>
        change(async (clock) => {
          const participations = (await db.participations.bulkGet([...ids])).filter(
            (participation): participation is Participation => participation !== undefined && !participation.deleted,
          );
          let changed = 0;
          const daysByMeeting = new Map<string, string[]>();
          for (const participation of participations) {
            let days = daysByMeeting.get(participation.meetingId);
            if (!days) {
              const meeting = await liveMeeting(participation.meetingId);
              days = meetingDays(meeting.startDate, meeting.endDate);
              daysByMeeting.set(participation.meetingId, days);
            }
            if (!days.includes(date)) continue;
            if (participation.attendedDays.includes(date) === present) continue;
            await write(clock, 'participations', withAttendance(unstamped<'participations'>(participation), date, present, days));
            changed += 1;
          }
          return changed;
        }),
    },

    decisions: {
      list: async (meetingId) => (await db.decisions.where('meetingId').equals(meetingId).filter(notDeleted).toArray()).sort(byOrder),
      save: (input) =>
        change(async (clock) => {
          await liveMeeting(input.meetingId);
          const issues = validateTextItem(input);
          if (issues.length > 0) throw new MeetingValidationError('decision', issues);
          const existing = await db.decisions.where('meetingId').equals(input.meetingId).filter(notDeleted).toArray();
          const previous = input.id === undefined ? undefined : existing.find((decision) => decision.id === input.id);
          if (input.id !== undefined && !previous) throw new MeetingRefusedError('notFound');
          return write(clock, 'decisions', {
            id: previous?.id ?? ctx.randomUUID(),
            deleted: false,
            meetingId: input.meetingId,
            order: previous?.order ?? existing.reduce((max, decision) => Math.max(max, decision.order + 1), 0),
            text: trimmed(input.text),
          });
        }),
      remove: (id) =>
        change(async (clock) => {
          const decision = await db.decisions.get(id);
          if (!decision || decision.deleted) throw new MeetingRefusedError('notFound');
          await write(clock, 'decisions', { ...unstamped<'decisions'>(decision), deleted: true });
        }),
      move: (id, direction) =>
        change(async (clock) => {
          const decision = await db.decisions.get(id);
          if (!decision || decision.deleted) throw new MeetingRefusedError('notFound');
          const items = await db.decisions.where('meetingId').equals(decision.meetingId).filter(notDeleted).toArray();
          await swapOrder(clock, 'decisions', items, id, direction);
        }),
    },

    actionItems: {
      list: async (meetingId) => (await db.actionItems.where('meetingId').equals(meetingId).filter(notDeleted).toArray()).sort(byOrder),
      save: (input) =>
        change(async (clock) => {
          await liveMeeting(input.meetingId);
          const issues = validateActionItem(input);
          if (input.ownerDelegateId !== null) await checkPeople([input.ownerDelegateId], 'ownerDelegateId', issues);
          if (issues.length > 0) throw new MeetingValidationError('action item', issues);
          const existing = await db.actionItems.where('meetingId').equals(input.meetingId).filter(notDeleted).toArray();
          const previous = input.id === undefined ? undefined : existing.find((item) => item.id === input.id);
          if (input.id !== undefined && !previous) throw new MeetingRefusedError('notFound');
          return write(clock, 'actionItems', {
            id: previous?.id ?? ctx.randomUUID(),
            deleted: false,
            meetingId: input.meetingId,
            order: previous?.order ?? existing.reduce((max, item) => Math.max(max, item.order + 1), 0),
            text: trimmed(input.text),
            ownerDelegateId: input.ownerDelegateId,
            ownerName: trimmed(input.ownerName),
            dueDate: input.dueDate === '' ? null : input.dueDate,
            done: input.done,
          });
        }),
      setDone: (id, done) =>
        change(async (clock) => {
          const item = await db.actionItems.get(id);
          if (!item || item.deleted) throw new MeetingRefusedError('notFound');
          return write(clock, 'actionItems', { ...unstamped<'actionItems'>(item), done });
        }),
      remove: (id) =>
        change(async (clock) => {
          const item = await db.actionItems.get(id);
          if (!item || item.deleted) throw new MeetingRefusedError('notFound');
          await write(clock, 'actionItems', { ...unstamped<'actionItems'>(item), deleted: true });
        }),
      move: (id, direction) =>
        change(async (clock) => {
          const item = await db.actionItems.get(id);
          if (!item || item.deleted) throw new MeetingRefusedError('notFound');
          const items = await db.actionItems.where('meetingId').equals(item.meetingId).filter(notDeleted).toArray();
          await swapOrder(clock, 'actionItems', items, id, direction);
        }),
    },
  };

  /**
   * Adds delegates not already participating. A participation deleted earlier is revived
   * (same id), so removing and re-adding a person on two machines does not make two records.
   */
  async function addDelegates(
    clock: InstallationClock,
    meetingId: string,
    delegates: readonly SyncedRecordMap['delegates'][],
    capacity: CapacityChoice,
    status: ParticipationStatus,
  ): Promise<AddedParticipants> {
    const existing = await db.participations
      .where('[meetingId+delegateId]')
      .between([meetingId, Dexie.minKey], [meetingId, Dexie.maxKey])
      .toArray();
    const byDelegate = new Map<string, Participation>();
    for (const participation of existing) {
      const seen = byDelegate.get(participation.delegateId);
      // Prefer a live record over a tombstone for the same person.
      if (!seen || (seen.deleted && !participation.deleted)) byDelegate.set(participation.delegateId, participation);
    }
    const countries = new Map((await db.countries.toArray()).map((country) => [country.id, country]));
    let added = 0;
    let alreadyThere = 0;
    for (const delegate of delegates) {
      const previous = byDelegate.get(delegate.id);
      if (previous && !previous.deleted) {
        alreadyThere += 1;
        continue;
      }
      const chosen =
        capacity === 'suggested'
          ? suggestedCapacity(delegate, delegate.countryId === null ? undefined : countries.get(delegate.countryId))
          : capacity;
      await write(clock, 'participations', {
        id: previous?.id ?? ctx.randomUUID(),
        deleted: false,
        meetingId,
        delegateId: delegate.id,
        capacity: chosen,
        status,
        attendedDays: [],
      });
      added += 1;
    }
    return { added, alreadyThere };
  }
}
