/** Name, role and (for a delegation) country of this installation: used at first run and in Settings. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstallationRole } from '../../../shared/model';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { showError } from '../../stores/toasts';
import { validateInstallationInput, type InstallationErrors, type InstallationInput } from './installationValidation';

interface Props {
  initial: InstallationInput;
  submitLabel: string;
  onSubmit: (input: InstallationInput) => Promise<void>;
}

export function InstallationForm({ initial, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const countries = useLiveQuery(() => repositories.countries.list(), [repositories]);
  const [values, setValues] = useState<InstallationInput>(initial);
  const [errors, setErrors] = useState<InstallationErrors>({});
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const countryRef = useRef<HTMLSelectElement>(null);
  const id = useId();
  const ids = {
    name: `${id}-name`,
    nameHint: `${id}-name-hint`,
    nameError: `${id}-name-error`,
    country: `${id}-country`,
    countryError: `${id}-country-error`,
  };
  const language = currentLanguage();

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateInstallationInput(values);
    setErrors(found);
    if (found.displayName) {
      nameRef.current?.focus();
      return;
    }
    if (found.countryId) {
      countryRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit({
        displayName: values.displayName.trim(),
        role: values.role,
        countryId: values.role === 'delegation' ? values.countryId : null,
      });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const setRole = (role: InstallationRole) => {
    setValues({ ...values, role });
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={ids.name}>{t('firstRun.nameLabel')}</label>
        <input
          id={ids.name}
          ref={nameRef}
          type="text"
          autoComplete="off"
          value={values.displayName}
          aria-invalid={errors.displayName ? true : undefined}
          aria-describedby={errors.displayName ? `${ids.nameError} ${ids.nameHint}` : ids.nameHint}
          onChange={(event) => {
            setValues({ ...values, displayName: event.target.value });
          }}
        />
        <p id={ids.nameHint} className="hint">
          {t('firstRun.nameHint')}
        </p>
        {errors.displayName && (
          <p id={ids.nameError} className="field-error">
            {t(errors.displayName)}
          </p>
        )}
      </div>
      <fieldset className="field">
        <legend>{t('firstRun.roleLegend')}</legend>
        <label className="choice">
          <input
            type="radio"
            name={`${id}-role`}
            value="secretariat"
            checked={values.role === 'secretariat'}
            onChange={() => {
              setRole('secretariat');
            }}
          />
          {t('firstRun.roleSecretariat')}
        </label>
        <label className="choice">
          <input
            type="radio"
            name={`${id}-role`}
            value="delegation"
            checked={values.role === 'delegation'}
            onChange={() => {
              setRole('delegation');
            }}
          />
          {t('firstRun.roleDelegation')}
        </label>
      </fieldset>
      {values.role === 'delegation' && (
        <div className="field">
          <label htmlFor={ids.country}>{t('firstRun.countryLabel')}</label>
          <select
            id={ids.country}
            ref={countryRef}
            value={values.countryId ?? ''}
            aria-invalid={errors.countryId ? true : undefined}
            aria-describedby={errors.countryId ? ids.countryError : undefined}
            onChange={(event) => {
              setValues({ ...values, countryId: event.target.value === '' ? null : event.target.value });
            }}
          >
            <option value="">{t('firstRun.chooseCountry')}</option>
            {(countries ?? []).map((country) => (
              <option key={country.id} value={country.id}>
                {pick(country.name, language)}
              </option>
            ))}
          </select>
          {errors.countryId && (
            <p id={ids.countryError} className="field-error">
              {t(errors.countryId)}
            </p>
          )}
        </div>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
