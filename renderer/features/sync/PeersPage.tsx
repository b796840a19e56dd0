/**
 * Trusted installations: whose key fingerprint was confirmed here; forgetting one makes its
 * next bundle ask again. Above them, the secretariat this installation pinned (roles are
 * granted, not claimed): the pinned secretariat grants its role to another installation,
 * a delegation may forget its pin; a peer calling itself the secretariat without either is
 * labelled a look-alike.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import type { PeerView, PinnedView } from '../../db/syncRepository';
import { showError, useToasts } from '../../stores/toasts';
import { formatDateTime, roleLabel } from './syncFormat';
import './trust.css';

/** Whether a peer acts as the secretariat here: the pinned key, or a key the pinned one granted. */
function secretariatStanding(peer: PeerView, view: PinnedView): 'pinned' | 'granted' | 'look-alike' | null {
  if (peer.role !== 'secretariat' || view.pinned === null) return null;
  if (view.pinned.id === peer.id && view.pinned.publicKey === peer.publicKey) return 'pinned';
  if (view.granted.some((grant) => grant.installationId === peer.id && grant.publicKey === peer.publicKey)) return 'granted';
  return 'look-alike';
}

export function PeersPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [granting, setGranting] = useState<PeerView | null>(null);
  const [forgettingPin, setForgettingPin] = useState(false);
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const data = useLiveQuery(async () => {
    const [peers, countries, pinned, self] = await Promise.all([
      repositories.sync.peers(),
      repositories.countries.list(),
      repositories.sync.pinned(),
      repositories.installation.get(),
    ]);
    return { peers: peers.sort((a, b) => a.name.localeCompare(b.name, language)), countries, pinned, selfName: self?.displayName ?? '' };
  }, [repositories, language]);
  if (data === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  const { peers, countries, pinned: view, selfName } = data;
  const { pinned } = view;
  // Only the pinned secretariat grants: to trusted peers that call themselves the secretariat.
  const grantable = view.isSelf ? peers.filter((peer) => peer.trusted && peer.publicKey !== null && secretariatStanding(peer, view) === 'look-alike') : [];

  const grant = async (peer: PeerView) => {
    setBusy(true);
    try {
      await repositories.sync.grantSecretariat(peer.id);
      setGranting(null);
      showToast('info', t('sync.peers.secretariat.grantedToast', { name: peer.name }));
    } catch (failure) {
      showError(failure);
    } finally {
      setBusy(false);
    }
  };

  const forgetPinned = async () => {
    setBusy(true);
    try {
      await repositories.sync.forgetPinned();
      setForgettingPin(false);
      showToast('info', t('sync.peers.secretariat.forgottenToast'));
    } catch (failure) {
      showError(failure);
    } finally {
      setBusy(false);
    }
  };

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
      <section className="sync-secretariat" aria-labelledby={`${ids}-secretariat`}>
        <h2 id={`${ids}-secretariat`}>{t('sync.peers.secretariat.title')}</h2>
        <p className="hint">{t('sync.peers.secretariat.intro')}</p>
        {pinned === null ? (
          <p>{t('sync.peers.secretariat.none')}</p>
        ) : (
          <dl className="facts">
            <dt>{t('sync.peers.secretariat.pinned')}</dt>
            <dd>{view.isSelf ? t('sync.peers.secretariat.self', { name: selfName }) : pinned.name}</dd>
            {!view.isSelf && (
              <>
                <dt>{t('sync.peers.secretariat.fingerprint')}</dt>
                <dd className="sync-fingerprint">{pinned.fingerprint}</dd>
              </>
            )}
          </dl>
        )}
        {view.isSelf && <p className="hint">{t('sync.peers.secretariat.selfHint')}</p>}
        {pinned !== null && (
          <>
            <h3 id={`${ids}-granted`}>{t('sync.peers.secretariat.grantedTitle')}</h3>
            {view.granted.length === 0 ? (
              <p>{t('sync.peers.secretariat.noneGranted')}</p>
            ) : (
              <ul aria-labelledby={`${ids}-granted`}>
                {view.granted.map((grant) => (
                  <li key={grant.installationId}>
                    {t('sync.peers.secretariat.grantedItem', { name: grant.name, date: formatDateTime(grant.grantedAt, language) })}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        {grantable.length > 0 && (
          <div className="sync-actions">
            {grantable.map((peer) => (
              <button type="button" key={peer.id} onClick={() => setGranting(peer)}>
                {t('sync.peers.secretariat.grant', { name: peer.name })}
              </button>
            ))}
          </div>
        )}
        {pinned !== null && !view.isSelf && (
          <div className="sync-actions">
            <button type="button" className="secondary" onClick={() => setForgettingPin(true)}>
              {t('sync.peers.secretariat.forget')}
            </button>
          </div>
        )}
        {granting && (
          <ConfirmDialog
            title={t('sync.peers.secretariat.grant', { name: granting.name })}
            confirmLabel={t('sync.peers.secretariat.grantYes')}
            cancelLabel={t('sync.peers.secretariat.grantNo')}
            busy={busy}
            onConfirm={() => void grant(granting)}
            onCancel={() => setGranting(null)}
          >
            <p>{t('sync.peers.secretariat.grantConfirm', { name: granting.name, fingerprint: granting.fingerprint })}</p>
          </ConfirmDialog>
        )}
        {forgettingPin && pinned !== null && (
          <ConfirmDialog
            title={t('sync.peers.secretariat.forgetTitle')}
            confirmLabel={t('sync.peers.secretariat.forgetYes')}
            cancelLabel={t('sync.peers.secretariat.forgetNo')}
            danger
            busy={busy}
            onConfirm={() => void forgetPinned()}
            onCancel={() => setForgettingPin(false)}
          >
            <p>{t('sync.peers.secretariat.forgetText', { name: pinned.name })}</p>
          </ConfirmDialog>
        )}
      </section>
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
                <td>
                  <PeerRole peer={peer} view={view} label={roleLabel(peer.role, peer.countryId, countries, t, language)} />
                </td>
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

/** The role column: a secretariat's standing here, or the role as trusted. */
function PeerRole({ peer, view, label }: { peer: PeerView; view: PinnedView; label: string }) {
  const { t } = useTranslation();
  switch (secretariatStanding(peer, view)) {
    case 'pinned':
      return <>{t('sync.peers.secretariat.rolePinned')}</>;
    case 'granted':
      return <>{t('sync.peers.secretariat.roleGranted')}</>;
    case 'look-alike':
      return <span className="sync-role-lookalike">{t('sync.peers.secretariat.roleLookAlike')}</span>;
    case null:
      return <>{label}</>;
  }
}
