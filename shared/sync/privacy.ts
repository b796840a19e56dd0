/**
 * Privacy of contacts in sync bundles (issue 12): a delegate's e-mail and phone leave this
 * installation in a bundle made for others only when the person agreed to share them
 * (`consentShareContacts`). Backups are not bundles for others and keep them.
 *
 * A withheld field travels as '' stamped SEED_STAMP, the lowest stamp there is, which every
 * version vector covers. So any real value anywhere wins over it: the receiver keeps the
 * e-mail it already had (withholding is never a deletion), never sees a conflict, and
 * installations still converge whatever order files arrive in. An empty field is sent as
 * it is, with its own stamp: there is nothing to hide in it, and clearing a contact must
 * still travel.
 *
 * Pure: applied to the full stored record before compactRecord (records.ts).
 */
import type { SyncedTableName } from '../model';
import type { SyncRecord } from './bundleFormat';
import { SEED_STAMP } from './hlc';
import { normalizeRecord, stampOf } from './records';

/** The delegate fields that consentShareContacts governs. */
export const CONTACT_FIELDS = ['email', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

const hasValue = (value: unknown): boolean => value !== undefined && value !== '';

/**
 * The record as a bundle for others may carry it: for a delegate without consent to share
 * contacts, e-mail and phone become '' stamped SEED_STAMP, and hlc/origin are those of the
 * greatest remaining stamp (normalizeRecord). Any other record is returned as it is.
 */
export function withheldForBundle(table: SyncedTableName, record: SyncRecord): SyncRecord {
  if (table !== 'delegates' || record.consentShareContacts === true) return record;
  if (!CONTACT_FIELDS.some((field) => hasValue(record[field]))) return record;
  const full = normalizeRecord(record);
  const values: Record<string, unknown> = { ...full };
  const stamps: Record<string, string> = { ...full.fieldStamps };
  for (const field of CONTACT_FIELDS) {
    if (!hasValue(full[field])) continue;
    values[field] = '';
    stamps[field] = SEED_STAMP;
  }
  return normalizeRecord({ ...values, fieldStamps: stamps } as SyncRecord);
}

/** Whether this stored contact field came withheld by a sender (and nobody here filled it in since). */
export function contactWithheld(record: SyncRecord, field: ContactField): boolean {
  return record[field] === '' && stampOf(record, field) === SEED_STAMP;
}

/** Whether a stored delegate's e-mail or phone came withheld by a sender: the UI says so instead of showing nothing. */
export function contactsWithheld(record: SyncRecord): boolean {
  return CONTACT_FIELDS.some((field) => contactWithheld(record, field));
}
