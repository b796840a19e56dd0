/**
 * The meetings' addressing on top of the shared form kit (app/forms.tsx): a field is named
 * by the form's prefix and its path (the DOM id, e.g. "meeting-title-en"), and its error is
 * read from the form's errors map; bilingual pairs; selects of an enum; validation problems
 * as translated messages per field; the check-then-save submit every form shares.
 */
import { useTranslation } from 'react-i18next';
import { useState, type ComponentProps } from 'react';
import type { FieldIssue } from '../../../shared/meetings/validation';
import type { Bilingual } from '../../../shared/model';
import { errorsByPath, SelectField, TextField, type FieldErrors } from '../../app/forms';
import { ValidationError } from '../../db';
import { MeetingValidationError } from '../../db';
import { showError } from '../../stores/toasts';

export type { FieldErrors } from '../../app/forms';

type Translate = ReturnType<typeof useTranslation>['t'];

export function issuesToErrors(issues: readonly FieldIssue[], t: Translate): FieldErrors {
  return errorsByPath(issues, (issue) => t(`meetings.errors.${issue.key}`, issue.values ?? {}));
}

/**
 * The per-field messages of a refused save, or null when the error is not a validation
 * problem (those go to a toast). Schema problems the forms do not check themselves keep
 * the repository's message.
 */
export function errorsFromException(error: unknown, t: Translate): FieldErrors | null {
  if (error instanceof MeetingValidationError) return issuesToErrors(error.details, t);
  if (error instanceof ValidationError) return errorsByPath(error.issues, (issue) => issue.message);
  return null;
}

/** DOM id of a field: one prefix per form, the path with dots as dashes. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\./g, '-')}`;
}

/**
 * Focuses the first field with an error, in document order, at once: the ids are known
 * before React renders the errors, and a general error ('') has no field.
 */
export function focusFirstError(prefix: string, errors: FieldErrors): void {
  const elements = Object.keys(errors)
    .map((path) => document.getElementById(fieldId(prefix, path)))
    .filter((element): element is HTMLElement => element !== null);
  elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  elements[0]?.focus();
}

interface Addressed {
  prefix: string;
  path: string;
  errors: FieldErrors;
}

type SelectInputProps = Addressed & Omit<ComponentProps<typeof SelectField>, 'id' | 'error'>;

/** The shared select field, addressed by prefix and path. */
export function SelectInput({ prefix, path, errors, ...field }: SelectInputProps) {
  return <SelectField id={fieldId(prefix, path)} error={errors[path]} {...field} />;
}

type TextInputProps = Addressed & Omit<ComponentProps<typeof TextField>, 'id' | 'error' | 'rows'>;

/** The shared text field, addressed by prefix and path; text areas of three lines. */
export function TextInput({ prefix, path, errors, ...field }: TextInputProps) {
  return <TextField id={fieldId(prefix, path)} error={errors[path]} rows={3} {...field} />;
}

type EnumSelectProps<V extends string> = Omit<SelectInputProps, 'value' | 'onChange' | 'children'> & {
  /** The enum's values, in the order offered. */
  values: readonly V[];
  value: V;
  /** The translated label of a value. */
  optionLabel: (value: V) => string;
  onChange: (value: V) => void;
};

/** A select of one of an enum's values, each shown by its translated label. */
export function EnumSelect<V extends string>({ values, value, optionLabel, onChange, ...field }: EnumSelectProps<V>) {
  return (
    <SelectInput
      {...field}
      value={value}
      onChange={(chosen) => {
        // Only the enum's values are offered; finding the chosen one keeps its type.
        const found = values.find((candidate) => candidate === chosen);
        if (found !== undefined) onChange(found);
      }}
    >
      {values.map((option) => (
        <option key={option} value={option}>
          {optionLabel(option)}
        </option>
      ))}
    </SelectInput>
  );
}

/**
 * The submit of a form addressed by `prefix`: the local check's errors are shown (the first
 * field focused) and stop the save; a save the repository refuses shows its errors the same
 * way, any other failure a toast. `busy` is true while saving.
 */
export function useFormSubmit(prefix: string) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const run = async (found: FieldErrors, save: () => Promise<void>) => {
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(prefix, found);
      return;
    }
    setBusy(true);
    try {
      await save();
    } catch (error) {
      const refused = errorsFromException(error, t);
      if (refused) {
        setErrors(refused);
        focusFirstError(prefix, refused);
      } else showError(error);
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, run };
}

interface BilingualInputProps extends Addressed {
  /** The field's name, e.g. "Title": labels read "Title in English", "Title in Russian". */
  field: string;
  value: Bilingual;
  onChange: (value: Bilingual) => void;
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
