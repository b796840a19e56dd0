/**
 * Merging two records of the same person, as a pure plan: what the surviving record
 * becomes and every record that changes because a reference moves to it. The repository
 * applies the plan in one transaction through the ordinary write path, so the merge
 * reaches other installations as ordinary changes.
 */
import type { ActionItem, Amendment, Comment, Delegate, Participation, ParticipationStatus, Session } from '../model';
import type { DelegateFields } from './validation';

export interface MergeInputs {
  survivor: Delegate;
  other: Delegate;
  /** Live participations of either person. */
  participations: readonly Participation[];
  /** Live sessions naming the other person as speaker or moderator. */
  sessions: readonly Session[];
  /** Live amendments proposed by the other person. */
  amendments: readonly Amendment[];
  /** Live comments written by the other person. */
  comments: readonly Comment[];
  /** Live action items owned by the other person. */
  actionItems: readonly ActionItem[];
}

export interface MergePlan {
  /** The surviving record's fields after the merge. */
  survivor: DelegateFields;
  /** Participations of the other person, now the survivor's. */
  participationsMoved: Participation[];
  /**
   * Meetings both attended: the survivor's participation absorbs the other one (days
   * joined), and the other one becomes a tombstone, so nobody is listed twice.
   */
  participationsCombined: { kept: Participation; removed: Participation }[];
  sessions: Session[];
  amendments: Amendment[];
  comments: Comment[];
  actionItems: ActionItem[];
}

/** Non-empty text wins; the survivor's when both have one. */
function prefer(survivor: string, other: string): string {
  return survivor.trim() !== '' ? survivor : other;
}

/** Both notes, once each (the sample's fixed note, or a note copied earlier, is not doubled). */
function mergeNotes(survivor: string, other: string): string {
  const kept = survivor.trim();
  const added = other.trim();
  if (added === '' || kept.includes(added)) return kept;
  if (kept === '' || added.includes(kept)) return added;
  return `${kept}\n\n${added}`;
}

function union<T>(first: readonly T[], second: readonly T[]): T[] {
  return [...new Set([...first, ...second])];
}

/**
 * The merged person: the survivor's values, blanks filled from the other record, roles
 * and languages joined, both notes kept. Consent is the stricter of the two: a person
 * who refused to have contacts printed or shared on one record has refused it.
 */
export function mergeDelegateFields(survivor: Delegate, other: Delegate): DelegateFields {
  return {
    nameLatin: prefer(survivor.nameLatin, other.nameLatin),
    nameNative: prefer(survivor.nameNative, other.nameNative),
    honorific: prefer(survivor.honorific, other.honorific),
    position: { en: prefer(survivor.position.en, other.position.en), ru: prefer(survivor.position.ru, other.position.ru) },
    organizationId: survivor.organizationId ?? other.organizationId,
    countryId: survivor.countryId ?? other.countryId,
    roles: union(survivor.roles, other.roles),
    email: prefer(survivor.email, other.email),
    phone: prefer(survivor.phone, other.phone),
    languages: union(survivor.languages, other.languages),
    notes: mergeNotes(survivor.notes, other.notes),
    consentPrintContacts: survivor.consentPrintContacts && other.consentPrintContacts,
    consentShareContacts: survivor.consentShareContacts && other.consentShareContacts,
  };
}

/** When two participations in one meeting become one, an attendance beats a plan. */
const STATUS_WEIGHT: Record<ParticipationStatus, number> = { attended: 4, confirmed: 3, invited: 2, absent: 1, declined: 0 };

/** The list with one id replaced by another, without listing anyone twice. */
function replaceId(ids: readonly string[], from: string, to: string): string[] {
  return [...new Set(ids.map((id) => (id === from ? to : id)))];
}

export function planMerge(inputs: MergeInputs): MergePlan {
  const { survivor, other } = inputs;
  if (survivor.id === other.id) throw new Error('A record cannot be merged with itself.');
  const survivorByMeeting = new Map(
    inputs.participations.filter((p) => p.delegateId === survivor.id).map((p) => [p.meetingId, p]),
  );
  const participationsMoved: Participation[] = [];
  const participationsCombined: MergePlan['participationsCombined'] = [];
  for (const participation of inputs.participations) {
    if (participation.delegateId !== other.id) continue;
    const existing = survivorByMeeting.get(participation.meetingId);
    if (existing) {
      participationsCombined.push({
        kept: {
          ...existing,
          status: STATUS_WEIGHT[participation.status] > STATUS_WEIGHT[existing.status] ? participation.status : existing.status,
          attendedDays: union(existing.attendedDays, participation.attendedDays).sort(),
        },
        removed: { ...participation, deleted: true },
      });
    } else {
      participationsMoved.push({ ...participation, delegateId: survivor.id });
    }
  }
  const sessions = inputs.sessions
    .filter((s) => s.speakerIds.includes(other.id) || s.moderatorIds.includes(other.id))
    .map((s) => ({
      ...s,
      speakerIds: replaceId(s.speakerIds, other.id, survivor.id),
      moderatorIds: replaceId(s.moderatorIds, other.id, survivor.id),
    }));
  const amendments = inputs.amendments
    .filter((a) => a.proposedByDelegateId === other.id)
    .map((a) => ({ ...a, proposedByDelegateId: survivor.id }));
  const comments = inputs.comments
    .filter((c) => c.authorDelegateId === other.id)
    .map((c) => ({ ...c, authorDelegateId: survivor.id }));
  const actionItems = inputs.actionItems
    .filter((item) => item.ownerDelegateId === other.id)
    .map((item) => ({ ...item, ownerDelegateId: survivor.id }));
  return {
    survivor: mergeDelegateFields(survivor, other),
    participationsMoved,
    participationsCombined,
    sessions,
    amendments,
    comments,
    actionItems,
  };
}
