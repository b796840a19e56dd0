/**
 * Amendment rules: what each kind changes when accepted, who may act on a proposal in
 * which state, and whether the text a proposal was made against has changed since (a
 * conflict the secretariat must see before anything is applied).
 */
import type { Amendment, AmendmentStatus, Article } from '../model';
import { compareStamps } from '../sync/hlc';
import { mayDecideProposal, mayDeleteProposal, mayWithdrawProposal, type Actor } from '../sync/screenOffers';
import { fieldStamp } from '../sync/stampChanges';

/**
 * Stamp of the last change to an article's text (heading or body). Moving the article or
 * confirming its translation does not change it, so those never raise a conflict.
 */
export function articleTextStamp(article: Article): string {
  const heading = fieldStamp(article, 'heading');
  const body = fieldStamp(article, 'body');
  return compareStamps(heading, body) >= 0 ? heading : body;
}

export type AmendmentConflictKind =
  /** The article's text changed after the proposal was made. */
  | 'textChanged'
  /** The article (to replace or delete, or to insert after) has been deleted. */
  | 'articleDeleted'
  /** The article is not on this computer (e.g. not received yet). */
  | 'articleMissing';

export interface AmendmentConflict {
  kind: AmendmentConflictKind;
}

/**
 * Why accepting `amendment` now could apply it to a text its proposer did not see, or null.
 * `article` is the stored article the amendment names (undefined if not stored).
 */
export function findAmendmentConflict(amendment: Amendment, article: Article | undefined): AmendmentConflict | null {
  if (amendment.articleId === null) return null; // insert at the beginning: no base text
  if (article === undefined) return { kind: 'articleMissing' };
  if (article.deleted) return { kind: 'articleDeleted' };
  if (amendment.kind === 'insert-after') return null; // the anchor's own text is not touched
  if (amendment.baseArticleHlc === null) return null;
  return compareStamps(articleTextStamp(article), amendment.baseArticleHlc) > 0 ? { kind: 'textChanged' } : null;
}

export type AmendmentAction = 'accept' | 'reject' | 'supersede' | 'withdraw';

/** Decisions and withdrawal apply to open proposals only; the other states are final. */
export function isOpen(status: AmendmentStatus): boolean {
  return status === 'proposed';
}

/**
 * Whether this installation may take `action` on the amendment, as its peers accept it
 * (shared/sync/screenOffers.ts, on the authority table): the secretariat decides (accept,
 * reject, supersede); only the proposing delegation withdraws; open proposals only.
 */
export function mayActOnAmendment(
  action: AmendmentAction,
  amendment: Pick<Amendment, 'status' | 'proposedByCountryId'>,
  installation: Actor,
): boolean {
  if (!isOpen(amendment.status)) return false;
  return action === 'withdraw' ? mayWithdrawProposal(installation, amendment) : mayDecideProposal(installation, amendment, action);
}

/**
 * Whether this installation may delete a proposal, as its peers accept it (shared/sync/
 * authorityRules.ts, "amendments"): a delegation its own country's, the secretariat any.
 * Only undecided proposals (proposed or withdrawn): a decision is part of the record of the
 * negotiation and stays.
 */
export function mayDeleteAmendment(amendment: Pick<Amendment, 'status' | 'proposedByCountryId'>, installation: Actor): boolean {
  return mayDeleteProposal(installation, amendment);
}

/** The status a decision leads to. */
export function statusAfter(action: AmendmentAction): AmendmentStatus {
  switch (action) {
    case 'accept':
      return 'accepted';
    case 'reject':
      return 'rejected';
    case 'supersede':
      return 'superseded';
    case 'withdraw':
      return 'withdrawn';
  }
}
