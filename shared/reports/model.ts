/**
 * The views the report templates render: everything already chosen, sorted, counted and
 * compared, so the templates only lay text out. Built from stored records by build.ts.
 */
import type {
  AmendmentKind,
  AmendmentStatus,
  Bilingual,
  MeetingKind,
  MeetingStatus,
  MouStatus,
  ParticipationCapacity,
  SessionKind,
} from '../model';
import type { DiffSegment as Segment } from '../mou/compare';
import type { NameScript, PaperSize, ReportKind, ReportLanguage } from './spec';

/** A person's name as stored: Latin script and native script (Cyrillic, or Dari in Arabic script). */
export interface PersonName {
  latin: string;
  native: string;
  honorific: string;
}

export interface MeetingHead {
  title: Bilingual;
  kind: MeetingKind;
  status: MeetingStatus;
  startDate: string;
  endDate: string;
  city: Bilingual;
  venue: Bilingual;
  timeZone: string;
  host: Bilingual | null;
  inConjunctionWith: Bilingual;
}

interface ReportBase {
  kind: ReportKind;
  language: ReportLanguage;
  paper: PaperSize;
  /** YYYY-MM-DD on the printing computer. */
  printedOn: string;
  /** Title for the running header and the file name, in each language. */
  title: Bilingual;
  /** A "DRAFT" mark on every page (and in the running header). */
  draft: boolean;
  /** A "CANCELLED" mark on every page. */
  cancelled: boolean;
}

export interface AgendaSession {
  id: string;
  start: string;
  end: string;
  kind: SessionKind;
  title: Bilingual;
  description: Bilingual;
  location: Bilingual;
  moderators: PersonName[];
  speakers: PersonName[];
}

export interface AgendaDay {
  date: string;
  /** 1-based day of the meeting; sessions dated outside the meeting count on from its end. */
  number: number;
  sessions: AgendaSession[];
}

export interface AgendaModel extends ReportBase {
  kind: 'agenda';
  meeting: MeetingHead;
  days: AgendaDay[];
  sessionCount: number;
}

export interface ParticipantRow {
  id: string;
  name: PersonName;
  position: Bilingual;
  organization: { name: Bilingual; acronym: string } | null;
  /** Present only when the person consented to printed contacts and the report asks for them. */
  email: string | null;
  phone: string | null;
  /** The person did not consent to printed contacts (shown as such in the contact columns). */
  contactWithheld: boolean;
}

export interface ParticipantGroup {
  country: { id: string; name: Bilingual } | null;
  capacities: { capacity: ParticipationCapacity; people: ParticipantRow[] }[];
}

export interface ParticipantsModel extends ReportBase {
  kind: 'participants';
  meeting: MeetingHead;
  nameScript: NameScript;
  contacts: boolean;
  groups: ParticipantGroup[];
  total: number;
  countryCount: number;
}

export type ArticleChange = 'same' | 'changed' | 'added' | 'deleted' | 'moved';

/** One language of an article, as segments (all `equal` when nothing is compared). */
export interface ArticleText {
  heading: Segment[];
  /** One entry per paragraph line of the body. */
  lines: Segment[][];
}

export interface MouArticleView {
  key: string;
  /** Article number in the printed text; null for an article the comparison shows as deleted. */
  number: number | null;
  change: ArticleChange;
  /** Number in the compared version, for moved and deleted articles. */
  formerNumber: number | null;
  text: { en: ArticleText; ru: ArticleText };
  /** The language whose translation may be out of date (working text only). */
  translationStale: 'en' | 'ru' | null;
  /** Footnotes of the article's open square brackets (working text): who proposed each alternative. */
  bracketNotes: BracketNote[];
}

/** A footnote on an open bracket: its mark in the text ("note 3") and each alternative with its proposers (none: the draft's text). */
export interface BracketNote {
  mark: number;
  alternatives: { text: Bilingual; proposers: Bilingual[] }[];
}

/** Where and by whom a bracket was agreed (or dropped) or an amendment decided: the meeting, its session, the delegations present that day. */
export interface AgreedWhere {
  date: string;
  meeting: { title: Bilingual; city: Bilingual } | null;
  session: Bilingual | null;
  present: Bilingual[];
  observers: Bilingual[];
}

/** A bracket in the annex: its article, alternatives with proposers, and its outcome. */
export interface BracketAnnexRow {
  articleNumber: number | null;
  key: number;
  optional: boolean;
  status: 'open' | 'agreed' | 'dropped';
  openedOn: string;
  alternatives: { text: Bilingual; proposers: Bilingual[]; proposedOn: string; agreed: boolean }[];
  decided: AgreedWhere | null;
}

