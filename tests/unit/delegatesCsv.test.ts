/** CSV of delegates: encodings, parsing, column mapping, per-row problems with spreadsheet row numbers, export and round trip. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  delegatesToCsv,
  escapeCell,
  guessMapping,
  parseCsv,
  unescapeCell,
  unmappedColumns,
  validateCsv,
  type CsvLookups,
} from '../../shared/delegates/csv';
import { decodeCsvBytes, detectEncoding } from '../../shared/delegates/csvEncoding';
import { resolveLanguage } from '../../shared/delegates/languages';
import { isValidEmail, isValidPhone, normalizeDelegateFields, validateDelegateFields, emptyDelegateFields } from '../../shared/delegates/validation';
import { delegateRoles, type Country, type Delegate, type Organization } from '../../shared/model';
import { buildSeedCountries } from '../../shared/sample/countries';
import { encodeWindows1251 } from '../fixtures/csv';

const synced = { hlc: 'h', origin: 'o', deleted: false };
const countries: Country[] = buildSeedCountries();
const organizations: Organization[] = [
  { id: 'org-kg', name: { en: 'State Customs Service', ru: 'Государственная таможенная служба' }, acronym: 'SCS', countryId: 'KG', kind: 'customs-service', ...synced },
  { id: 'org-tj', name: { en: 'Customs Service of Tajikistan', ru: 'Таможенная служба Таджикистана' }, acronym: 'SCS', countryId: 'TJ', kind: 'customs-service', ...synced },
  { id: 'org-wco', name: { en: 'World Customs Organization', ru: 'Всемирная таможенная организация' }, acronym: 'WCO', countryId: null, kind: 'international-organization', ...synced },
];
const lookups = (delegates: Delegate[] = []): CsvLookups => ({ countries, organizations, delegates: new Map(delegates.map((d) => [d.id, d])) });

function person(id: string, extra: Partial<Delegate> = {}): Delegate {
  return { ...emptyDelegateFields(), id, nameLatin: 'Timur Sadykov', nameNative: 'Тимур Садыков', ...synced, ...extra };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('encoding detection', () => {
  const text = 'ФИО;Страна\r\nНурлан Бейшеналиев;Кыргызстан\r\n';

  it('reads UTF-8 with a byte-order mark, without it, and Windows-1251', () => {
    expect(decodeCsvBytes(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(text)))).toEqual({ text, encoding: 'utf-8', bom: true });
    expect(decodeCsvBytes(utf8(text))).toEqual({ text, encoding: 'utf-8', bom: false });
    expect(decodeCsvBytes(encodeWindows1251(text))).toEqual({ text, encoding: 'windows-1251', bom: false });
  });

  it('reads UTF-16 with its byte-order mark (Excel’s “Unicode text”)', () => {
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeCsvBytes(le)).toMatchObject({ text, encoding: 'utf-16le' });
  });

  it('decodes as asked when the user overrides the detection', () => {
    const bytes = encodeWindows1251('Привет');
    expect(decodeCsvBytes(bytes, 'windows-1251').text).toBe('Привет');
    expect(decodeCsvBytes(bytes, 'utf-8').text).not.toBe('Привет');
  });

  // Cyrillic in Windows-1251 is valid UTF-8 only in freak strings such as "Её" (C5 B8 is
  // "Ÿ"): any word with two lowercase letters in a row breaks UTF-8. The import screen lets
  // the user override the guess for such files.
  it('never mistakes Windows-1251 text with a Cyrillic word for UTF-8 (property)', () => {
    const letters = (alphabet: string, minLength: number) =>
      fc.array(fc.constantFrom(...Array.from(alphabet)), { minLength, maxLength: 15 }).map((chars) => chars.join(''));
    const upper = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
    const lower = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }).filter((s) => /^[\x20-\x7e]*$/.test(s)), letters(upper + lower, 0), letters(lower, 2), (ascii, mixed, word) => {
        const text = `${ascii}${mixed} ${word}`;
        expect(detectEncoding(encodeWindows1251(text)).encoding).toBe('windows-1251');
        expect(decodeCsvBytes(encodeWindows1251(text)).text).toBe(text);
        expect(decodeCsvBytes(utf8(text)).text).toBe(text);
      }),
    );
  });
});

describe('parsing and mapping', () => {
  it('detects the separator, keeps quoted separators and line breaks, and numbers rows as a spreadsheet does', () => {
    const parsed = parseCsv('ФИО;Примечания\r\nНурлан;"Прибыл; ""VIP""\r\nвторой день"\r\n\r\nАсель;\r\n\r\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers).toEqual(['ФИО', 'Примечания']);
    expect(parsed.rows).toEqual([
      { row: 2, cells: ['Нурлан', 'Прибыл; "VIP"\r\nвторой день'] },
      { row: 4, cells: ['Асель', ''] },
    ]);
    expect(parsed.emptyRows).toBe(1);
  });

  it('reports a row it cannot read (an unterminated quote)', () => {
    const parsed = parseCsv('name,email\nA,a@b.org\n"B,b@b.org\n');
    expect(parsed.malformed).toEqual([{ row: 3, issues: [expect.objectContaining({ code: 'malformedRow' })] }]);
  });

  it('maps English, Russian and the app’s own headers to fields', () => {
    expect(guessMapping(['ФИО', 'Эл. почта', 'Страна', 'Телефон', 'Должность'])).toMatchObject({ nameNative: 0, email: 1, country: 2, phone: 3, positionRu: 4 });
    expect(guessMapping(['Name', 'E-mail', 'Country code', 'Organisation', 'Working languages'])).toMatchObject({
      nameLatin: 0,
      email: 1,
      country: 2,
      organization: 3,
      languages: 4,
    });
    expect(guessMapping(['Unrelated', 'Name (Latin script)'])).toMatchObject({ nameLatin: 1, email: null });
  });
});

describe('row checks', () => {
  const header = 'Name (Latin script);Name (native script);Country;Organization;Roles;E-mail;Phone;Working languages;Contacts may be printed\n';
  const check = (rows: string, delegates: Delegate[] = []) => {
    const parsed = parseCsv(header + rows);
    return validateCsv(parsed, guessMapping(parsed.headers), lookups(delegates));
  };

  it('accepts a complete row, resolving names of countries, organizations, roles and languages in either language', () => {
    const result = check('Aida Mamatova;Аида Маматова;Кыргызстан;SCS;Сотрудник таможни, expert;a.mamatova@customs.kg;+996 (312) 12-34-56;русский, en;да\n');
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      row: 2,
      id: null,
      update: false,
      fields: {
        countryId: 'KG',
        organizationId: 'org-kg',
        roles: ['customs-official', 'expert'],
        languages: ['ru', 'en'],
        consentPrintContacts: true,
        consentShareContacts: false,
      },
    });
  });

  it('names each problem with its row: e-mail, phone, missing name, unknown country, role, consent, ambiguous organization', () => {
    const result = check(
      [
        'Ivan Ivanov;;KZ;;;ivanov@;;;',
        'Petr Petrov;;KZ;;;;12ab34;;',
        ';;KZ;;;;;;',
        'Olga Orlova;;Атлантида;;;;;;',
        'Anna Aliyeva;;KZ;;Astronaut;;;;maybe',
        'Bolot Ismailov;;;SCS;;;;;',
        'Ali Valiev;;KZ;Ministry of Magic;;;;;',
      ].join('\n'),
    );
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => [e.row, e.issues.map((i) => `${String(i.field)}:${i.code}`)])).toEqual([
      [2, ['email:emailInvalid']],
      [3, ['phone:phoneInvalid']],
      [4, ['nameLatin:nameRequired']],
      [5, ['country:unknownCountry']],
      [6, ['roles:unknownRole', 'consentPrintContacts:consentInvalid']],
      [7, ['organization:ambiguousOrganization']],
      [8, ['organization:unknownOrganization']],
    ]);
    expect(result.errors[3]?.issues[0]?.params).toEqual({ value: 'Атлантида' });
  });

  it('moves a Cyrillic name found in the Latin-name column to the native-name column', () => {
    const result = check('Нурлан Токтогулов;;KG;;;;;;\n');
    expect(result.rows[0]?.fields).toMatchObject({ nameLatin: '', nameNative: 'Нурлан Токтогулов' });
  });

  it('updates a stored person named by ID, keeping what empty cells leave out, and follows merges', () => {
    const stored = person('5b1e8a52-58d6-4f7e-9f7b-0d2b8f7a9c01', { email: 'old@customs.kg', phone: '+996 555 000000', consentShareContacts: true });
    const merged = person('0f0c0e2a-1111-4a4a-8b8b-222233334444', { deleted: true, mergedIntoId: stored.id });
    const deleted = person('9e9e9e9e-1111-4a4a-8b8b-222233334444', { deleted: true });
    const parsed = parseCsv(
      `ID,Name (Latin script),E-mail,Phone\n${stored.id},Timur Sadykov,,\n${merged.id},,new@customs.kg,\n${deleted.id},X Y,,\nnot-an-id,Z Z,,\n`,
    );
    const result = validateCsv(parsed, guessMapping(parsed.headers), lookups([stored, merged, deleted]));
    expect(result.rows[0]).toMatchObject({ id: stored.id, update: true, fields: { email: 'old@customs.kg', phone: '+996 555 000000', consentShareContacts: true } });
    expect(result.errors.map((e) => [e.row, e.issues.map((i) => i.code)])).toEqual([
      [3, ['idRepeated']],
      [4, ['idDeleted']],
      [5, ['idInvalid']],
    ]);
  });

  it('refuses updates this installation may not make', () => {
    const stored = person('5b1e8a52-58d6-4f7e-9f7b-0d2b8f7a9c01', { countryId: 'KZ' });
    const parsed = parseCsv(`ID,Name (Latin script)\n${stored.id},Timur Sadykov\n`);
    const result = validateCsv(parsed, guessMapping(parsed.headers), { ...lookups([stored]), canEdit: (d) => d.countryId === 'KG' });
    expect(result.errors).toEqual([{ row: 2, issues: [{ field: 'id', code: 'notPermitted', columns: [0], value: stored.id }] }]);
  });
});

describe('files from real spreadsheets', () => {
  it('maps bilingual and Russian/English header variants, choosing the script pair by the cells', () => {
    const headers = ['№', 'Фамилия / Surname', 'Имя / Given name', 'Отчество', 'Surname (Latin)', 'First name (Latin)', 'Страна / Country', 'Ведомство', 'Должность / Position', 'Тел.', 'Эл. почта', 'Виза'];
    const parsed = parseCsv(`${headers.join(';')}
1;Токтогулов;Нурлан;Бекович;Toktogulov;Nurlan;KGZ;SCS;Начальник отдела;+996 312 1;n@c.kg;да
`);
    const mapping = guessMapping(parsed.headers, parsed.rows);
    expect(mapping).toMatchObject({
      familyName: 1, givenName: 2, middleName: 3, familyNameLatin: 4, givenNameLatin: 5,
      country: 6, organization: 7, positionRu: 8, positionEn: null, phone: 9, email: 10,
    });
    expect(unmappedColumns(parsed, mapping)).toEqual([0, 11]);
    expect(guessMapping(['Last name', 'First name', 'E-mail address', 'Phone number', 'Organisation', 'Position'], [{ cells: ['Rahimi', 'Ahmad', '', '', '', 'Director'] }])).toMatchObject({
      familyNameLatin: 0, givenNameLatin: 1, email: 2, phone: 3, organization: 4, positionEn: 5,
    });
    // Latin cells under a Russian header are the Latin-script name.
    expect(guessMapping(['Фамилия', 'Имя'], [{ cells: ['Rahimi', 'Ahmad'] }])).toMatchObject({ familyNameLatin: 0, givenNameLatin: 1, familyName: null });
  });

  it('combines family, given and middle names into one person, in both scripts', () => {
    const parsed = parseCsv('Фамилия;Имя;Отчество;Surname (Latin);Given name (Latin)\nТоктогулов;Нурлан;Бекович;Toktogulov;Nurlan\n');
    const result = validateCsv(parsed, guessMapping(parsed.headers, parsed.rows), lookups());
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.fields).toMatchObject({ nameNative: 'Нурлан Бекович Токтогулов', nameLatin: 'Nurlan Toktogulov' });
  });

  it('finds countries by two- and three-letter code and by English or Russian name and variants', () => {
    const labels = ['KZ', 'KAZ', 'kgz', 'Kyrgyz Republic', 'Киргизия', 'Республика Таджикистан', 'TJK', 'Туркмения', 'Islamic Republic of Afghanistan', 'USA', 'Uzbekistan'];
    const parsed = parseCsv(`Name;Country\n${labels.map((label, i) => `Person ${String(i)};${label}`).join('\n')}\nNobody;Atlantis\nNoone;XYZ\n`);
    const result = validateCsv(parsed, guessMapping(parsed.headers, parsed.rows), lookups());
    expect(result.rows.map((row) => row.fields.countryId)).toEqual(['KZ', 'KZ', 'KG', 'KG', 'KG', 'TJ', 'TJ', 'TM', 'AF', 'US', 'UZ']);
    expect(result.errors).toEqual([
      { row: 13, issues: [{ field: 'country', code: 'unknownCountry', params: { value: 'Atlantis' }, columns: [1], value: 'Atlantis' }] },
      { row: 14, issues: [{ field: 'country', code: 'unknownCountry', params: { value: 'XYZ' }, columns: [1], value: 'XYZ' }] },
    ]);
  });

  it('reports unknown organizations, or creates them once each when asked, by acronym or name', () => {
    const parsed = parseCsv('Name;Country;Organization\nA One;KZ;КГД\nB Two;KZ;кгд\nC Three;KG;SCS\nD Four;KZ;Academy of Customs\n');
    const mapping = guessMapping(parsed.headers, parsed.rows);
    const reported = validateCsv(parsed, mapping, lookups());
    expect(reported.errors.map((error) => [error.row, error.issues.map((issue) => issue.code)])).toEqual([
      [2, ['unknownOrganization']],
      [3, ['unknownOrganization']],
      [5, ['unknownOrganization']],
    ]);
    expect(reported.unknownOrganizations).toEqual([
      { label: 'КГД', rows: [2, 3] },
      { label: 'Academy of Customs', rows: [5] },
    ]);
    const created = validateCsv(parsed, mapping, lookups(), { createOrganizations: true });
    expect(created.errors).toEqual([]);
    expect(created.rows.map((row) => [row.row, row.newOrganization ?? row.fields.organizationId])).toEqual([
      [2, 'кгд'],
      [3, 'кгд'],
      [4, 'org-kg'],
      [5, 'academy of customs'],
    ]);
    expect(created.newOrganizations).toEqual([
      { key: 'кгд', name: { en: '', ru: 'КГД' }, acronym: 'КГД', countryId: 'KZ', kind: 'other', rows: [2, 3] },
      { key: 'academy of customs', name: { en: 'Academy of Customs', ru: '' }, acronym: '', countryId: 'KZ', kind: 'customs-service', rows: [5] },
    ]);
    // A delegation of Kyrgyzstan may not create Kazakhstan's organizations (nor record its people).
    const delegation = validateCsv(parsed, mapping, { ...lookups(), canRecordCountry: (id) => id === 'KG' }, { createOrganizations: true });
    expect(delegation.rows.map((row) => row.row)).toEqual([4]);
    expect(delegation.newOrganizations).toEqual([]);
    expect(delegation.errors.map((error) => [error.row, error.issues.map((issue) => issue.code)])).toEqual([
      [2, ['notOwnCountry']],
      [3, ['notOwnCountry']],
      [5, ['notOwnCountry']],
    ]);
  });
});

describe('export', () => {
  const people = [
    person('5b1e8a52-58d6-4f7e-9f7b-0d2b8f7a9c01', {
      email: 'shared@customs.kg',
      phone: '+996 312 123456',
      consentShareContacts: true,
      countryId: 'KG',
      organizationId: 'org-kg',
      roles: ['customs-official', 'expert'],
      languages: ['ky', 'ru'],
      notes: 'Line one\nline "two"; three',
    }),
    person('6b1e8a52-58d6-4f7e-9f7b-0d2b8f7a9c02', { nameLatin: '=HYPERLINK("x")', email: 'private@customs.kg', phone: '+996 555 1', consentShareContacts: false }),
  ];

  it('writes a byte-order mark, headers in the chosen language, and contacts only of people who agreed to share them', () => {
    const text = delegatesToCsv(people, { language: 'ru', countries, organizations });
    expect(text.startsWith('\uFEFFID,Обращение,Имя (латиница)')).toBe(true);
    expect(text).toContain('shared@customs.kg');
    expect(text).not.toContain('private@customs.kg');
    expect(text).not.toContain('+996 555 1');
    expect(text).toContain('Сотрудник таможни; Эксперт');
    expect(text).toContain(`'=HYPERLINK`);
  });

  it('round-trips through import: the same fields come back, contacts withheld are kept on update', () => {
    const text = delegatesToCsv(people, { language: 'en', countries, organizations });
    const parsed = parseCsv(decodeCsvBytes(utf8(text)).text);
    const result = validateCsv(parsed, guessMapping(parsed.headers), lookups(people));
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.fields)).toEqual(people.map(({ id: _i, hlc: _h, origin: _o, deleted: _d, ...fields }) => normalizeDelegateFields(fields)));
  });

  it('round-trips any valid person into a new registry (property)', () => {
    const text = fc.stringMatching(/^[A-Za-z' .-]{0,20}$/);
    const native = fc.string({ maxLength: 20 }).map((s) => s.replace(/[\p{Cc}\p{Cs}\uFEFF]/gu, ''));
    const arbitraryPerson = fc.record({
      nameLatin: text.filter((s) => s.trim() !== ''),
      nameNative: native,
      honorific: fc.constantFrom('', 'Mr.', 'Ms.', 'г-н'),
      notes: native,
      roles: fc.subarray([...delegateRoles]),
      languages: fc.subarray(['ru', 'en', 'ky', 'fa-AF']),
      countryId: fc.constantFrom(null, 'KZ', 'AF', 'US'),
      organizationId: fc.constantFrom(null, 'org-wco', 'org-kg'),
      consentPrintContacts: fc.boolean(),
      email: fc.constantFrom('', 'a.b@customs.kg'),
      phone: fc.constantFrom('', '+996 312 123456'),
    });
    fc.assert(
      fc.property(arbitraryPerson, (fields) => {
        const delegate: Delegate = { ...person('7b1e8a52-58d6-4f7e-9f7b-0d2b8f7a9c03'), ...fields, consentShareContacts: true };
        const csv = delegatesToCsv([delegate], { language: 'ru', countries, organizations });
        const parsed = parseCsv(decodeCsvBytes(utf8(csv)).text);
        const result = validateCsv(parsed, guessMapping(parsed.headers), lookups());
        const { id: _i, hlc: _h, origin: _o, deleted: _d, ...expected } = delegate;
        expect(result.errors).toEqual([]);
        expect(result.rows[0]?.fields).toEqual(normalizeDelegateFields(expected));
      }),
      { numRuns: 150 },
    );
  });

  it('escapes cells a spreadsheet would run as formulas, and reading undoes it', () => {
    for (const cell of ['=1+1', '+996 312', '-x', '@SUM(A1)', 'plain', "'quoted", "'-", "''=x"]) expect(unescapeCell(escapeCell(cell))).toBe(cell);
    expect(escapeCell('=1+1')).toBe("'=1+1");
  });
});

describe('field rules', () => {
  it('accepts real e-mail addresses and phone numbers and refuses typos', () => {
    for (const email of ['a@b.org', 'n.beishenaliev@customs.gov.kg', 'имя@пример.рф']) expect(isValidEmail(email), email).toBe(true);
    for (const email of ['ivanov@', 'ivanov@mail', 'ivanov mail.ru', 'a@@b.org', 'a@b..org', '@b.org']) expect(isValidEmail(email), email).toBe(false);
    for (const phone of ['+996 312 123456', '(312) 12-34-56', '12345', '+1.202.555.0100']) expect(isValidPhone(phone), phone).toBe(true);
    for (const phone of ['1234', '12ab34', '++996 312', '+996 312 123456 789 000', 'n@b.org']) expect(isValidPhone(phone), phone).toBe(false);
  });

  it('requires a name in one script and Latin letters only in the Latin-script name', () => {
    const codes = (fields: Partial<ReturnType<typeof emptyDelegateFields>>) =>
      validateDelegateFields(normalizeDelegateFields({ ...emptyDelegateFields(), ...fields })).map((i) => `${i.path}:${i.code}`);
    expect(codes({ nameLatin: '  ', nameNative: ' ' })).toEqual(['nameLatin:nameRequired']);
    expect(codes({ nameNative: 'Нурлан' })).toEqual([]);
    expect(codes({ nameLatin: 'Émile O’Neil-Zoë' })).toEqual([]);
    expect(codes({ nameLatin: 'Нурлан' })).toEqual(['nameLatin:latinNameNotLatin']);
    expect(codes({ nameLatin: 'A', languages: ['english'] })).toEqual(['languages:languageInvalid']);
  });

  it('resolves language names in English and Russian to tags', () => {
    expect(['Russian', 'русский', 'RU', 'Dari', 'fa-af', 'киргизский'].map(resolveLanguage)).toEqual(['ru', 'ru', 'ru', 'fa-AF', 'fa-AF', 'ky']);
    expect(resolveLanguage('Klingon')).toBeNull();
  });
});
