/**
 * Countries and organizations: the rest of the registry people refer to. Countries are
 * seeded on every machine with identical records (origin "seed"); an edit here, like any
 * write, goes through writeRecord, so it carries this installation's stamp and syncs.
 */
import type { Country, Organization } from '../../shared/model';
import { mayRecordCountry, registryPermissions } from '../../shared/delegates/permissions';
import {
  normalizeCountryFields,
  normalizeOrganizationFields,
  validateCountryFields,
  validateOrganizationFields,
  type CountryFields,
  type OrganizationFields,
} from '../../shared/delegates/registryValidation';
import { RegistryPermissionError, RegistryValidationError } from './delegatesRepository';
import { unstamped, writeRecord, type RepositoryContext } from './writes';

export interface CountriesRepository {
  /** Not deleted, by English name. */
  list(): Promise<Country[]>;
  get(id: string): Promise<Country | undefined>;
  /** Adds a country (`create`) or changes its names and membership; the secretariat only. */
  save(fields: CountryFields, options: { create: boolean }): Promise<Country>;
  /** Live people per country id. */
  peopleCounts(): Promise<Map<string, number>>;
}

export interface OrganizationInput extends OrganizationFields {
  /** Absent: a new organization. */
  id?: string;
}

export interface OrganizationsRepository {
  /** Not deleted, by English name. */
  list(): Promise<Organization[]>;
  count(): Promise<number>;
  get(id: string): Promise<Organization | undefined>;
  save(input: OrganizationInput): Promise<Organization>;
  /** Deletes an organization nobody refers to; the secretariat only. */
  remove(id: string): Promise<void>;
  /** Live people per organization id. */
  peopleCounts(): Promise<Map<string, number>>;
}

const notDeleted = (record: { deleted: boolean }): boolean => !record.deleted;

const byEnglish =
  <T>(text: (item: T) => string) =>
  (a: T, b: T): number =>
    text(a).localeCompare(text(b), 'en');

function countBy(values: readonly (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

export function createCountriesRepository(ctx: RepositoryContext): CountriesRepository {
  const { db } = ctx;
  return {
    // One getAll, filtered here: a filtered collection walks a cursor, one step per task of
    // the page, which at start-up waits behind the code being evaluated (docs/delegates.md).
    list: async () => (await db.countries.toArray()).filter(notDeleted).sort(byEnglish((country) => country.name.en)),

    get: (id) => db.countries.get(id),

    async save(input, { create }) {
      const installation = await db.installation.get('self');
      if (!registryPermissions(installation).editCountries) {
        throw new RegistryPermissionError('Only the secretariat records countries and their membership.');
      }
      const fields = normalizeCountryFields(input);
      const issues = validateCountryFields(fields);
      if (issues.length > 0) throw new RegistryValidationError('country', issues);
      const clock = await ctx.clock();
      return db.transaction('rw', ['countries', 'meta'], async () => {
        const previous = await db.countries.get(fields.id);
        if (create && previous) {
          throw new RegistryValidationError('country', [{ path: 'id', code: 'countryExists', params: { value: fields.id } }]);
        }
        if (!create && !previous) {
          throw new RegistryValidationError('country', [{ path: 'id', code: 'unknownCountry', params: { value: fields.id } }]);
        }
        return writeRecord(db, clock, 'countries', { ...fields, deleted: false });
      });
    },

    async peopleCounts() {
      const delegates = await db.delegates.filter(notDeleted).toArray();
      return countBy(delegates.map((d) => d.countryId));
    },
  };
}

export function createOrganizationsRepository(ctx: RepositoryContext): OrganizationsRepository {
  const { db } = ctx;
  return {
    list: async () =>
      // One getAll, filtered here (see countries' list).
      (await db.organizations.toArray()).filter(notDeleted).sort(byEnglish((organization) => organization.name.en || organization.name.ru)),

    count: () => db.organizations.filter(notDeleted).count(),

    get: (id) => db.organizations.get(id),

    async save(input) {
      const installation = await db.installation.get('self');
      if (!registryPermissions(installation).editOrganizations) {
        throw new RegistryPermissionError('This installation cannot change organizations.');
      }
      const fields = normalizeOrganizationFields(input);
      const issues = validateOrganizationFields(fields);
      if (issues.length > 0) throw new RegistryValidationError('organization', issues);
      const clock = await ctx.clock();
      return db.transaction('rw', ['organizations', 'countries', 'meta'], async () => {
        // A delegation records its own country's organizations only: its peers refuse the others.
        const previous = input.id === undefined ? undefined : await db.organizations.get(input.id);
        if (previous && !mayRecordCountry(installation, previous.countryId)) {
          throw new RegistryPermissionError('A delegation changes only organizations of its own country.');
        }
        if (!mayRecordCountry(installation, fields.countryId)) {
          throw new RegistryValidationError('organization', [{ path: 'countryId', code: 'notOwnCountry' }]);
        }
        if (fields.countryId !== null) {
          const country = await db.countries.get(fields.countryId);
          if (!country || country.deleted) {
            throw new RegistryValidationError('organization', [{ path: 'countryId', code: 'unknownCountry', params: { value: fields.countryId } }]);
          }
        }
        return writeRecord(db, clock, 'organizations', { ...fields, id: input.id ?? ctx.randomUUID(), deleted: false });
      });
    },

    async remove(id) {
      const installation = await db.installation.get('self');
      if (!registryPermissions(installation).deleteOrganizations) {
        throw new RegistryPermissionError('Only the secretariat deletes organizations.');
      }
      const clock = await ctx.clock();
      await db.transaction('rw', ['organizations', 'delegates', 'meetings', 'meta'], async () => {
        const previous = await db.organizations.get(id);
        if (!previous || previous.deleted) return;
        // A deleted organization would leave people and meetings pointing at nothing.
        const people = await db.delegates.where('organizationId').equals(id).filter(notDeleted).count();
        const meetings = await db.meetings
          .filter((m) => !m.deleted && (m.hostOrganizationId === id || m.coOrganizerIds.includes(id)))
          .count();
        if (people + meetings > 0) {
          throw new RegistryValidationError('organization', [
            { path: '', code: 'organizationInUse', params: { people: String(people), meetings: String(meetings) } },
          ]);
        }
        await writeRecord(db, clock, 'organizations', { ...unstamped<'organizations'>(previous), deleted: true });
      });
    },

    async peopleCounts() {
      const delegates = await db.delegates.filter(notDeleted).toArray();
      return countBy(delegates.map((d) => d.organizationId));
    },
  };
}
