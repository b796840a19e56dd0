/**
 * Who may create, change or delete which synced records and fields: one table (RULES
 * below, shown in words as AUTHORITY_TABLE and in docs/sync.md "Who may change what"),
 * and the pure checker the merge calls for every incoming record, `judgeChange`.
 *
 * Signers. A change is judged on the installation that SIGNED the bundle (or the part of a
 * merged bundle) carrying it, with the authority this computer's trust record gives that
 * key, never on `origin` or a role written inside the file, which anyone can type:
 *   - 'official': the pinned secretariat (the first secretariat this installation trusted)
 *     or a secretariat key granted by it. It may change everything.
 *   - 'delegation': a trusted delegation, with the country it was trusted with. It owns
 *     its country's amendments (never their decision) and positions, and may write
 *     comments; everything else is the secretariat's.
 *   - 'none': a trusted key without a role that counts, e.g. a look-alike that claims to
 *     be the secretariat without a grant from the pinned one. Nothing it signs is accepted.
 *
 * Convergence. The rules look ONLY at the incoming record and its signer, never at the
 * record this computer holds. Two computers that receive the same files in different
 * orders hold different records in between; a rule that consulted them ("a delegation may
 * not change an amendment the secretariat already decided") would accept a change on one
 * and refuse it on the other, and the two would keep different values forever. Judged on
 * the incoming record alone, every computer accepts and refuses exactly the same changes.
 * The price: ownership is read from the incoming record (its `proposedByCountryId`, its
 * `countryId`), so a crafted file could name its own country on another country's record;
 * the app never rewrites those fields, and the change stays signed by its author.
 *
 * Relays. A delegation's bundle also carries changes it did not make (it received the
 * secretariat's meetings and passes them on). A change is accepted when ITS SIGNER may
 * make it, so a delegation's copy of a secretariat-only field is refused whatever its
 * stamps; the secretariat's own bundle (or a merged file holding it) brings it. The
 * reason then says 'relayed' when every stamp of the refused fields belongs to another
 * installation (harmless: the preview counts these quietly), and the rule's own reason
 * when the signer stamped one of them itself (it tried to change what it may not).
 */
import { amendmentStatuses, syncedTableNames, type AmendmentStatus, type InstallationRole, type SyncedTableName } from '../model';
import type { SyncRecord } from './bundleFormat';
import { META_FIELDS, dataFields, stampOf } from './records';
import { stampNode } from './versionVector';

/** What a signer may change, from this computer's trust record (see the file comment). */
export type Authority = 'official' | 'delegation' | 'none';

/** The signer of a bundle (or of one part of a merged bundle) as the trust check sees it. */
export interface SignerRights {
  authority: Authority;
  /** A delegation's country, from the trust record (never from the bundle); null otherwise. */
  countryId: string | null;
  /** The signer's installation id: the node at the end of the stamps it issues. */
  signerId: string;
}

/**
 * Why a change was refused:
 *   - 'official-text': a delegation changed the official MoU text (documents, articles, versions);
 *   - 'secretariat-only': a delegation changed the registry or a meeting's records;
 *   - 'decision': a delegation decided an amendment (accepted, rejected, superseded, a reason, a date);
 *   - 'other-country': a delegation changed another country's amendment or position;
 *   - 'untrusted-role': the signer has no authority at all ('none');
 *   - 'relayed': a delegation passed on refused fields that other installations stamped;
 *   - 'minutes-approved': anyone (the secretariat too) changed a meeting's recorded outcomes or
 *     attendance after its minutes were approved (judgeLockedMinutes).
 */
export type RefusalReason = 'official-text' | 'secretariat-only' | 'decision' | 'other-country' | 'untrusted-role' | 'relayed' | 'minutes-approved';

/**
 * The verdict on one incoming record: `refusedFields` null when all of it is accepted,
 * 'record' when none of it is, otherwise the data fields (see records.ts: dataFields)
 * that must be left out; `reason` is null exactly when nothing is refused.
 */
export interface AuthorityVerdict {
  refusedFields: string[] | 'record' | null;
  reason: RefusalReason | null;
}

/** Tables that hold the official text: only 'official' signers change them. */
export const OFFICIAL_TABLES: ReadonlySet<SyncedTableName> = new Set(['mouDocuments', 'articles', 'mouVersions']);

/** Amendment states that are the secretariat's decisions. */
export const DECISION_STATUSES: ReadonlySet<AmendmentStatus> = new Set(['accepted', 'rejected', 'superseded']);

