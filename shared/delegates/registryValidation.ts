/**
 * Rules for countries and organizations, the other two parts of the registry. Problems
 * carry an i18n code (under `delegates.issues`) and the field they concern, like
 * delegates' problems (validation.ts).
 */
import { membershipStatuses, organizationKinds, type Bilingual, type MembershipStatus, type OrganizationKind } from '../model';
import type { DelegateIssueCode } from './validation';

export type RegistryIssueCode =
  | DelegateIssueCode
  | 'countryCodeInvalid'
  | 'countryExists'
  | 'countryNameRequired'
  | 'membershipInvalid'
  | 'organizationNameRequired'
  | 'organizationKindInvalid'
  | 'organizationInUse';

export interface RegistryIssue {
  path: string;
  code: RegistryIssueCode;
  params?: Record<string, string>;
}

export interface CountryFields {
  /** ISO 3166-1 alpha-2 code, e.g. "KZ". */
  id: string;
  name: Bilingual;
  membership: MembershipStatus;
}

export interface OrganizationFields {
  name: Bilingual;
  acronym: string;
  countryId: string | null;
  kind: OrganizationKind;
}

export const MAX_ORGANIZATION_NAME = 300;
export const MAX_ACRONYM = 30;

export function normalizeCountryFields(fields: CountryFields): CountryFields {
  return {
    id: fields.id.trim().toUpperCase(),
    name: { en: fields.name.en.trim(), ru: fields.name.ru.trim() },
    membership: fields.membership,
  };
}

/** Countries are printed in both languages, so both names are required. */
export function validateCountryFields(fields: CountryFields): RegistryIssue[] {
  const issues: RegistryIssue[] = [];
  if (!/^[A-Z]{2}$/.test(fields.id)) issues.push({ path: 'id', code: 'countryCodeInvalid', params: { value: fields.id } });
  for (const language of ['en', 'ru'] as const) {
    if (fields.name[language] === '') issues.push({ path: `name.${language}`, code: 'countryNameRequired' });
    else if (fields.name[language].length > MAX_ORGANIZATION_NAME) {
      issues.push({ path: `name.${language}`, code: 'textTooLong', params: { max: String(MAX_ORGANIZATION_NAME) } });
    }
  }
  if (!(membershipStatuses as readonly string[]).includes(fields.membership)) issues.push({ path: 'membership', code: 'membershipInvalid' });
  return issues;
}

export function normalizeOrganizationFields(fields: OrganizationFields): OrganizationFields {
  return {
    name: { en: fields.name.en.trim().replace(/\s+/g, ' '), ru: fields.name.ru.trim().replace(/\s+/g, ' ') },
    acronym: fields.acronym.trim(),
    countryId: fields.countryId,
    kind: fields.kind,
  };
}

/** An organization needs a name in at least one language; the other may follow from a translator. */
export function validateOrganizationFields(fields: OrganizationFields): RegistryIssue[] {
  const issues: RegistryIssue[] = [];
  if (fields.name.en === '' && fields.name.ru === '') issues.push({ path: 'name.en', code: 'organizationNameRequired' });
  for (const language of ['en', 'ru'] as const) {
    if (fields.name[language].length > MAX_ORGANIZATION_NAME) {
      issues.push({ path: `name.${language}`, code: 'textTooLong', params: { max: String(MAX_ORGANIZATION_NAME) } });
    }
  }
  if (fields.acronym.length > MAX_ACRONYM) issues.push({ path: 'acronym', code: 'textTooLong', params: { max: String(MAX_ACRONYM) } });
  if (!(organizationKinds as readonly string[]).includes(fields.kind)) issues.push({ path: 'kind', code: 'organizationKindInvalid' });
  return issues;
}
