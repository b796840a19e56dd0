/**
 * From stored records to report views (model.ts): the one place that decides what a report
 * contains. Pure: main, the renderer's preview, the command line and the tests all call it
 * with the same source and get the same view.
 *
 * Rules worth knowing:
 * - Tombstoned records (deleted: true) never print.
 * - A participants list leaves out people who declined or were absent.
 * - Attendance (meeting report, certificates) counts people marked as attended, or with
 *   at least one attended day recorded; organizers and the secretariat get no certificate.
 * - Contact details print only when asked for AND the person consented to printed contacts.
 */
import {
  participationCapacities,
  type Amendment,
  type Bilingual,
  type Bracket,
  type Country,
  type Delegate,
  type FrozenArticle,
  type Meeting,
  type MouVersion,
  type Participation,
  type ParticipationCapacity,
  type Session,
  type SessionKind,
} from '../model';
import { reportsEn, reportsRu } from '../i18n/reports';
import {
  compareVersions,
  splitSegmentsIntoLines,
  type ArticleComparison,
  type DiffSegment,
  type TextLanguage,
} from '../mou/compare';
import { indexBrackets, markersOf, parseBody, presentOn, shownBody, type BracketIndex } from '../mou/brackets';
import { compareText, datesBetween, isBlank, languagesOf, pickText, type Lang } from './format';
import { latinOrFallback, sortKey } from './names';
import { latestRevision } from '../meetings/minutes';
import type {
  AgendaDay,
  ArticleChange,
  AgendaModel,
  AgendaSession,
  AgreedWhere,
  AmendmentView,
  BracketAnnexRow,
  BracketNote,
  ArticleText,
  AttendanceRow,
  CertificatesModel,
  MeetingHead,
  MeetingReportModel,
  MinutesPrintState,
  MouArticleView,
  MouModel,
  MouVersionRef,
  ParticipantGroup,
  ParticipantRow,
  ParticipantsModel,
  PersonName,
  ReportModel,
  SignInModel,
  BookModel,
  BookPartModel,
  BadgesModel,
} from './model';
import type {
  AgendaSpec,
  CertificatesSpec,
  MeetingReportSpec,
  MouSpec,
  ParticipantsSpec,
  ReportSource,
  ReportSpec,
  SignInSpec,
  BookSpec,
  BadgesSpec,
} from './spec';

export const reportInputReasons = ['meeting-not-found', 'document-not-found', 'version-not-found', 'compare-not-earlier'] as const;
export type ReportInputReason = (typeof reportInputReasons)[number];

/** The spec asks for something the source does not have; the message says what. */
export class ReportInputError extends Error {
  constructor(
    readonly reason: ReportInputReason,
    message: string,
  ) {
    super(message);
    this.name = 'ReportInputError';
  }
}

const live = <T extends { deleted: boolean }>(records: readonly T[]): T[] => records.filter((record) => !record.deleted);

const printLabels = { en: reportsEn.print, ru: reportsRu.print } as const;

/** "Agenda — Second meeting…" in each language, for the running header and the file name. */
function titled(prefix: { en: string; ru: string }, subject: Bilingual): Bilingual {
  const part = (lang: Lang) => {
    const text = pickText(subject, lang).text;
    return text === '' ? prefix[lang] : `${prefix[lang]} — ${text}`;
  };
  return { en: part('en'), ru: part('ru') };
}

function findMeeting(source: ReportSource, meetingId: string): Meeting {
  const meeting = live(source.meetings).find((candidate) => candidate.id === meetingId);
  if (!meeting) throw new ReportInputError('meeting-not-found', `There is no meeting with id "${meetingId}".`);
  return meeting;
}

function meetingHead(meeting: Meeting, source: ReportSource): MeetingHead {
  const host = live(source.organizations).find((organization) => organization.id === meeting.hostOrganizationId);
  return {
    title: meeting.title,
    kind: meeting.kind,
    status: meeting.status,
    startDate: meeting.startDate,
    endDate: meeting.endDate,
    city: meeting.city,
    venue: meeting.venue,
    timeZone: meeting.timeZone,
    host: host ? host.name : null,
    inConjunctionWith: meeting.inConjunctionWith,
  };
}

/** The grammatical gender a form of address tells, for the Russian certificate text. */
export function genderOf(honorific: string): 'm' | 'f' | null {
  const form = honorific.trim().toLowerCase().replace(/\.$/, '');
  if (['mr', 'г-н', 'господин'].includes(form)) return 'm';
  if (['ms', 'mrs', 'miss', 'г-жа', 'госпожа'].includes(form)) return 'f';
  return null;
}

