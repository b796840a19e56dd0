/**
 * The ways spreadsheets name a country, for the CSV import: the registry's two-letter code
 * (ISO 3166-1 alpha-2), the three-letter code (alpha-3: "KAZ", as passports and customs
 * forms write it), the registry's English and Russian names, the names the platform's ICU
 * data gives in both languages (Intl.DisplayNames: "Киргизия", "Türkiye"…) and the official
 * and older names people type ("Kyrgyz Republic", "Республика Казахстан", "Туркмения").
 */

/** ISO 3166-1 alpha-3 codes by alpha-2, for the region, its neighbours, partners and donors. */
const ALPHA3: Readonly<Record<string, string>> = {
  AF: 'AFG', AM: 'ARM', AT: 'AUT', AU: 'AUS', AZ: 'AZE', BE: 'BEL', BG: 'BGR', BY: 'BLR', CA: 'CAN', CH: 'CHE',
  CN: 'CHN', CZ: 'CZE', DE: 'DEU', DK: 'DNK', EE: 'EST', EG: 'EGY', ES: 'ESP', FI: 'FIN', FR: 'FRA', GB: 'GBR',
  GE: 'GEO', GR: 'GRC', HU: 'HUN', ID: 'IDN', IN: 'IND', IR: 'IRN', IT: 'ITA', JP: 'JPN', KG: 'KGZ', KR: 'KOR',
  KZ: 'KAZ', LT: 'LTU', LV: 'LVA', MD: 'MDA', MN: 'MNG', MY: 'MYS', NL: 'NLD', NO: 'NOR', PK: 'PAK', PL: 'POL',
  PT: 'PRT', QA: 'QAT', RO: 'ROU', RU: 'RUS', SA: 'SAU', SE: 'SWE', SK: 'SVK', TJ: 'TJK', TM: 'TKM', TR: 'TUR',
  UA: 'UKR', AE: 'ARE', US: 'USA', UZ: 'UZB', CY: 'CYP', IL: 'ISR', IE: 'IRL', BD: 'BGD', NP: 'NPL', LK: 'LKA',
  TH: 'THA', VN: 'VNM', PH: 'PHL', SG: 'SGP', NZ: 'NZL', BR: 'BRA', MX: 'MEX', ZA: 'ZAF', OM: 'OMN', KW: 'KWT',
};

/** Official, older and common names besides the registry's and ICU's. */
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  KZ: ['Republic of Kazakhstan', 'Kazakstan', 'Qazaqstan', 'Республика Казахстан', 'Қазақстан', 'РК'],
  KG: ['Kyrgyz Republic', 'Kirghizia', 'Kirgizia', 'Kyrgyz', 'Кыргызская Республика', 'Киргизская Республика', 'Киргизстан', 'Кыргызстан', 'КР'],
  TJ: ['Republic of Tajikistan', 'Tadjikistan', 'Tadzhikistan', 'Республика Таджикистан', 'Тоҷикистон', 'РТ'],
  TM: ['Turkmenia', 'Türkmenistan', 'Туркмения'],
  UZ: ['Republic of Uzbekistan', 'Oʻzbekiston', 'Uzbekiston', 'Республика Узбекистан', 'РУз'],
  AF: ['Islamic Republic of Afghanistan', 'Islamic Emirate of Afghanistan', 'Исламская Республика Афганистан', 'افغانستان'],
  US: ['USA', 'U.S.', 'U.S.A.', 'United States of America', 'America', 'Соединённые Штаты Америки', 'Соединенные Штаты', 'Соединённые Штаты'],
  RU: ['Russian Federation', 'Российская Федерация', 'РФ'],
  GB: ['UK', 'United Kingdom of Great Britain and Northern Ireland', 'Great Britain', 'Великобритания', 'Соединённое Королевство'],
  TR: ['Turkey', 'Türkiye', 'Турция'],
  CN: ["People's Republic of China", 'PRC', 'КНР'],
  KR: ['Republic of Korea', 'South Korea', 'Южная Корея', 'Республика Корея'],
  IR: ['Islamic Republic of Iran', 'Iran', 'Иран'],
  AE: ['UAE', 'ОАЭ'],
};

/** Words official names add around the name itself; a label without them is tried too. */
const FILLER = /\b(the|republic|of|islamic|federal|democratic|state)\b|(^|\s)(республика|исламская|федеративная|государство)(?=\s|$)/gu;

/** Compares country names typed by people: case, spacing, punctuation and ё/е do not matter. */
export function countryKey(text: string): string {
  return text
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s_\-().,:;/\\'’ʻ]+/g, ' ')
    .trim();
}

function withoutFiller(key: string): string {
  return key.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
}

function displayNames(language: 'en' | 'ru'): { of(code: string): string | undefined } | null {
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  } catch {
    return null;
  }
}

/** Every label a country may be given in a file, besides its registry names. */
export function countryLabels(country: { id: string; name: { en: string; ru: string } }): string[] {
  const labels = [country.id, country.name.en, country.name.ru];
  const alpha3 = ALPHA3[country.id];
  if (alpha3) labels.push(alpha3);
  for (const language of ['en', 'ru'] as const) {
    const name = displayNames(language)?.of(country.id);
    if (name && name !== country.id) labels.push(name);
  }
  labels.push(...(VARIANTS[country.id] ?? []));
  return labels.filter((label) => label.trim() !== '');
}

/**
 * A lookup from a cell to the id of one of `countries`: undefined when no country is
 * called so (or when two are, which only hand-made registry names could cause).
 */
export function countryResolver(countries: readonly { id: string; name: { en: string; ru: string } }[]): (text: string) => string | undefined {
  const exact = new Map<string, string | null>();
  const loose = new Map<string, string | null>();
  const add = (map: Map<string, string | null>, key: string, id: string) => {
    if (key === '') return;
    const known = map.get(key);
    map.set(key, known === undefined || known === id ? id : null);
  };
  for (const country of countries) {
    for (const label of countryLabels(country)) {
      const key = countryKey(label);
      add(exact, key, country.id);
      add(loose, withoutFiller(key), country.id);
    }
  }
  return (text) => {
    const key = countryKey(text);
    const found = exact.get(key) ?? loose.get(withoutFiller(key));
    return found ?? undefined;
  };
}
