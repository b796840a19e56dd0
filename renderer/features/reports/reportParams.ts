/**
 * The Reports screen's choices, kept in the URL (#/reports?kind=agenda&meeting=…) so other
 * screens can link to a ready report, the back button restores the previous choice and a
 * reload keeps it. Pure: parsing never throws, unknown values fall back to defaults.
 */
import { participationCapacities, type ParticipationCapacity } from '../../../shared/model';
import {
  badgesPerSheet,
  nameScripts,
  paperSizes,
  reportKinds,
  reportLanguages,
  type NameScript,
  type PaperSize,
  type ReportKind,
  type ReportLanguage,
  type ReportSpec,
} from '../../../shared/reports/spec';

/** Badges an A4 or Letter sheet holds. */
export type BadgesPerSheet = (typeof badgesPerSheet)[number];

export interface ReportChoices {
  kind: ReportKind;
  meetingId: string | null;
  documentId: string | null;
  /** null: the current working text. */
  version: number | null;
  compareWith: number | null;
  language: ReportLanguage;
  paper: PaperSize;
  nameScript: NameScript;
  contacts: boolean;
  annex: boolean;
  lineNumbers: boolean;
  /** Certificates: to these capacities only (null: every attendee except organizers and the secretariat). */
  recipients: ParticipationCapacity[] | null;
  /** Certificates: only to those present on at least this many days (0: any). */
  minDays: number;
  /** Badges per sheet. */
  perSheet: BadgesPerSheet;
  /** Certificates: who signs (name, title in English, title in Russian). */
  signatory: { name: string; titleEn: string; titleRu: string };
}

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.find((candidate) => candidate === value) ?? fallback;
}

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d{1,6}$/.test(value)) return null;
  const number = Number(value);
  return number > 0 ? number : null;
}

/** Names follow the report's language unless chosen: Latin for English, native for Russian, both for both. */
export function defaultNameScript(language: ReportLanguage): NameScript {
  switch (language) {
    case 'en':
      return 'latin';
    case 'ru':
      return 'native';
    case 'en+ru':
      return 'both';
  }
}

export function readReportChoices(params: URLSearchParams, uiLanguage: 'en' | 'ru'): ReportChoices {
  const language = oneOf(reportLanguages, params.get('lang'), uiLanguage);
  return {
    kind: oneOf(reportKinds, params.get('kind'), 'agenda'),
    meetingId: params.get('meeting') || null,
    documentId: params.get('document') || null,
    version: positiveInt(params.get('version')),
    compareWith: positiveInt(params.get('compare')),
    language,
    paper: oneOf(paperSizes, params.get('paper'), 'a4'),
    nameScript: oneOf(nameScripts, params.get('names'), defaultNameScript(language)),
    contacts: params.get('contacts') === '1',
    annex: params.get('annex') === '1',
    lineNumbers: params.get('lines') === '1',
    recipients: readCapacities(params.get('to')),
    minDays: Math.min(62, positiveInt(params.get('days')) ?? 0),
    perSheet: badgesPerSheet.find((value) => String(value) === params.get('perSheet')) ?? 8,
    signatory: { name: shortText(params.get('signer')), titleEn: shortText(params.get('signerEn')), titleRu: shortText(params.get('signerRu')) },
  };
}

function readCapacities(value: string | null): ParticipationCapacity[] | null {
  if (value === null) return null;
  const chosen = value.split(',');
  return participationCapacities.filter((capacity) => chosen.includes(capacity));
}

function shortText(value: string | null): string {
  return (value ?? '').slice(0, 200);
}