/** "Risk management (continued)" is the same programme item as "Risk management". */
export function programmeTitle(text: string): string {
  return text
    .trim()
    .replace(/\s*[(（]\s*(continued|cont\.?|continuation|продолжение|окончание|продолж\.?)\s*[)）]\s*$/iu, '')
    .replace(/\s*[—–-]\s*(continued|продолжение)\s*$/iu, '')
    .trim();
}

function personName(delegate: Delegate): PersonName {
  return { latin: delegate.nameLatin.trim(), native: delegate.nameNative.trim(), honorific: delegate.honorific.trim() };
}

function delegateIndex(source: ReportSource): Map<string, Delegate> {
  return new Map(live(source.delegates).map((delegate) => [delegate.id, delegate]));
}

function countryIndex(source: ReportSource): Map<string, Country> {
  return new Map(live(source.countries).map((country) => [country.id, country]));
}

function sessionsOf(source: ReportSource, meetingId: string): Session[] {
  return live(source.sessions)
    .filter((session) => session.meetingId === meetingId)
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.start.localeCompare(b.start) ||
        a.order - b.order ||
        a.end.localeCompare(b.end) ||
        a.id.localeCompare(b.id),
    );
}

/** One entry per meeting day (even an empty one), plus any day a session was put outside the dates. */
function agendaDays(meeting: Meeting, sessions: readonly Session[], delegates: Map<string, Delegate>): AgendaDay[] {
  const names = (ids: readonly string[]): PersonName[] =>
    ids.flatMap((id) => {
      const delegate = delegates.get(id);
      return delegate ? [personName(delegate)] : [];
    });
  const meetingDays = datesBetween(meeting.startDate, meeting.endDate);
  const extra = [...new Set(sessions.map((session) => session.date))].filter((date) => !meetingDays.includes(date));
  const allDays = [...meetingDays, ...extra].sort();
  return allDays.map((date, index) => ({
    date,
    number: index + 1,
    sessions: sessions
      .filter((session) => session.date === date)
      .map(
        (session): AgendaSession => ({
          id: session.id,
          start: session.start,
          end: session.end,
          kind: session.kind,
          title: session.title,
          description: session.description,
          location: session.location,
          moderators: names(session.moderatorIds),
          speakers: names(session.speakerIds),
        }),
      ),
  }));
}

function base(spec: ReportSpec, printedOn: string) {
  return { language: spec.language, paper: spec.paper, printedOn };
}

export function buildAgenda(spec: AgendaSpec, source: ReportSource, printedOn: string): AgendaModel {
  const meeting = findMeeting(source, spec.meetingId);
  const sessions = sessionsOf(source, meeting.id);
  return {
    kind: 'agenda',
    ...base(spec, printedOn),
    title: titled({ en: printLabels.en.kinds.agenda, ru: printLabels.ru.kinds.agenda }, meeting.title),
    draft: meeting.status === 'planned',
    cancelled: meeting.status === 'cancelled',
    meeting: meetingHead(meeting, source),
    days: agendaDays(meeting, sessions, delegateIndex(source)),
    sessionCount: sessions.length,
  };
}

const EXCLUDED_FROM_LIST = new Set<Participation['status']>(['declined', 'absent']);

/** Live participations of a meeting whose delegate exists, one per delegate (the first capacity in canonical order wins). */
function participationsOf(
  source: ReportSource,
  meetingId: string,
  delegates: Map<string, Delegate>,
  keep: (participation: Participation) => boolean,
): { participation: Participation; delegate: Delegate }[] {
  const rank = (capacity: ParticipationCapacity) => participationCapacities.indexOf(capacity);
  const byDelegate = new Map<string, { participation: Participation; delegate: Delegate }>();
  for (const participation of live(source.participations)) {
    if (participation.meetingId !== meetingId || !keep(participation)) continue;
    const delegate = delegates.get(participation.delegateId);
    if (!delegate) continue;
    const existing = byDelegate.get(delegate.id);
    if (!existing || rank(participation.capacity) < rank(existing.participation.capacity)) {
      byDelegate.set(delegate.id, { participation, delegate });
    }
  }
  return [...byDelegate.values()];
}

interface CountryKey {
  key: string;
  country: { id: string; name: Bilingual } | null;
}

function countryOf(delegate: Delegate, countries: Map<string, Country>): CountryKey {
  if (delegate.countryId === null) return { key: '', country: null };
  const country = countries.get(delegate.countryId);
  return {
    key: delegate.countryId,
    country: { id: delegate.countryId, name: country ? country.name : { en: delegate.countryId, ru: delegate.countryId } },
  };
}

