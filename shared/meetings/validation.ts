/**
 * The meetings area's input rules, pure and shared by the forms (instant inline messages)
 * and the repository (which checks again before writing, with what only the database
 * knows). Each problem names its field by path and its message by a key under
 * `meetings.errors` in shared/i18n/meetings.ts, so it reads the same in both languages.
 */
import type { Bilingual, MeetingKind, MeetingStatus, SessionKind } from '../model';
import { daysBetween, isValidIsoDate, isValidTimeZone, minutesOf, parseTimeInput } from './dates';

export type MeetingErrorKey =
  | 'titleRequired'
  | 'textTooLong'
  | 'dateRequired'
  | 'dateInvalid'
  | 'endBeforeStart'
  | 'meetingTooLong'
  | 'timeZoneInvalid'
  | 'coOrganizerIsHost'
  | 'organizationUnknown'
  | 'sessionsOutsideDates'
  | 'dayOutsideMeeting'
  | 'timeRequired'
  | 'timeInvalid'
  | 'endNotAfterStart'
  | 'personUnknown'
  | 'textRequired'
  | 'delegateUnknown'
  | 'noneToAdd'
  | 'sameDay';

export interface FieldIssue {
  /** Dotted field path, e.g. "title.en", "endDate"; "" for the form as a whole. */
  path: string;
  key: MeetingErrorKey;
  values?: Record<string, string | number>;
}

/** Longest title (meetings, sessions) and longest free text, in characters. */
export const MAX_TITLE = 300;
export const MAX_TEXT = 10_000;
/** A meeting spans at most this many days: longer is almost surely a typing error in a year. */
export const MAX_MEETING_DAYS = 31;

const blank = (text: Bilingual): boolean => text.en.trim() === '' && text.ru.trim() === '';

function checkLength(issues: FieldIssue[], path: string, text: Bilingual, max: number): void {
  for (const language of ['en', 'ru'] as const) {
    if (text[language].length > max) issues.push({ path: `${path}.${language}`, key: 'textTooLong', values: { max } });
  }
}

export interface MeetingDraft {
  title: Bilingual;
  kind: MeetingKind;
  status: MeetingStatus;
  startDate: string;
  endDate: string;
  city: Bilingual;
  venue: Bilingual;
  timeZone: string;
  hostOrganizationId: string | null;
  coOrganizerIds: string[];
  inConjunctionWith: Bilingual;
  objectives: Bilingual;
}

/** Problems with a meeting's own fields (the repository adds what needs the database). */
export function validateMeetingDraft(draft: MeetingDraft): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (blank(draft.title)) issues.push({ path: 'title.en', key: 'titleRequired' });
  checkLength(issues, 'title', draft.title, MAX_TITLE);
  for (const field of ['city', 'venue'] as const) checkLength(issues, field, draft[field], MAX_TITLE);
  for (const field of ['inConjunctionWith', 'objectives'] as const) checkLength(issues, field, draft[field], MAX_TEXT);

  const startValid = isValidIsoDate(draft.startDate);
  const endValid = isValidIsoDate(draft.endDate);
  if (draft.startDate === '') issues.push({ path: 'startDate', key: 'dateRequired' });
  else if (!startValid) issues.push({ path: 'startDate', key: 'dateInvalid' });
  if (draft.endDate === '') issues.push({ path: 'endDate', key: 'dateRequired' });
  else if (!endValid) issues.push({ path: 'endDate', key: 'dateInvalid' });
  if (startValid && endValid) {
    const span = daysBetween(draft.startDate, draft.endDate);
    if (span < 0) issues.push({ path: 'endDate', key: 'endBeforeStart' });
    else if (span + 1 > MAX_MEETING_DAYS) issues.push({ path: 'endDate', key: 'meetingTooLong', values: { max: MAX_MEETING_DAYS } });
  }

  if (!isValidTimeZone(draft.timeZone)) issues.push({ path: 'timeZone', key: 'timeZoneInvalid' });
  if (draft.hostOrganizationId !== null && draft.coOrganizerIds.includes(draft.hostOrganizationId)) {
    issues.push({ path: 'coOrganizerIds', key: 'coOrganizerIsHost' });
  }
  return issues;
}

export interface SessionDraft {
  date: string;
  /** As typed: "9:00", "0930"… (see parseTimeInput). */
  start: string;
  end: string;
  kind: SessionKind;
  title: Bilingual;
  description: Bilingual;
  location: Bilingual;
  moderatorIds: string[];
  speakerIds: string[];
  topics: string[];
}

export type SessionCheck = { ok: true; start: string; end: string } | { ok: false; issues: FieldIssue[] };

/**
 * Problems with a session: a title, a day of the meeting, times that read as times, and an
 * end after the start (sessions end on the day they start). Returns the normalized times.
 */
export function validateSessionDraft(draft: SessionDraft, meeting: { startDate: string; endDate: string }): SessionCheck {
  const issues: FieldIssue[] = [];
  if (blank(draft.title)) issues.push({ path: 'title.en', key: 'titleRequired' });
  checkLength(issues, 'title', draft.title, MAX_TITLE);
  checkLength(issues, 'location', draft.location, MAX_TITLE);
  checkLength(issues, 'description', draft.description, MAX_TEXT);

  if (!isValidIsoDate(draft.date) || draft.date < meeting.startDate || draft.date > meeting.endDate) {
    issues.push({ path: 'date', key: 'dayOutsideMeeting', values: { start: meeting.startDate, end: meeting.endDate } });
  }
  const start = parseTimeInput(draft.start);
  const end = parseTimeInput(draft.end);
  if (draft.start.trim() === '') issues.push({ path: 'start', key: 'timeRequired' });
  else if (start === null) issues.push({ path: 'start', key: 'timeInvalid' });
  if (draft.end.trim() === '') issues.push({ path: 'end', key: 'timeRequired' });
  else if (end === null) issues.push({ path: 'end', key: 'timeInvalid' });
  if (start !== null && end !== null && minutesOf(end) <= minutesOf(start)) {
    issues.push({ path: 'end', key: 'endNotAfterStart' });
  }
  if (issues.length > 0 || start === null || end === null) return { ok: false, issues };
  return { ok: true, start, end };
}

export interface TextItemDraft {
  text: Bilingual;
}

/** A decision or an action item needs its text in at least one language. */
export function validateTextItem(draft: TextItemDraft): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (blank(draft.text)) issues.push({ path: 'text.en', key: 'textRequired' });
  checkLength(issues, 'text', draft.text, MAX_TEXT);
  return issues;
}

export interface ActionItemDraft extends TextItemDraft {
  ownerDelegateId: string | null;
  ownerName: Bilingual;
  /** YYYY-MM-DD or "" for none. */
  dueDate: string;
  done: boolean;
}

export function validateActionItem(draft: ActionItemDraft): FieldIssue[] {
  const issues = validateTextItem(draft);
  if (draft.dueDate !== '' && !isValidIsoDate(draft.dueDate)) issues.push({ path: 'dueDate', key: 'dateInvalid' });
  checkLength(issues, 'ownerName', draft.ownerName, MAX_TITLE);
  return issues;
}

/** Outcome notes of a session: free text, bounded. */
export function validateOutcome(outcome: Bilingual): FieldIssue[] {
  const issues: FieldIssue[] = [];
  checkLength(issues, 'outcome', outcome, MAX_TEXT);
  return issues;
}
