/**
 * Countries and their status in the group (member, observer, non-member), with the number
 * of people from each. The secretariat edits names and membership and adds countries;
 * everyone else reads.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { RegistryNav, usePermissions } from '../delegates/ui';

export function CountriesPage() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const permissions = usePermissions();
  const data = useLiveQuery(async () => {
    const [countries, counts] = await Promise.all([repositories.countries.list(), repositories.countries.peopleCounts()]);
    return { countries, counts };
  }, [repositories]);
  if (data === undefined || permissions === undefined) return <p aria-busy="true">{t('common.loading')}</p>;

  return (
    <div className="page">
      <PageTitle>{t('delegates.countries.title')}</PageTitle>
      <RegistryNav />
      <p className="hint">{permissions.editCountries ? t('delegates.countries.intro') : t('delegates.countries.readOnly')}</p>
      {permissions.editCountries && (
        <div className="registry-toolbar">
          <Link className="button" to="/delegates/countries/new">
            {t('delegates.countries.add')}
          </Link>
        </div>
      )}
      <table className="data-table">
        <caption className="visually-hidden">{t('delegates.countries.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('delegates.countries.nameEn')}</th>
            <th scope="col">{t('delegates.countries.nameRu')}</th>
            <th scope="col">{t('delegates.countries.code')}</th>
            <th scope="col">{t('delegates.countries.membership')}</th>
            <th scope="col" className="number">
              {t('delegates.countries.people')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.countries.map((country) => (
            <tr key={country.id}>
              <th scope="row" lang="en">
                {permissions.editCountries ? <Link to={`/delegates/countries/${country.id}`}>{country.name.en}</Link> : country.name.en}
              </th>
              <td lang="ru">{country.name.ru}</td>
              <td>{country.id}</td>
              <td>{t(`membership.${country.membership}`)}</td>
              <td className="number">{data.counts.get(country.id) ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
