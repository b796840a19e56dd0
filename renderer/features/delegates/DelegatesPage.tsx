/** The delegate registry, read-only: names in both scripts, country, organization, position. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';

export function DelegatesPage() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const data = useLiveQuery(async () => {
    const [delegates, countries, organizations] = await Promise.all([
      repositories.delegates.list(),
      repositories.countries.list(),
      repositories.organizations.list(),
    ]);
    return {
      delegates,
      countries: new Map(countries.map((c) => [c.id, c])),
      organizations: new Map(organizations.map((o) => [o.id, o])),
    };
  }, [repositories]);
  if (data === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  const language = currentLanguage();

  return (
    <div className="page">
      <PageTitle>{t('delegates.title')}</PageTitle>
      {data.delegates.length === 0 ? (
        <div className="empty-state">
          <p>{t('delegates.empty')}</p>
          <p className="hint">{t('delegates.emptyHint')}</p>
        </div>
      ) : (
        <>
          <p className="hint">{t('delegates.countLabel', { count: data.delegates.length })}</p>
          <table className="data-table">
            <caption className="visually-hidden">{t('delegates.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('delegates.columns.name')}</th>
                <th scope="col">{t('delegates.columns.nativeName')}</th>
                <th scope="col">{t('delegates.columns.country')}</th>
                <th scope="col">{t('delegates.columns.organization')}</th>
                <th scope="col">{t('delegates.columns.position')}</th>
              </tr>
            </thead>
            <tbody>
              {data.delegates.map((delegate) => {
                const country = delegate.countryId ? data.countries.get(delegate.countryId) : undefined;
                const organization = delegate.organizationId ? data.organizations.get(delegate.organizationId) : undefined;
                return (
                  <tr key={delegate.id}>
                    <th scope="row">{delegate.nameLatin}</th>
                    <td dir="auto">{delegate.nameNative}</td>
                    <td>{country ? pick(country.name, language) : ''}</td>
                    <td>{organization ? pick(organization.name, language) : ''}</td>
                    <td>{pick(delegate.position, language)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