/** Countries by name in the report's first language; people without a country last. */
function compareCountries(lang: Lang) {
  return (a: CountryKey, b: CountryKey): number => {
    if (a.country === null || b.country === null) return a.country === null ? (b.country === null ? 0 : 1) : -1;
    return compareText(pickText(a.country.name, lang).text, pickText(b.country.name, lang).text, lang);
  };
}

export function buildParticipants(spec: ParticipantsSpec, source: ReportSource, printedOn: string): ParticipantsModel {
  const meeting = findMeeting(source, spec.meetingId);
  const delegates = delegateIndex(source);
  const countries = countryIndex(source);
  const organizations = new Map(live(source.organizations).map((organization) => [organization.id, organization]));
  const lang = languagesOf(spec.language)[0] ?? 'en';
  const sortName = (name: PersonName) => sortKey(name, spec.nameScript);

  const entries = participationsOf(source, meeting.id, delegates, (p) => !EXCLUDED_FROM_LIST.has(p.status));
  const groups = new Map<string, { key: CountryKey; rows: Map<ParticipationCapacity, ParticipantRow[]> }>();
  for (const { participation, delegate } of entries) {
    const key = countryOf(delegate, countries);
    const group = groups.get(key.key) ?? { key, rows: new Map<ParticipationCapacity, ParticipantRow[]>() };
    groups.set(key.key, group);
    const consented = delegate.consentPrintContacts;
    const organization = delegate.organizationId === null ? undefined : organizations.get(delegate.organizationId);
    const row: ParticipantRow = {
      id: delegate.id,
      name: personName(delegate),
      position: delegate.position,
      organization: organization ? { name: organization.name, acronym: organization.acronym } : null,
      email: spec.contacts && consented && delegate.email.trim() !== '' ? delegate.email.trim() : null,
      phone: spec.contacts && consented && delegate.phone.trim() !== '' ? delegate.phone.trim() : null,
      contactWithheld: spec.contacts && !consented,
    };
    const list = group.rows.get(participation.capacity) ?? [];
    list.push(row);
    group.rows.set(participation.capacity, list);
  }

  const ordered: ParticipantGroup[] = [...groups.values()]
    .sort((a, b) => compareCountries(lang)(a.key, b.key))
    .map((group) => ({
      country: group.key.country,
      capacities: participationCapacities.flatMap((capacity) => {
        const people = group.rows.get(capacity);
        if (!people) return [];
        return [{ capacity, people: people.sort((a, b) => compareText(sortName(a.name), sortName(b.name), lang)) }];
      }),
    }));

  return {
    kind: 'participants',
    ...base(spec, printedOn),
    title: titled({ en: printLabels.en.kinds.participants, ru: printLabels.ru.kinds.participants }, meeting.title),
    draft: meeting.status === 'planned',
    cancelled: meeting.status === 'cancelled',
    meeting: meetingHead(meeting, source),
    nameScript: spec.nameScript,
    contacts: spec.contacts,
    groups: ordered,
    total: entries.length,
    countryCount: ordered.filter((group) => group.country !== null).length,
  };
}

// ---------------------------------------------------------------------------------------
// MoU

interface PrintedArticle {
  articleId: string;
  heading: Bilingual;
  body: Bilingual;
  translationStale: 'en' | 'ru' | null;
  /** Footnotes of its open brackets (working text only). */
  bracketNotes?: BracketNote[];
}

function findVersion(versions: readonly MouVersion[], number: number, documentId: string): MouVersion {
  const version = versions.find((candidate) => candidate.number === number);
  if (!version) throw new ReportInputError('version-not-found', `Document "${documentId}" has no version ${String(number)}.`);
  return version;
}

function versionRef(version: MouVersion): MouVersionRef {
  return { number: version.number, label: version.label, date: version.date };
}

/** Segments of text that did not change (what the template gets when nothing is compared). */
function equalSegments(text: string): DiffSegment[] {
  return text === '' ? [] : [{ kind: 'equal', text }];
}

function unchangedText(article: PrintedArticle, lang: Lang): ArticleText {
  return { heading: equalSegments(article.heading[lang]), lines: splitSegmentsIntoLines(equalSegments(article.body[lang])) };
}

function articleTexts(make: (lang: Lang) => ArticleText): { en: ArticleText; ru: ArticleText } {
  return { en: make('en'), ru: make('ru') };
}

/**
 * The printed articles against an earlier version, through the MoU area's comparison
 * (shared/mou/compare.ts, the same one its screens show): articles matched by id, added,
 * removed (shown where they used to be), moved, and word-level changes in each language.
 */
