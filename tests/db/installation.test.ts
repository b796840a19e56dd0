/** Installation repository: first run, seeded countries, updates, and validation that saves nothing. */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildSeedCountries } from '../../shared/sample/countries';
import { SEED_ORIGIN, SEED_STAMP } from '../../shared/sync/hlc';
import {
  InstallationExistsError,
  NoInstallationError,
  ValidationError,
  createRepositories,
  openDatabase,
  type CwgDatabase,
} from '../../renderer/db';

const open: CwgDatabase[] = [];

/** A fresh database per test, so tests never see each other's data. */
function freshDatabase(): CwgDatabase {
  const db = openDatabase(`cwg-test-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const FIXED_NOW = Date.UTC(2014, 8, 9, 3, 0, 0);

function setup() {
  const db = freshDatabase();
  const repositories = createRepositories(db, { now: () => FIXED_NOW });
  return { db, repositories };
}

async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A database as it is before first run: the seed countries (created with it) and nothing else. */
async function expectEmpty(db: CwgDatabase) {
  const repositories = createRepositories(db);
  const dump = await repositories.dump();
  for (const [table, rows] of Object.entries(dump)) {
    if (table === 'countries') expect(rows, table).toEqual(sortById(buildSeedCountries()));
    else expect(rows, table).toEqual([]);
  }
}

const sortById = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('installation', () => {
  it('does not exist before first run', async () => {
    const { repositories } = setup();
    expect(await repositories.installation.get()).toBeUndefined();
    await expect(repositories.clock()).rejects.toBeInstanceOf(NoInstallationError);
  });

  it('is created with a UUID, a trimmed name and a creation time, and read back', async () => {
    const { repositories } = setup();
    const created = await repositories.installation.create({ displayName: '  CLDP Secretariat ', role: 'secretariat', countryId: null });
    expect(z.uuid().safeParse(created.id).success).toBe(true);
    expect(created).toMatchObject({
      key: 'self',
      displayName: 'CLDP Secretariat',
      role: 'secretariat',
      countryId: null,
      createdAt: new Date(FIXED_NOW).toISOString(),
    });
    expect(await repositories.installation.get()).toEqual(created);
  });

  it('seeds the countries in the same transaction, identically on every machine', async () => {
    const a = setup();
    const b = setup();
    await a.repositories.installation.create({ displayName: 'A', role: 'secretariat', countryId: null });
    await b.repositories.installation.create({ displayName: 'B', role: 'delegation', countryId: 'KG' });
    const countries = await a.repositories.countries.list();
    expect(countries.map((c) => c.id)).toEqual(['AF', 'KZ', 'KG', 'TJ', 'TM', 'US', 'UZ']);
    expect(countries.map((c) => c.name.en)).toEqual([
      'Afghanistan',
      'Kazakhstan',
      'Kyrgyzstan',
      'Tajikistan',
      'Turkmenistan',
      'United States',
      'Uzbekistan',
    ]);
    for (const country of countries) expect(country).toMatchObject({ origin: SEED_ORIGIN, hlc: SEED_STAMP, deleted: false });
    expect(countries.find((c) => c.id === 'AF')?.membership).toBe('observer');
    expect(countries.find((c) => c.id === 'UZ')?.membership).toBe('non-member');
    expect(await b.repositories.countries.list()).toEqual(countries);
  });

  it('seeds countries once and keeps a country that is already there', async () => {
    const { db, repositories } = setup();
    // E.g. received from a peer before first run finished: a later change must survive.
    const changedUz = {
      id: 'UZ',
      name: { en: 'Uzbekistan', ru: 'Узбекистан' },
      membership: 'member' as const,
      hlc: '001700000000000-00000-peer',
      origin: 'peer',
      deleted: false,
    };
    await db.countries.put(changedUz);
    await repositories.installation.create({ displayName: 'A', role: 'secretariat', countryId: null });
    expect(await db.countries.count()).toBe(7);
    expect(await db.countries.get('UZ')).toEqual(changedUz);
    await expect(
      repositories.installation.create({ displayName: 'again', role: 'secretariat', countryId: null }),
    ).rejects.toBeInstanceOf(InstallationExistsError);
    expect(await db.countries.count()).toBe(7);
    expect((await repositories.installation.get())?.displayName).toBe('A');
  });

  it('rejects an empty name with a field-specific issue and saves nothing', async () => {
    const { db, repositories } = setup();
    const error = await catchError(repositories.installation.create({ displayName: '   ', role: 'secretariat', countryId: null }));
    expect(error).toBeInstanceOf(ValidationError);
    const validation = error as ValidationError;
    expect(validation.issues).toEqual([{ path: 'displayName', message: 'name is required' }]);
    expect(validation.messageFor('displayName')).toBe('name is required');
    await expectEmpty(db);
  });

  it('names every invalid field at once', async () => {
    const { db, repositories } = setup();
    const error = await catchError(repositories.installation.create({ displayName: 'x'.repeat(121), role: 'delegation', countryId: null }));
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(['countryId', 'displayName']);
    const error2 = await catchError(repositories.installation.create({ displayName: 'Delegation', role: 'delegation', countryId: null }));
    expect((error2 as ValidationError).issues).toEqual([{ path: 'countryId', message: 'a delegation installation names its country' }]);
    await expectEmpty(db);
  });

  it('rejects an unknown country and rolls back the seeding too', async () => {
    const { db, repositories } = setup();
    const error = await catchError(repositories.installation.create({ displayName: 'Delegation', role: 'delegation', countryId: 'XX' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: 'countryId', message: 'unknown country XX' }]);
    await expectEmpty(db);
  });

  it('rejects a malformed role from untyped input', async () => {
    const { db, repositories } = setup();
    const input = JSON.parse('{"displayName":"A","role":"admin","countryId":null}') as Parameters<
      typeof repositories.installation.create
    >[0];
    const error = await catchError(repositories.installation.create(input));
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['role']);
    await expectEmpty(db);
  });

  it('updates name, role and country, keeping the identity', async () => {
    const { repositories } = setup();
    const created = await repositories.installation.create({ displayName: 'Secretariat', role: 'secretariat', countryId: null });
    const renamed = await repositories.installation.update({ displayName: ' Kyrgyz delegation ', role: 'delegation', countryId: 'KG' });
    expect(renamed).toEqual({ ...created, displayName: 'Kyrgyz delegation', role: 'delegation', countryId: 'KG' });
    expect(await repositories.installation.get()).toEqual(renamed);
    const partial = await repositories.installation.update({ displayName: 'KG' });
    expect(partial).toEqual({ ...renamed, displayName: 'KG' });
  });

  it('rejects an invalid update and keeps the stored installation', async () => {
    const { repositories } = setup();
    const created = await repositories.installation.create({ displayName: 'Secretariat', role: 'secretariat', countryId: null });
    const error = await catchError(repositories.installation.update({ role: 'delegation' }));
    expect((error as ValidationError).issues).toEqual([{ path: 'countryId', message: 'a delegation installation names its country' }]);
    const error2 = await catchError(repositories.installation.update({ role: 'delegation', countryId: 'ZZ' }));
    expect((error2 as ValidationError).issues.map((issue) => issue.path)).toEqual(['countryId']);
    await expect(repositories.installation.update({ displayName: '' })).rejects.toBeInstanceOf(ValidationError);
    expect(await repositories.installation.get()).toEqual(created);
  });

  it('cannot update before first run', async () => {
    const { db, repositories } = setup();
    await expect(repositories.installation.update({ displayName: 'A' })).rejects.toBeInstanceOf(NoInstallationError);
    await expectEmpty(db);
  });
});