/** Amendment states a proposer may set: every state that is not a decision ('proposed', 'withdrawn'). */
export const PROPOSER_STATUSES: ReadonlySet<AmendmentStatus> = new Set(amendmentStatuses.filter((status) => !DECISION_STATUSES.has(status)));

/** Fields of an amendment that record a decision. */
export const DECISION_FIELDS: readonly string[] = ['status', 'decisionReason', 'decidedOn', 'decidedAtMeetingId', 'decidedAtSessionId'];

/** Whether an incoming amendment's status is a decision (accepted, rejected, superseded). */
export function carriesDecision(incoming: SyncRecord): boolean {
  return typeof incoming.status === 'string' && DECISION_STATUSES.has(incoming.status as AmendmentStatus);
}

/** What a trusted delegation may do with a table's records. */
type DelegationRule =
  /** Nothing; refusals carry this reason. */
  | { kind: 'nothing'; reason: 'official-text' | 'secretariat-only' }
  /**
   * Records whose `countryField` names the delegation's country; with `decisions`, never
   * their decision; never the `secretariatFields`, nor a deletion when `keepsDeletion`.
   */
  | { kind: 'own-country'; countryField: string; decisions: boolean; secretariatFields?: readonly string[]; keepsDeletion?: boolean }
  /** Every record and field. */
  | { kind: 'any' }
  /**
   * Conflict notices (syncConflicts): any notice, as a trusted installation detects it; its
   * resolution only where the delegation may change the conflicted record (conflictRefusal).
   */
  | { kind: 'notice' };

interface TableRule {
  delegation: DelegationRule;
  /** The rule in words (English), for AUTHORITY_TABLE and docs/sync.md. */
  secretariat: string;
  delegationText: string;
}

const SECRETARIAT_ALL = 'Creates, changes and deletes every record and field.';
const secretariatOnly = (delegationText: string): TableRule => ({
  delegation: { kind: 'nothing', reason: 'secretariat-only' },
  secretariat: SECRETARIAT_ALL,
  delegationText,
});
const officialText = (what: string): TableRule => ({
  delegation: { kind: 'nothing', reason: 'official-text' },
  secretariat: SECRETARIAT_ALL,
  delegationText: `Nothing: ${what} are the official MoU text.`,
});

/**
 * THE table: for every synced table, what a trusted delegation may do (the secretariat
 * may do everything, a signer without authority nothing). Typed over every table name, so
 * a new synced table does not compile until its row is written.
 */
const RULES: { readonly [T in SyncedTableName]: TableRule } = {
  countries: secretariatOnly('Nothing: the registry (countries) is kept by the secretariat.'),
  organizations: {
    delegation: { kind: 'own-country', countryField: 'countryId', decisions: false, keepsDeletion: true },
    secretariat: SECRETARIAT_ALL,
    delegationText: "Its own country's organizations (countryId is its country): adds and changes them. Never deletes one.",
  },
  delegates: {
    delegation: { kind: 'own-country', countryField: 'countryId', decisions: false, secretariatFields: ['mergedIntoId'], keepsDeletion: true },
    secretariat: SECRETARIAT_ALL,
    delegationText:
      "Its own country's people (countryId is its country): adds them and keeps their details and contacts up to date. " +
      'Never deletes a person or merges duplicates (mergedIntoId): the secretariat does.',
  },
  meetings: secretariatOnly('Nothing: meetings are planned by the secretariat.'),
  sessions: secretariatOnly("Nothing: a meeting's agenda is the secretariat's."),
  participations: secretariatOnly('Nothing: participants, their status and attendance are recorded by the secretariat.'),
  decisions: secretariatOnly("Nothing: a meeting's decisions are recorded by the secretariat."),
  actionItems: secretariatOnly("Nothing: a meeting's action items are recorded by the secretariat."),
  mouDocuments: officialText('MoU documents'),
  articles: officialText('articles'),
  mouVersions: officialText('frozen versions'),
  amendments: {
    delegation: { kind: 'own-country', countryField: 'proposedByCountryId', decisions: true },
    secretariat: 'Creates, changes and deletes every amendment, and decides them (accepted, rejected, superseded).',
    delegationText:
      "Its own country's proposals (proposedByCountryId is its country): creates, changes, withdraws and deletes them. " +
      'Never a decision: status accepted, rejected or superseded, a non-empty decisionReason, a decidedOn date other than that of its withdrawal (status withdrawn), ' +
      'or where it was decided (decidedAtMeetingId, decidedAtSessionId).',
  },
  comments: {
    delegation: { kind: 'any' },
    secretariat: SECRETARIAT_ALL,
    delegationText:
      'Every comment: adds, changes, resolves, reopens and deletes, including comments it did not write ' +
      '(a comment names its author in words only, which no computer can check).',
  },
  positions: {
    delegation: { kind: 'own-country', countryField: 'countryId', decisions: false },
    secretariat: SECRETARIAT_ALL,
    delegationText: "Its own country's positions (countryId is its country): creates, changes and deletes them.",
  },
  minutes: secretariatOnly(
    "Nothing: the secretariat circulates a meeting's minutes and records their approval. A delegation comments on a circulated revision (comments).",
  ),
  brackets: officialText('square brackets in the text (their status, where and when they were agreed)'),
  bracketAlternatives: {
    delegation: { kind: 'own-country', countryField: 'proposedByCountryIds', decisions: false },
    secretariat: 'Creates, changes and deletes every alternative, naming the delegations that proposed it at a meeting.',
    delegationText:
      "Alternatives in its own country's name alone (proposedByCountryIds is exactly its country): proposes, changes and deletes them. " +
      'Never agrees or drops a bracket: that is the bracket record, the secretariat\'s.',
  },
  syncConflicts: {
    delegation: { kind: 'notice' },
    secretariat: SECRETARIAT_ALL,
    delegationText:
      'Every conflict notice it detects or passes on. Resolves one (resolution, resolvedOn) only where it may change the conflicted record: ' +
      "a comment, or its own country's amendment (ownerCountryId is its country; not a decision field), position, person or organization " +
      '(not a merge of duplicates, never deleting a person or an organization).',
  },
};

