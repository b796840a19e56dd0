/**
 * Rules for a delegate's fields, shared by the form, the CSV import and the repository,
 * so a person refused in one place is refused everywhere with the same message. Problems
 * are named by a code (an i18n key under `delegates.validation`) and the field they
 * concern; the UI turns them into sentences in the user's language.
 */
import type { Delegate } from '../model';

/** A delegate's own data: everything but identity, sync stamps and merge bookkeeping. */
export type DelegateFields = Omit<Delegate, 'id' | 'hlc' | 'origin' | 'deleted' | 'fieldStamps' | 'mergedIntoId'>;

export type DelegateIssueCode =
  | 'nameRequired'
  | 'nameTooLong'
  | 'latinNameNotLatin'
  | 'emailInvalid'
  | 'phoneInvalid'
  | 'languageInvalid'
  | 'textTooLong'
  | 'unknownCountry'
  | 'unknownOrganization'
  /** A delegation records only its own country's people and organizations (its peers refuse others). */
  | 'notOwnCountry';

export interface DelegateIssue {
  /** Field path as in ValidationError: "nameLatin", "email", "position.en"… */
  path: string;
  code: DelegateIssueCode;
  /** Values for the message's placeholders. */
  params?: Record<string, string>;
}

export const MAX_NAME_LENGTH = 200;
export const MAX_TEXT_LENGTH = 5000;

/**
 * A deliberately plain e-mail check: one @, no spaces, a dot in the domain and a
 * top-level domain of two or more letters. It refuses typos such as "ivanov@mail",
 * "ivanov mail.ru" or "ivanov@@mail.ru" without refusing real, unusual addresses.
 */
const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]{2,}$/u;

export function isValidEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email) && !email.includes('..');
}

/**
 * Phone numbers as people write them: digits with spaces, dots, hyphens and brackets,
 * optionally starting with +. Between 5 (local extension) and 15 digits (the E.164
 * maximum), so letters, a second + or a pasted e-mail are refused.
 */
export function isValidPhone(phone: string): boolean {
  if (!/^\+?[\d\s().-]+$/.test(phone)) return false;
  const digits = phone.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 15;
}

/** BCP 47 language tags as used here: "ru", "kk", "fa-AF", "uz-Cyrl". */
export function isValidLanguageTag(tag: string): boolean {
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag);
}

/** Letters other than Latin ones (Cyrillic, Arabic…) have no place in the Latin-script name. */
export function hasNonLatinLetters(text: string): boolean {
  return /(?!\p{Script=Latin})\p{L}/u.test(text);
}

/** Trims every text field, so "  Ivanov " and "Ivanov" are the same person. */
export function normalizeDelegateFields(fields: DelegateFields): DelegateFields {
  return {
    ...fields,
    nameLatin: fields.nameLatin.trim().replace(/\s+/g, ' '),
    nameNative: fields.nameNative.trim().replace(/\s+/g, ' '),
    honorific: fields.honorific.trim(),
    position: { en: fields.position.en.trim(), ru: fields.position.ru.trim() },
    email: fields.email.trim(),
    phone: fields.phone.trim(),
    languages: [...new Set(fields.languages.map((tag) => tag.trim()).filter((tag) => tag !== ''))],
    roles: [...new Set(fields.roles)],
    notes: fields.notes.trim(),
  };
}

/** Every problem with a (normalized) delegate, in form order; empty when it can be saved. */
export function validateDelegateFields(fields: DelegateFields): DelegateIssue[] {
  const issues: DelegateIssue[] = [];
  if (fields.nameLatin === '' && fields.nameNative === '') {
    issues.push({ path: 'nameLatin', code: 'nameRequired' });
  }
  for (const path of ['nameLatin', 'nameNative'] as const) {
    if (fields[path].length > MAX_NAME_LENGTH) issues.push({ path, code: 'nameTooLong', params: { max: String(MAX_NAME_LENGTH) } });
  }
  if (hasNonLatinLetters(fields.nameLatin)) issues.push({ path: 'nameLatin', code: 'latinNameNotLatin' });
  if (fields.honorific.length > MAX_NAME_LENGTH) {
    issues.push({ path: 'honorific', code: 'textTooLong', params: { max: String(MAX_NAME_LENGTH) } });
  }
  for (const language of ['en', 'ru'] as const) {
    if (fields.position[language].length > MAX_NAME_LENGTH) {
      issues.push({ path: `position.${language}`, code: 'textTooLong', params: { max: String(MAX_NAME_LENGTH) } });
    }
  }
  if (fields.email !== '' && !isValidEmail(fields.email)) issues.push({ path: 'email', code: 'emailInvalid', params: { value: fields.email } });
  if (fields.phone !== '' && !isValidPhone(fields.phone)) issues.push({ path: 'phone', code: 'phoneInvalid', params: { value: fields.phone } });
  const badLanguage = fields.languages.find((tag) => !isValidLanguageTag(tag));
  if (badLanguage !== undefined) issues.push({ path: 'languages', code: 'languageInvalid', params: { value: badLanguage } });
  if (fields.notes.length > MAX_TEXT_LENGTH) issues.push({ path: 'notes', code: 'textTooLong', params: { max: String(MAX_TEXT_LENGTH) } });
  return issues;
}

/** The name to show: Latin script when there is one, else the native one. */
export function displayName(delegate: Pick<Delegate, 'nameLatin' | 'nameNative'>): string {
  return delegate.nameLatin !== '' ? delegate.nameLatin : delegate.nameNative;
}

/** An empty delegate, as the "add" form starts. */
export function emptyDelegateFields(): DelegateFields {
  return {
    nameLatin: '',
    nameNative: '',
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
  };
}
