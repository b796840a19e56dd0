/**
 * Small form building blocks of the meetings area: labelled fields with inline errors
 * (aria-invalid, aria-describedby), bilingual pairs, and the mapping of validation
 * problems to translated messages per field.
 */
import { useTranslation } from 'react-i18next';
import type { ReactNode, Ref } from 'react';
import type { FieldIssue } from '../../../shared/meetings/validation';
import type { Bilingual } from '../../../shared/model';
import { ValidationError } from '../../db';
import { MeetingValidationError } from '../../db';

/** Field path → translated message. */
export type FieldErrors = Readonly<Record<string, string>>;

type Translate = ReturnType<typeof useTranslation>['t'];

export function issuesToErrors(issues: readonly FieldIssue[], t: Translate): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    errors[issue.path] ??= t(`meetings.errors.${issue.key}`, issue.values ?? {});
  }
  return errors;
}

/**
 * The per-field messages of a refused save, or null when the error is not a validation
 * problem (those go to a toast). Schema problems the forms do not check themselves keep
 * the repository's message.
 */
export function errorsFromException(error: unknown, t: Translate): FieldErrors | null {
  if (error instanceof MeetingValidationError) return issuesToErrors(error.details, t);
  if (error instanceof ValidationError) {
    const errors: Record<string, string> = {};
    for (const issue of error.issues) errors[issue.path] ??= issue.message;
    return errors;
  }
  return null;
}

/** DOM id of a field: one prefix per form, the path with dots as dashes. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\./g, '-')}`;
}

/** Focuses the first field with an error, in document order. */
export function focusFirstError(prefix: string, errors: FieldErrors): void {
  const elements = Object.keys(errors)
    .map((path) => document.getElementById(fieldId(prefix, path)))
    .filter((element): element is HTMLElement => element !== null);
  elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  elements[0]?.focus();
}

interface FieldProps {
  prefix: string;
  path: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  children: (props: {
    id: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
  className?: string;
}

/** A label, the control (given its accessibility props), an optional hint and the field's error. */
export function Field({ prefix, path, label, errors, hint, children, className }: FieldProps) {
  const id = fieldId(prefix, path);
  const error = errors[path];
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
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

interface TextInputProps {
  prefix: string;
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
  hint?: string;
  multiline?: boolean;
  type?: 'text' | 'date' | 'search';
  inputRef?: Ref<HTMLInputElement>;
  lang?: string;
  className?: string;
  inputMode?: 'numeric' | 'text';
  placeholder?: string;
}

export function TextInput({ prefix, path, label, value, onChange, errors, hint, multiline, type = 'text', inputRef, lang, className, inputMode, placeholder }: TextInputProps) {
  return (
    <Field prefix={prefix} path={path} label={label} errors={errors} className={className} {...(hint ? { hint } : {})}>
      {(props) =>
        multiline ? (
          <textarea
            {...props}
            lang={lang}
            rows={3}
            value={value}
            onChange={(event) => {
              onChange(event.target.value);
            }}
          />
        ) : (
          <input
            {...props}
            ref={inputRef}
            lang={lang}
            type={type}
            autoComplete="off"
            inputMode={inputMode}
            placeholder={placeholder}
            value={value}
            onChange={(event) => {
              onChange(event.target.value);
            }}
          />
        )
      }
    </Field>
  );
}

interface BilingualInputProps {
  prefix: string;
  path: string;
  /** The field's name, e.g. "Title": labels read "Title in English", "Title in Russian". */
  field: string;
  value: Bilingual;
  onChange: (value: Bilingual) => void;
  errors: FieldErrors;
  multiline?: boolean;
  hint?: string;
}

/** The English and Russian boxes of one field, side by side. */
export function BilingualInput({ prefix, path, field, value, onChange, errors, multiline, hint }: BilingualInputProps) {
  const { t } = useTranslation();
  return (
    <div className="m-bilingual">
      {(['en', 'ru'] as const).map((language) => (
        <TextInput
          key={language}
          prefix={prefix}
          path={`${path}.${language}`}
          label={t(`meetings.inLanguage.${language}`, { field })}
          value={value[language]}
          lang={language}
          multiline={multiline ?? false}
          errors={errors}
          {...(hint && language === 'en' ? { hint } : {})}
          onChange={(text) => {
            onChange({ ...value, [language]: text });
          }}
        />
      ))}
    </div>
  );
}

/** The message above a form whose save was refused (announced, so screen readers hear it). */
export function FormAlert({ errors, message }: { errors: FieldErrors; message: string }) {
  const general = errors[''];
  if (Object.keys(errors).length === 0) return null;
  return (
    <div role="alert" className="m-form-alert">
      <p>{message}</p>
      {general && <p>{general}</p>}
    </div>
  );
}
