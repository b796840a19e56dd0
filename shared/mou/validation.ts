/**
 * Input checks for the MoU area, shared by the forms (to show a message per field before
 * saving) and the repository (which refuses the same input, whatever the caller). Issues
 * carry a code; its text is mou.errors.<code> in shared/i18n/mou.ts.
 */
import type { AmendmentKind, Bilingual, PositionStance } from '../model';
import { isValidIsoDate, type StatusChangeError } from './status';

export type MouIssueCode =
  | 'titleRequired'
  | 'partiesRequired'
  | 'headingRequired'
  | 'headingTooLong'
  | 'bodyRequired'
  | 'bodyTooLong'
  | 'labelRequired'
  | 'labelTooLong'
  | 'labelTaken'
  | 'dateInvalid'
  | 'rationaleRequired'
  | 'amendmentUnchanged'
  | 'articleRequired'
  | 'proposerRequired'
  | 'reasonRequired'
  | 'commentRequired'
  | 'commentTooLong'
  | 'reservationRequired'
  | 'decisionBeforeProposal'
  | 'bracketsNotAligned'
  | 'bracketAlternativesDiffer'
  | 'bracketMarkersDiffer'
  | 'bracketNotKept'
  | 'alternativeTextRequired'
  | 'alternativeTextInvalid'
  | 'alternativeExists'
  | 'alternativeRequired'
  | 'meetingRequired'
  | 'proposalBeforeBracket'
  | 'dateInFuture'
  | StatusChangeError;

export interface MouIssue {
  /** Field path, e.g. "heading.en"; "" for the whole input. */
  path: string;
  code: MouIssueCode;
}

export const HEADING_MAX = 300;
export const BODY_MAX = 30_000;
export const LABEL_MAX = 120;
export const COMMENT_MAX = 4_000;

const blank = (text: string): boolean => text.trim() === '';

function bilingualRequired(
  issues: MouIssue[],
  field: string,
  value: Bilingual,
  required: MouIssueCode,
  tooLong: MouIssueCode | null,
  max: number,
): void {
  for (const language of ['en', 'ru'] as const) {
    const text = value[language];
    if (blank(text)) issues.push({ path: `${field}.${language}`, code: required });
    else if (tooLong !== null && text.length > max) issues.push({ path: `${field}.${language}`, code: tooLong });
  }
}

export interface DocumentInput {
  title: Bilingual;
  partyCountryIds: readonly string[];
}

export function validateDocument(input: DocumentInput): MouIssue[] {
  const issues: MouIssue[] = [];
  bilingualRequired(issues, 'title', input.title, 'titleRequired', 'headingTooLong', HEADING_MAX);
  if (input.partyCountryIds.length === 0) issues.push({ path: 'partyCountryIds', code: 'partiesRequired' });
  return issues;
}

export interface ArticleInput {
  heading: Bilingual;
  body: Bilingual;
}

/** Both languages are official: each needs a heading and a body. */
export function validateArticle(input: ArticleInput): MouIssue[] {
  const issues: MouIssue[] = [];
  bilingualRequired(issues, 'heading', input.heading, 'headingRequired', 'headingTooLong', HEADING_MAX);
  bilingualRequired(issues, 'body', input.body, 'bodyRequired', 'bodyTooLong', BODY_MAX);
  return issues;
}

export interface VersionInput {
  label: string;
  date: string;
}

/** `takenLabels`: the document's other version labels (compared trimmed, ignoring case). */
export function validateVersion(input: VersionInput, takenLabels: readonly string[]): MouIssue[] {
  const issues: MouIssue[] = [];
  const label = input.label.trim();
  if (label === '') issues.push({ path: 'label', code: 'labelRequired' });
  else if (label.length > LABEL_MAX) issues.push({ path: 'label', code: 'labelTooLong' });
  else if (takenLabels.some((taken) => normalizeLabel(taken) === normalizeLabel(label))) {
    issues.push({ path: 'label', code: 'labelTaken' });
  }
  if (!isValidIsoDate(input.date)) issues.push({ path: 'date', code: 'dateInvalid' });
  return issues;
}

export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

export interface AmendmentInput {
  kind: AmendmentKind;
  /** replace/delete: the article; insert-after: the article the new one follows (null: first). */
  articleId: string | null;
  heading: Bilingual;
  body: Bilingual;
  rationale: Bilingual;
}

/**
 * `current`: the article's text now, for a replacement (which must change something).
 * A rationale is needed in at least one language: delegations explain in the language
 * they work in, and the secretariat circulates a translation.
 */
export function validateAmendment(input: AmendmentInput, current: ArticleInput | null): MouIssue[] {
  const issues: MouIssue[] = [];
  if (input.kind !== 'insert-after' && input.articleId === null) issues.push({ path: 'articleId', code: 'articleRequired' });
  if (input.kind !== 'delete') {
    issues.push(...validateArticle(input));
    if (
      input.kind === 'replace' &&
      current !== null &&
      issues.length === 0 &&
      current.heading.en === input.heading.en &&
      current.heading.ru === input.heading.ru &&
      current.body.en === input.body.en &&
      current.body.ru === input.body.ru
    ) {
      issues.push({ path: 'body.en', code: 'amendmentUnchanged' });
    }
  }
  if (blank(input.rationale.en) && blank(input.rationale.ru)) issues.push({ path: 'rationale.en', code: 'rationaleRequired' });
  return issues;
}

/** `proposedOn`: the proposal's date; a decision cannot predate it (dates as they happened, issue 15). */
export function validateDecision(decision: 'accept' | 'reject' | 'supersede', reason: string, date: string, proposedOn?: string): MouIssue[] {
  const issues: MouIssue[] = [];
  if (decision === 'reject' && blank(reason)) issues.push({ path: 'reason', code: 'reasonRequired' });
  if (!isValidIsoDate(date)) issues.push({ path: 'date', code: 'dateInvalid' });
  else if (proposedOn !== undefined && date < proposedOn) issues.push({ path: 'date', code: 'decisionBeforeProposal' });
  return issues;
}

export function validateComment(text: string): MouIssue[] {
  if (blank(text)) return [{ path: 'text', code: 'commentRequired' }];
  if (text.length > COMMENT_MAX) return [{ path: 'text', code: 'commentTooLong' }];
  return [];
}

export function validatePosition(stance: PositionStance, reservation: string): MouIssue[] {
  return stance === 'reservation' && blank(reservation) ? [{ path: 'reservation', code: 'reservationRequired' }] : [];
}