function compareArticles(printed: readonly PrintedArticle[], earlier: readonly FrozenArticle[]): MouArticleView[] {
  const byLanguage = (language: TextLanguage) => {
    const results = new Map<string, ArticleComparison>();
    for (const result of compareVersions(earlier, printed, language)) {
      results.set(`${result.status === 'removed' ? 'removed' : 'kept'}:${result.articleId}`, result);
    }
    return results;
  };
  const english = compareVersions(earlier, printed, 'en');
  const russian = byLanguage('ru');
  const stale = new Map(printed.map((article) => [article.articleId, article.translationStale]));
  const notes = new Map(printed.map((article) => [article.articleId, article.bracketNotes ?? []]));

  return english.map((result): MouArticleView => {
    const removed = result.status === 'removed';
    const key = `${removed ? 'removed' : 'kept'}:${result.articleId}`;
    const other = russian.get(key);
    const textOf = (comparison: ArticleComparison | undefined): ArticleText => ({
      heading: comparison?.heading ?? [],
      lines: splitSegmentsIntoLines(comparison?.body ?? []),
    });
    const change: ArticleChange =
      result.status === 'added'
        ? 'added'
        : removed
          ? 'deleted'
          : result.moved
            ? 'moved'
            : result.textChanged || result.otherLanguageChanged
              ? 'changed'
              : 'same';
    return {
      key,
      number: result.newNumber,
      change,
      formerNumber: result.oldNumber,
      text: { en: textOf(result), ru: textOf(other) },
      translationStale: removed ? null : (stale.get(result.articleId) ?? null),
      bracketNotes: removed ? [] : (notes.get(result.articleId) ?? []),
    };
  });
}

function amendmentViews(
  amendments: readonly Amendment[],
  numbers: Map<string, number>,
  countries: Map<string, Country>,
  delegates: Map<string, Delegate>,
  source: ReportSource,
  bracketIndex: BracketIndex,
): AmendmentView[] {
  return [...amendments]
    .sort((a, b) => a.proposedOn.localeCompare(b.proposedOn) || a.hlc.localeCompare(b.hlc) || a.id.localeCompare(b.id))
    .map((amendment, index): AmendmentView => {
      const number = amendment.articleId === null ? undefined : numbers.get(amendment.articleId);
      const target: AmendmentView['target'] =
        amendment.kind === 'insert-after'
          ? amendment.articleId === null
            ? { type: 'start' }
            : number === undefined
              ? { type: 'removed' }
              : { type: 'after', number }
          : number === undefined
            ? { type: 'removed' }
            : { type: 'article', number };
      const country = amendment.proposedByCountryId === null ? undefined : countries.get(amendment.proposedByCountryId);
      const delegate = amendment.proposedByDelegateId === null ? undefined : delegates.get(amendment.proposedByDelegateId);
      return {
        number: index + 1,
        kind: amendment.kind,
        status: amendment.status,
        target,
        proposedBy: { country: country ? country.name : null, person: delegate ? personName(delegate) : null },
        proposedOn: amendment.proposedOn,
        decidedOn: amendment.decidedOn,
        decidedAt:
          amendment.decidedOn !== null && (amendment.decidedAtMeetingId ?? null) !== null
            ? agreedWhere(amendment.decidedOn, amendment.decidedAtMeetingId ?? null, amendment.decidedAtSessionId ?? null, source, countries)
            : null,
        decisionReason: amendment.decisionReason,
        heading: amendment.heading,
        // A replacement keeps the article's open brackets as markers: printed with their alternatives.
        body:
          amendment.kind === 'replace' && amendment.articleId !== null
            ? { en: shownBody({ id: amendment.articleId, body: amendment.body }, 'en', bracketIndex), ru: shownBody({ id: amendment.articleId, body: amendment.body }, 'ru', bracketIndex) }
            : amendment.body,
        rationale: amendment.rationale,
      };
    });
}

