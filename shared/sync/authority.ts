/**
 * Who may change what, across machines. The official MoU text (documents, articles,
 * frozen versions) and decisions on amendments come only from a trusted secretariat key;
 * everything else (delegates, meetings, proposals, comments, positions…) is accepted from
 * any trusted installation. Like the merge itself, these rules depend only on the incoming
 * change and its signer, so every machine accepts and refuses the same changes. Enforced on the signer of the bundle (or of the part of a
 * merged bundle), never on the `origin` written inside records, which anyone can type.
 */
import type { AmendmentStatus, SyncedTableName } from '../model';
import type { SyncRecord } from './bundleFormat';

/** What a signer may change: 'official' for a trusted secretariat key (or this installation if it is one). */
export type Authority = 'official' | 'delegation';

/** Tables that hold the official text: only 'official' signers change them. */
export const OFFICIAL_TABLES: ReadonlySet<SyncedTableName> = new Set(['mouDocuments', 'articles', 'mouVersions']);

/** Amendment states that are the secretariat's decisions. */
export const DECISION_STATUSES: ReadonlySet<AmendmentStatus> = new Set(['accepted', 'rejected', 'superseded']);

/** Fields of an amendment that record a decision. */
export const DECISION_FIELDS: readonly string[] = ['status', 'decisionReason', 'decidedOn'];

/**
 * Whether an incoming amendment carries a decision. A signer without authority may still
 * change the amendment (text, rationale, a withdrawal), but not its decision fields. The
 * test looks at the incoming record only, never at the local one: a rule that depended on
 * what a machine held before would let two machines that merge in different orders keep
 * different values forever.
 */
export function carriesDecision(incoming: SyncRecord): boolean {
  return typeof incoming.status === 'string' && DECISION_STATUSES.has(incoming.status as AmendmentStatus);
}
