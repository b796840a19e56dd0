/**
 * Adding a country or changing one's names and membership (the secretariat only). The
 * ISO code is the country's identity on every machine, so it is fixed once created.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { normalizeCountryFields, validateCountryFields, type CountryFields } from '../../../shared/delegates/registryValidation';
import { membershipStatuses, type MembershipStatus } from '../../../shared/model';
import { TextField } from '../../app/forms';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { useToasts } from '../../stores/toasts';
import { NameFields, RefusalNotice, RegistryNav, SaveActions, usePermissions, useRegistryForm } from '../delegates/ui';

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
        <RefusalNotice
          message={missing ? t('delegates.countries.notFound') : t('delegates.countries.readOnly')}
          backTo="/delegates/countries"
          backLabel={t('delegates.countries.back')}
        />
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
  const { formRef, errors, busy, submit } = useRegistryForm();
  const [values, setValues] = useState<CountryFields>(initial);

  const save = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = normalizeCountryFields(values);
    await submit(validateCountryFields(fields), async () => {
      await repositories.countries.save(fields, { create });
      showToast('info', t('delegates.countries.saved', { name: fields.name.en }));
      void navigate('/delegates/countries');
    });
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(event) => void save(event)}>
      <TextField
        spellCheck={false}
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
      <NameFields
        labels={{ en: t('delegates.countries.nameEn'), ru: t('delegates.countries.nameRu') }}
        value={values.name}
        errors={errors}
        onChange={(name) => {
          setValues({ ...values, name });
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
      <SaveActions busy={busy} cancelTo="/delegates/countries" />
    </form>
  );
}
