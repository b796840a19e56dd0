/**
 * Choosing delegates by typing: an ARIA combobox (input + listbox) that filters the
 * registry by name in either script, organization or country. Arrow keys move through the
 * matches, Enter takes one, Escape clears; a mouse click works too. PeoplePicker adds the
 * list of people already chosen, each with a Remove button.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPeople, type PersonOption } from './useRegistry';

const MAX_RESULTS = 8;

interface ComboboxProps {
  label: string;
  options: readonly PersonOption[];
  /** Ids shown as already chosen (still listed, marked, and not taken again). */
  chosen?: ReadonlySet<string>;
  onPick: (option: PersonOption) => void;
  hint?: string;
  id?: string;
  invalid?: boolean;
  describedBy?: string;
  /** How an already chosen person is marked in the list. */
  alreadyLabel?: string;
  /** Pass already chosen people to onPick too (it says they are there), instead of ignoring them. */
  pickChosen?: boolean;
}

export function DelegateCombobox({ label, options, chosen, onPick, hint, id, invalid, describedBy, alreadyLabel, pickChosen }: ComboboxProps) {
  const { t } = useTranslation();
  const ownId = useId();
  const inputId = id ?? `${ownId}-input`;
  const listId = `${ownId}-list`;
  const hintId = `${ownId}-hint`;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => matchPeople(options, query).slice(0, MAX_RESULTS), [options, query]);
  const open = query.trim() !== '';
  const activeOption = matches[Math.min(active, matches.length - 1)];

  const take = (option: PersonOption | undefined) => {
    if (!option || (chosen?.has(option.id) && !pickChosen)) return;
    onPick(option);
    setQuery('');
    setActive(0);
  };

  return (
    <div className="m-combobox field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && activeOption ? `${listId}-${activeOption.id}` : undefined}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={[describedBy, hint ? hintId : null].filter(Boolean).join(' ') || undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          switch (event.key) {
            case 'ArrowDown':
              event.preventDefault();
              setActive((index) => Math.min(index + 1, Math.max(0, matches.length - 1)));
              break;
            case 'ArrowUp':
              event.preventDefault();
              setActive((index) => Math.max(index - 1, 0));
              break;
            case 'Enter':
              // Enter takes the highlighted person instead of submitting the surrounding form.
              if (open) {
                event.preventDefault();
                take(activeOption);
              }
              break;
            case 'Escape':
              if (query !== '') {
                event.preventDefault();
                event.stopPropagation();
                setQuery('');
              }
              break;
            default:
              break;
          }
        }}
      />
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label={t('meetings.picker.results')} className={open ? 'm-combobox-list' : 'm-combobox-list m-hidden'}>
        {open &&
          matches.map((option) => {
            const already = chosen?.has(option.id) ?? false;
            return (
              <li
                key={option.id}
                id={`${listId}-${option.id}`}
                role="option"
                aria-selected={option === activeOption}
                aria-disabled={already ? true : undefined}
                className={option === activeOption ? 'm-active' : undefined}
                onMouseDown={(event) => {
                  // Keep focus in the input, so typing can go on after a click.
                  event.preventDefault();
                }}
                onClick={() => {
                  take(option);
                }}
              >
                <span className="m-person-name">{option.name}</span>
                {option.detail && <span className="hint"> · {option.detail}</span>}
                {already && <span className="hint"> ({alreadyLabel ?? t('meetings.picker.already')})</span>}
              </li>
            );
          })}
      </ul>
      {open && matches.length === 0 && (
        <p className="hint" role="status">
          {t('meetings.picker.noMatch', { query: query.trim() })}
        </p>
      )}
    </div>
  );
}

interface PickerProps {
  legend: string;
  addLabel: string;
  options: readonly PersonOption[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** Name of a chosen id that is not among the options (deleted from the registry). */
  fallbackName: string;
  error?: string;
  errorId?: string;
  inputId?: string;
}

/** Several people for one role (moderators, speakers): the chosen, then a combobox to add more. */
export function PeoplePicker({ legend, addLabel, options, value, onChange, fallbackName, error, errorId, inputId }: PickerProps) {
  const { t } = useTranslation();
  const byId = useMemo(() => new Map(options.map((option) => [option.id, option])), [options]);
  const chosen = useMemo(() => new Set(value), [value]);
  return (
    <fieldset className="field m-people-picker">
      <legend>{legend}</legend>
      {value.length === 0 ? (
        <p className="hint">{t('meetings.picker.nobody')}</p>
      ) : (
        <ul className="m-chosen-people">
          {value.map((id) => {
            const name = byId.get(id)?.name ?? fallbackName;
            return (
              <li key={id}>
                <span>{name}</span>
                <button
                  type="button"
                  className="small secondary"
                  aria-label={t('meetings.picker.remove', { name })}
                  onClick={() => {
                    onChange(value.filter((other) => other !== id));
                  }}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <DelegateCombobox
        label={addLabel}
        options={options}
        chosen={chosen}
        hint={t('meetings.picker.hint')}
        {...(inputId ? { id: inputId } : {})}
        {...(error ? { invalid: true } : {})}
        {...(errorId && error ? { describedBy: errorId } : {})}
        onPick={(option) => {
          onChange([...value, option.id]);
        }}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
