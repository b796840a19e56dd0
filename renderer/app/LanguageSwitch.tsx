/** The UI language choice, remembered on this computer. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../stores/toasts';
import { changeLanguage, currentLanguage, supportedLanguages, type Language } from './i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={currentLanguage()}
        onChange={(event) => {
          changeLanguage(event.target.value as Language).catch(showError);
        }}
      >
        {supportedLanguages.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`languages.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
