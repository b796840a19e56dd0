/** Trusted installations: whose key fingerprint was confirmed here; forgetting one makes its next bundle ask again. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { showError, useToasts } from '../../stores/toasts';
import { formatDateTime, roleLabel } from './syncFormat';

export function PeersPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const [confirming, setConfirming] = useState<string | null>(null);
  const data = useLiveQuery(async () => {
    const [peers, countries] = await Promise.all([repositories.sync.peers(), repositories.countries.list()]);
    return { peers: peers.sort((a, b) => a.name.localeCompare(b.name, language)), countries };
  }, [repositories, language]);
  if (data === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  const { peers, countries } = data;

  const forget = async (id: string, name: string) => {
    try {
      await repositories.sync.forgetPeer(id);
      setConfirming(null);
      showToast('info', t('sync.peers.forgotten', { name }));
    } catch (failure) {
      showError(failure);
    }
  };

  return (
    <div className="page">
      <PageTitle>{t('sync.peers.title')}</PageTitle>
      <p className="lead">{t('sync.peers.intro')}</p>
      {peers.length === 0 ? (
        <p className="empty-state">{t('sync.peers.empty')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('sync.peers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sync.peers.name')}</th>
              <th scope="col">{t('sync.peers.role')}</th>
              <th scope="col">{t('sync.peers.fingerprint')}</th>
              <th scope="col">{t('sync.peers.trustedAt')}</th>
              <th scope="col">{t('sync.peers.lastReceived')}</th>
              <th scope="col">{t('sync.peers.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {peers.map((peer) => (
              <tr key={peer.id}>
                <th scope="row">{peer.name}</th>
                <td>{roleLabel(peer.role, peer.countryId, countries, t, language)}</td>
                <td className="sync-fingerprint">{peer.fingerprint}</td>
                <td>{peer.trustedAt ? formatDateTime(peer.trustedAt, language) : t('sync.peers.never')}</td>
                <td>{peer.lastReceivedAt ? formatDateTime(peer.lastReceivedAt, language) : t('sync.peers.never')}</td>
                <td>
                  {confirming === peer.id ? (
                    <div className="sync-confirm" role="group" aria-label={t('sync.peers.forgetConfirm', { name: peer.name })}>
                      <span>{t('sync.peers.forgetConfirm', { name: peer.name })}</span>
                      <button type="button" className="small danger" onClick={() => void forget(peer.id, peer.name)}>
                        {t('sync.peers.forgetYes')}
                      </button>
                      <button type="button" className="small secondary" onClick={() => setConfirming(null)}>
                        {t('sync.peers.forgetNo')}
                      </button>
                    </div>
                  ) : (
                    <button
                      type="button"
                      className="small secondary"
                      aria-label={`${t('sync.peers.forget')} ${peer.name}`}
                      onClick={() => setConfirming(peer.id)}
                    >
                      {t('sync.peers.forget')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
