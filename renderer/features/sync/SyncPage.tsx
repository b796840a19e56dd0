/** Sync overview: this installation's identity and key fingerprint, what it holds per table and per origin. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useSigningIdentity } from './useSigningIdentity';
import { Link } from 'react-router';
import { syncedTableNames } from '../../../shared/model';
import { PageTitle } from '../../app/PageTitle';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { useInstallationLabel } from '../../app/useInstallationLabel';
import { formatDateTime, formatNumber, formatStampTime, originName } from './syncFormat';
import { ClockRepairNotice } from './ClockNotices';

export function SyncPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const repositories = useRepositories();
  const identity = useSigningIdentity();
  const data = useLiveQuery(async () => {
    const [installation, counts, vector, peers] = await Promise.all([
      repositories.installation.get(),
      repositories.stats.counts(),
      repositories.sync.vector(),
      repositories.sync.peers(),
    ]);
    return { installation, counts, vector, peers };
  }, [repositories]);
  const label = useInstallationLabel(data?.installation);
  if (data?.installation === undefined || identity === null) return <p aria-busy="true">{t('common.loading')}</p>;
  const { installation: self, counts, vector, peers } = data;
  const origins = Object.entries(vector).sort(([a], [b]) => (a === self.id ? -1 : b === self.id ? 1 : a < b ? -1 : 1));

  return (
    <div className="page narrow">
      <PageTitle>{t('sync.title')}</PageTitle>
      <p className="lead">{t('sync.intro')}</p>
      <ClockRepairNotice />
      <p className="sync-actions">
        <Link to="/sync/export">{t('sync.overview.exportLink')}</Link>
        <Link to="/sync/import">{t('sync.overview.importLink')}</Link>
      </p>
      <section aria-labelledby="sync-identity">
        <h2 id="sync-identity">{t('sync.identity')}</h2>
        <dl className="facts">
          <dt>{t('sync.role')}</dt>
          <dd>{label}</dd>
          <dt>{t('sync.installationId')}</dt>
          <dd>
            <code>{self.id}</code>
          </dd>
          <dt>{t('sync.overview.fingerprint')}</dt>
          <dd>
            <span className="sync-fingerprint">{identity.fingerprint}</span>
            <p className="hint">{t('sync.overview.fingerprintHint')}</p>
          </dd>
          <dt>{t('sync.overview.keyCreated')}</dt>
          <dd>{formatDateTime(identity.keyCreatedAt, language)}</dd>
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
                <td className="number">{formatNumber(counts[table], language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="sync-vector">
        <h2 id="sync-vector">{t('sync.overview.vectorTitle')}</h2>
        <p className="hint">{t('sync.overview.vectorHint')}</p>
        <table className="data-table">
          <caption className="visually-hidden">{t('sync.overview.vectorTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sync.overview.origin')}</th>
              <th scope="col">{t('sync.overview.latest')}</th>
            </tr>
          </thead>
          <tbody>
            {origins.map(([node, stamp]) => (
              <tr key={node}>
                <th scope="row">{originName(node, self, peers, t)}</th>
                <td>{formatStampTime(stamp, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
