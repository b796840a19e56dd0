/**
 * One organization: its names in both languages, acronym, country and kind; edited by
 * either role, deleted by the secretariat (only when no person or meeting refers to it).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  normalizeOrganizationFields,
  validateOrganizationFields,
  type OrganizationFields,
} from '../../../shared/delegates/registryValidation';
import { organizationKinds, type Organization, type OrganizationKind } from '../../../shared/model';
import { pick } from '../../app/format';
import { SelectField, TextField } from '../../app/forms';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { useToasts } from '../../stores/toasts';
import { useListState } from '../delegates/listState';
import {
  countryLabel,
  DeleteButton,
  NameFields,
  RefusalNotice,
  RegistryNav,
  SaveActions,
  useLanguage,
  usePermissions,
  useRegistryForm,
  useRegistryLookups,
  type Permissions,
  type RegistryLookups,
} from '../delegates/ui';

export function OrganizationFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const language = useLanguage();
  const repositories = useRepositories();
  const permissions = usePermissions();
  const lookups = useRegistryLookups();
  const existing = useLiveQuery(
    async () => ({ organization: id === undefined ? undefined : await repositories.organizations.get(id) }),
    [repositories, id],
  );
  if (existing === undefined || permissions === undefined || lookups === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  const organization = existing.organization;
  const missing = id !== undefined && (!organization || organization.deleted);

  return (
    <div className="page narrow">
      <PageTitle>{organization && !missing ? pick(organization.name, language) : t('delegates.organizations.addTitle')}</PageTitle>
      <RegistryNav />
      {missing || !permissions.editOrganizations ? (
        <RefusalNotice
          message={missing ? t('delegates.organizations.notFound') : t('delegates.errors.notPermitted')}
          backTo="/delegates/organizations"
          backLabel={t('delegates.organizations.back')}
        />
      ) : (
        <OrganizationForm key={organization?.id ?? 'new'} organization={organization} lookups={lookups} permissions={permissions} />
      )}
    </div>
  );
}

function OrganizationForm({ organization, lookups, permissions }: { organization: Organization | undefined; lookups: RegistryLookups; permissions: Permissions }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const repositories = useRepositories();
  const navigate = useNavigate();
  const showToast = useToasts((state) => state.show);
  const setListFilters = useListState((state) => state.setFilters);
  const { formRef, errors, busy, submit } = useRegistryForm();
  const [values, setValues] = useState<OrganizationFields>(() =>
    organization
      ? { name: { ...organization.name }, acronym: organization.acronym, countryId: organization.countryId, kind: organization.kind }
      : { name: { en: '', ru: '' }, acronym: '', countryId: permissions.actor?.countryId ?? null, kind: 'customs-service' },
  );
  const people = useLiveQuery(() => repositories.organizations.peopleCounts(), [repositories]);
  const peopleCount = organization ? (people?.get(organization.id) ?? 0) : 0;

  const save = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = normalizeOrganizationFields(values);
    await submit(validateOrganizationFields(fields), async () => {
      const saved = await repositories.organizations.save({ ...fields, ...(organization ? { id: organization.id } : {}) });
      showToast('info', t('delegates.organizations.saved', { name: pick(saved.name, language) }));
      void navigate('/delegates/organizations');
    });
  };

  return (
    <>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void save(event)}>
        <NameFields
          labels={{ en: t('delegates.organizations.nameEn'), ru: t('delegates.organizations.nameRu') }}
          value={values.name}
          errors={errors}
          onChange={(name) => {
            setValues({ ...values, name });
          }}
        />
        <TextField
          spellCheck={false}
          label={t('delegates.organizations.acronym')}
          hint={t('delegates.organizations.acronymHint')}
          value={values.acronym}
          error={errors.acronym}
          onChange={(v) => {
            setValues({ ...values, acronym: v });
          }}
        />
        <SelectField
          label={t('delegates.organizations.country')}
          value={values.countryId ?? ''}
          error={errors.countryId}
          onChange={(v) => {
            setValues({ ...values, countryId: v === '' ? null : v });
          }}
        >
          <option value="">{t('delegates.organizations.international')}</option>
          {lookups.countries.map((country) => (
            <option key={country.id} value={country.id}>
              {countryLabel(lookups, country.id, language)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('delegates.organizations.kind')}
          value={values.kind}
          error={errors.kind}
          onChange={(v) => {
            setValues({ ...values, kind: v as OrganizationKind });
          }}
        >
          {organizationKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`delegates.organizationKinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SaveActions busy={busy} cancelTo="/delegates/organizations">
          {organization && permissions.deleteOrganizations && (
            <DeleteButton
              label={t('delegates.organizations.delete')}
              title={t('delegates.organizations.deleteTitle', { name: pick(organization.name, language) })}
              explanation={t('delegates.organizations.deleteExplanation')}
              remove={async () => {
                await repositories.organizations.remove(organization.id);
                showToast('info', t('delegates.organizations.removed', { name: pick(organization.name, language) }));
                void navigate('/delegates/organizations');
              }}
            />
          )}
        </SaveActions>
      </form>
      {organization && (
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setListFilters({ query: '', countryId: '', role: '', organizationId: organization.id });
              void navigate('/delegates');
            }}
          >
            {t('delegates.organizations.showPeople', { count: peopleCount })}
          </button>
        </p>
      )}
    </>
  );
}
