/**
 * Conflicts: changes made on two computers without either knowing of the other (a field
 * edited on both; a record deleted on one and edited on the other). The rule applied one
 * everywhere; here a person keeps it or takes the other outcome. Both are changes that
 * sync (the notice's resolution, and the record itself), so every computer that lists the
 * conflict sees it settled. The buttons are offered only where this installation's role
 * may make the change (canEdit, through the repository).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { showError, useToasts } from '../../stores/toasts';
import type { ConflictView } from '../../db/syncRepository';
import { conflictSide, conflictSummary, fieldLabel, formatStampTime, originName } from './syncFormat';
import { stampNode } from '../../../shared/sync/versionVector';

export function ConflictsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const [busy, setBusy] = useState<string | null>(null);
  const data = useLiveQuery(async () => {
    const [conflicts, installation, peers] = await Promise.all([
      repositories.sync.conflicts(),
      repositories.installation.get(),
      repositories.sync.peers(),
    ]);
    return { conflicts, installation, peers };
  }, [repositories]);
  if (data?.installation === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  const { conflicts, installation, peers } = data;

  const who = (stamp: string) => originName(stampNode(stamp), installation, peers, t);
  /** The "use the other" action in words, and what it says when done. */
  const otherAction = (conflict: ConflictView) =>
    conflict.kind === 'deleted-over-edit'
      ? { label: t('sync.conflicts.bringBack'), done: t('sync.conflicts.broughtBack') }
      : conflict.kind === 'edit-over-deletion'
        ? { label: t('sync.conflicts.deleteAfterAll'), done: t('sync.conflicts.deletedAfterAll') }
        : { label: t('sync.conflicts.useOther'), done: t('sync.conflicts.usedOther') };
  const act = async (conflict: ConflictView, action: 'keep' | 'other') => {
    setBusy(conflict.id);
    try {
      if (action === 'keep') {
        await repositories.sync.keepConflict(conflict.id);
        showToast('info', t('sync.conflicts.kept'));
      } else {
        await repositories.sync.useOtherValue(conflict.id);
        showToast('info', otherAction(conflict).done);
      }
    } catch (failure) {
      showError(failure);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="page">
      <PageTitle>{t('sync.conflicts.title')}</PageTitle>
      <p className="lead">{t('sync.conflicts.intro')}</p>
      {conflicts.length === 0 ? (
        <p className="empty-state">{t('sync.conflicts.empty')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('sync.conflicts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sync.conflicts.record')}</th>
              <th scope="col">{t('sync.conflicts.field')}</th>
              <th scope="col">{t('sync.conflicts.applied')}</th>
              <th scope="col">{t('sync.conflicts.other')}</th>
              <th scope="col">{t('sync.conflicts.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((conflict) => {
              const label = pick(conflict.label, language);
              const what = conflictSummary(conflict, t);
              // Buttons name the record and what they settle: the field, or the deletion.
              const subject = `${label}, ${conflict.kind === 'field' ? fieldLabel(conflict.field, t) : what}`;
              const other = otherAction(conflict);
              return (
                <tr key={conflict.id}>
                  <th scope="row">
                    {label}
                    <span className="sync-stamp">{t(`sync.tables.${conflict.table}`, { defaultValue: conflict.table })}</span>
                  </th>
                  <td>{what}</td>
                  <td className="value kept">
                    {conflictSide(conflict, 'kept', t, language)}
                    <span className="sync-stamp">
                      {t('sync.conflicts.changedAt', { when: formatStampTime(conflict.keptStamp, language), who: who(conflict.keptStamp) })}
                    </span>
                  </td>
                  <td className="value other">
                    {conflictSide(conflict, 'other', t, language)}
                    <span className="sync-stamp">
                      {t('sync.conflicts.changedAt', { when: formatStampTime(conflict.otherStamp, language), who: who(conflict.otherStamp) })}
                    </span>
                  </td>
                  <td>
                    {conflict.source === 'local' && <p className="hint">{t('sync.conflicts.localOnly')}</p>}
                    {conflict.gone ? (
                      <p className="hint">{t('sync.conflicts.gone')}</p>
                    ) : (
                      conflict.stale && <p className="hint">{t('sync.conflicts.stale')}</p>
                    )}
                    {!conflict.canKeep || (!conflict.canUseOther && !conflict.gone) ? <p className="hint">{t('sync.conflicts.notYours')}</p> : null}
                    {(conflict.canKeep || conflict.canUseOther) && (
                      <div className="sync-actions">
                        {conflict.canKeep && (
                          <button
                            type="button"
                            className="small secondary"
                            disabled={busy !== null}
                            aria-label={`${t('sync.conflicts.keep')}: ${subject}`}
                            onClick={() => void act(conflict, 'keep')}
                          >
                            {t('sync.conflicts.keep')}
                          </button>
                        )}
                        {conflict.canUseOther && (
                          <button
                            type="button"
                            className="small"
                            disabled={busy !== null}
                            aria-label={`${other.label}: ${subject}`}
                            onClick={() => void act(conflict, 'other')}
                          >
                            {other.label}
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
