/** Sync: this installation's identity and what it holds, per table. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { syncedTableNames } from '../../../shared/model';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { useInstallationLabel } from '../../app/useInstallationLabel';

export function SyncPage() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const data = useLiveQuery(async () => {
    const [installation, counts] = await Promise.all([repositories.installation.get(), repositories.stats.counts()]);
    return { installation, counts };
  }, [repositories]);
  const label = useInstallationLabel(data?.installation);
  if (data === undefined) return <p aria-busy="true">{t('common.loading')}</p>;

  return (
    <div className="page narrow">
      <PageTitle>{t('sync.title')}</PageTitle>
      <p className="lead">{t('sync.intro')}</p>
      <section aria-labelledby="sync-identity">
        <h2 id="sync-identity">{t('sync.identity')}</h2>
        <dl className="facts">
          <dt>{t('sync.role')}</dt>
          <dd>{label}</dd>
          <dt>{t('sync.installationId')}</dt>
          <dd>
            <code>{data.installation?.id}</code>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="sync-holdings">
        <h2 id="sync-holdings">{t('sync.holdings')}</h2>
        <table className="data-table">
          <caption className="visually-hidden">{t('sync.holdings')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sync.table')}</th>
              <th scope="col">{t('sync.records')}</th>
            </tr>
          </thead>
          <tbody>
            {syncedTableNames.map((table) => (
              <tr key={table}>
                <th scope="row">{t(`sync.tables.${table}`)}</th>
                <td className="number">{data.counts[table]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
