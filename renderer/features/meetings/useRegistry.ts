/**
 * What the meetings screens need from the registry (delegates, countries, organizations)
 * and from this installation (its role), read live through the repositories' list().
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { matchesSearch, searchEntry, searchQuery, type SearchEntry } from '../../../shared/delegates/search';
import type { Country, Delegate, Organization } from '../../../shared/model';
import { pick } from '../../app/format';
import type { Language } from '../../app/i18n';
import { mayPlanMeetings } from '../../../shared/sync/screenOffers';
import { useRepositories } from '../../app/RepositoriesContext';

export interface Registry {
  delegates: Delegate[];
  delegatesById: Map<string, Delegate>;
  countries: Country[];
  countriesById: Map<string, Country>;
  organizations: Organization[];
  organizationsById: Map<string, Organization>;
}

export function useRegistry(): Registry | undefined {
  const repositories = useRepositories();
  return useLiveQuery(async () => {
    const [delegates, countries, organizations] = await Promise.all([
      repositories.delegates.list(),
      repositories.countries.list(),
      repositories.organizations.list(),
    ]);
    return {
      delegates,
      delegatesById: new Map(delegates.map((delegate) => [delegate.id, delegate])),
      countries,
      countriesById: new Map(countries.map((country) => [country.id, country])),
      organizations,
      organizationsById: new Map(organizations.map((organization) => [organization.id, organization])),
    };
  }, [repositories]);
}

/**
 * True when this installation may plan and record meetings, as its peers accept it (the
 * secretariat: shared/sync/screenOffers.ts); undefined while loading.
 */
export function useMayPlanMeetings(): boolean | undefined {
  const repositories = useRepositories();
  return useLiveQuery(async () => {
    const installation = await repositories.installation.get();
    return installation !== undefined && mayPlanMeetings(installation);
  }, [repositories]);
}

const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * A person's name for the screen: the Latin-script name, or in the Russian UI the native
 * name when it is written in Cyrillic (a Dari name stays in Latin script there).
 */
export function personName(delegate: Pick<Delegate, 'nameLatin' | 'nameNative'>, language: Language): string {
  if (language === 'ru' && CYRILLIC.test(delegate.nameNative) && delegate.nameNative.trim() !== '') return delegate.nameNative.trim();
  return delegate.nameLatin.trim() || delegate.nameNative.trim();
}

export interface PersonOption {
  id: string;
  name: string;
  /** Organization and country, to tell namesakes apart. */
  detail: string;
  /**
   * What a search matches against, as the registry's search does (shared/delegates/search.ts):
   * names in both scripts, e-mail, organization and country, latinized, so "Nurlan" finds
   * "Нурлан" and "Бейшеналиев" finds "Beishenaliev".
   */
  search: SearchEntry;
}

/** Lower case without accents, so "Dubois" matches "dubois" and "Әбенов" matches "әбенов". */
export function normalizeSearch(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ё/g, 'е');
}

export function personOptions(registry: Registry, language: Language): PersonOption[] {
  return registry.delegates.map((delegate) => {
    const organization = delegate.organizationId === null ? undefined : registry.organizationsById.get(delegate.organizationId);
    const country = delegate.countryId === null ? undefined : registry.countriesById.get(delegate.countryId);
    const detail = [organization?.acronym || (organization ? pick(organization.name, language) : ''), country ? pick(country.name, language) : '']
      .filter(Boolean)
      .join(', ');
    return {
      id: delegate.id,
      name: personName(delegate, language),
      detail,
      search: searchEntry([
        delegate.nameLatin,
        delegate.nameNative,
        delegate.email,
        organization?.acronym ?? '',
        organization?.name.en ?? '',
        organization?.name.ru ?? '',
        country?.name.en ?? '',
        country?.name.ru ?? '',
      ]),
    };
  });
}

/** True when every word of the query is part of one of the texts, in any script (an empty query matches). */
export function matchesText(texts: readonly string[], query: string): boolean {
  const prepared = searchQuery(query);
  return prepared.words.length === 0 || matchesSearch(searchEntry(texts), prepared);
}

/** Options that every word of the query is part of, in any script. Nobody for an empty query. */
export function matchPeople(options: readonly PersonOption[], query: string): PersonOption[] {
  const prepared = searchQuery(query);
  if (prepared.words.length === 0) return [];
  return options.filter((option) => matchesSearch(option.search, prepared));
}
