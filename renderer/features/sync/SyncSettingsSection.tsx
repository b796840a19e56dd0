/** The sync part of Settings: this installation's key fingerprint and the largest bundle an import accepts. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../app/RepositoriesContext';
import { MAX_MAX_BUNDLE_BYTES, MIN_MAX_BUNDLE_BYTES } from '../../db/syncRepository';
import { showError, useToasts } from '../../stores/toasts';
import { useSigningIdentity } from './useSigningIdentity';

const MB = 1024 * 1024;
const MIN_MB = MIN_MAX_BUNDLE_BYTES / MB;
const MAX_MB = MAX_MAX_BUNDLE_BYTES / MB;

export function SyncSettingsSection() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const ids = useId();
  const identity = useSigningIdentity();
  const settings = useLiveQuery(() => repositories.sync.settings(), [repositories]);
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [saving, setSaving] = useState(false);
  const value = draft ?? (settings ? String(settings.maxBundleBytes / MB) : '');

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    const megabytes = Number(value.trim());
    if (value.trim() === '' || !Number.isInteger(megabytes) || megabytes < MIN_MB || megabytes > MAX_MB) {
      setInvalid(true);
      document.getElementById(`${ids}-limit`)?.focus();
      return;
    }
    setInvalid(false);
    setSaving(true);
    try {
      await repositories.sync.updateSettings({ maxBundleBytes: megabytes * MB });
      setDraft(null);
      showToast('info', t('sync.settings.saved'));
    } catch (failure) {
      showError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('sync.settings.title')}</h2>
      <dl className="facts">
        <dt>{t('sync.settings.fingerprint')}</dt>
        <dd>
          {identity ? (
            <span className="sync-fingerprint" data-testid="key-fingerprint">
              {identity.fingerprint}
            </span>
          ) : (
            <span aria-busy="true">{t('common.loading')}</span>
          )}
          <p className="hint">{t('sync.settings.fingerprintHint')}</p>
        </dd>
      </dl>
      <form className="form" noValidate onSubmit={(event) => void save(event)}>
        <div className="field">
          <label htmlFor={`${ids}-limit`}>{t('sync.settings.limitLabel')}</label>
          <div className="sync-settings-limit">
            <input
              id={`${ids}-limit`}
              type="text"
              inputMode="numeric"
              value={value}
              disabled={settings === undefined || saving}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${ids}-limit-error ${ids}-limit-hint` : `${ids}-limit-hint`}
              onChange={(event) => {
                setDraft(event.target.value);
                setInvalid(false);
              }}
            />
            <button type="submit" disabled={settings === undefined || saving}>
              {t('sync.settings.save')}
            </button>
          </div>
          <p className="hint" id={`${ids}-limit-hint`}>
            {t('sync.settings.limitHint', { min: MIN_MB, max: MAX_MB })}
          </p>
          {invalid && (
            <p className="field-error" id={`${ids}-limit-error`}>
              {t('sync.settings.limitInvalid', { min: MIN_MB, max: MAX_MB })}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
