/**
 * What the import preview says about roles, which are granted, not claimed
 * (shared/sync/importChecks.ts evaluateTrust): a prominent warning for a look-alike of the
 * pinned secretariat, a notice for a trusted delegation that now calls itself the
 * secretariat, and the changes left out, grouped by the plain reason (relayed ones only
 * counted: they arrive from their authors).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../shared/model';
import type { RefusalReason } from '../../../shared/sync/authorityRules';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import type { PreviewRefusal, PreviewUnit } from '../../db/syncRepository';
import { fieldLabel, roleLabel } from './syncFormat';
import './trust.css';

/** One entry per origin: a merged file may hold several bundles of the same sender. */
function byOrigin(units: readonly PreviewUnit[]): PreviewUnit[] {
  return units.filter((unit, index, all) => all.findIndex((other) => other.origin.id === unit.origin.id) === index);
}

/** The look-alike warnings and role-claim notices of a preview, shown before the trust boxes. */
export function TrustWarnings({ units, countries }: { units: readonly PreviewUnit[]; countries: readonly Country[] | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ids = useId();
  const repositories = useRepositories();
  const self = useLiveQuery(() => repositories.installation.get(), [repositories]);
  return (
    <>
      {byOrigin(units).map((unit, index) => {
        const { warning } = unit;
        if (warning === null) return null;
        const titleId = `${ids}-${String(index)}`;
        if (warning.kind === 'look-alike') {
          const params = {
            name: unit.origin.name,
            fingerprint: unit.fingerprint,
            pinnedName: warning.pinned.name,
            pinnedFingerprint: warning.pinned.fingerprint,
          };
          return (
            <div className="sync-lookalike" role="alert" aria-labelledby={titleId} key={unit.origin.id}>
              <h3 id={titleId}>{t('sync.import.lookAlikeTitle')}</h3>
              <p>
                {unit.origin.role !== 'secretariat'
                  ? t('sync.import.lookAlikeName', params)
                  : warning.pinned.id === self?.id
                    ? t('sync.import.lookAlikeSelf', params)
                    : t('sync.import.lookAlike', params)}
              </p>
            </div>
          );
        }
        const kept = unit.known ? roleLabel(unit.known.role, unit.known.countryId, countries, t, language) : roleLabel(warning.kept, null, countries, t, language);
        return (
          <section className="sync-role-claim" aria-labelledby={titleId} key={unit.origin.id}>
            <h3 id={titleId}>{t('sync.import.roleClaimTitle', { name: unit.origin.name })}</h3>
            <p>{t('sync.import.roleClaim', { name: unit.origin.name, kept })}</p>
          </section>
        );
      })}
    </>
  );
}

/** Shown per group; the rest is counted. */
const MAX_SHOWN_PER_REASON = 50;
/** Most alarming first. */
const REASON_ORDER: readonly Exclude<RefusalReason, 'relayed'>[] = [
  'untrusted-role',
  'official-text',
  'secretariat-only',
  'decision',
  'other-country',
  'minutes-approved',
];

/** The changes an import leaves out: grouped by reason, relayed ones as one count line. */
export function RefusedChanges({ refused }: { refused: readonly PreviewRefusal[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ids = useId();
  const relayed = refused.filter((refusal) => refusal.reason === 'relayed').length;
  const groups = REASON_ORDER.map((reason) => ({ reason, items: refused.filter((refusal) => refusal.reason === reason) })).filter(
    (group) => group.items.length > 0,
  );
  if (groups.length === 0 && relayed === 0) return null;
  return (
    <>
      {groups.length > 0 && (
        <section aria-labelledby={`${ids}-title`}>
          <h3 id={`${ids}-title`}>{t('sync.import.refusedChangesTitle')}</h3>
          <p className="hint">{t('sync.import.refusedChangesIntro')}</p>
          {groups.map(({ reason, items }) => {
            const reasonId = `${ids}-${reason}`;
            return (
              <div className="sync-refusal-group" key={reason}>
                <p className="sync-refusal-reason" id={reasonId}>
                  {t(`sync.import.refusedReasons.${reason}`)}
                </p>
                <ul aria-labelledby={reasonId}>
                  {items.slice(0, MAX_SHOWN_PER_REASON).map((refusal) => (
                    <li key={`${refusal.signerId}/${refusal.table}/${refusal.recordId}`}>
                      {t(`sync.tables.${refusal.table}`)}: {pick(refusal.label, language)} —{' '}
                      {refusal.fields === null
                        ? t('sync.import.refusedWhole')
                        : t('sync.import.refusedFields', { fields: refusal.fields.map((field) => fieldLabel(field, t)).join(', ') })}{' '}
                      ({t('sync.import.refusedBy', { name: refusal.signerName })})
                    </li>
                  ))}
                </ul>
                {items.length > MAX_SHOWN_PER_REASON && <p>{t('sync.import.moreRefused', { count: items.length - MAX_SHOWN_PER_REASON })}</p>}
              </div>
            );
          })}
        </section>
      )}
      {relayed > 0 && <p className="hint">{t('sync.import.relayed', { count: relayed })}</p>}
    </>
  );
}
