/**
 * The import preview: who sent the bundle (with the fingerprint to compare before trusting
 * a new sender), what it would change per table, the conflicting values side by side, and
 * the changes left out for lack of authority. Nothing is written until "Import".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { syncedTableNames } from '../../../shared/model';
import type { BundleScope } from '../../../shared/sync/bundleFormat';
import type { TableSummary } from '../../../shared/sync/merge';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import type { ImportPreview, PreviewUnit, Progress } from '../../db/syncRepository';
import { ProgressStatus } from './ProgressStatus';
import { ClockSkewWarning } from './ClockNotices';
import { RefusedChanges, TrustWarnings } from './TrustNotices';
import { conflictSide, conflictSummary, fieldLabel, formatDateTime, formatNumber, formatSize, formatStampTime, roleLabel } from './syncFormat';

/** Conflicts shown in the preview; all of them are listed under Conflicts after the import. */
const MAX_SHOWN_CONFLICTS = 50;
const COLUMNS = ['new', 'updated', 'deleted', 'unchanged', 'conflicting', 'refused'] as const satisfies readonly (keyof TableSummary)[];

export interface ImportPreviewViewProps {
  preview: ImportPreview;
  /** Progress of the import once "Import" was pressed; null before. */
  /** 'backup': the safety copy taken before anything is written. */
  applying: Progress<'backup' | 'apply'> | null;
  onCancelApply: () => void;
  /** Why the last apply failed, translated. */
  error: string | null;
  onApply: (trustedOrigins: readonly string[]) => void;
  onCancel: () => void;
}

