/**
 * The delegate registry: a virtualized list of everyone, sortable by column, filtered by
 * country, role and organization, and searchable in either script ("Nurlan" finds
 * "Нурлан"). From here: add a person, export what is shown to CSV, open a person.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildListRows, filterRows, NONE, SearchIndex, sortRows, type DelegateListEntry } from '../../../shared/delegates/list';
import { delegateRoles, type DelegateRole } from '../../../shared/model';
import { pick } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { DelegateTable } from './DelegateTable';
import { ExportButton } from './ExportButton';
import { useListState } from './listState';
import { organizationLabel, RegistryNav, useLanguage, usePermissions, useRegistryLookups } from './ui';

/**
 * Search entries survive re-queries and visits: only new or changed records are
 * transliterated again, in idle time after the list is shown.
 */
const searchIndex = new SearchIndex();

/** The last list the live query returned in this window. */
const lastSeen: { delegates: DelegateListEntry[] | undefined } = { delegates: undefined };

export function DelegatesPage() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const language = useLanguage();
  const live = useLiveQuery(() => repositories.delegates.listEntries(), [repositories]);
  // Until the live query answers, the list seen last (the same database, a moment ago):
  // coming back from a person's page shows the list at once, where it was left.
  const delegates = live ?? lastSeen.delegates;
  useEffect(() => {
    if (live !== undefined) lastSeen.delegates = live;
  }, [live]);
  const lookups = useRegistryLookups();
  const permissions = usePermissions();
  const { filters, sortKey, sortDirection, setFilters, clearFilters, sortBy } = useListState();
  const ids = { search: useId(), searchHint: useId(), country: useId(), role: useId(), organization: useId() };

  const rows = useMemo(
    () => (delegates && lookups ? buildListRows(delegates, lookups.countryById, lookups.organizationById, language) : undefined),
    [delegates, lookups, language],
  );
  const sorted = useMemo(() => (rows ? sortRows(rows, sortKey, sortDirection, language) : undefined), [rows, sortKey, sortDirection, language]);
  const shown = useMemo(() => (sorted ? filterRows(sorted, filters, searchIndex) : undefined), [sorted, filters]);

  // Prepares the search entries in idle time, so the first keystroke finds them ready.
  useEffect(() => {
    if (!delegates) return;
    let handle = 0;
    const step = (deadline: IdleDeadline) => {
      if (!searchIndex.warm(delegates, () => deadline.timeRemaining() > 1)) handle = requestIdleCallback(step);
    };
    handle = requestIdleCallback(step);
    return () => {
      cancelIdleCallback(handle);
    };
  }, [delegates]);

  if (shown === undefined || lookups === undefined || delegates === undefined) {
    return <p aria-busy="true">{t('common.loading')}</p>;
  }
  const filtered = filters.query !== '' || filters.countryId !== '' || filters.role !== '' || filters.organizationId !== '';

  return (
    <div className="page wide">
      <PageTitle>{t('delegates.title')}</PageTitle>
      <RegistryNav />
      <div className="registry-toolbar">
        {permissions?.addPeople && (
          <Link className="button" to="/delegates/new">
            {t('delegates.list.add')}
          </Link>
        )}
        <span className="spacer" />
        <ExportButton ids={shown.map((row) => row.delegate.id)} lookups={lookups} />
      </div>

      {delegates.length === 0 ? (
        <div className="empty-state">
          <p>{t('delegates.empty')}</p>
          <p className="hint">{t('delegates.emptyHint')}</p>
        </div>
      ) : (
        <>
          <form
            role="search"
            className="registry-filters"
            aria-label={t('delegates.list.filtersLabel')}
            onSubmit={(event) => {
              event.preventDefault();
            }}
          >
            <div className="field">
              <label htmlFor={ids.search}>{t('delegates.list.search')}</label>
              <input
                id={ids.search}
                type="search"
                value={filters.query}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={ids.searchHint}
                onChange={(event) => {
                  setFilters({ query: event.target.value });
                }}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.country}>{t('delegates.list.country')}</label>
              <select
                id={ids.country}
                value={filters.countryId}
                onChange={(event) => {
                  setFilters({ countryId: event.target.value });
                }}
              >
                <option value="">{t('delegates.list.allCountries')}</option>
                {lookups.countries.map((country) => (
                  <option key={country.id} value={country.id}>
                    {pick(country.name, language)}
                  </option>
                ))}
                <option value={NONE}>{t('delegates.list.noCountry')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.role}>{t('delegates.list.role')}</label>
              <select
                id={ids.role}
                value={filters.role}
                onChange={(event) => {
                  setFilters({ role: event.target.value as DelegateRole | '' });
                }}
              >
                <option value="">{t('delegates.list.allRoles')}</option>
                {delegateRoles.map((role) => (
                  <option key={role} value={role}>
                    {t(`delegates.roles.${role}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.organization}>{t('delegates.list.organization')}</label>
              <select
                id={ids.organization}
                value={filters.organizationId}
                onChange={(event) => {
                  setFilters({ organizationId: event.target.value });
                }}
              >
                <option value="">{t('delegates.list.allOrganizations')}</option>
                {lookups.organizations.map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {organizationLabel(organization, language)}
                  </option>
                ))}
                <option value={NONE}>{t('delegates.list.noOrganization')}</option>
              </select>
            </div>
            <button type="button" className="secondary" disabled={!filtered} onClick={clearFilters}>
              {t('delegates.list.clearFilters')}
            </button>
            <p id={ids.searchHint} className="hint">
              {t('delegates.list.searchHint')}
            </p>
          </form>
          <p className="list-status" role="status">
            {filtered
              ? t('delegates.list.showing', { shown: shown.length.toLocaleString(language), count: delegates.length })
              : t('delegates.list.total', { count: delegates.length })}
          </p>
          {shown.length === 0 ? (
            <div className="empty-state">
              <p>{t('delegates.list.noMatches')}</p>
            </div>
          ) : (
            <DelegateTable
              rows={shown}
              sortKey={sortKey}
              sortDirection={sortDirection}
              onSort={sortBy}
              label={t('delegates.title')}
              resetKey={JSON.stringify([filters, sortKey, sortDirection])}
            />
          )}
        </>
      )}
    </div>
  );
}