export function buildMou(spec: MouSpec, source: ReportSource, printedOn: string): MouModel {
  const document = live(source.mouDocuments).find((candidate) => candidate.id === spec.documentId);
  if (!document) throw new ReportInputError('document-not-found', `There is no MoU document with id "${spec.documentId}".`);
  const versions = live(source.mouVersions).filter((version) => version.documentId === document.id);

  const countries = countryIndex(source);
  const documentBrackets = live(source.brackets).filter((bracket) => bracket.documentId === document.id);
  const bracketIndex = indexBrackets(documentBrackets, live(source.bracketAlternatives));
  const proposerNames = (ids: readonly string[]): Bilingual[] => ids.map((id) => countries.get(id)?.name ?? { en: id, ru: id });
  let printed: PrintedArticle[];
  let version: MouVersion | null = null;
  let openBrackets: number;
  if (spec.version === null) {
    // Open brackets print as negotiators expect: "[a / b] (note 3)", the note naming the proposers.
    let mark = 0;
    printed = live(source.articles)
      .filter((article) => article.documentId === document.id)
      .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
      .map((article) => {
        const byKey = bracketIndex.get(article.id);
        const marks = new Map<number, number>();
        for (const key of markersOf(article.body.en)) {
          const entry = byKey?.get(key);
          if (entry?.bracket.status === 'open' && !marks.has(key)) marks.set(key, (mark += 1));
        }
        const note = (lang: Lang) => (key: number) => {
          const n = marks.get(key);
          return n === undefined ? '' : ` (${printLabels[lang].mou.noteMark.replace('{{n}}', String(n))})`;
        };
        return {
          articleId: article.id,
          heading: article.heading,
          body: { en: shownBody(article, 'en', bracketIndex, note('en')), ru: shownBody(article, 'ru', bracketIndex, note('ru')) },
          translationStale: article.translationStale,
          bracketNotes: [...marks].map(([key, n]): BracketNote => ({
            mark: n,
            alternatives: (byKey?.get(key)?.alternatives ?? []).map((alternative) => ({ text: alternative.text, proposers: proposerNames(alternative.proposedByCountryIds) })),
          })),
        };
      });
    openBrackets = mark;
  } else {
    version = findVersion(versions, spec.version, document.id);
    printed = version.articles.map((article) => ({ ...article, translationStale: null }));
    // A frozen version holds its open brackets as printed, "[a / b]".
    openBrackets = printed.reduce((sum, article) => sum + parseBody(article.body.en).filter((part) => part.kind === 'notation').length, 0);
  }

  let comparedWith: MouVersion | null = null;
  if (spec.compareWith !== null) {
    if (spec.version !== null && spec.compareWith >= spec.version) {
      throw new ReportInputError(
        'compare-not-earlier',
        `Version ${String(spec.compareWith)} is not earlier than version ${String(spec.version)}: compare with an earlier version.`,
      );
    }
    comparedWith = findVersion(versions, spec.compareWith, document.id);
  }

  const articles: MouArticleView[] = comparedWith
    ? compareArticles(printed, comparedWith.articles)
    : printed.map((article, index) => ({
        key: article.articleId,
        number: index + 1,
        change: 'same',
        formerNumber: null,
        text: articleTexts((lang) => unchangedText(article, lang)),
        translationStale: article.translationStale,
        bracketNotes: article.bracketNotes ?? [],
      }));

  const numbers = new Map(printed.map((article, index) => [article.articleId, index + 1]));
  const annex = spec.annex
    ? amendmentViews(
        live(source.amendments).filter((amendment) => amendment.documentId === document.id),
        numbers,
        countries,
        delegateIndex(source),
        source,
        bracketIndex,
      )
    : null;
  const title = version ? version.title : document.title;
  const bracketAnnex = spec.annex ? bracketAnnexRows(documentBrackets, bracketIndex, numbers, source, countries) : null;

  return {
    kind: 'mou',
    ...base(spec, printedOn),
    title,
    draft: document.status !== 'signed',
    cancelled: false,
    documentTitle: title,
    status: document.status,
    parties: document.partyCountryIds.map((id) => countries.get(id)?.name ?? { en: id, ru: id }),
    version: version ? versionRef(version) : null,
    comparedWith: comparedWith ? versionRef(comparedWith) : null,
    articles,
    lineNumbers: spec.lineNumbers,
    annex,
    openBrackets,
    bracketAnnex,
  };
}

/**
 * Where and by whom a decision was taken: the meeting and its session, and the delegations
 * present that day (from the day's attendance), observers apart.
 */
function agreedWhere(date: string, meetingId: string | null, sessionId: string | null, source: ReportSource, countries: Map<string, Country>): AgreedWhere {
  const meeting = meetingId === null ? undefined : live(source.meetings).find((candidate) => candidate.id === meetingId);
  const session = sessionId === null ? undefined : live(source.sessions).find((candidate) => candidate.id === sessionId);
  const delegateCountry = new Map(live(source.delegates).map((delegate) => [delegate.id, delegate.countryId]));
  const presence = meeting ? presentOn(date, meeting.id, live(source.participations), delegateCountry, countries, 'en') : { members: [], observers: [] };
  return {
    date,
    meeting: meeting ? { title: meeting.title, city: meeting.city } : null,
    session: session ? session.title : null,
    present: presence.members.map((country) => country.name),
    observers: presence.observers.map((country) => country.name),
  };
}

