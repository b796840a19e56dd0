/** First run: the installation gets its name and role before anything else can happen. */
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { InstallationForm } from '../settings/InstallationForm';

export function FirstRunPage() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  return (
    <div className="page narrow">
      <PageTitle>{t('firstRun.title')}</PageTitle>
      <p className="lead">{t('firstRun.intro')}</p>
      <p className="hint">{t('firstRun.movingHint')}</p>
      <InstallationForm
        initial={{ displayName: '', role: 'secretariat', countryId: null }}
        submitLabel={t('firstRun.submit')}
        onSubmit={async (input) => {
          await repositories.installation.create(input);
        }}
      />
    </div>
  );
}
