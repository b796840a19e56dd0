/**
 * A meeting's agenda as an iCalendar (.ics) file, built with ical-generator.
 *
 * Every session is an event with DTSTART/DTEND in the venue's wall-clock time and
 * `TZID=<IANA zone>`, and the file carries a VTIMEZONE for that zone. The VTIMEZONE is
 * derived here from Intl (the platform's current tz database) for the years of the meeting,
 * not copied from a bundled table: zones change (Kazakhstan moved from UTC+6 to UTC+5 in
 * 2024) and a calendar program that does not know the zone name trusts the VTIMEZONE alone.
 * (@touch4it/ical-timezones, the usual companion, reads its files with Node's fs, so it
 * cannot run in the renderer, and its 2018 data predates that change.)
 */
import ical, {
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator';
import type { Bilingual, Meeting, Session, SessionKind } from '../model';
import { epochToZoned, minutesOf, offsetMinutesAt, zonedToEpoch } from './dates';
import { sortSlots } from './agenda';
import { isKnownTopic, type KnownTopic } from './topics';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A plain date-time as ical-generator's Temporal stub expects it (floating wall clock). */
class WallDateTime implements ICalTemporalPlainDateTimeStub {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
    readonly hour: number,
    readonly minute: number,
    readonly second: number,
    private readonly zone: string,
  ) {}
  toPlainDate(): ICalTemporalPlainDateStub {
    const { year, month, day } = this;
    const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    return { year, month, day, toJSON: () => text, toString: () => text };
  }
  toZonedDateTime(): ICalTemporalZonedDateTimeStub {
    return new ZonedWallTime(this.year, this.month, this.day, this.hour, this.minute, this.second, this.zone);
  }
  toString(): string {
    return `${this.toPlainDate().toString()}T${pad(this.hour)}:${pad(this.minute)}:${pad(this.second)}`;
  }
  toJSON(): string {
    return this.toString();
  }
}

/**
 * A venue-local time in its zone, shaped like Temporal.ZonedDateTime so ical-generator
 * writes `DTSTART;TZID=Asia/Kabul:20260105T090000` (wall clock, no conversion through the
 * computer's own zone, which is what a plain Date would suffer).
 */
class ZonedWallTime implements ICalTemporalZonedDateTimeStub {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
    readonly hour: number,
    readonly minute: number,
    readonly second: number,
    readonly timeZoneId: string,
  ) {}
  static of(date: string, time: string, timeZone: string): ZonedWallTime {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const minutes = minutesOf(time);
    return new ZonedWallTime(year, month, day, Math.floor(minutes / 60), minutes % 60, 0, timeZone);
  }
  private epochMs(): number {
    return zonedToEpoch(`${pad(this.year, 4)}-${pad(this.month)}-${pad(this.day)}`, `${pad(this.hour)}:${pad(this.minute)}`, this.timeZoneId);
  }
  toInstant(): ICalTemporalInstantStub {
    const epochMilliseconds = this.epochMs();
    const text = new Date(epochMilliseconds).toISOString();
    return {
      epochMilliseconds,
      toJSON: () => text,
      toString: () => text,
      toZonedDateTimeISO: (zone: string) => {
        const local = epochToZoned(epochMilliseconds, zone);
        return ZonedWallTime.of(local.date, local.time, zone);
      },
    };
  }
  toPlainDateTime(): ICalTemporalPlainDateTimeStub {
    return new WallDateTime(this.year, this.month, this.day, this.hour, this.minute, this.second, this.timeZoneId);
  }
  withTimeZone(timeZone: string): ICalTemporalZonedDateTimeStub {
    if (timeZone === this.timeZoneId) return this;
    const local = epochToZoned(this.epochMs(), timeZone);
    return ZonedWallTime.of(local.date, local.time, timeZone);
  }
  toString(): string {
    return `${this.toPlainDateTime().toString()}[${this.timeZoneId}]`;
  }
  toJSON(): string {
    return this.toString();
  }
}

