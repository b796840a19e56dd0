/**
 * Today's automatic backup, taken in the background shortly after the app starts (once
 * there is an installation) and checked again as the user moves between screens, so an
 * app left open overnight still gets one for the new day.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../app/RepositoriesContext';
import { useToasts } from '../../stores/toasts';
import { errorText } from '../../lib/storageErrors';
import { BackupFailedError, ensureDailyBackup } from './backups';

/** Lets the first screen paint (and first-run finish) before the snapshot reads every table. */
const START_DELAY_MS = 1500;

export function useDailyBackup(enabled: boolean, pathname: string): void {
  const repositories = useRepositories();
  const { t } = useTranslation();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    // A check already scheduled is not pushed back by further navigation.
    if (!enabled || pending.current !== null) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      ensureDailyBackup(repositories).catch((error: unknown) => {
        const detail = errorText(error instanceof BackupFailedError ? error.failure : error, t);
        useToasts.getState().show('error', t('backup.dailyFailed', { detail }));
      });
    }, START_DELAY_MS);
  }, [enabled, pathname, repositories, t]);

  useEffect(
    () => () => {
      if (pending.current !== null) clearTimeout(pending.current);
      pending.current = null;
    },
    [],
  );
}
