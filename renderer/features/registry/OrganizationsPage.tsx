/**
 * Organizations people belong to: customs services, ministries, international
 * organizations (WCO, OSCE, WTO), donor agencies, the private sector; with their country
 * and the number of people in the registry from each.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pick } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { countryLabel, RegistryNav, useLanguage, usePermissions, useRegistryLookups } from '../delegates/ui';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const repositories = useRepositories();
  const permissions = usePermissions();
  const lookups = useRegistryLookups();
  const counts = useLiveQuery(() => repositories.organizations.peopleCounts(), [repositories]);
  if (lookups === undefined || counts === undefined || permissions === undefined) return <p aria-busy="true">{t('common.loading')}</p>;

  return (
    <div className="page">
      <PageTitle>{t('delegates.organizations.title')}</PageTitle>
      <RegistryNav />
      {permissions.editOrganizations && (
        <div className="registry-toolbar">
          <Link className="button" to="/delegates/organizations/new">
            {t('delegates.organizations.add')}
          </Link>
        </div>
      )}
      {lookups.organizations.length === 0 ? (
        <div className="empty-state">
          <p>{t('delegates.organizations.empty')}</p>
        </div>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('delegates.organizations.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('delegates.organizations.name')}</th>
              <th scope="col">{t('delegates.organizations.acronym')}</th>
              <th scope="col">{t('delegates.organizations.country')}</th>
              <th scope="col">{t('delegates.organizations.kind')}</th>
              <th scope="col" className="number">
                {t('delegates.organizations.people')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lookups.organizations.map((organization) => (
              <tr key={organization.id}>
                <th scope="row">
                  <Link to={`/delegates/organizations/${organization.id}`}>{pick(organization.name, language)}</Link>
                </th>
                <td>{organization.acronym}</td>
                <td>{countryLabel(lookups, organization.countryId, language) || <span className="muted">{t('delegates.organizations.international')}</span>}</td>
                <td>{t(`delegates.organizationKinds.${organization.kind}`)}</td>
                <td className="number">{counts.get(organization.id) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