/** The table in words (English), in the model's table order: one row per synced table. */
export const AUTHORITY_TABLE: readonly { table: SyncedTableName; secretariat: string; delegation: string }[] = syncedTableNames.map((table) => ({
  table,
  secretariat: RULES[table].secretariat,
  delegation: RULES[table].delegationText,
}));

/**
 * The decision fields of an amendment among `fields` that hold a decision. A status that
 * is a decision takes the whole decision with it (status, reason, date); otherwise a
 * proposer writes only an empty reason, and a date only with its withdrawal.
 */
function decisionFieldsOf(record: Readonly<Record<string, unknown>>, fields: readonly string[]): string[] {
  const present = DECISION_FIELDS.filter((field) => fields.includes(field));
  const status = record.status;
  const proposerStatus = typeof status === 'string' && PROPOSER_STATUSES.has(status as AmendmentStatus);
  if (present.includes('status') && !proposerStatus) return present;
  return present.filter((field) => {
    if (field === 'decisionReason') return record.decisionReason !== '';
    if (field === 'decidedOn') return record.decidedOn !== null && status !== 'withdrawn';
    // Where a decision was taken (issue 15) is part of the decision.
    if (field === 'decidedAtMeetingId' || field === 'decidedAtSessionId') return record[field] !== null && record[field] !== undefined;
    return false;
  });
}

/**
 * The owning country named by a record's country field: the field's value, or for a list
 * of proposers (bracket alternatives) its only entry. A list naming several countries
 * has no single owner: only the secretariat records a joint proposal.
 */
function ownerIn(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
  return null;
}

/** The field naming a record's owning country, for tables a delegation owns by country; null otherwise. */
function countryFieldOf(table: string): string | null {
  if (!Object.hasOwn(RULES, table)) return null;
  const rule = RULES[table as SyncedTableName].delegation;
  return rule.kind === 'own-country' ? rule.countryField : null;
}

/**
 * The country that owns `record` of `table` (an amendment's proposer, a position's
 * country), or null for a table without owners. A conflict notice carries it
 * (`ownerCountryId`), so who may resolve the notice is judged from the notice alone.
 */
export function ownerCountryOf(table: string, record: Readonly<Record<string, unknown>>): string | null {
  const field = countryFieldOf(table);
  return field === null ? null : ownerIn(record[field]);
}

/** Fields of a conflict notice that say it was resolved. */
export const RESOLUTION_FIELDS: readonly string[] = ['resolution', 'resolvedOn'];

/**
 * Why a delegation of `countryId` may not resolve a conflict notice (null: it may): the
 * rule of the conflicted table, read from the notice's own `table`, `field` and
 * `ownerCountryId`, never from the record this computer holds.
 */
