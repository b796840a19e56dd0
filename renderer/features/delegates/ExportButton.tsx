/**
 * "Export to CSV": the people currently shown (the list's filters apply), written through
 * the save dialog. E-mail and phone go only into rows of people who agreed to have their
 * contacts shared; the hint says so before the user clicks.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { delegatesToCsv } from '../../../shared/delegates/csv';
import { todayIso } from '../../app/format';
import { useRepositories } from '../../app/RepositoriesContext';
import { api } from '../../lib/api';
import { showError, useToasts } from '../../stores/toasts';
import { useLanguage, type RegistryLookups } from './ui';
import { utf8Bytes } from '../../lib/bytes';

/** `ids`: the people shown, in the list's order; their full records are read at the click. */
export function ExportButton({ ids, lookups }: { ids: readonly string[]; lookups: RegistryLookups }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const language = useLanguage();
  const showToast = useToasts((state) => state.show);
  const [busy, setBusy] = useState(false);
  const hintId = useId();

  const exportCsv = async () => {
    setBusy(true);
    try {
      const delegates = await repositories.delegates.getMany(ids);
      const text = delegatesToCsv(delegates, { language, countries: lookups.countries, organizations: lookups.organizations });
      const result = await api.saveFile({
        purpose: 'csv',
        suggestedName: t('delegates.export.fileName', { date: todayIso() }),
        content: utf8Bytes(text),
      });
      if (result.saved) {
        showToast('info', t('delegates.export.saved', { count: delegates.length, path: result.path }));
      }
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {/* While busy the button stays focusable (aria-disabled), so focus does not fall to the page. */}
      <button
        type="button"
        className="secondary"
        disabled={ids.length === 0}
        aria-disabled={busy ? true : undefined}
        aria-describedby={hintId}
        onClick={() => {
          if (!busy) void exportCsv();
        }}
      >
        {t('delegates.export.button', { count: ids.length })}
      </button>
      <span id={hintId} className="hint">
        {t('delegates.export.hint')}
      </span>
    </>
  );
}