/** Only what differs from "nothing chosen", so URLs stay short. */
export function writeReportChoices(choices: ReportChoices): URLSearchParams {
  const params = new URLSearchParams();
  params.set('kind', choices.kind);
  if (choices.meetingId) params.set('meeting', choices.meetingId);
  if (choices.documentId) params.set('document', choices.documentId);
  if (choices.version !== null) params.set('version', String(choices.version));
  if (choices.compareWith !== null) params.set('compare', String(choices.compareWith));
  params.set('lang', choices.language);
  params.set('paper', choices.paper);
  if (choices.nameScript !== defaultNameScript(choices.language)) params.set('names', choices.nameScript);
  if (choices.contacts) params.set('contacts', '1');
  if (choices.annex) params.set('annex', '1');
  if (choices.lineNumbers) params.set('lines', '1');
  if (choices.recipients !== null) params.set('to', choices.recipients.join(','));
  if (choices.minDays > 0) params.set('days', String(choices.minDays));
  if (choices.perSheet !== 8) params.set('perSheet', String(choices.perSheet));
  if (choices.signatory.name !== '') params.set('signer', choices.signatory.name);
  if (choices.signatory.titleEn !== '') params.set('signerEn', choices.signatory.titleEn);
  if (choices.signatory.titleRu !== '') params.set('signerRu', choices.signatory.titleRu);
  return params;
}

/** The spec to print, or null while a meeting or document is still to be chosen. */
export function specFromChoices(choices: ReportChoices): ReportSpec | null {
  const common = { language: choices.language, paper: choices.paper };
  switch (choices.kind) {
    case 'mou':
      return choices.documentId === null
        ? null
        : {
            kind: 'mou',
            documentId: choices.documentId,
            version: choices.version,
            compareWith: choices.compareWith,
            annex: choices.annex,
            lineNumbers: choices.lineNumbers,
            ...common,
          };
    case 'participants':
      return choices.meetingId === null
        ? null
        : { kind: 'participants', meetingId: choices.meetingId, nameScript: choices.nameScript, contacts: choices.contacts, ...common };
    case 'certificates': {
      if (choices.meetingId === null) return null;
      const { name, titleEn, titleRu } = choices.signatory;
      return {
        kind: 'certificates',
        meetingId: choices.meetingId,
        ...(choices.recipients !== null || choices.minDays > 0 ? { recipients: { capacities: choices.recipients, minDays: choices.minDays } } : {}),
        ...(name !== '' || titleEn !== '' || titleRu !== ''
          ? { signatory: { name: { en: name, ru: name }, title: { en: titleEn, ru: titleRu } } }
          : {}),
        ...common,
      };
    }
    case 'badges':
      return choices.meetingId === null ? null : { kind: 'badges', meetingId: choices.meetingId, perSheet: choices.perSheet, ...common };
    case 'book':
      return choices.meetingId === null ? null : { kind: 'book', meetingId: choices.meetingId, documentId: choices.documentId, ...common };
    case 'agenda':
    case 'meeting-report':
    case 'sign-in':
      return choices.meetingId === null ? null : { kind: choices.kind, meetingId: choices.meetingId, ...common };
  }
}

/** A link to the Reports screen with a report chosen, for other screens' "Print…" links. */
export function reportLink(spec: ReportSpec): string {
  const choices: ReportChoices = {
    kind: spec.kind,
    meetingId: spec.kind === 'mou' ? null : spec.meetingId,
    documentId: spec.kind === 'mou' || spec.kind === 'book' ? spec.documentId : null,
    version: spec.kind === 'mou' ? spec.version : null,
    compareWith: spec.kind === 'mou' ? spec.compareWith : null,
    language: spec.language,
    paper: spec.paper,
    nameScript: spec.kind === 'participants' ? spec.nameScript : defaultNameScript(spec.language),
    contacts: spec.kind === 'participants' ? spec.contacts : false,
    annex: spec.kind === 'mou' ? spec.annex : false,
    lineNumbers: spec.kind === 'mou' ? spec.lineNumbers : false,
    recipients: spec.kind === 'certificates' ? (spec.recipients?.capacities ?? null) : null,
    minDays: spec.kind === 'certificates' ? (spec.recipients?.minDays ?? 0) : 0,
    perSheet: spec.kind === 'badges' ? spec.perSheet : 8,
    signatory:
      spec.kind === 'certificates' && spec.signatory
        ? { name: spec.signatory.name.en || spec.signatory.name.ru, titleEn: spec.signatory.title.en, titleRu: spec.signatory.title.ru }
        : { name: '', titleEn: '', titleRu: '' },
  };
  return `/reports?${writeReportChoices(choices).toString()}`;
}
