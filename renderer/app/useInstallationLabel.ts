/** "Name · Role" for the header, with the delegation's country in the UI language. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Installation } from '../../shared/model';
import { pick } from './format';
import { currentLanguage } from './i18n';
import { useRepositories } from './RepositoriesContext';

export function useInstallationLabel(installation: Installation | undefined): string | null {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const countries = useLiveQuery(() => repositories.countries.list(), [repositories]);
  if (!installation) return null;
  let role: string = t('roles.secretariat');
  if (installation.role === 'delegation') {
    const country = countries?.find((c) => c.id === installation.countryId);
    role = country ? t('roles.delegationOf', { country: pick(country.name, currentLanguage()) }) : t('roles.delegation');
  }
  return t('app.installationBadge', { name: installation.displayName, role });
}
