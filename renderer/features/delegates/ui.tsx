/**
 * Building blocks of the registry screens: the registry's sub-navigation, who is looking
 * (permissions), countries and organizations by id, form fields with one error each,
 * problem messages in the UI language, and a confirmation dialog.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { CsvIssue } from '../../../shared/delegates/csv';
import type { RegistryIssue } from '../../../shared/delegates/registryValidation';
import type { Country, Organization } from '../../../shared/model';
import { pick } from '../../app/format';
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

/** Field path → message, from a local check or a RegistryValidationError. */
export type FieldErrors = Record<string, string>;

export function issuesToErrors(issues: readonly Pick<RegistryIssue, 'path' | 'code' | 'params'>[], text: ReturnType<typeof useIssueText>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path] ??= text(issue);
  return errors;
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

/** Focuses the first field (in form order) that has an error. */
export function focusFirstError(form: HTMLFormElement | null): void {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  invalid?.focus();
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'tel';
  dir?: 'auto' | 'ltr';
  lang?: string;
  multiline?: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
  readOnly?: boolean;
  maxLength?: number;
  children?: ReactNode;
}

/** A labelled text input with its hint and error tied to it (aria-describedby). */
export function TextField({ label, value, onChange, error, hint, type = 'text', dir, lang, multiline, inputRef, readOnly, maxLength, children }: TextFieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    dir,
    lang,
    readOnly,
    maxLength,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field-row">
        {multiline ? (
          <textarea
            {...common}
            rows={4}
            onChange={(event) => {
              onChange(event.target.value);
            }}
          />
        ) : (
          <input
            {...common}
            ref={inputRef}
            type={type}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              onChange(event.target.value);
            }}
          />
        )}
        {children}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  children: ReactNode;
}

export function SelectField({ label, value, onChange, error, hint, children }: SelectFieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {children}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation on the native <dialog>: the browser traps focus inside it, Escape
 * cancels, and focus returns to the button that opened it.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, busy, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
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
