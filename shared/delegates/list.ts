/**
 * The registry list as data: rows with their display texts, sorted once per sort order
 * and filtered per keystroke against prepared search entries. Sorting (Intl.Collator over 10,000
 * names) costs tens of milliseconds and runs only when the data or the order changes;
 * filtering is one pass of substring checks over prepared strings, a few milliseconds,
 * which is what keeps typing in the search box smooth.
 */
import type { Bilingual, Country, Delegate, DelegateRole, Organization } from '../model';
import { matchesSearch, searchEntry, searchQuery, type SearchEntry } from './search';
import { displayName } from './validation';

export type ListLanguage = 'en' | 'ru';

/**
 * What the registry list shows, sorts, filters and searches by: about a fifth of a
 * person's record (no field stamps, phone, notes or consent). The app keeps these in a
 * small table of their own (renderer/db/delegateList.ts), because reading 10,000 of them
 * is several times faster than reading 10,000 records. Living people only.
 */
export type DelegateListEntry = Pick<
  Delegate,
  'id' | 'hlc' | 'nameLatin' | 'nameNative' | 'email' | 'countryId' | 'organizationId' | 'roles' | 'position'
>;

/** The list entry of a person's record: a new object holding only the listed fields. */
export function listEntryOf(delegate: Delegate): DelegateListEntry {
  return {
    id: delegate.id,
    hlc: delegate.hlc,
    nameLatin: delegate.nameLatin,
    nameNative: delegate.nameNative,
    email: delegate.email,
    countryId: delegate.countryId,
    organizationId: delegate.organizationId,
    roles: delegate.roles,
    position: delegate.position,
  };
}

export interface ListRow {
  delegate: DelegateListEntry;
  /** Latin-script name, else the native one. */
  name: string;
  countryName: string;
  organizationName: string;
  position: string;
}

export const sortKeys = ['name', 'nativeName', 'country', 'organization', 'position'] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDirection = 'ascending' | 'descending';

/** Filter value meaning "records where this is not set". */
export const NONE = '-';

export interface ListFilters {
  query: string;
  /** Country id, NONE, or '' for any. */
  countryId: string;
  /** A role, or '' for any. */
  role: DelegateRole | '';
  /** Organization id, NONE, or '' for any. */
  organizationId: string;
}

export const noFilters: ListFilters = { query: '', countryId: '', role: '', organizationId: '' };

export function pickText(text: Bilingual, language: ListLanguage): string {
  const preferred = text[language].trim();
  if (preferred !== '') return preferred;
  return language === 'en' ? text.ru : text.en;
}

/**
 * Search entries by person: the costly part of the list (transliteration), so they are
 * kept while a record's stamp is unchanged, and prepared in idle time after the list is
 * shown (warm) rather than before its first rows.
 */
export class SearchIndex {
  private readonly entries = new Map<string, { hlc: string; entry: SearchEntry }>();

  entryOf(delegate: DelegateListEntry): SearchEntry {
    const cached = this.entries.get(delegate.id);
    if (cached?.hlc === delegate.hlc) return cached.entry;
    const entry = searchEntry([delegate.nameLatin, delegate.nameNative, delegate.email]);
    this.entries.set(delegate.id, { hlc: delegate.hlc, entry });
    return entry;
  }

  /** Prepares entries while `hasTime()` allows; true once every person has one. */
  warm(delegates: readonly DelegateListEntry[], hasTime: () => boolean): boolean {
    // Entries of people no longer listed (deleted, merged) would only take memory.
    if (this.entries.size > delegates.length * 2 + 1000) this.entries.clear();
    for (const delegate of delegates) {
      if (this.entries.get(delegate.id)?.hlc === delegate.hlc) continue;
      if (!hasTime()) return false;
      this.entryOf(delegate);
    }
    return true;
  }
}

export function buildListRows(
  delegates: readonly DelegateListEntry[],
  countries: ReadonlyMap<string, Country>,
  organizations: ReadonlyMap<string, Organization>,
  language: ListLanguage,
): ListRow[] {
  return delegates.map((delegate) => {
    const country = delegate.countryId === null ? undefined : countries.get(delegate.countryId);
    const organization = delegate.organizationId === null ? undefined : organizations.get(delegate.organizationId);
    return {
      delegate,
      name: displayName(delegate),
      countryName: country ? pickText(country.name, language) : '',
      organizationName: organization ? organization.acronym.trim() || pickText(organization.name, language) : '',
      position: pickText(delegate.position, language),
    };
  });
}

/** Rows in the chosen order; empty values go last whichever the direction. */
export function sortRows(rows: readonly ListRow[], key: SortKey, direction: SortDirection, language: ListLanguage): ListRow[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const value = (row: ListRow): string => {
    switch (key) {
      case 'name':
        return row.name;
      case 'nativeName':
        return row.delegate.nameNative;
      case 'country':
        return row.countryName;
      case 'organization':
        return row.organizationName;
      case 'position':
        return row.position;
    }
  };
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: value(row) }));
  keyed.sort((a, b) => {
    if (a.value === '' || b.value === '') {
      if (a.value !== b.value) return a.value === '' ? 1 : -1;
    } else {
      const order = collator.compare(a.value, b.value);
      if (order !== 0) return sign * order;
    }
    // Ties by name, then id, so the order is stable across reloads.
    return collator.compare(a.row.name, b.row.name) || (a.row.delegate.id < b.row.delegate.id ? -1 : 1);
  });
  return keyed.map((entry) => entry.row);
}

/** The rows matching every filter, in the order given. */
export function filterRows(rows: readonly ListRow[], filters: ListFilters, index: SearchIndex): ListRow[] {
  const query = searchQuery(filters.query);
  const { countryId, role, organizationId } = filters;
  if (query.words.length === 0 && countryId === '' && role === '' && organizationId === '') return [...rows];
  return rows.filter((row) => {
    const delegate = row.delegate;
    if (countryId !== '' && (delegate.countryId ?? NONE) !== countryId) return false;
    if (organizationId !== '' && (delegate.organizationId ?? NONE) !== organizationId) return false;
    if (role !== '' && !delegate.roles.includes(role)) return false;
    return query.words.length === 0 || matchesSearch(index.entryOf(delegate), query);
  });
}
