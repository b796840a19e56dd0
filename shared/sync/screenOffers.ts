/**
 * What the screens offer an installation, read from the authority table
 * (shared/sync/authorityRules.ts): every button that writes synced records asks here, and
 * every answer is `canEdit` (or `canEditTable`) on the record the action will write, so
 * a delegation is offered exactly what its peers accept (judgeChange) and no one has to
 * switch roles to record their own delegation's work. Screens never test the role
 * themselves; the repositories ask the same functions before they write.
 *
 * Each function takes the state a button is shown for (an amendment, a position, a
 * person) and builds the record as the action leaves it; the conditions that are not
 * about authority (an open proposal, undecided, the document's status) are the callers'
 * or, where a rule of the MoU says so, stated here next to the authority question.
 * `tests/unit/delegationScreens.test.ts` walks the table: for each action, offered exactly
 * when judgeChange accepts the written record from that role.
 */
import type { Amendment, AmendmentStatus, Comment, Delegate, InstallationRole, Organization, Position, SyncedTableName } from '../model';
import { canEdit, canEditTable } from './authorityRules';

/** Who is at the screen: this installation's role and, for a delegation, its country. */
export interface Actor {
  role: InstallationRole;
  countryId: string | null;
}

/** A date the actions below write (a decision's or withdrawal's); its value does not matter to the rules. */
const SOME_DAY = '2000-01-01';

const may = (actor: Actor, table: SyncedTableName, record: Readonly<Record<string, unknown>>): boolean =>
  canEdit(actor.role, actor.countryId, table, record);

// ---------------------------------------------------------------------------------------
// The MoU: official text, documents, versions

/** What the MoU screens offer on the official text, documents and versions. */
export interface MouOffers {
  /** New document, its details and its status. */
  manageDocuments: boolean;
  /** Add, edit, move, delete articles; confirm translations; restore an older text. */
  editText: boolean;
  /** Freeze a version. */
  freezeVersions: boolean;
  /** Put brackets in the text, and record a bracket agreed or dropped (where and when). */
  decideBrackets: boolean;
}

export function mouOffers(actor: Actor): MouOffers {
  return {
    manageDocuments: canEditTable(actor.role, actor.countryId, 'mouDocuments'),
    editText: canEditTable(actor.role, actor.countryId, 'articles'),
    freezeVersions: canEditTable(actor.role, actor.countryId, 'mouVersions'),
    decideBrackets: canEditTable(actor.role, actor.countryId, 'brackets'),
  };
}

// ---------------------------------------------------------------------------------------
// Square brackets: alternatives

/** Whether the actor may propose a bracket's alternative in the name of exactly these delegations. */
export function mayProposeAlternativeFor(actor: Actor, countryIds: readonly string[]): boolean {
  return may(actor, 'bracketAlternatives', { proposedByCountryIds: [...countryIds], deleted: false });
}

/**
 * Whether the actor may withdraw (delete) an alternative of an open bracket: one a delegation
 * proposed, never the draft's own text (no proposers), and only where peers accept the deletion
 * from the actor (a delegation: its own country's alone).
 */
export function mayWithdrawAlternative(actor: Actor, alternative: { proposedByCountryIds: readonly string[] }): boolean {
  if (alternative.proposedByCountryIds.length === 0) return false;
  return may(actor, 'bracketAlternatives', { proposedByCountryIds: [...alternative.proposedByCountryIds], deleted: true });
}

/**
 * Whether the actor may correct an alternative of an open bracket (its wording, the day it was
 * proposed and, where the actor names proposers, in whose name): where peers accept the changed
 * record from the actor. A delegation corrects its own country's alone; the secretariat every
 * alternative, the draft's own text included (it may name the delegations that proposed it).
 */
export function mayEditAlternative(actor: Actor, alternative: { proposedByCountryIds: readonly string[] }): boolean {
  return may(actor, 'bracketAlternatives', { proposedByCountryIds: [...alternative.proposedByCountryIds], deleted: false });
}

/**
 * Whether proposing an alternative asks in whose name: where the actor may name other
 * delegations (the secretariat records what delegations proposed at a meeting); a delegation
 * proposes in its own name alone, not asked.
 */
export function choosesAlternativeProposers(actor: Actor, parties: readonly string[]): boolean {
  return parties.some((countryId) => countryId !== actor.countryId && mayProposeAlternativeFor(actor, [countryId]));
}

// ---------------------------------------------------------------------------------------
// Amendments

type AmendmentState = Pick<Amendment, 'status' | 'proposedByCountryId'> & Partial<Pick<Amendment, 'decisionReason' | 'decidedOn' | 'deleted'>>;

/** The amendment's authority-relevant fields as an action leaves them. */
function amendmentAfter(amendment: AmendmentState, change: Partial<Amendment>): Record<string, unknown> {
  return {
    decisionReason: '',
    decidedOn: null,
    deleted: false,
    ...amendment,
    ...change,
  };
}

/** Whether the actor may propose an amendment in the name of `countryId`. */
export function mayProposeFor(actor: Actor, countryId: string): boolean {
  return may(actor, 'amendments', amendmentAfter({ status: 'proposed', proposedByCountryId: countryId }, {}));
}

/**
 * The countries in whose name the actor may propose: among its own country and `parties`,
 * those its peers accept a proposal of (a delegation: its own; the secretariat: every party,
 * recording a proposal a delegation made at a meeting).
 */
export function proposerChoices(actor: Actor, parties: readonly string[]): string[] {
  const candidates = [...new Set([...(actor.countryId === null ? [] : [actor.countryId]), ...parties])];
  return candidates.filter((countryId) => mayProposeFor(actor, countryId));
}