/** Every bracket of the document for the annex, in article order then key: alternatives, proposers, outcome and where it was decided. */
function bracketAnnexRows(
  brackets: readonly Bracket[],
  index: BracketIndex,
  numbers: Map<string, number>,
  source: ReportSource,
  countries: Map<string, Country>,
): BracketAnnexRow[] {
  return [...brackets]
    .sort((a, b) => (numbers.get(a.articleId) ?? Infinity) - (numbers.get(b.articleId) ?? Infinity) || a.key - b.key || a.id.localeCompare(b.id))
    .map((bracket): BracketAnnexRow => {
      const alternatives = index.get(bracket.articleId)?.get(bracket.key)?.alternatives ?? [];
      return {
        articleNumber: numbers.get(bracket.articleId) ?? null,
        key: bracket.key,
        optional: bracket.optional,
        status: bracket.status,
        openedOn: bracket.openedOn,
        alternatives: alternatives.map((alternative) => ({
          text: alternative.text,
          proposers: alternative.proposedByCountryIds.map((id) => countries.get(id)?.name ?? { en: id, ru: id }),
          proposedOn: alternative.proposedOn,
          agreed: bracket.agreedAlternativeId === alternative.id,
        })),
        decided:
          bracket.status === 'open' || bracket.decidedOn === null
            ? null
            : agreedWhere(bracket.decidedOn, bracket.decidedAtMeetingId, bracket.decidedAtSessionId, source, countries),
      };
    });
}

// ---------------------------------------------------------------------------------------
// Meeting report and certificates

const attended = (participation: Participation): boolean =>
  !EXCLUDED_FROM_LIST.has(participation.status) &&
  (participation.status === 'attended' || participation.attendedDays.length > 0);

/** The state of the meeting's minutes, with the approving meeting and session when the source holds them. */
function minutesPrintState(source: ReportSource, meetingId: string): MinutesPrintState {
  const minutes = live(source.minutes).find((candidate) => candidate.meetingId === meetingId);
  const latest = latestRevision(minutes);
  if (!minutes || minutes.status === 'draft' || !latest) return { state: 'draft' };
  if (minutes.status === 'circulated' || !minutes.approvedAt) return { state: 'circulated', number: latest.number, date: latest.circulatedOn };
  const { meetingId: approvingId, sessionId, date } = minutes.approvedAt;
  const approving = live(source.meetings).find((candidate) => candidate.id === approvingId);
  const session = live(source.sessions).find((candidate) => candidate.id === sessionId);
  const none = { en: '', ru: '' };
  return {
    state: 'approved',
    number: latest.number,
    date,
    meeting: approving?.title ?? none,
    city: approving?.city ?? none,
    session: session?.title ?? none,
  };
}

export function buildMeetingReport(spec: MeetingReportSpec, source: ReportSource, printedOn: string): MeetingReportModel {
  const meeting = findMeeting(source, spec.meetingId);
  const delegates = delegateIndex(source);
  const countries = countryIndex(source);
  const lang = languagesOf(spec.language)[0] ?? 'en';
  const sessions = sessionsOf(source, meeting.id);

  const rows = new Map<string, { key: CountryKey; row: AttendanceRow }>();
  const totals: Partial<Record<ParticipationCapacity, number>> = {};
  const entries = participationsOf(source, meeting.id, delegates, attended);
  for (const { participation, delegate } of entries) {
    const key = countryOf(delegate, countries);
    const entry = rows.get(key.key) ?? { key, row: { country: key.country, counts: {}, total: 0 } };
    rows.set(key.key, entry);
    entry.row.counts[participation.capacity] = (entry.row.counts[participation.capacity] ?? 0) + 1;
    entry.row.total += 1;
    totals[participation.capacity] = (totals[participation.capacity] ?? 0) + 1;
  }

  return {
    kind: 'meeting-report',
    minutes: minutesPrintState(source, meeting.id),
    ...base(spec, printedOn),
    title: titled({ en: printLabels.en.kinds['meeting-report'], ru: printLabels.ru.kinds['meeting-report'] }, meeting.title),
    draft: meeting.status !== 'held',
    cancelled: meeting.status === 'cancelled',
    meeting: meetingHead(meeting, source),
    objectives: meeting.objectives,
    attendance: {
      capacities: participationCapacities.filter((capacity) => (totals[capacity] ?? 0) > 0),
      rows: [...rows.values()].sort((a, b) => compareCountries(lang)(a.key, b.key)).map((entry) => entry.row),
      totals,
      total: entries.length,
    },
    days: agendaDays(meeting, sessions, delegates),
    outcomes: Object.fromEntries(sessions.map((session) => [session.id, session.outcome])),
    decisions: live(source.decisions)
      .filter((decision) => decision.meetingId === meeting.id)
      .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
      .map((decision) => ({ text: decision.text })),
    actionItems: live(source.actionItems)
      .filter((item) => item.meetingId === meeting.id)
      .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
      .map((item) => {
        const owner = item.ownerDelegateId === null ? undefined : delegates.get(item.ownerDelegateId);
        return {
          text: item.text,
          owner: { person: owner ? personName(owner) : null, name: item.ownerName },
          dueDate: item.dueDate,
          done: item.done,
        };
      }),
  };
}

