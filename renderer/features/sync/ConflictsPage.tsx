/**
 * Conflicts: fields changed on two computers without either knowing of the other. The
 * later value was applied; here a person keeps it or picks the other one, which is written
 * as a new change and syncs like any edit.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { showError, useToasts } from '../../stores/toasts';
import { describeValue, fieldLabel, formatStampTime, originName } from './syncFormat';
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
  const act = async (id: string, action: 'keep' | 'other') => {
    setBusy(id);
    try {
      if (action === 'keep') {
        await repositories.sync.keepConflict(id);
        showToast('info', t('sync.conflicts.kept'));
      } else {
        await repositories.sync.useOtherValue(id);
        showToast('info', t('sync.conflicts.usedOther'));
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
              const field = fieldLabel(conflict.field, t);
              return (
                <tr key={conflict.id}>
                  <th scope="row">
                    {label}
                    <span className="sync-stamp">{t(`sync.tables.${conflict.table}`, { defaultValue: conflict.table })}</span>
                  </th>
                  <td>{field}</td>
                  <td className="value kept">
                    {describeValue(conflict.keptValue, t, language)}
                    <span className="sync-stamp">
                      {t('sync.conflicts.changedAt', { when: formatStampTime(conflict.keptHlc, language), who: who(conflict.keptHlc) })}
                    </span>
                  </td>
                  <td className="value other">
                    {describeValue(conflict.otherValue, t, language)}
                    <span className="sync-stamp">
                      {t('sync.conflicts.changedAt', { when: formatStampTime(conflict.otherHlc, language), who: who(conflict.otherHlc) })}
                    </span>
                  </td>
                  <td>
                    {conflict.stale && <p className="hint">{t('sync.conflicts.stale')}</p>}
                    <div className="sync-actions">
                      <button
                        type="button"
                        className="small secondary"
                        disabled={busy !== null}
                        aria-label={`${t('sync.conflicts.keep')}: ${label}, ${field}`}
                        onClick={() => void act(conflict.id, 'keep')}
                      >
                        {t('sync.conflicts.keep')}
                      </button>
                      <button
                        type="button"
                        className="small"
                        disabled={busy !== null}
                        aria-label={`${t('sync.conflicts.useOther')}: ${label}, ${field}`}
                        onClick={() => void act(conflict.id, 'other')}
                      >
                        {t('sync.conflicts.useOther')}
                      </button>
                    </div>
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
