/**
 * Building blocks of the registry screens: the registry's sub-navigation, who is looking
 * (permissions), countries and organizations by id, problem messages in the UI language,
 * and what the person, organization and country forms share (their check-then-save state,
 * the refusal notice, the two name fields, Save and Cancel, Delete after asking). Fields and
 * dialogs come from the app's form kit.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import type { CsvIssue } from '../../../shared/delegates/csv';
import type { RegistryIssue } from '../../../shared/delegates/registryValidation';
import type { Bilingual, Country, Organization } from '../../../shared/model';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { pick } from '../../app/format';
import { errorsByPath, focusFirstInvalid, TextField, type FieldErrors } from '../../app/forms';
import { currentLanguage, type Language } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { RegistryPermissionError, RegistryValidationError, type DelegatesRepository } from '../../db';
import { showError } from '../../stores/toasts';
import './delegates.css';

export type Permissions = Awaited<ReturnType<DelegatesRepository['permissions']>>;

/** What this installation may do in the registry; undefined while loading. */
export function usePermissions(): Permissions | undefined {
  const repositories = useRepositories();
  return useLiveQuery(() => repositories.delegates.permissions(), [repositories]);
}

export interface RegistryLookups {
  countries: Country[];
  organizations: Organization[];
  countryById: Map<string, Country>;
  organizationById: Map<string, Organization>;
}

/** Live countries and organizations; undefined while loading. */
export function useRegistryLookups(): RegistryLookups | undefined {
  const repositories = useRepositories();
  return useLiveQuery(async () => {
    const [countries, organizations] = await Promise.all([repositories.countries.list(), repositories.organizations.list()]);
    return {
      countries,
      organizations,
      countryById: new Map(countries.map((c) => [c.id, c])),
      organizationById: new Map(organizations.map((o) => [o.id, o])),
    };
  }, [repositories]);
}

export function countryLabel(lookups: RegistryLookups, id: string | null, language: Language): string {
  if (id === null) return '';
  const country = lookups.countryById.get(id);
  return country ? pick(country.name, language) : id;
}

export function organizationLabel(organization: Organization, language: Language): string {
  const name = pick(organization.name, language);
  const acronym = organization.acronym.trim();
  return acronym !== '' && acronym !== name ? `${acronym} — ${name}` : name;
}

/** The registry's own navigation: people, organizations, countries, duplicates, import. */
export function RegistryNav() {
  const { t } = useTranslation();
  const links = [
    { to: '/delegates', label: t('delegates.nav.people'), end: true },
    { to: '/delegates/organizations', label: t('delegates.nav.organizations'), end: false },
    { to: '/delegates/countries', label: t('delegates.nav.countries'), end: false },
    { to: '/delegates/duplicates', label: t('delegates.nav.duplicates'), end: false },
    { to: '/delegates/import', label: t('delegates.nav.import'), end: false },
  ];
  return (
    <nav className="registry-nav" aria-label={t('delegates.nav.label')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** One problem as a sentence in the UI language. */
export function useIssueText(): (issue: Pick<RegistryIssue, 'code' | 'params'> | CsvIssue) => string {
  const { t } = useTranslation();
  return (issue) => t(`delegates.issues.${issue.code}`, issue.params ?? {});
}

/** Shows a repository error as a toast, in the UI language when it is one of ours. */
export function useShowRegistryError(): (error: unknown) => void {
  const { t } = useTranslation();
  const text = useIssueText();
  return (error: unknown) => {
    if (error instanceof RegistryValidationError) showError(new Error(error.details.map(text).join(' ')));
    else if (error instanceof RegistryPermissionError) showError(new Error(t('delegates.errors.notPermitted')));
    else showError(error);
  };
}

type FormIssue = Pick<RegistryIssue, 'path' | 'code' | 'params'>;

/**
 * A registry form's state: one message beside each wrong field (the first of them focused),
 * busy while saving. `submit` shows the local check's problems, or saves; a refusal of the
 * repository is shown the same way, nothing is saved until every field is right.
 */
export function useRegistryForm() {
  const issueText = useIssueText();
  const showRegistryError = useShowRegistryError();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const showErrors = (issues: readonly FormIssue[]): boolean => {
    const found = errorsByPath(issues, issueText);
    setErrors(found);
    const wrong = Object.keys(found).length > 0;
    if (wrong) focusFirstInvalid(formRef.current);
    return wrong;
  };

  const submit = async (issues: readonly FormIssue[], save: () => Promise<void>): Promise<void> => {
    if (showErrors(issues)) return;
    setBusy(true);
    try {
      await save();
    } catch (error) {
      if (error instanceof RegistryValidationError) showErrors(error.details);
      else showRegistryError(error);
    } finally {
      setBusy(false);
    }
  };

  return { formRef, errors, busy, submit };
}

/** Why a page shows no form (no such record, not permitted), with the way back. */
export function RefusalNotice({ message, backTo, backLabel }: { message: string; backTo: string; backLabel: string }) {
  return (
    <div className="notice warning">
      <p>{message}</p>
      <p>
        <Link to={backTo}>{backLabel}</Link>
      </p>
    </div>
  );
}

/** A registry form's Save (saying so while it saves) and Cancel back to `cancelTo`; `children` adds actions. */
export function SaveActions({ busy, cancelTo, children }: { busy: boolean; cancelTo: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : t('common.save')}
      </button>
      <Link className="button secondary" to={cancelTo}>
        {t('common.cancel')}
      </Link>
      {children}
    </div>
  );
}

/** A country's or organization's name in English and Russian, one field each. */
export function NameFields({ labels, value, errors, onChange }: { labels: Bilingual; value: Bilingual; errors: FieldErrors; onChange: (name: Bilingual) => void }) {
  return (['en', 'ru'] as const).map((language) => (
    <TextField
      key={language}
      spellCheck={false}
      label={labels[language]}
      lang={language}
      value={value[language]}
      error={errors[`name.${language}`]}
      onChange={(text) => {
        onChange({ ...value, [language]: text });
      }}
    />
  ));
}

/**
 * A Delete button that asks first in a dialog (labelled `title`, saying `explanation`);
 * `remove` runs with the dialog's Delete disabled, and a refusal shows as a toast.
 */
export function DeleteButton({ label, title, explanation, remove }: { label: string; title: string; explanation: string; remove: () => Promise<void> }) {
  const showRegistryError = useShowRegistryError();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await remove();
    } catch (error) {
      showRegistryError(error);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setConfirming(true);
        }}
      >
        {label}
      </button>
      {confirming && (
        <ConfirmDialog
          title={title}
          confirmLabel={label}
          danger
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setConfirming(false);
          }}
        >
          <p>{explanation}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

export function useLanguage(): Language {
  // Re-rendered by useTranslation when the language changes.
  useTranslation();
  return currentLanguage();
}

/** Reports an error from an event handler promise as a toast. */
export function reportErrors(promise: Promise<unknown>): void {
  promise.catch(showError);
}
