/**
 * What the meetings screens need from the registry (delegates, countries, organizations)
 * and from this installation (its role), read live through the repositories' list().
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Country, Delegate, Organization } from '../../../shared/model';
import { pick } from '../../app/format';
import type { Language } from '../../app/i18n';
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

/** True when this installation is the secretariat (which plans meetings); undefined while loading. */
export function useIsSecretariat(): boolean | undefined {
  const repositories = useRepositories();
  return useLiveQuery(async () => (await repositories.installation.get())?.role === 'secretariat', [repositories]);
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
  /** Lower-case text a search matches against: both scripts, organization, country. */
  search: string;
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
      search: normalizeSearch(
        [
          delegate.nameLatin,
          delegate.nameNative,
          organization?.acronym ?? '',
          organization?.name.en ?? '',
          organization?.name.ru ?? '',
          country?.name.en ?? '',
          country?.name.ru ?? '',
        ].join(' '),
      ),
    };
  });
}

/** Options whose text contains every word of the query. */
export function matchPeople(options: readonly PersonOption[], query: string): PersonOption[] {
  const words = normalizeSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return options.filter((option) => words.every((word) => option.search.includes(word)));
}