function conflictRefusal(notice: Readonly<Record<string, unknown>>, countryId: string | null): Refusal['reason'] | null {
  const table = notice.table;
  if (typeof table !== 'string' || !Object.hasOwn(RULES, table) || table === 'syncConflicts') return 'secretariat-only';
  const rule = RULES[table as SyncedTableName].delegation;
  switch (rule.kind) {
    case 'any':
      return null;
    case 'nothing':
      return rule.reason;
    case 'notice':
      return 'secretariat-only';
    case 'own-country': {
      const owner = notice.ownerCountryId;
      if (countryId === null || typeof owner !== 'string' || owner !== countryId) return 'other-country';
      const field = typeof notice.field === 'string' ? notice.field : '';
      // "Delete it after all" deletes the record: not a delegation's to do where it never deletes.
      const deletes = notice.kind === 'edit-over-deletion' && notice.resolution === 'other';
      if ((rule.secretariatFields ?? []).includes(field) || (rule.keepsDeletion === true && deletes)) return 'secretariat-only';
      return rule.decisions && DECISION_FIELDS.includes(field) ? 'decision' : null;
    }
  }
}

interface Refusal {
  fields: string[] | 'record';
  reason: Exclude<RefusalReason, 'relayed' | 'untrusted-role' | 'minutes-approved'>;
}

/** What a delegation of `countryId` may not write of `record` (whose data fields are `fields`); null: all of it. */
function delegationRefusal(table: SyncedTableName, record: Readonly<Record<string, unknown>>, fields: readonly string[], countryId: string | null): Refusal | null {
  const rule = Object.hasOwn(RULES, table) ? RULES[table].delegation : ({ kind: 'nothing', reason: 'secretariat-only' } as const);
  switch (rule.kind) {
    case 'any':
      return null;
    case 'nothing':
      return { fields: 'record', reason: rule.reason };
    case 'notice': {
      // Anyone trusted reports a conflict; settling it is changing the conflicted record.
      const settled = RESOLUTION_FIELDS.filter(
        (field) => fields.includes(field) && (field === 'resolution' ? record.resolution !== 'open' : record.resolvedOn !== null),
      );
      if (settled.length === 0) return null;
      const reason = conflictRefusal(record, countryId);
      return reason === null ? null : { fields: settled, reason };
    }
    case 'own-country': {
      const owner = ownerIn(record[rule.countryField]);
      if (countryId === null || owner === null || owner !== countryId) return { fields: 'record', reason: 'other-country' };
      const kept = [
        ...(rule.secretariatFields ?? []).filter((field) => fields.includes(field) && record[field] !== null && record[field] !== undefined),
        ...(rule.keepsDeletion === true && fields.includes('deleted') && record.deleted === true ? ['deleted'] : []),
      ];
      if (kept.length > 0) return { fields: kept, reason: 'secretariat-only' };
      if (!rule.decisions) return null;
      const decided = decisionFieldsOf(record, fields);
      return decided.length === 0 ? null : { fields: decided, reason: 'decision' };
    }
  }
}

/** True when every stamp of `fields` in the record was issued by another installation than the signer. */
function relayedOnly(incoming: SyncRecord, fields: readonly string[], signerId: string): boolean {
  const stamps: string[] = [];
  for (const field of fields) {
    const stamp = stampOf(incoming, field);
    if (stamp !== undefined) stamps.push(stamp);
  }
  if (stamps.length === 0) stamps.push(incoming.hlc);
  return stamps.every((stamp) => stampNode(stamp) !== signerId);
}

/**
 * The verdict on one incoming record of `table` signed by `signer`. Depends on nothing
 * else (no stored record, no clock, no order of arrival), so every computer judges a change
 * alike. Never mutates its arguments.
 */
export function judgeChange(table: SyncedTableName, incoming: SyncRecord, signer: SignerRights): AuthorityVerdict {
  if (signer.authority === 'official') return { refusedFields: null, reason: null };
  if (signer.authority !== 'delegation') return { refusedFields: 'record', reason: 'untrusted-role' };
  const fields = dataFields(incoming);
  const refusal = delegationRefusal(table, incoming, fields, signer.countryId);
  if (refusal === null) return { refusedFields: null, reason: null };
  const refused = refusal.fields === 'record' ? fields : refusal.fields;
  return { refusedFields: refusal.fields, reason: relayedOnly(incoming, refused, signer.signerId) ? 'relayed' : refusal.reason };
}

/**
 * For screens: whether an installation of `role` (and, for a delegation, `countryId`)
 * may write `record` of `table` as given (the record as it will be after the edit; sync
 * fields such as hlc are not needed), so that its peers accept the change. With `field`,
 * whether that field of the record may be written. The same table as judgeChange: a
 * delegation is offered exactly what its peers accept.
 */
