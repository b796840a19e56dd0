/** Formatting for the sync screens: sizes, times, stamps, field values and refusal messages in the UI language. */
import type { TFunction } from 'i18next';
import type { Bilingual, ConflictKind, Country, InstallationRole } from '../../../shared/model';
import { BundleError } from '../../../shared/sync/bundleErrors';
import { parseStamp, SEED_ORIGIN } from '../../../shared/sync/hlc';
import { pick } from '../../app/format';
import { storageFaultMessage } from '../../lib/storageErrors';
import type { Language } from '../../app/i18n';
import { StalePreviewError, TrustRequiredError } from '../../db/syncRepository';

const MB = 1024 * 1024;

export function formatSize(bytes: number, language: Language): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  if (bytes >= MB) return `${number.format(bytes / MB)} ${language === 'ru' ? 'МБ' : 'MB'}`;
  return `${number.format(Math.max(1, Math.ceil(bytes / 1024)))} ${language === 'ru' ? 'КБ' : 'KB'}`;
}

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The wall-clock time a stamp was issued at. */
export function formatStampTime(stamp: string, language: Language): string {
  try {
    return formatDateTime(new Date(parseStamp(stamp).millis).toISOString(), language);
  } catch {
    return stamp;
  }
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language).format(value);
}

/** "Secretariat" or "Delegation of Kyrgyzstan", as the header badge says it. */
export function roleLabel(
  role: InstallationRole,
  countryId: string | null,
  countries: readonly Country[] | undefined,
  t: TFunction,
  language: Language,
): string {
  if (role === 'secretariat') return t('roles.secretariat');
  const country = countries?.find((c) => c.id === countryId);
  return country ? t('roles.delegationOf', { country: pick(country.name, language) }) : t('roles.delegation');
}

/** A name for an origin id: this installation, a known peer, the built-in data, or the id. */
export function originName(
  node: string,
  self: { id: string; displayName: string },
  peers: readonly { id: string; name: string }[],
  t: TFunction,
): string {
  if (node === self.id) return t('sync.overview.thisInstallation', { name: self.displayName });
  if (node === SEED_ORIGIN) return t('sync.overview.seed');
  const peer = peers.find((p) => p.id === node);
  return peer ? peer.name : t('sync.overview.unknownOrigin', { id: node.slice(0, 8) });
}

function isBilingual(value: unknown): value is Bilingual {
  if (typeof value !== 'object' || value === null) return false;
  const { en, ru } = value as Record<string, unknown>;
  return typeof en === 'string' && typeof ru === 'string';
}

/** A field value as a person reads it. */
export function describeValue(value: unknown, t: TFunction, language: Language): string {
  if (value === undefined || value === null) return t('sync.values.none');
  if (typeof value === 'boolean') return value ? t('sync.values.yes') : t('sync.values.no');
  if (typeof value === 'string') return value === '' ? t('sync.values.empty') : value;
  if (typeof value === 'number') return formatNumber(value, language);
  if (Array.isArray(value)) return value.length === 0 ? t('sync.values.none') : value.map((item) => describeValue(item, t, language)).join(', ');
  if (isBilingual(value)) {
    if (value.en === '' && value.ru === '') return t('sync.values.empty');
    const first = language === 'ru' ? value.ru : value.en;
    const second = language === 'ru' ? value.en : value.ru;
    return second === '' || second === first ? first : `${first}\n— ${second}`;
  }
  return JSON.stringify(value);
}

export function fieldLabel(field: string, t: TFunction): string {
  return t(`sync.fields.${field}`, { defaultValue: field });
}

/** What a conflict is, in plain words: the field changed on two computers, or which of a deletion and an edit won. */
export function conflictSummary(conflict: { kind: ConflictKind; field: string }, t: TFunction): string {
  return t(`sync.conflicts.kinds.${conflict.kind}`, { field: fieldLabel(conflict.field, t) });
}

/**
 * One side of a conflict as a person reads it: a field's value; for the deletion kinds,
 * "Deleted" for the deletion and the edited fields ("Field: value", one per line) for the edit.
 */
export function conflictSide(
  conflict: { kind: ConflictKind; keptValue: unknown; otherValue: unknown },
  side: 'kept' | 'other',
  t: TFunction,
  language: Language,
): string {
  const value = side === 'kept' ? conflict.keptValue : conflict.otherValue;
  if (conflict.kind === 'field') return describeValue(value, t, language);
  if ((conflict.kind === 'deleted-over-edit') === (side === 'kept')) return t('sync.conflicts.deletedValue');
  const edits = typeof value === 'object' && value !== null ? Object.entries(value) : [];
  return edits.map(([field, edited]) => `${fieldLabel(field, t)}: ${describeValue(edited, t, language)}`).join('\n');
}

/** A refusal or failure as a translated message, with the JSON path where one applies. */
export function syncErrorText(error: unknown, t: TFunction, language: Language): { message: string; path: string | null } {
  if (error instanceof BundleError) {
    const params: Record<string, string | number> = { ...error.params };
    if (error.code === 'too-large') {
      params.bytes = formatSize(Number(error.params.bytes), language);
      params.limit = formatSize(Number(error.params.limit), language);
    }
    return { message: t(`sync.errors.${error.code}`, { ...params, defaultValue: error.detail }), path: error.path === '$' ? null : error.path };
  }
  if (error instanceof TrustRequiredError) return { message: t('sync.errors.trustRequired'), path: null };
  if (error instanceof StalePreviewError) return { message: t('sync.errors.stale'), path: null };
  const fault = storageFaultMessage(error, t);
  if (fault !== null) return { message: fault, path: null };
  return { message: error instanceof Error ? error.message : String(error), path: null };
}
