/**
 * Adding or editing a person: names in both scripts (the Latin one can be filled in from
 * the native one), position in English and Russian, country, organization, roles,
 * contacts, working languages, notes and the two consents. Checked as the repository
 * checks, with one message per field, and nothing saved until every field is right.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { transliterate } from 'transliteration';
import { commonLanguageTags, languageName, resolveLanguage } from '../../../shared/delegates/languages';
import { canEditDelegate } from '../../../shared/delegates/permissions';
import {
  emptyDelegateFields,
  normalizeDelegateFields,
  validateDelegateFields,
  type DelegateFields,
  type DelegateIssue,
} from '../../../shared/delegates/validation';
import { delegateRoles, type Delegate } from '../../../shared/model';
import { contactWithheld, type ContactField } from '../../../shared/sync/privacy';
import { pick } from '../../app/format';
import { SelectField, TextField } from '../../app/forms';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { useToasts } from '../../stores/toasts';
import {
  organizationLabel,
  RefusalNotice,
  RegistryNav,
  SaveActions,
  useLanguage,
  usePermissions,
  useRegistryForm,
  useRegistryLookups,
  type Permissions,
  type RegistryLookups,
} from './ui';

/** Route element for /delegates/new and /delegates/:id/edit. */
export function DelegateFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const repositories = useRepositories();
  const permissions = usePermissions();
  const lookups = useRegistryLookups();
  // Wrapped, so "loading" differs from "no such person".
  const existing = useLiveQuery(async () => ({ delegate: id === undefined ? undefined : await repositories.delegates.get(id) }), [repositories, id]);

  if (permissions === undefined || lookups === undefined || existing === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  const delegate = existing.delegate;
  const title = id === undefined ? t('delegates.form.addTitle') : t('delegates.form.editTitle');

  let refusal: string | null = null;
  if (id !== undefined && (!delegate || delegate.deleted)) refusal = t('delegates.detail.notFound');
  else if (delegate && !canEditDelegate(permissions.actor, delegate)) refusal = t('delegates.form.notYours');
  else if (!delegate && !permissions.addPeople) refusal = t('delegates.errors.notPermitted');

  return (
    <div className="page">
      <PageTitle>{title}</PageTitle>
      <RegistryNav />
      {refusal !== null ? (
        <RefusalNotice message={refusal} backTo={delegate ? `/delegates/${delegate.id}` : '/delegates'} backLabel={t('delegates.detail.backToList')} />
      ) : (
        <DelegateForm key={delegate?.id ?? 'new'} delegate={delegate} lookups={lookups} permissions={permissions} />
      )}
    </div>
  );
}

function fieldsOf(delegate: Delegate): DelegateFields {
  const { id: _id, hlc: _hlc, origin: _origin, deleted: _deleted, fieldStamps: _stamps, mergedIntoId: _merged, ...fields } = delegate;
  return fields;
}