export function canEdit(
  role: InstallationRole,
  countryId: string | null,
  table: SyncedTableName,
  record: Readonly<Record<string, unknown>>,
  field?: string,
): boolean {
  if (role === 'secretariat') return true;
  const fields = Object.keys(record).filter((key) => !META_FIELDS.has(key) && record[key] !== undefined);
  const refusal = delegationRefusal(table, record, fields, countryId);
  if (refusal === null) return true;
  if (refusal.fields === 'record') return false;
  return field !== undefined && !refusal.fields.includes(field);
}

/**
 * For screens: whether an installation of `role` (and, for a delegation, `countryId`) may
 * write any record of `table` at all, so that its peers accept it: the secretariat every
 * table; a delegation the tables it owns records of (its country's) or writes freely
 * (comments, conflict notices), never those kept by the secretariat or the official text.
 * Read from the same table as judgeChange; what it may write of one record is canEdit's.
 */
export function canEditTable(role: InstallationRole, countryId: string | null, table: SyncedTableName): boolean {
  if (role === 'secretariat') return true;
  if (!Object.hasOwn(RULES, table)) return false;
  const rule = RULES[table].delegation;
  switch (rule.kind) {
    case 'nothing':
      return false;
    case 'own-country':
      return countryId !== null;
    case 'any':
    case 'notice':
      return true;
  }
}

/**
 * What approved minutes lock, per table: the fields of a meeting's records that its minutes
 * record. Session outcomes (not the rest of the agenda), decisions, action items (except
 * their done mark, which is followed up after the meeting) and attendance (a participant's
 * capacity, status and days; a new participant has them, so it is refused whole). Deletion
 * is not locked: deleting the whole meeting deletes its minutes with it (Recently deleted
 * restores both), and the screens offer no deletion of a single locked record. Nor is a
 * participation's person: merging duplicate people moves it.
 */
export const MINUTES_LOCKED_FIELDS: Readonly<Partial<Record<SyncedTableName, { readonly except: readonly string[] } | readonly string[]>>> = {
  sessions: ['outcome'],
  decisions: { except: ['deleted'] },
  actionItems: { except: ['done', 'deleted'] },
  participations: ['capacity', 'status', 'attendedDays'],
};

/** The stamp at which the minutes of each meeting were approved (from approved, not deleted minutes records). */
export type MinutesLocks = ReadonlyMap<string, string>;

/** The approvals among `records` of the minutes table: meeting id → the stamp of the approval (of the status field). */
export function minutesLocksOf(records: Iterable<SyncRecord>, into = new Map<string, string>()): Map<string, string> {
  for (const record of records) {
    if (record.deleted || record.status !== 'approved' || typeof record.meetingId !== 'string') continue;
    const stamp = stampOf(record, 'status') ?? record.hlc;
    const known = into.get(record.meetingId);
    if (known === undefined || stamp < known) into.set(record.meetingId, stamp);
  }
  return into;
}

/**
 * Changes to approved minutes: the locked fields (MINUTES_LOCKED_FIELDS) of a record of a
 * meeting whose minutes were approved, stamped after the approval, are refused whoever
 * signed them (the secretariat records what the meeting agreed once; a second secretariat
 * computer that had not yet heard of the approval cannot change it afterwards). Changes
 * made before the approval pass: they are what was approved or older.
 *
 * Unlike judgeChange this reads a fact outside the incoming record, the approval (from this
 * computer's minutes and those in the same import). The approved text itself is frozen in
 * the minutes record's revisions, which merge like any record, so every computer shows and
 * prints the same approved minutes whichever order files arrive in.
 */
export function judgeLockedMinutes(table: SyncedTableName, incoming: SyncRecord, locks: MinutesLocks): AuthorityVerdict {
  const meetingId = incoming.meetingId;
  if (MINUTES_LOCKED_FIELDS[table] === undefined || typeof meetingId !== 'string') return { refusedFields: null, reason: null };
  const lock = locks.get(meetingId);
  if (lock === undefined) return { refusedFields: null, reason: null };
  const fields = dataFields(incoming);
  const locked = fields.filter((field) => lockedByMinutes(table, field));
  const late = locked.filter((field) => (stampOf(incoming, field) ?? incoming.hlc) > lock);
  if (late.length === 0) return { refusedFields: null, reason: null };
  return { refusedFields: late.length === fields.length ? 'record' : late, reason: 'minutes-approved' };
}

/** Whether approved minutes lock `field` of `table`'s records of their meeting (MINUTES_LOCKED_FIELDS). */
export function lockedByMinutes(table: SyncedTableName, field: string): boolean {
  const rule = MINUTES_LOCKED_FIELDS[table];
  if (rule === undefined) return false;
  return 'except' in rule ? !rule.except.includes(field) : rule.includes(field);
}