// ---------------------------------------------------------------------------------------
// VTIMEZONE from Intl.

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** "+0430", "-0500". */
function icsOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}${pad(absolute % 60)}`;
}

/** Local wall time of an instant under a fixed offset, as YYYYMMDDTHHMMSS. */
function icsLocal(epochMs: number, offsetMinutes: number): string {
  const date = new Date(epochMs + offsetMinutes * MS_PER_MINUTE);
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`
  );
}

interface Transition {
  /** First instant of the new offset. */
  at: number;
  from: number;
  to: number;
}

/** Offset changes between two instants: a daily walk, then bisection to the minute. */
export function offsetTransitions(timeZone: string, fromMs: number, toMs: number): Transition[] {
  const transitions: Transition[] = [];
  let previousTime = fromMs;
  let previousOffset = offsetMinutesAt(fromMs, timeZone);
  for (let time = fromMs + MS_PER_DAY; time <= toMs + MS_PER_DAY; time += MS_PER_DAY) {
    const offset = offsetMinutesAt(time, timeZone);
    if (offset !== previousOffset) {
      let low = previousTime;
      let high = time;
      while (high - low > MS_PER_MINUTE) {
        const middle = low + Math.floor((high - low) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
        if (offsetMinutesAt(middle, timeZone) === previousOffset) low = middle;
        else high = middle;
      }
      if (high <= toMs) transitions.push({ at: high, from: previousOffset, to: offset });
      previousOffset = offset;
    }
    previousTime = time;
  }
  return transitions;
}

/**
 * A VTIMEZONE valid from `fromMs` to `toMs`: one observance for the offset in force at the
 * start, then one per change in between, each with an explicit DTSTART (RFC 5545 lets a
 * VTIMEZONE describe only the period its events use). A raise that is undone within a year
 * is daylight-saving time; every other offset is standard time.
 */
export function buildVtimezone(timeZone: string, fromMs: number, toMs: number): string {
  const initial = offsetMinutesAt(fromMs, timeZone);
  const transitions = offsetTransitions(timeZone, fromMs, toMs);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: string, from: number, to: number) => {
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${start}`,
      `TZOFFSETFROM:${icsOffset(from)}`,
      `TZOFFSETTO:${icsOffset(to)}`,
      `TZNAME:${icsOffset(to)}`,
      `END:${kind}`,
    );
  };
  observance('STANDARD', icsLocal(fromMs, initial), initial, initial);
  transitions.forEach((transition, index) => {
    const next = transitions[index + 1];
    const previous = transitions[index - 1];
    const raisedThenUndone = transition.to > transition.from && next !== undefined && next.at - transition.at < 366 * MS_PER_DAY && next.to < transition.to;
    const undoneLater = transition.to > transition.from && next === undefined && previous !== undefined && previous.from === transition.to;
    const kind = raisedThenUndone || undoneLater ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART is the wall time at the change, read on the clock of the offset before it.
    observance(kind, icsLocal(transition.at, transition.from), transition.from, transition.to);
  });
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

// ---------------------------------------------------------------------------------------
// The calendar.

/** Labels in the chosen language, supplied by the caller (shared/ has no i18next). */
export interface AgendaIcsText {
  /** Role names for one person and for several, the same as the agenda PDF's. */
  moderator: string;
  moderators: string;
  speaker: string;
  speakers: string;
  topics: string;
  sessionKinds: Record<SessionKind, string>;
  knownTopics: Record<KnownTopic, string>;
}

export interface AgendaIcsInput {
  meeting: Pick<Meeting, 'id' | 'title' | 'city' | 'venue' | 'timeZone' | 'status' | 'startDate' | 'endDate'>;
  sessions: readonly Pick<
    Session,
    'id' | 'date' | 'start' | 'end' | 'order' | 'kind' | 'title' | 'description' | 'location' | 'moderatorIds' | 'speakerIds' | 'topics'
  >[];
  language: 'en' | 'ru';
  text: AgendaIcsText;
  /** Display name of a delegate; undefined when unknown (left out). */
  personName: (delegateId: string) => string | undefined;
  /** DTSTAMP: when the file was made. */
  now: Date;
}

function pickText(text: Bilingual, language: 'en' | 'ru'): string {
  const preferred = text[language].trim();
  if (preferred !== '') return preferred;
  return (language === 'en' ? text.ru : text.en).trim();
}

/** A file name for the agenda: the meeting's start date and title, without characters dialogs refuse. */
export function agendaFileName(meeting: Pick<Meeting, 'title' | 'startDate'>, language: 'en' | 'ru'): string {
  const title = pickText(meeting.title, language)
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[/\\:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .trim();
  return `${meeting.startDate} ${title || 'agenda'}.ics`;
}

/** The whole agenda as iCalendar text (CRLF lines, folded at 75 octets). */
export function buildAgendaIcs(input: AgendaIcsInput): string {
  const { meeting, language, text } = input;
  const utc = meeting.timeZone === 'UTC' || meeting.timeZone === 'Etc/UTC';
  // The VTIMEZONE covers the meeting's years, starting a day early so every DTSTART is inside.
  const [startYear] = meeting.startDate.split('-').map(Number) as [number];
  const [endYear] = meeting.endDate.split('-').map(Number) as [number];
  const windowStart = Date.UTC(startYear, 0, 1) - MS_PER_DAY;
  const windowEnd = Date.UTC(endYear + 1, 0, 1) + MS_PER_DAY;

  const calendar = ical({
    name: pickText(meeting.title, language),
    prodId: { company: 'CWG Desk', product: 'Agenda', language: language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone name: ical-generator would then write DTSTAMP in local time,
    // which RFC 5545 forbids (it must be UTC). The generator alone still gets each event's TZID.
    timezone: { name: null, generator: (zone: string) => buildVtimezone(zone, windowStart, windowEnd) },
  });

  const place = [pickText(meeting.venue, language), pickText(meeting.city, language)].filter(Boolean).join(', ');
  const status =
    meeting.status === 'cancelled'
      ? ICalEventStatus.CANCELLED
      : meeting.status === 'planned'
        ? ICalEventStatus.TENTATIVE
        : ICalEventStatus.CONFIRMED;
  const names = (ids: readonly string[]) =>
    ids.map((id) => input.personName(id)).filter((name): name is string => name !== undefined && name !== '');
  const topicLabel = (topic: string) => (isKnownTopic(topic) ? text.knownTopics[topic] : topic);

  for (const session of sortSlots(input.sessions)) {
    const moderators = names(session.moderatorIds);
    const speakers = names(session.speakerIds);
    const topics = session.topics.map(topicLabel);
    const description = [
      pickText(session.description, language),
      moderators.length > 0 ? `${moderators.length === 1 ? text.moderator : text.moderators}: ${moderators.join(', ')}` : '',
      speakers.length > 0 ? `${speakers.length === 1 ? text.speaker : text.speakers}: ${speakers.join(', ')}` : '',
      topics.length > 0 ? `${text.topics}: ${topics.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    const location = pickText(session.location, language) || place;
    const start = ZonedWallTime.of(session.date, session.start, meeting.timeZone);
    const end = ZonedWallTime.of(session.date, session.end, meeting.timeZone);
    calendar.createEvent({
      id: `${session.id}@cwg-desk`,
      start: utc ? new Date(zonedToEpoch(session.date, session.start, 'UTC')) : start,
      end: utc ? new Date(zonedToEpoch(session.date, session.end, 'UTC')) : end,
      ...(utc ? {} : { timezone: meeting.timeZone }),
      stamp: input.now,
      summary: pickText(session.title, language),
      ...(description ? { description } : {}),
      ...(location ? { location } : {}),
      categories: [{ name: text.sessionKinds[session.kind] }, ...topics.map((name) => ({ name }))],
      status,
    });
  }
  return calendar.toString();
}