/** Days a participation was present within the meeting's dates. */
function daysWithin(participation: Participation, meetingDays: ReadonlySet<string>): number {
  return new Set(participation.attendedDays.filter((day) => meetingDays.has(day))).size;
}

/** Sessions whose titles make up a certificate's programme: not breaks, meals or ceremonies. */
const PROGRAMME_KINDS = new Set<SessionKind>(['training', 'presentation', 'panel', 'discussion', 'site-visit']);
const NO_CERTIFICATE = new Set<ParticipationCapacity>(['organizer', 'secretariat']);

export function buildCertificates(spec: CertificatesSpec, source: ReportSource, printedOn: string): CertificatesModel {
  const meeting = findMeeting(source, spec.meetingId);
  const delegates = delegateIndex(source);
  const countries = countryIndex(source);
  const organizations = new Map(live(source.organizations).map((organization) => [organization.id, organization]));
  const lang = languagesOf(spec.language)[0] ?? 'en';
  const meetingDays = new Set(datesBetween(meeting.startDate, meeting.endDate));

  const recipients = spec.recipients;
  const chosen = (p: Participation) =>
    recipients?.capacities ? recipients.capacities.includes(p.capacity) : !NO_CERTIFICATE.has(p.capacity);
  const minDays = recipients?.minDays ?? 0;
  const entries = participationsOf(
    source,
    meeting.id,
    delegates,
    (p) => attended(p) && chosen(p) && (minDays === 0 || daysWithin(p, meetingDays) >= minDays),
  ).sort(
    (a, b) =>
      compareCountries(lang)(countryOf(a.delegate, countries), countryOf(b.delegate, countries)) ||
      compareText(latinOrFallback(personName(a.delegate)), latinOrFallback(personName(b.delegate)), 'en'),
  );

  const seen = new Set<string>();
  const programme: Bilingual[] = [];
  for (const session of sessionsOf(source, meeting.id)) {
    if (!PROGRAMME_KINDS.has(session.kind)) continue;
    const title = { en: programmeTitle(session.title.en), ru: programmeTitle(session.title.ru) };
    const key = `${title.en}\u0000${title.ru}`;
    if (seen.has(key)) continue;
    seen.add(key);
    programme.push(title);
  }

  return {
    kind: 'certificates',
    ...base(spec, printedOn),
    title: titled({ en: printLabels.en.kinds.certificates, ru: printLabels.ru.kinds.certificates }, meeting.title),
    draft: false,
    cancelled: false,
    meeting: meetingHead(meeting, source),
    totalDays: meetingDays.size,
    programme,
    certificates: entries.map(({ participation, delegate }) => {
      const organization = delegate.organizationId === null ? undefined : organizations.get(delegate.organizationId);
      return {
        id: delegate.id,
        name: personName(delegate),
        position: delegate.position,
        organization: organization ? organization.name : null,
        daysAttended: daysWithin(participation, meetingDays),
        gender: genderOf(delegate.honorific),
      };
    }),
    signatory: spec.signatory && !(isBlank(spec.signatory.name) && isBlank(spec.signatory.title)) ? spec.signatory : null,
  };
}

/** Rows a sign-in sheet leaves empty for walk-ins, unless the spec says otherwise. */
export const DEFAULT_BLANK_ROWS = 8;