/** "Нурлан бейшеналиев" → "Nurlan Beyshenaliev": a starting point the user can correct. */
function latinFromNative(native: string): string {
  return transliterate(native)
    .replace(/['’]/g, '')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(' ');
}

interface FormProps {
  delegate: Delegate | undefined;
  lookups: RegistryLookups;
  permissions: Permissions;
}

function DelegateForm({ delegate, lookups, permissions }: FormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const repositories = useRepositories();
  const navigate = useNavigate();
  const showToast = useToasts((state) => state.show);
  const { formRef, errors, busy, submit } = useRegistryForm();

  const initial = (): DelegateFields => {
    if (delegate) return fieldsOf(delegate);
    // A delegation mostly adds its own people.
    return { ...emptyDelegateFields(), countryId: permissions.actor?.countryId ?? null };
  };
  const [values, setValues] = useState<DelegateFields>(initial);
  const knownTags = commonLanguageTags as readonly string[];
  const [otherLanguages, setOtherLanguages] = useState(() => values.languages.filter((tag) => !knownTags.includes(tag)).join(', '));

  const set = <K extends keyof DelegateFields>(key: K, value: DelegateFields[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
  };
  /** A contact a sync file left out (no consent to share), still empty here: the field says so. */
  const withheld = (field: ContactField) => delegate !== undefined && values[field] === '' && contactWithheld(delegate, field);
  const withheldText = (field: ContactField) => (withheld(field) ? t('delegates.fields.contactWithheld') : undefined);

  /** The form's languages: checked common ones, then the typed ones (null when one is not a language). */
  const collectLanguages = (): { tags: string[]; bad: string | null } => {
    const tags = values.languages.filter((tag) => knownTags.includes(tag));
    for (const part of otherLanguages.split(/[;,]/).map((p) => p.trim()).filter(Boolean)) {
      const tag = resolveLanguage(part);
      if (tag === null) return { tags, bad: part };
      tags.push(tag);
    }
    return { tags, bad: null };
  };

  const save = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const languages = collectLanguages();
    const fields = normalizeDelegateFields({ ...values, languages: languages.tags });
    const issues: DelegateIssue[] = validateDelegateFields(fields);
    if (languages.bad !== null) issues.push({ path: 'languages', code: 'languageInvalid', params: { value: languages.bad } });
    await submit(issues, async () => {
      const saved = await repositories.delegates.save({ ...fields, ...(delegate ? { id: delegate.id } : {}) });
      showToast('info', t('delegates.form.saved'));
      void navigate(`/delegates/${saved.id}`);
    });
  };

  const toggle = <T extends string>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...list, item] : list.filter((x) => x !== item));
  const organizationsByCountry = groupOrganizations(lookups, language, t('delegates.form.international'));

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(event) => void save(event)}>
      <div className="form-grid">
        <TextField
          spellCheck={false}
          label={t('delegates.fields.nameNative')}
          hint={t('delegates.fields.nameNativeHint')}
          value={values.nameNative}
          dir="auto"
          error={errors.nameNative}
          onChange={(v) => {
            set('nameNative', v);
          }}
        />
        <TextField
          spellCheck={false}
          label={t('delegates.fields.nameLatin')}
          hint={t('delegates.fields.nameLatinHint')}
          value={values.nameLatin}
          dir="ltr"
          lang="en"
          error={errors.nameLatin}
          onChange={(v) => {
            set('nameLatin', v);
          }}
        >
          <button
            type="button"
            className="secondary"
            disabled={values.nameNative.trim() === ''}
            onClick={() => {
              set('nameLatin', latinFromNative(values.nameNative));
            }}
          >
            {t('delegates.form.transliterate')}
          </button>
        </TextField>
        <TextField
          spellCheck={false}
          label={t('delegates.fields.honorific')}
          hint={t('delegates.fields.honorificHint')}
          value={values.honorific}
          error={errors.honorific}
          onChange={(v) => {
            set('honorific', v);
          }}
        />
        <span />
        <TextField
          spellCheck={false}
          label={t('delegates.fields.positionEn')}
          value={values.position.en}
          lang="en"
          error={errors['position.en']}
          onChange={(v) => {
            set('position', { ...values.position, en: v });
          }}
        />
        <TextField
          spellCheck={false}
          label={t('delegates.fields.positionRu')}
          value={values.position.ru}
          lang="ru"
          error={errors['position.ru']}
          onChange={(v) => {
            set('position', { ...values.position, ru: v });
          }}
        />
        <SelectField
          label={t('delegates.fields.country')}
          value={values.countryId ?? ''}
          error={errors.countryId}
          onChange={(v) => {
            set('countryId', v === '' ? null : v);
          }}
        >
          <option value="">{t('delegates.form.noCountry')}</option>
          {lookups.countries.map((country) => (
            <option key={country.id} value={country.id}>
              {pick(country.name, language)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('delegates.fields.organization')}
          value={values.organizationId ?? ''}
          error={errors.organizationId}
          hint={t('delegates.fields.organizationHint')}
          onChange={(v) => {
            set('organizationId', v === '' ? null : v);
          }}
        >
          <option value="">{t('delegates.form.noOrganization')}</option>
          {organizationsByCountry.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organizationLabel(organization, language)}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <TextField
          spellCheck={false}
          label={t('delegates.fields.email')}
          hint={withheld('email') || withheld('phone') ? t('delegates.fields.contactWithheldHint') : undefined}
          placeholder={withheldText('email')}
          type="email"
          dir="ltr"
          value={values.email}
          error={errors.email}
          onChange={(v) => {
            set('email', v);
          }}
        />
        <TextField
          spellCheck={false}
          label={t('delegates.fields.phone')}
          hint={t('delegates.fields.phoneHint')}
          placeholder={withheldText('phone')}
          type="tel"
          dir="ltr"
          value={values.phone}
          error={errors.phone}
          onChange={(v) => {
            set('phone', v);
          }}
        />
      </div>

      <fieldset className="field">
        <legend>{t('delegates.fields.roles')}</legend>
        <div className="checkbox-grid">
          {delegateRoles.map((role) => (
            <label key={role} className="choice">
              <input
                type="checkbox"
                checked={values.roles.includes(role)}
                onChange={(event) => {
                  set('roles', toggle(values.roles, role, event.target.checked));
                }}
              />
              {t(`delegates.roles.${role}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="field">
        <legend>{t('delegates.fields.languages')}</legend>
        <div className="checkbox-grid">
          {commonLanguageTags.map((tag) => (
            <label key={tag} className="choice">
              <input
                type="checkbox"
                checked={values.languages.includes(tag)}
                onChange={(event) => {
                  set('languages', toggle(values.languages, tag, event.target.checked));
                }}
              />
              {languageName(tag, language)}
            </label>
          ))}
        </div>
        <TextField
          spellCheck={false}
          label={t('delegates.fields.otherLanguages')}
          hint={t('delegates.fields.otherLanguagesHint')}
          value={otherLanguages}
          error={errors.languages}
          onChange={setOtherLanguages}
        />
      </fieldset>

      <TextField
        label={t('delegates.fields.notes')}
        multiline
        value={values.notes}
        error={errors.notes}
        onChange={(v) => {
          set('notes', v);
        }}
      />

      <fieldset className="field">
        <legend>{t('delegates.fields.consent')}</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={values.consentPrintContacts}
            onChange={(event) => {
              set('consentPrintContacts', event.target.checked);
            }}
          />
          {t('delegates.fields.consentPrint')}
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={values.consentShareContacts}
            onChange={(event) => {
              set('consentShareContacts', event.target.checked);
            }}
          />
          {t('delegates.fields.consentShare')}
        </label>
      </fieldset>

      <SaveActions busy={busy} cancelTo={delegate ? `/delegates/${delegate.id}` : '/delegates'} />
    </form>
  );
}

/** Organizations grouped by country (international ones last), for <optgroup>s. */
function groupOrganizations(lookups: RegistryLookups, language: 'en' | 'ru', internationalLabel: string) {
  const groups = new Map<string, { label: string; organizations: RegistryLookups['organizations'] }>();
  for (const organization of lookups.organizations) {
    const key = organization.countryId ?? '';
    let group = groups.get(key);
    if (!group) {
      const country = organization.countryId === null ? undefined : lookups.countryById.get(organization.countryId);
      group = { label: country ? pick(country.name, language) : internationalLabel, organizations: [] };
      groups.set(key, group);
    }
    group.organizations.push(organization);
  }
  return [...groups.entries()]
    .sort(([a, x], [b, y]) => (a === '' ? 1 : b === '' ? -1 : x.label.localeCompare(y.label, language)))
    .map(([, group]) => group);
}