/** Whether proposing asks in whose name (anything but the actor's own country alone). */
export function choosesProposer(actor: Actor, parties: readonly string[]): boolean {
  const choices = proposerChoices(actor, parties);
  return !(choices.length === 1 && choices[0] === actor.countryId);
}

/** Whether the proposal's text and rationale may be changed: while it is open (proposed). */
export function mayEditProposal(actor: Actor, amendment: AmendmentState): boolean {
  return amendment.status === 'proposed' && may(actor, 'amendments', amendmentAfter(amendment, {}));
}

/** Whether the proposal may be withdrawn: an open one, by the delegation that proposed it. */
export function mayWithdrawProposal(actor: Actor, amendment: AmendmentState): boolean {
  return (
    amendment.status === 'proposed' &&
    actor.countryId !== null &&
    actor.countryId === amendment.proposedByCountryId &&
    may(actor, 'amendments', amendmentAfter(amendment, { status: 'withdrawn', decidedOn: SOME_DAY }))
  );
}

/** Whether the proposal may be deleted: an undecided one (proposed or withdrawn); a decision stays. */
export function mayDeleteProposal(actor: Actor, amendment: AmendmentState): boolean {
  return (
    (amendment.status === 'proposed' || amendment.status === 'withdrawn') &&
    may(actor, 'amendments', amendmentAfter(amendment, { deleted: true }))
  );
}

/** A decision on a proposal, and the status it leads to. */
export type ProposalDecision = 'accept' | 'reject' | 'supersede';
const DECIDED: Readonly<Record<ProposalDecision, AmendmentStatus>> = { accept: 'accepted', reject: 'rejected', supersede: 'superseded' };

/** Whether an open proposal may be decided (the status the decision leads to, with a reason and a date). */
export function mayDecideProposal(actor: Actor, amendment: AmendmentState, decision: ProposalDecision): boolean {
  return (
    amendment.status === 'proposed' &&
    may(actor, 'amendments', amendmentAfter(amendment, { status: DECIDED[decision], decisionReason: 'A reason.', decidedOn: SOME_DAY }))
  );
}

// ---------------------------------------------------------------------------------------
// Comments and positions

/** Whether the actor may add a comment, or resolve and reopen `comment`. */
export function mayComment(actor: Actor, comment?: Pick<Comment, 'resolved'>): boolean {
  if (comment === undefined) return canEditTable(actor.role, actor.countryId, 'comments');
  return may(actor, 'comments', { ...comment, resolved: !comment.resolved, deleted: false });
}

/** Whether the actor may record the position of `countryId` (set or change a stance). */
export function mayRecordPosition(actor: Actor, countryId: string): boolean {
  return may(actor, 'positions', { countryId, deleted: false });
}

/** Whether the actor may clear a recorded position (the cell goes back to "pending"). */
export function mayClearPosition(actor: Actor, position: Pick<Position, 'countryId'>): boolean {
  return may(actor, 'positions', { countryId: position.countryId, deleted: true });
}

// ---------------------------------------------------------------------------------------
// The registry

/** Whether the actor may add a person or an organization of `countryId`, or change one. */
export function mayRecordForCountry(actor: Actor, countryId: string | null): boolean {
  return may(actor, 'delegates', { countryId, deleted: false });
}

/** Whether the actor may change this person's record. */
export function mayEditPerson(actor: Actor, person: Pick<Delegate, 'countryId'>): boolean {
  return may(actor, 'delegates', { countryId: person.countryId, deleted: false });
}

/** Whether the actor may delete this person. */
export function mayDeletePerson(actor: Actor, person: Pick<Delegate, 'countryId'>): boolean {
  return may(actor, 'delegates', { countryId: person.countryId, deleted: true });
}

/** Whether the actor may merge this person into another (the duplicate's tombstone names the survivor). */
export function mayMergePerson(actor: Actor, person: Pick<Delegate, 'countryId'>): boolean {
  return may(actor, 'delegates', { countryId: person.countryId, mergedIntoId: 'the-survivor', deleted: true });
}

/** Whether the actor may change this organization's record. */
export function mayEditOrganization(actor: Actor, organization: Pick<Organization, 'countryId'>): boolean {
  return may(actor, 'organizations', { countryId: organization.countryId, deleted: false });
}

/** Whether the actor may delete this organization. */
export function mayDeleteOrganization(actor: Actor, organization: Pick<Organization, 'countryId'>): boolean {
  return may(actor, 'organizations', { countryId: organization.countryId, deleted: true });
}

/** Whether the actor may change countries (names, membership). */
export function mayEditCountries(actor: Actor): boolean {
  return canEditTable(actor.role, actor.countryId, 'countries');
}

// ---------------------------------------------------------------------------------------
// Meetings

/** Tables a meeting's screens write: the meeting, its agenda, participants, decisions, action items and minutes. */
export const MEETING_TABLES = ['meetings', 'sessions', 'participations', 'decisions', 'actionItems', 'minutes'] as const satisfies readonly SyncedTableName[];

/** Whether the actor may plan meetings and record them (agenda, participants, outcomes; circulating and approving the minutes). */
export function mayPlanMeetings(actor: Actor): boolean {
  return MEETING_TABLES.every((table) => canEditTable(actor.role, actor.countryId, table));
}

// ---------------------------------------------------------------------------------------
// Recently deleted

/** Whether the actor may bring back deleted records: each of them, as restored, must be accepted. */
export function mayRestore(actor: Actor, records: readonly { table: SyncedTableName; record: Readonly<Record<string, unknown>> }[]): boolean {
  return records.length > 0 && records.every(({ table, record }) => may(actor, table, { ...record, deleted: false }));
}