export function buildSignIn(spec: SignInSpec, source: ReportSource, printedOn: string): SignInModel {
  const meeting = findMeeting(source, spec.meetingId);
  const delegates = delegateIndex(source);
  const countries = countryIndex(source);
  const organizations = new Map(live(source.organizations).map((organization) => [organization.id, organization]));
  const lang = languagesOf(spec.language)[0] ?? 'en';
  const meetingDays = datesBetween(meeting.startDate, meeting.endDate);
  const days = meetingDays
    .map((date, index) => ({ date, number: index + 1 }))
    .filter((day) => spec.day === undefined || day.date === spec.day);
  if (spec.day !== undefined && days.length === 0) days.push({ date: spec.day, number: 0 });
  const entries = participationsOf(source, meeting.id, delegates, (p) => p.status !== 'declined').sort(
    (a, b) =>
      compareCountries(lang)(countryOf(a.delegate, countries), countryOf(b.delegate, countries)) ||
      compareText(latinOrFallback(personName(a.delegate)), latinOrFallback(personName(b.delegate)), 'en'),
  );
  return {
    kind: 'sign-in',
    ...base(spec, printedOn),
    title: titled({ en: printLabels.en.kinds['sign-in'], ru: printLabels.ru.kinds['sign-in'] }, meeting.title),
    draft: false,
    cancelled: meeting.status === 'cancelled',
    meeting: meetingHead(meeting, source),
    days,
    people: entries.map(({ delegate }) => {
      const organization = delegate.organizationId === null ? undefined : organizations.get(delegate.organizationId);
      return {
        id: delegate.id,
        name: personName(delegate),
        country: countryOf(delegate, countries).country?.name ?? null,
        organization: organization ? organization.name : null,
      };
    }),
    blankRows: spec.blankRows ?? DEFAULT_BLANK_ROWS,
  };
}

export function buildBadges(spec: BadgesSpec, source: ReportSource, printedOn: string): BadgesModel {
  const signIn = buildSignIn({ kind: 'sign-in', meetingId: spec.meetingId, language: spec.language, paper: spec.paper, blankRows: 0 }, source, printedOn);
  const meeting = findMeeting(source, spec.meetingId);
  const capacities = new Map(
    participationsOf(source, meeting.id, delegateIndex(source), (p) => p.status !== 'declined').map(({ participation, delegate }) => [
      delegate.id,
      participation.capacity,
    ]),
  );
  return {
    kind: 'badges',
    ...base(spec, printedOn),
    title: titled({ en: printLabels.en.kinds.badges, ru: printLabels.ru.kinds.badges }, meeting.title),
    draft: false,
    cancelled: false,
    meeting: signIn.meeting,
    perSheet: spec.perSheet,
    badges: signIn.people.map((person) => ({ ...person, capacity: capacities.get(person.id) ?? 'guest' })),
  };
}

export function buildBook(spec: BookSpec, source: ReportSource, printedOn: string): BookModel {
  const meeting = findMeeting(source, spec.meetingId);
  const common = { meetingId: meeting.id, language: spec.language, paper: spec.paper };
  const nameScript = spec.language === 'en' ? 'latin' : spec.language === 'ru' ? 'native' : 'both';
  const parts: BookPartModel[] = [
    buildAgenda({ kind: 'agenda', ...common }, source, printedOn),
    buildParticipants({ kind: 'participants', nameScript, contacts: false, ...common }, source, printedOn),
    buildSignIn({ kind: 'sign-in', ...common }, source, printedOn),
  ];
  const document = spec.documentId === null ? undefined : live(source.mouDocuments).find((candidate) => candidate.id === spec.documentId);
  if (spec.documentId !== null && !document) throw new ReportInputError('document-not-found', `There is no MoU document with id "${spec.documentId}".`);
  if (document) {
    const last = live(source.mouVersions)
      .filter((version) => version.documentId === document.id)
      .reduce<number | null>((latest, version) => (latest === null || version.number > latest ? version.number : latest), null);
    parts.push(
      buildMou(
        { kind: 'mou', documentId: document.id, version: null, compareWith: last, annex: false, lineNumbers: false, language: spec.language, paper: spec.paper },
        source,
        printedOn,
      ),
    );
  }
  parts.push(buildMeetingReport({ kind: 'meeting-report', ...common }, source, printedOn));
  return {
    kind: 'book',
    ...base(spec, printedOn),
    title: titled({ en: printLabels.en.kinds.book, ru: printLabels.ru.kinds.book }, meeting.title),
    // The MoU is a draft until signed and says so in its own heading; the book is a draft while the meeting's documents are.
    draft: parts.some((part) => part.kind !== 'mou' && part.draft),
    cancelled: meeting.status === 'cancelled',
    meeting: meetingHead(meeting, source),
    parts,
    startPages: null,
    only: null,
  };
}

export function buildReport(spec: ReportSpec, source: ReportSource, printedOn: string): ReportModel {
  switch (spec.kind) {
    case 'book':
      return buildBook(spec, source, printedOn);
    case 'badges':
      return buildBadges(spec, source, printedOn);
    case 'sign-in':
      return buildSignIn(spec, source, printedOn);
    case 'agenda':
      return buildAgenda(spec, source, printedOn);
    case 'participants':
      return buildParticipants(spec, source, printedOn);
    case 'mou':
      return buildMou(spec, source, printedOn);
    case 'meeting-report':
      return buildMeetingReport(spec, source, printedOn);
    case 'certificates':
      return buildCertificates(spec, source, printedOn);
  }
}
