/**
 * Adding a country or changing one's names and membership (the secretariat only). The
 * ISO code is the country's identity on every machine, so it is fixed once created.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { normalizeCountryFields, validateCountryFields, type CountryFields } from '../../../shared/delegates/registryValidation';
import { membershipStatuses, type MembershipStatus } from '../../../shared/model';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { RegistryValidationError } from '../../db';
import { useToasts } from '../../stores/toasts';
import {
  focusFirstError,
  issuesToErrors,
  RegistryNav,
  TextField,
  useIssueText,
  usePermissions,
  useShowRegistryError,
  type FieldErrors,
} from '../delegates/ui';

export function CountryFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const repositories = useRepositories();
  const permissions = usePermissions();
  const existing = useLiveQuery(async () => ({ country: id === undefined ? undefined : await repositories.countries.get(id) }), [repositories, id]);
  if (existing === undefined || permissions === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  const country = existing.country;
  const missing = id !== undefined && (!country || country.deleted);

  return (
    <div className="page narrow">
      <PageTitle>{country ? country.name.en : t('delegates.countries.addTitle')}</PageTitle>
      <RegistryNav />
      {!permissions.editCountries || missing ? (
        <div className="notice warning">
          <p>{missing ? t('delegates.countries.notFound') : t('delegates.countries.readOnly')}</p>
          <p>
            <Link to="/delegates/countries">{t('delegates.countries.back')}</Link>
          </p>
        </div>
      ) : (
        <CountryForm
          key={country?.id ?? 'new'}
          initial={country ? { id: country.id, name: { ...country.name }, membership: country.membership } : { id: '', name: { en: '', ru: '' }, membership: 'member' }}
          create={!country}
        />
      )}
    </div>
  );
}

function CountryForm({ initial, create }: { initial: CountryFields; create: boolean }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const navigate = useNavigate();
  const showToast = useToasts((state) => state.show);
  const showRegistryError = useShowRegistryError();
  const issueText = useIssueText();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<CountryFields>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    requestAnimationFrame(() => {
      focusFirstError(formRef.current);
    });
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = normalizeCountryFields(values);
    const found = issuesToErrors(validateCountryFields(fields), issueText);
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await repositories.countries.save(fields, { create });
      showToast('info', t('delegates.countries.saved', { name: fields.name.en }));
      void navigate('/delegates/countries');
    } catch (error) {
      if (error instanceof RegistryValidationError) showErrors(issuesToErrors(error.details, issueText));
      else showRegistryError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
      <TextField
        label={t('delegates.countries.code')}
        hint={t('delegates.countries.codeHint')}
        value={values.id}
        readOnly={!create}
        maxLength={2}
        error={errors.id}
        onChange={(v) => {
          setValues({ ...values, id: v.toUpperCase() });
        }}
      />
      <TextField
        label={t('delegates.countries.nameEn')}
        lang="en"
        value={values.name.en}
        error={errors['name.en']}
        onChange={(v) => {
          setValues({ ...values, name: { ...values.name, en: v } });
        }}
      />
      <TextField
        label={t('delegates.countries.nameRu')}
        lang="ru"
        value={values.name.ru}
        error={errors['name.ru']}
        onChange={(v) => {
          setValues({ ...values, name: { ...values.name, ru: v } });
        }}
      />
      <fieldset className="field">
        <legend>{t('delegates.countries.membership')}</legend>
        {membershipStatuses.map((status: MembershipStatus) => (
          <label key={status} className="choice">
            <input
              type="radio"
              name="membership"
              value={status}
              checked={values.membership === status}
              onChange={() => {
                setValues({ ...values, membership: status });
              }}
            />
            {t(`membership.${status}`)}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <Link className="button secondary" to="/delegates/countries">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
