/** Title (English and Russian) and parties of an MoU: creating a new one, or editing them (secretariat). */
import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../shared/model';
import { validateDocument, type DocumentInput } from '../../../shared/mou/validation';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { focusFirstInvalid, TextField } from '../../app/forms';
import { useIssues, useShowMouError } from './ui';

export function DocumentForm({
  title,
  initial,
  countries,
  submitLabel,
  onSave,
  onCancel,
}: {
  title: string;
  initial: DocumentInput;
  countries: Country[];
  submitLabel: string;
  onSave: (input: DocumentInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [value, setValue] = useState<DocumentInput>(initial);
  const [busy, setBusy] = useState(false);
  const issues = useIssues();
  const showMouError = useShowMouError();
  const formRef = useRef<HTMLFormElement>(null);
  const partiesId = useId();
  const partiesError = issues.code('partyCountryIds');

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateDocument(value);
    issues.setIssues(found);
    if (found.length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      await onSave(value);
    } catch (error) {
      if (issues.absorb(error)) focusFirstInvalid(formRef.current);
      else showMouError(error);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string, checked: boolean) => {
    const ids = checked ? [...value.partyCountryIds, id] : value.partyCountryIds.filter((other) => other !== id);
    setValue({ ...value, partyCountryIds: ids });
  };

  return (
    <form ref={formRef} className="form editor-panel" noValidate aria-label={title} onSubmit={(event) => void submit(event)}>
      <h2>{title}</h2>
      <TextField
        label={t('mou.documentForm.titleEn')}
        lang="en"
        inputClassName="wide"
        value={value.title.en}
        error={issues.message('title.en')}
        onChange={(en) => {
          setValue({ ...value, title: { ...value.title, en } });
        }}
      />
      <TextField
        label={t('mou.documentForm.titleRu')}
        lang="ru"
        inputClassName="wide"
        value={value.title.ru}
        error={issues.message('title.ru')}
        onChange={(ru) => {
          setValue({ ...value, title: { ...value.title, ru } });
        }}
      />
      <fieldset
        className="field"
        aria-invalid={partiesError ? true : undefined}
        aria-describedby={partiesError ? `${partiesId}-error ${partiesId}-hint` : `${partiesId}-hint`}
      >
        <legend>{t('mou.documentForm.parties')}</legend>
        <p id={`${partiesId}-hint`} className="hint">
          {t('mou.documentForm.partiesHint')}
        </p>
        <div className="checks">
          {countries.map((country, index) => (
            <label key={country.id} className="choice">
              <input
                type="checkbox"
                checked={value.partyCountryIds.includes(country.id)}
                aria-invalid={partiesError && index === 0 ? true : undefined}
                onChange={(event) => {
                  toggle(country.id, event.target.checked);
                }}
              />
              {pick(country.name, language)}
            </label>
          ))}
        </div>
        {partiesError && (
          <p id={`${partiesId}-error`} className="field-error">
            {t(`mou.errors.${partiesError}`)}
          </p>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
