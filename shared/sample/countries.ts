/**
 * The countries every installation seeds at first run. They carry the seed origin and the
 * seed stamp (not the installation's clock) so every machine creates byte-identical
 * records: a sync then has nothing to merge, and any real edit (a later stamp) wins.
 */
import type { Country, MembershipStatus } from '../model';
import { SEED_ORIGIN, SEED_STAMP } from '../sync/hlc';

interface SeedCountry {
  id: string;
  en: string;
  ru: string;
  membership: MembershipStatus;
}

const SEED: readonly SeedCountry[] = [
  { id: 'KZ', en: 'Kazakhstan', ru: 'Казахстан', membership: 'member' },
  { id: 'KG', en: 'Kyrgyzstan', ru: 'Кыргызстан', membership: 'member' },
  { id: 'TJ', en: 'Tajikistan', ru: 'Таджикистан', membership: 'member' },
  { id: 'TM', en: 'Turkmenistan', ru: 'Туркменистан', membership: 'member' },
  { id: 'UZ', en: 'Uzbekistan', ru: 'Узбекистан', membership: 'non-member' },
  { id: 'AF', en: 'Afghanistan', ru: 'Афганистан', membership: 'observer' },
  { id: 'US', en: 'United States', ru: 'США', membership: 'non-member' },
];

/** ISO 3166-1 alpha-2 codes of the seeded countries, in seed order. */
export const seedCountryIds: readonly string[] = SEED.map((country) => country.id);

/** Fresh copies each call, so no caller can alter another's seed records. */
export function buildSeedCountries(): Country[] {
  return SEED.map((country) => ({
    id: country.id,
    name: { en: country.en, ru: country.ru },
    membership: country.membership,
    hlc: SEED_STAMP,
    origin: SEED_ORIGIN,
    deleted: false,
  }));
}
