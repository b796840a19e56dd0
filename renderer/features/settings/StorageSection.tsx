/** Settings → Storage: whether the data is protected from eviction, how much is used and free. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { isRunningShort, formatBytes, storageStatus, type StorageStatus } from '../../lib/storage';
import { showError } from '../../stores/toasts';

export function StorageSection() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const language = currentLanguage();

  useEffect(() => {
    let live = true;
    storageStatus()
      .then((value) => {
        if (live) setStatus(value);
      })
      .catch(showError);
    return () => {
      live = false;
    };
  }, []);

  return (
    <section aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('settings.storage.title')}</h2>
      {status === null ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('settings.storage.protection')}</dt>
            <dd>{status.persisted ? t('settings.storage.persisted') : t('settings.storage.notPersisted')}</dd>
            {status.usage !== null && (
              <>
                <dt>{t('settings.storage.used')}</dt>
                <dd>{formatBytes(status.usage, language)}</dd>
              </>
            )}
            {status.usage !== null && status.quota !== null && (
              <>
                <dt>{t('settings.storage.free')}</dt>
                <dd>{formatBytes(Math.max(0, status.quota - status.usage), language)}</dd>
              </>
            )}
          </dl>
          {isRunningShort(status) && (
            <p role="alert" className="field-error">
              {t('settings.storage.low')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
