/** Sync history: every bundle exported from or imported into this computer, newest first. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { SyncedTableName } from '../../../shared/model';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import type { SyncHistoryEntry } from '../../db/syncRepository';
import { formatDateTime, formatNumber } from './syncFormat';
import { skewsText } from './ClockNotices';

function total(counts: Partial<Record<SyncedTableName, number>>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

export function HistoryPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const repositories = useRepositories();
  const entries = useLiveQuery(() => repositories.sync.history(), [repositories]);
  if (entries === undefined) return <p aria-busy="true">{t('common.loading')}</p>;

  const result = (entry: SyncHistoryEntry): string => {
    if (entry.direction === 'export' || !entry.summary) return '';
    const sums = { new: 0, updated: 0, deleted: 0 };
    for (const summary of Object.values(entry.summary)) {
      sums.new += summary.new;
      sums.updated += summary.updated;
      sums.deleted += summary.deleted;
    }
    const parts = [
      t('sync.history.resultImport', {
        new: formatNumber(sums.new, language),
        updated: formatNumber(sums.updated, language),
        deleted: formatNumber(sums.deleted, language),
      }),
    ];
    if (entry.conflicts) parts.push(t('sync.history.resultConflicts', { count: entry.conflicts }));
    if (entry.refused) parts.push(t('sync.history.resultRefused', { count: entry.refused }));
    const skews = skewsText(entry.skews, t, language);
    if (skews !== '') parts.push(skews);
    return parts.join('; ');
  };

  return (
    <div className="page">
      <PageTitle>{t('sync.history.title')}</PageTitle>
      <p className="lead">{t('sync.history.intro')}</p>
      {entries.length === 0 ? (
        <p className="empty-state">{t('sync.history.empty')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('sync.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sync.history.when')}</th>
              <th scope="col">{t('sync.history.direction')}</th>
              <th scope="col">{t('sync.history.installation')}</th>
              <th scope="col">{t('sync.history.file')}</th>
              <th scope="col" className="number">
                {t('sync.history.records')}
              </th>
              <th scope="col">{t('sync.history.result')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq}>
                <th scope="row">{formatDateTime(entry.at, language)}</th>
                <td>
                  {entry.direction === 'export' ? t('sync.history.export') : t('sync.history.import')} ({t(`sync.history.scopes.${entry.scope}`)})
                </td>
                <td>{entry.peerName === '' ? t('sync.history.everyone') : entry.peerName}</td>
                <td>{entry.fileName}</td>
                <td className="number">{formatNumber(total(entry.counts), language)}</td>
                <td>{result(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
