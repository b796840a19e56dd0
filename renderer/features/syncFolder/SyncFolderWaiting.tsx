/**
 * Files in the sync folder waiting for the trust step: in Settings → Sync folder and in
 * Sync → Import. "Review" opens one in the import preview, where the sender is trusted;
 * the sender's other files then follow by themselves.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../lib/api';
import { showError } from '../../stores/toasts';
import { useBundleDrop } from '../sync/dropStore';
import { useSyncFolder } from './syncFolderStore';

export function SyncFolderWaiting({ headingLevel }: { headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  const ids = useId();
  const navigate = useNavigate();
  const waiting = useSyncFolder((state) => state.waiting);
  const [busy, setBusy] = useState(false);
  if (waiting.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const review = async (name: string) => {
    setBusy(true);
    try {
      const file = await api.readSyncFolderFile(name);
      const fileName = name.split('/').pop() ?? name;
      useBundleDrop.getState().drop(new File([file.bytes.slice().buffer], fileName, { type: 'application/json' }));
      await navigate('/sync/import');
    } catch (failure) {
      showError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading id={`${ids}-waiting`}>{t('syncFolder.waitingTitle')}</Heading>
      <p className="hint">{t('syncFolder.waitingHint')}</p>
      <ul aria-labelledby={`${ids}-waiting`}>
        {waiting.map((file) => {
          const fileName = file.name.split('/').pop() ?? file.name;
          return (
            <li key={file.name}>
              {t('syncFolder.waitingItem', { file: fileName, senders: file.senders.join(', ') })}{' '}
              <button type="button" disabled={busy} onClick={() => void review(file.name)}>
                {t('syncFolder.review', { file: fileName })}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
