/** Script-independent search: Latin finds Cyrillic and back, romanization variants agree, and the list filters by it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildListRows, filterRows, NONE, noFilters, SearchIndex, sortRows } from '../../shared/delegates/list';
import { foldVariants, latinize, matchesSearch, searchEntry, searchQuery } from '../../shared/delegates/search';
import type { Country, Delegate, Organization } from '../../shared/model';

const finds = (query: string, ...names: string[]) => matchesSearch(searchEntry(names), searchQuery(query));

describe('latinize', () => {
  it('brings any script to lowercase ASCII words', () => {
    expect(latinize('Нурлан Бейшеналиев')).toBe('nurlan beyshenaliev');
    expect(latinize('  Émile   Zoë ')).toBe('emile zoe');
    expect(latinize("O'Brien-Smith")).toBe('obrien smith');
  });

  it('writes Kazakh, Kyrgyz and Tajik letters as their romanizations do, without apostrophes or symbols', () => {
    expect(latinize('Айгерім Сейітқали')).toBe('aygerim seyitkali');
    expect(latinize('Ерлан Әбенов')).toBe('erlan abenov');
    expect(latinize('Чыңгыз Гүлзат Өмүр Ғани Ҳасан Ҷамшед')).toBe('chyngyz gulzat omur gani hasan jamshed');
    expect(latinize('Ерлан Әбенов')).not.toMatch(/[^a-z ]/);
  });
});

describe('search across scripts', () => {
  it.each([
    ['Nurlan', 'Нурлан Бейшеналиев'],
    ['Нурлан', 'Nurlan Beishenaliev'],
    ['Beishenaliev', 'Нурлан Бейшеналиев'],
    ['Бейшеналиев', 'Nurlan Beishenaliev'],
    ['Yerlan Abenov', 'Ерлан Әбенов'],
    ['Aigerim Seitkali', 'Айгерім Сейітқали'],
    ['Jyldyz', 'Жылдыз Кадырова'],
    ['Djumalieva', 'Асель Джумалиева'],
    ['Dz', 'Асель Джумалиева'],
    ['Khasanov', 'Юрий Хасанов'],
    ['Yury', 'Юрий Хасанов'],
    ['Iurii', 'Юрий Хасанов'],
    ['Alekseyev', 'Алексеев'],
    ['Chyngyz', 'Чыңгыз Турсунбаев'],
    ['Гулзат', 'Gulzat Eshenova'],
    ['nurlan beish', 'Nurlan Beishenaliev'],
    ['beishenaliev nurlan', 'Nurlan Beishenaliev'],
  ])('“%s” finds %s', (query, name) => {
    expect(finds(query, name)).toBe(true);
  });

  it.each([
    ['Nurbek', 'Нурлан Бейшеналиев'],
    ['Marat', 'Kairat Dzhaksybekov'],
    ['Нурлан Асанов', 'Nurlan Beishenaliev'],
  ])('“%s” does not find %s', (query, name) => {
    expect(finds(query, name)).toBe(false);
  });

  it('finds people by e-mail, and everyone with an empty query', () => {
    expect(finds('a.sharifi@', 'Mohammad Sharifi', 'a.sharifi@example.org')).toBe(true);
    expect(finds('   ', 'Anyone')).toBe(true);
    expect(finds('—', 'Anyone')).toBe(true);
  });

  // Property: a name written in Russian Cyrillic is found by its own transliteration, by
  // any prefix of it, and by the Cyrillic itself.
  it('finds a Cyrillic name by its Latin transliteration and by any prefix of a word', () => {
    const cyrillicWord = fc
      .array(fc.constantFrom(...Array.from('абвгдеёжзийклмнопрстуфхцчшщыэюя')), { minLength: 2, maxLength: 10 })
      .map((letters) => letters.join(''));
    fc.assert(
      fc.property(fc.array(cyrillicWord, { minLength: 1, maxLength: 3 }), fc.nat(), (words, cut) => {
        const name = words.join(' ');
        const latin = latinize(name);
        expect(finds(latin, name)).toBe(true);
        expect(finds(name, latin)).toBe(true);
        const first = latin.split(' ')[0] ?? '';
        expect(finds(first.slice(0, 1 + (cut % first.length)), name)).toBe(true);
      }),
    );
  });

  it('folds the same spelling variants whichever side they are on', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{0,20}$/), (text) => {
        expect(foldVariants(foldVariants(text))).toBe(foldVariants(text));
      }),
    );
  });
});

describe('the list', () => {
  const synced = { hlc: 'h', origin: 'o', deleted: false };
  const country = (id: string, en: string, ru: string): Country => ({ id, name: { en, ru }, membership: 'member', ...synced });
  const countries = new Map([country('KG', 'Kyrgyzstan', 'Кыргызстан'), country('KZ', 'Kazakhstan', 'Казахстан')].map((c) => [c.id, c]));
  const organization: Organization = { id: 'org-1', name: { en: 'State Customs Service', ru: 'Таможенная служба' }, acronym: 'SCS', countryId: 'KG', kind: 'customs-service', ...synced };
  const organizations = new Map([[organization.id, organization]]);
  const person = (id: string, nameLatin: string, nameNative: string, extra: Partial<Delegate> = {}): Delegate => ({
    id,
    nameLatin,
    nameNative,
    honorific: '',
    position: { en: '', ru: '' },
    organizationId: null,
    countryId: null,
    roles: [],
    email: '',
    phone: '',
    languages: [],
    notes: '',
    consentPrintContacts: false,
    consentShareContacts: false,
    ...synced,
    ...extra,
  });
  const people = [
    person('1', 'Nurlan Beishenaliev', 'Нурлан Бейшеналиев', { countryId: 'KG', organizationId: 'org-1', roles: ['customs-official'] }),
    person('2', '', 'Нурлан Токтогулов', { countryId: 'KG' }),
    person('3', 'Aigerim Seitkali', 'Айгерім Сейітқали', { countryId: 'KZ', roles: ['wto-negotiator'] }),
    person('4', 'Émile Zola', '', {}),
  ];
  const rows = buildListRows(people, countries, organizations, 'en');
  const index = new SearchIndex();
  const names = (list: typeof rows) => list.map((row) => row.name);

  it('sorts by name with the language’s collation, people without a Latin name by their native one', () => {
    expect(names(sortRows(rows, 'name', 'ascending', 'en'))).toEqual(['Aigerim Seitkali', 'Émile Zola', 'Nurlan Beishenaliev', 'Нурлан Токтогулов']);
    expect(names(sortRows(rows, 'name', 'descending', 'en'))[0]).toBe('Нурлан Токтогулов');
  });

  it('puts people without a value last in either direction', () => {
    expect(names(sortRows(rows, 'country', 'ascending', 'en')).at(-1)).toBe('Émile Zola');
    expect(names(sortRows(rows, 'country', 'descending', 'en')).at(-1)).toBe('Émile Zola');
  });

  it('filters by search, country, role, organization and their absence', () => {
    expect(names(filterRows(rows, { ...noFilters, query: 'Nurlan' }, index))).toEqual(['Nurlan Beishenaliev', 'Нурлан Токтогулов']);
    expect(names(filterRows(rows, { ...noFilters, countryId: 'KZ' }, index))).toEqual(['Aigerim Seitkali']);
    expect(names(filterRows(rows, { ...noFilters, countryId: NONE }, index))).toEqual(['Émile Zola']);
    expect(names(filterRows(rows, { ...noFilters, role: 'customs-official' }, index))).toEqual(['Nurlan Beishenaliev']);
    expect(names(filterRows(rows, { ...noFilters, organizationId: 'org-1' }, index))).toEqual(['Nurlan Beishenaliev']);
    expect(names(filterRows(rows, { ...noFilters, organizationId: NONE, countryId: 'KG' }, index))).toEqual(['Нурлан Токтогулов']);
    expect(filterRows(rows, noFilters, index)).toHaveLength(4);
  });

  it('reuses search entries while a record is unchanged, rebuilds them when it changes, and warms them in slices', () => {
    const fresh = new SearchIndex();
    let budget = 2;
    expect(fresh.warm(people, () => budget-- > 0)).toBe(false);
    expect(fresh.warm(people, () => true)).toBe(true);
    const nurlan = people[0];
    if (!nurlan) throw new Error('no people');
    const entry = fresh.entryOf(nurlan);
    expect(fresh.entryOf({ ...nurlan })).toBe(entry);
    const renamed = fresh.entryOf({ ...nurlan, nameLatin: 'Nurlan B.', hlc: 'h2' });
    expect(renamed).not.toBe(entry);
    expect(renamed.plain).toContain('nurlan b');
    expect(buildListRows(people, countries, organizations, 'ru')[0]?.countryName).toBe('Кыргызстан');
  });
});
