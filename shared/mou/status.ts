/**
 * The life of an MoU: drafting → negotiation → agreed → signed, one step at a time, each
 * step dated. A step back (e.g. agreed text reopened for negotiation) is allowed until the
 * text is signed; signed is final and makes the text read-only. What each status permits
 * lives here too, so the screens and the repository apply the same rules.
 */
import { mouStatuses, type MouStatus } from '../model';

export type StatusDates = Partial<Record<MouStatus, string>>;

export type StatusChangeError =
  | 'statusUnchanged'
  | 'statusSkipsStep'
  | 'statusSignedFinal'
  | 'statusDateInvalid'
  | 'statusDateBeforePrevious';

export type StatusChangeResult =
  | { ok: true; status: MouStatus; statusDates: StatusDates }
  | { ok: false; error: StatusChangeError };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function rank(status: MouStatus): number {
  return mouStatuses.indexOf(status);
}

export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The status one step forward, or null at the end. */
export function nextStatus(status: MouStatus): MouStatus | null {
  return mouStatuses[rank(status) + 1] ?? null;
}

/** The status one step back, or null (none before drafting; none after signing). */
export function previousStatus(status: MouStatus): MouStatus | null {
  if (status === 'signed') return null;
  return mouStatuses[rank(status) - 1] ?? null;
}

/** The statuses this one may change to. */
export function allowedStatusChanges(status: MouStatus): MouStatus[] {
  return [nextStatus(status), previousStatus(status)].filter((s): s is MouStatus => s !== null);
}

/**
 * Applies a status change dated `date` (YYYY-MM-DD). A step forward records the date the
 * new status was reached, which may not be earlier than the date of the current status.
 * A step back removes the dates of the statuses left behind, keeping the date the
 * returned-to status was first reached.
 */
export function changeStatus(
  current: { status: MouStatus; statusDates: StatusDates },
  to: MouStatus,
  date: string,
): StatusChangeResult {
  if (to === current.status) return { ok: false, error: 'statusUnchanged' };
  if (current.status === 'signed') return { ok: false, error: 'statusSignedFinal' };
  const step = rank(to) - rank(current.status);
  if (Math.abs(step) !== 1) return { ok: false, error: 'statusSkipsStep' };
  if (step === 1) {
    if (!isValidIsoDate(date)) return { ok: false, error: 'statusDateInvalid' };
    const since = current.statusDates[current.status];
    if (since !== undefined && date < since) return { ok: false, error: 'statusDateBeforePrevious' };
    return { ok: true, status: to, statusDates: { ...current.statusDates, [to]: date } };
  }
  const statusDates: StatusDates = {};
  for (const status of mouStatuses) {
    const reached = current.statusDates[status];
    if (rank(status) <= rank(to) && reached !== undefined) statusDates[status] = reached;
  }
  if (statusDates[to] === undefined) {
    if (!isValidIsoDate(date)) return { ok: false, error: 'statusDateInvalid' };
    statusDates[to] = date;
  }
  return { ok: true, status: to, statusDates };
}

export interface StatusPermissions {
  /** The secretariat may change the official text (articles, order, title, parties). */
  editText: boolean;
  /** Delegations may propose amendments. */
  propose: boolean;
  /** The secretariat may accept, reject or supersede proposals. */
  decide: boolean;
}

/**
 * What a status permits. Agreed text takes technical corrections and decisions on open
 * proposals but no new proposals (reopen negotiation for those); signed text is final.
 */
export function statusPermissions(status: MouStatus): StatusPermissions {
  switch (status) {
    case 'drafting':
    case 'negotiation':
      return { editText: true, propose: true, decide: true };
    case 'agreed':
      return { editText: true, propose: false, decide: true };
    case 'signed':
      return { editText: false, propose: false, decide: false };
  }
}
