/**
 * The renderer's one form kit: a labelled field whose hint and error are tied to its control
 * (aria-describedby, the error first so it is read first; aria-invalid while it is wrong),
 * text and select fields built on it, per-field messages from validation problems, and
 * focusing the first invalid control after a refused save. Areas add only their own
 * addressing and messages on top (e.g. the meetings' prefix/path ids).
 */
import { useId, type HTMLAttributes, type ReactNode, type Ref } from 'react';

/** Field path → message in the UI language; '' holds a problem of the whole form. */
export type FieldErrors = Readonly<Record<string, string>>;

/** The first message for each path (the most specific problem is listed first). */
export function errorsByPath<I extends { path: string }>(issues: readonly I[], message: (issue: I) => string): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path] ??= message(issue);
  return errors;
}

/**
 * Focuses the first control in `root` that is marked invalid. Waits a frame, so it sees the
 * aria-invalid that React renders for errors set just before.
 */
export function focusFirstInvalid(root: HTMLElement | null): void {
  requestAnimationFrame(() => {
    root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}

/** What a control needs from its field to be labelled and described. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  /** The message shown under the control, or undefined while the value is fine. */
  error?: string | undefined;
  hint?: string | undefined;
  /** The control's DOM id; a unique one is made when not given. */
  id?: string | undefined;
  /** Extra classes of the field's box. */
  className?: string | undefined;
  children: (props: ControlProps) => ReactNode;
}

/** A label, the control (given its accessibility props), an optional hint and the error. */
export function Field({ label, error, hint, id: givenId, className, children }: FieldProps) {
  const madeId = useId();
  const id = givenId ?? madeId;
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
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

interface TextFieldProps extends Omit<FieldProps, 'children'> {
  value: string;
  onChange: (value: string) => void;
  /** A text area instead of a one-line input. */
  multiline?: boolean | undefined;
  /** Lines of a text area. */
  rows?: number | undefined;
  type?: 'text' | 'date' | 'search' | 'email' | 'tel' | undefined;
  lang?: string | undefined;
  dir?: 'auto' | 'ltr' | 'rtl' | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
  readOnly?: boolean | undefined;
  disabled?: boolean | undefined;
  maxLength?: number | undefined;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  placeholder?: string | undefined;
  /** Off for names, codes and addresses, which are not dictionary words; text areas check by default. */
  spellCheck?: boolean | undefined;
  /** Classes of the control itself (className styles the field's box). */
  inputClassName?: string | undefined;
  /** Controls beside the input, in one row (e.g. a button that fills it in). */
  children?: ReactNode;
}

/** A labelled one-line input or text area with its hint and error. */
export function TextField({
  value,
  onChange,
  multiline,
  rows = 4,
  type = 'text',
  lang,
  dir,
  inputRef,
  readOnly,
  disabled,
  maxLength,
  inputMode,
  placeholder,
  spellCheck,
  inputClassName,
  children,
  ...field
}: TextFieldProps) {
  return (
    <Field {...field}>
      {(props) => {
        const common = { ...props, className: inputClassName, value, lang, dir, readOnly, disabled, maxLength, placeholder };
        const control = multiline ? (
          <textarea
            {...common}
            rows={rows}
            spellCheck={spellCheck ?? true}
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
            inputMode={inputMode}
            spellCheck={spellCheck}
            onChange={(event) => {
              onChange(event.target.value);
            }}
          />
        );
        return children ? (
          <div className="field-row">
            {control}
            {children}
          </div>
        ) : (
          control
        );
      }}
    </Field>
  );
}

interface SelectFieldProps extends Omit<FieldProps, 'children'> {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean | undefined;
  /** The <option>s and <optgroup>s. */
  children: ReactNode;
}

/** A labelled drop-down list with its hint and error. */
export function SelectField({ value, onChange, disabled, children, ...field }: SelectFieldProps) {
  return (
    <Field {...field}>
      {(props) => (
        <select
          {...props}
          value={value}
          disabled={disabled}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        >
          {children}
        </select>
      )}
    </Field>
  );
}