export function ImportPreviewView({ preview, applying: progress, onCancelApply, error, onApply, onCancel }: ImportPreviewViewProps) {
  const applying = progress !== null;
  const { t } = useTranslation();
  const language = currentLanguage();
  const repositories = useRepositories();
  const countries = useLiveQuery(() => repositories.countries.list(), [repositories]);
  const ids = useId();
  const [trusted, setTrusted] = useState<ReadonlySet<string>>(new Set());
  const [trustError, setTrustError] = useState(false);
  const firstTrustBox = useRef<HTMLInputElement>(null);

  const scopeText = (scope: BundleScope): string => {
    switch (scope.kind) {
      case 'all':
        return t('sync.import.scopes.all');
      case 'peer':
        return t('sync.import.scopes.peer', { name: scope.peerName });
      case 'meeting':
        return t('sync.import.scopes.meeting', { title: pick(scope.meetingTitle, language) });
      case 'folder':
        return t('sync.import.scopes.folder');
    }
  };
  const unitRole = (unit: PreviewUnit) => roleLabel(unit.origin.role, unit.origin.countryId, countries, t, language);
  const rows = syncedTableNames.filter((name) => COLUMNS.some((column) => preview.summary[name][column] > 0));
  const changes = preview.totals.new + preview.totals.updated + preview.totals.deleted;
  const toTrust = preview.units.filter((unit, index, all) => preview.needsTrust.includes(unit.origin.id) && all.findIndex((u) => u.origin.id === unit.origin.id) === index);
  const [single] = preview.units;

  const submit = () => {
    const missing = preview.needsTrust.filter((origin) => !trusted.has(origin));
    if (missing.length > 0) {
      setTrustError(true);
      firstTrustBox.current?.focus();
      return;
    }
    onApply([...trusted]);
  };

  return (
    <section aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('sync.import.previewTitle')}</h2>
      <dl className="facts">
        <dt>{t('sync.import.file')}</dt>
        <dd>
          {preview.fileName} ({formatSize(preview.bytes, language)})
        </dd>
        <dt>{t('sync.import.created')}</dt>
        <dd>{formatDateTime(preview.createdAt, language)}</dd>
        {preview.kind === 'changes' && single ? (
          <>
            <dt>{t('sync.import.from')}</dt>
            <dd>
              {single.origin.name} · {unitRole(single)}
            </dd>
            <dt>{t('sync.import.contents')}</dt>
            <dd>{scopeText(single.scope)}</dd>
            <dt>{t('sync.import.fingerprint')}</dt>
            <dd className="sync-fingerprint">{single.fingerprint}</dd>
          </>
        ) : (
          <>
            <dt>{t('sync.import.contents')}</dt>
            <dd>{t('sync.import.scopes.merged', { count: preview.units.length })}</dd>
          </>
        )}
      </dl>

      {preview.kind === 'merged' && (
        <table className="data-table">
          <caption>{t('sync.import.partsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sync.import.from')}</th>
              <th scope="col">{t('sync.import.created')}</th>
              <th scope="col">{t('sync.import.contents')}</th>
              <th scope="col">{t('sync.import.fingerprint')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.units.map((unit) => (
              <tr key={unit.bundleId}>
                <th scope="row">
                  {unit.origin.name} · {unitRole(unit)}
                </th>
                <td>{formatDateTime(unit.createdAt, language)}</td>
                <td>{scopeText(unit.scope)}</td>
                <td className="sync-fingerprint">{unit.fingerprint}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {preview.alreadyReceived && <p role="note">{t('sync.import.alreadyReceived')}</p>}

      <ClockSkewWarning skews={preview.skews} />

      <TrustWarnings units={preview.units} countries={countries} />

      {toTrust.map((unit, index) => {
        const boxId = `${ids}-trust-${index}`;
        const role = unitRole(unit);
        return (
          <div className="sync-trust" key={unit.origin.id}>
            <h3>
              {unit.trust === 'changed'
                ? t('sync.import.trustChangedTitle', { name: unit.origin.name, role })
                : t('sync.import.trustTitle', { name: unit.origin.name })}
            </h3>
            <p>
              {unit.trust === 'changed' && unit.known
                ? t('sync.import.trustChangedIntro', {
                    known: `${unit.known.name} · ${roleLabel(unit.known.role, unit.known.countryId, countries, t, language)}`,
                  })
                : t('sync.import.trustIntro')}
            </p>
            <p className="sync-fingerprint">{unit.fingerprint}</p>
            <label className="choice">
              <input
                id={boxId}
                ref={index === 0 ? firstTrustBox : undefined}
                type="checkbox"
                checked={trusted.has(unit.origin.id)}
                disabled={applying}
                aria-invalid={trustError && !trusted.has(unit.origin.id)}
                aria-describedby={trustError && !trusted.has(unit.origin.id) ? `${ids}-trust-error` : undefined}
                onChange={(event) => {
                  const next = new Set(trusted);
                  if (event.target.checked) next.add(unit.origin.id);
                  else next.delete(unit.origin.id);
                  setTrusted(next);
                  setTrustError(false);
                }}
              />
              <span>
                {unit.pins
                  ? t('sync.import.trustConfirmPins', { name: unit.origin.name, role })
                  : unit.warning?.kind === 'look-alike'
                    ? t('sync.import.trustConfirmLookAlike', { name: unit.origin.name })
                    : t('sync.import.trustConfirm', { name: unit.origin.name, role })}
              </span>
            </label>
            {unit.pins && <p className="hint">{t('sync.import.pinsHint')}</p>}
          </div>
        );
      })}
      {trustError && (
        <p className="field-error" id={`${ids}-trust-error`}>
          {t('sync.import.trustRequired')}
        </p>
      )}

      {changes === 0 && preview.conflicts.length === 0 && preview.refused.every((refusal) => refusal.reason === 'relayed') ? (
        <p>{t('sync.import.noChanges')}</p>
      ) : null}
      {rows.length > 0 && (
        <table className="data-table">
          <caption>{t('sync.import.summaryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sync.import.columns.table')}</th>
              {COLUMNS.map((column) => (
                <th scope="col" className="number" key={column}>
                  {t(`sync.import.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((name) => (
              <tr key={name}>
                <th scope="row">{t(`sync.tables.${name}`)}</th>
                {COLUMNS.map((column) => (
                  <td key={column} className={preview.summary[name][column] === 0 ? 'number zero' : 'number'}>
                    {formatNumber(preview.summary[name][column], language)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('sync.import.total')}</th>
              {COLUMNS.map((column) => (
                <td key={column} className="number">
                  {formatNumber(preview.totals[column], language)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      )}

      {preview.conflicts.length > 0 && (
        <>
          <h3>{t('sync.import.conflictsTitle')}</h3>
          <p className="hint">{t('sync.import.conflictsIntro')}</p>
          <table className="data-table">
            <caption className="visually-hidden">{t('sync.import.conflictsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sync.import.record')}</th>
                <th scope="col">{t('sync.import.field')}</th>
                <th scope="col">{t('sync.import.applied')}</th>
                <th scope="col">{t('sync.import.other')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.conflicts.slice(0, MAX_SHOWN_CONFLICTS).map((conflict) => (
                <tr key={`${conflict.table}/${conflict.recordId}/${conflict.field}/${conflict.kind}`}>
                  <th scope="row">
                    {pick(conflict.label, language)}
                    <span className="sync-stamp">{t(`sync.tables.${conflict.table}`)}</span>
                  </th>
                  <td>{conflict.kind === 'field' ? fieldLabel(conflict.field, t) : conflictSummary(conflict, t)}</td>
                  <td className="value kept">
                    {conflictSide(conflict, 'kept', t, language)}
                    <span className="sync-stamp">{formatStampTime(conflict.keptStamp, language)}</span>
                  </td>
                  <td className="value other">
                    {conflictSide(conflict, 'other', t, language)}
                    <span className="sync-stamp">{formatStampTime(conflict.otherStamp, language)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.conflicts.length > MAX_SHOWN_CONFLICTS && (
            <p>{t('sync.import.moreConflicts', { count: preview.conflicts.length - MAX_SHOWN_CONFLICTS })}</p>
          )}
        </>
      )}

      <RefusedChanges refused={preview.refused} />

      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {progress ? (
        <ProgressStatus
          label={t('sync.import.progressLabel')}
          step={t(`sync.import.stages.${progress.stage}`)}
          done={progress.done}
          total={progress.total}
          cancelLabel={t('sync.import.cancel')}
          onCancel={onCancelApply}
        />
      ) : (
        <div className="sync-actions">
          <button type="button" onClick={submit}>
            {t('sync.import.apply')}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('sync.import.cancelPreview')}
          </button>
        </div>
      )}
    </section>
  );
}