export interface AmendmentView {
  number: number;
  kind: AmendmentKind;
  status: AmendmentStatus;
  /** Where it applies: an article number in the printed text, a new article, or a removed one. */
  target:
    | { type: 'article'; number: number }
    | { type: 'after'; number: number }
    | { type: 'start' }
    | { type: 'removed' };
  proposedBy: { country: Bilingual | null; person: PersonName | null };
  proposedOn: string;
  decidedOn: string | null;
  /** Where and by whom it was decided, when at a meeting (its session, the delegations present). */
  decidedAt: AgreedWhere | null;
  decisionReason: string;
  heading: Bilingual;
  body: Bilingual;
  rationale: Bilingual;
}

export interface MouVersionRef {
  number: number;
  label: string;
  date: string;
}

export interface MouModel extends ReportBase {
  kind: 'mou';
  documentTitle: Bilingual;
  status: MouStatus;
  parties: Bilingual[];
  /** The printed text: a frozen version, or the working text (null) as of the print date. */
  version: MouVersionRef | null;
  comparedWith: MouVersionRef | null;
  articles: MouArticleView[];
  lineNumbers: boolean;
  /** null: no annex asked for. */
  annex: AmendmentView[] | null;
  /** Open square brackets in the printed text; 0 is clean text. */
  openBrackets: number;
  /** With the annex: every bracket of the document, with where and by whom it was agreed. */
  bracketAnnex: BracketAnnexRow[] | null;
}

export interface AttendanceRow {
  country: { id: string; name: Bilingual } | null;
  counts: Partial<Record<ParticipationCapacity, number>>;
  total: number;
}

/** The state of the meeting's minutes, printed under the report's heading. */
export type MinutesPrintState =
  | { state: 'draft' }
  | { state: 'circulated'; number: number; date: string }
  | { state: 'approved'; number: number; date: string; meeting: Bilingual; city: Bilingual; session: Bilingual };

export interface MeetingReportModel extends ReportBase {
  kind: 'meeting-report';
  minutes: MinutesPrintState;
  meeting: MeetingHead;
  objectives: Bilingual;
  attendance: {
    capacities: ParticipationCapacity[];
    rows: AttendanceRow[];
    totals: Partial<Record<ParticipationCapacity, number>>;
    total: number;
  };
  days: AgendaDay[];
  outcomes: Record<string, Bilingual>;
  decisions: { text: Bilingual }[];
  actionItems: { text: Bilingual; owner: { person: PersonName | null; name: Bilingual }; dueDate: string | null; done: boolean }[];
}

export interface CertificateView {
  id: string;
  name: PersonName;
  position: Bilingual;
  organization: Bilingual | null;
  daysAttended: number;
  /** From the form of address: the Russian text says "принял" or "приняла" (else "принял(а)"). */
  gender: 'm' | 'f' | null;
}

export interface CertificatesModel extends ReportBase {
  kind: 'certificates';
  meeting: MeetingHead;
  totalDays: number;
  /** Titles of the substantive sessions (no breaks or meals), in programme order. */
  programme: Bilingual[];
  certificates: CertificateView[];
  signatory: { name: Bilingual; title: Bilingual } | null;
}

export interface SignInRow {
  id: string;
  name: PersonName;
  country: Bilingual | null;
  organization: Bilingual | null;
}

export interface SignInModel extends ReportBase {
  kind: 'sign-in';
  meeting: MeetingHead;
  /** The days that get a sheet, numbered within the meeting. */
  days: { date: string; number: number }[];
  /** Everyone expected (not those who declined), by country, then name. */
  people: SignInRow[];
  blankRows: number;
}

export interface BadgesModel extends ReportBase {
  kind: 'badges';
  meeting: MeetingHead;
  perSheet: 6 | 8 | 10;
  badges: { id: string; name: PersonName; country: Bilingual | null; organization: Bilingual | null; capacity: ParticipationCapacity }[];
}

export type BookPartModel = AgendaModel | ParticipantsModel | SignInModel | MouModel | MeetingReportModel;

export interface BookModel extends ReportBase {
  kind: 'book';
  meeting: MeetingHead;
  parts: BookPartModel[];
  /**
   * Page on which each part starts, numbered through the whole book (the title page is 1,
   * the contents 2). Null until the printer has measured the parts (the preview shows none).
   */
  startPages: number[] | null;
  /** Print only this part, as it is laid out in the book (the printer measures its pages so). */
  only: number | null;
}

export type ReportModel = AgendaModel | ParticipantsModel | SignInModel | MouModel | MeetingReportModel | CertificatesModel | BadgesModel | BookModel;
