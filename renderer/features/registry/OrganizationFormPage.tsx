/**
 * One organization: its names in both languages, acronym, country and kind; edited by
 * either role, deleted by the secretariat (only when no person or meeting refers to it).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  normalizeOrganizationFields,
  validateOrganizationFields,
  type OrganizationFields,
} from '../../../shared/delegates/registryValidation';
import { organizationKinds, type Organization, type OrganizationKind } from '../../../shared/model';
import { pick } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { RegistryValidationError } from '../../db';
import { useToasts } from '../../stores/toasts';
import { useListState } from '../delegates/listState';
import {
  ConfirmDialog,
  countryLabel,
  focusFirstError,
  issuesToErrors,
  RegistryNav,
  SelectField,
  TextField,
  useIssueText,
  useLanguage,
  usePermissions,
  useRegistryLookups,
  useShowRegistryError,
  type FieldErrors,
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
        <div className="notice warning">
          <p>{missing ? t('delegates.organizations.notFound') : t('delegates.errors.notPermitted')}</p>
          <p>
            <Link to="/delegates/organizations">{t('delegates.organizations.back')}</Link>
          </p>
        </div>
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
  const showRegistryError = useShowRegistryError();
  const issueText = useIssueText();
  const setListFilters = useListState((state) => state.setFilters);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<OrganizationFields>(() =>
    organization
      ? { name: { ...organization.name }, acronym: organization.acronym, countryId: organization.countryId, kind: organization.kind }
      : { name: { en: '', ru: '' }, acronym: '', countryId: permissions.actor?.role === 'delegation' ? permissions.actor.countryId : null, kind: 'customs-service' },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const people = useLiveQuery(() => repositories.organizations.peopleCounts(), [repositories]);
  const peopleCount = organization ? (people?.get(organization.id) ?? 0) : 0;

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    requestAnimationFrame(() => {
      focusFirstError(formRef.current);
    });
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = normalizeOrganizationFields(values);
    const found = issuesToErrors(validateOrganizationFields(fields), issueText);
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await repositories.organizations.save({ ...fields, ...(organization ? { id: organization.id } : {}) });
      showToast('info', t('delegates.organizations.saved', { name: pick(saved.name, language) }));
      void navigate('/delegates/organizations');
    } catch (error) {
      if (error instanceof RegistryValidationError) showErrors(issuesToErrors(error.details, issueText));
      else showRegistryError(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!organization) return;
    setBusy(true);
    try {
      await repositories.organizations.remove(organization.id);
      showToast('info', t('delegates.organizations.removed', { name: pick(organization.name, language) }));
      void navigate('/delegates/organizations');
    } catch (error) {
      showRegistryError(error);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('delegates.organizations.nameEn')}
          lang="en"
          value={values.name.en}
          error={errors['name.en']}
          onChange={(v) => {
            setValues({ ...values, name: { ...values.name, en: v } });
          }}
        />
        <TextField
          label={t('delegates.organizations.nameRu')}
          lang="ru"
          value={values.name.ru}
          error={errors['name.ru']}
          onChange={(v) => {
            setValues({ ...values, name: { ...values.name, ru: v } });
          }}
        />
        <TextField
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
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <Link className="button secondary" to="/delegates/organizations">
            {t('common.cancel')}
          </Link>
          {organization && permissions.deleteOrganizations && (
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirming(true);
              }}
            >
              {t('delegates.organizations.delete')}
            </button>
          )}
        </div>
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
      <ConfirmDialog
        open={confirming}
        title={t('delegates.organizations.deleteTitle', { name: organization ? pick(organization.name, language) : '' })}
        confirmLabel={t('delegates.organizations.delete')}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => {
          setConfirming(false);
        }}
      >
        <p>{t('delegates.organizations.deleteExplanation')}</p>
      </ConfirmDialog>
    </>
  );
}
