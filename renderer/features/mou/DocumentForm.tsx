/** Title (English and Russian) and parties of an MoU: creating a new one, or editing them (secretariat). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../shared/model';
import { validateDocument, type DocumentInput } from '../../../shared/mou/validation';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { TextField } from '../../app/forms';
import { SaveCancel, useCheckedSubmit } from './ui';

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
  const { busy, issues, formRef, submit } = useCheckedSubmit();
  const partiesId = useId();
  const partiesError = issues.code('partyCountryIds');

  const toggle = (id: string, checked: boolean) => {
    const ids = checked ? [...value.partyCountryIds, id] : value.partyCountryIds.filter((other) => other !== id);
    setValue({ ...value, partyCountryIds: ids });
  };

  return (
    <form ref={formRef} className="form editor-panel" noValidate aria-label={title} onSubmit={(event) => void submit(event, () => validateDocument(value), () => onSave(value))}>
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
      <SaveCancel busy={busy} saveLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
