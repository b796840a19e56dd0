/**
 * CSV import and export of the delegate registry (parsing and writing by papaparse).
 *
 * Import: parse → map file columns to fields (guessed from the header in English or
 * Russian, changeable by the user) → check every row, naming each problem with the row
 * number a spreadsheet shows (the header is row 1) → the valid rows go to the repository,
 * which writes them in one transaction. Rows with an `ID` column that names a stored
 * person update that person (empty cells keep the stored value), so a file exported,
 * edited in a spreadsheet and imported again changes people instead of duplicating them.
 *
 * Export: one row per person, header and labels in the user's language, UTF-8 with a
 * byte-order mark (so Excel shows Cyrillic), e-mail and phone only for people who agreed
 * to have their contacts shared.
 */
import Papa from 'papaparse';
import type { Country, Delegate, DelegateRole, Organization } from '../model';
import { delegateRoles } from '../model';
import { delegatesEn, delegatesRu } from '../i18n/delegates';
import { resolveLanguage } from './languages';
import {
  emptyDelegateFields,
  hasNonLatinLetters,
  normalizeDelegateFields,
  validateDelegateFields,
  type DelegateFields,
  type DelegateIssueCode,
} from './validation';

export const csvFields = [
  'id',
  'honorific',
  'nameLatin',
  'nameNative',
  'positionEn',
  'positionRu',
  'organization',
  'country',
  'roles',
  'email',
  'phone',
  'languages',
  'notes',
  'consentPrintContacts',
  'consentShareContacts',
] as const;
export type CsvField = (typeof csvFields)[number];

/** For each field, the index of the file column it is read from, or null (not imported). */
export type ColumnMapping = Record<CsvField, number | null>;

export type CsvIssueCode =
  | DelegateIssueCode
  | 'unknownRole'
  | 'ambiguousOrganization'
  | 'consentInvalid'
  | 'idInvalid'
  | 'idDeleted'
  | 'idRepeated'
  | 'notPermitted'
  | 'malformedRow';

export interface CsvIssue {
  /** The field the problem is in; null for the row as a whole. */
  field: CsvField | null;
  code: CsvIssueCode;
  params?: Record<string, string>;
}

export interface CsvRowError {
  /** Row number as a spreadsheet shows it: the header is row 1, the first person row 2. */
  row: number;
  issues: CsvIssue[];
}

export interface ParsedCsv {
  headers: string[];
  rows: { row: number; cells: string[] }[];
  /** The column separator papaparse detected: "," or ";" (Excel with a Russian locale) or a tab. */
  delimiter: string;
  /** Rows the parser could not read (an unterminated quote). */
  malformed: CsvRowError[];
  /** Rows with no text at all, skipped. */
  emptyRows: number;
}

export interface CsvImportRow {
  row: number;
  /** The stored person this row updates, or the id the file gives a new person; null: a new id. */
  id: string | null;
  update: boolean;
  fields: DelegateFields;
}

export interface CsvValidation {
  rows: CsvImportRow[];
  errors: CsvRowError[];
  emptyRows: number;
}

export interface CsvLookups {
  /** Live countries. */
  countries: readonly Country[];
  /** Live organizations. */
  organizations: readonly Organization[];
  /** Every stored person by id, tombstones included (merged ids are followed). */
  delegates: ReadonlyMap<string, Delegate>;
  /** Whether this installation may update a stored person (see permissions.ts); everyone when absent. */
  canEdit?: (delegate: Delegate) => boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Compares labels typed by people: case, spacing, punctuation and ё/е do not matter. */
export function normalizeLabel(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s_\-().,:;/\\]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------
// Parsing and column mapping

const DELIMITERS = [';', ',', '\t', '|'] as const;

/**
 * The column separator, read from the header row: the candidate that occurs most often
 * outside quotes. Papaparse's own guess weighs every line's field count, which short
 * files with blank lines or many empty cells can mislead; a header row names every
 * column, so it is the reliable line to look at. Falls back to the comma.
 */
export function guessDelimiter(text: string): string {
  let header = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === '\n' || char === '\r')) {
      if (header.trim() !== '') break;
      header = '';
      continue;
    }
    if (!quoted) header += char;
  }
  let best = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = header.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: guessDelimiter(text) });
  const data = result.data;
  const malformedRows = new Set<number>();
  const malformed: CsvRowError[] = [];
  for (const error of result.errors) {
    // A file with one column has no delimiter to detect: not a problem.
    if (error.type === 'Delimiter' || error.row === undefined) continue;
    const row = error.row + 1;
    if (malformedRows.has(row)) continue;
    malformedRows.add(row);
    malformed.push({ row, issues: [{ field: null, code: 'malformedRow', params: { detail: error.message } }] });
  }
  const headerIndex = data.findIndex((cells) => cells.some((cell) => cell.trim() !== ''));
  const headers = headerIndex === -1 ? [] : (data[headerIndex] ?? []).map((cell) => cell.trim());
  const rows: ParsedCsv['rows'] = [];
  let emptyRows = 0;
  // Spreadsheets often end a file with blank lines: only blank lines between people count.
  let pendingEmpty = 0;
  data.forEach((cells, index) => {
    if (index <= headerIndex) return;
    const row = index + 1;
    if (malformedRows.has(row)) return;
    if (cells.every((cell) => cell.trim() === '')) {
      pendingEmpty += 1;
      return;
    }
    emptyRows += pendingEmpty;
    pendingEmpty = 0;
    rows.push({ row, cells });
  });
  return { headers, rows, delimiter: result.meta.delimiter, malformed: malformed.sort((a, b) => a.row - b.row), emptyRows };
}

/** Header texts recognized for each field, besides the app's own headers in both languages. */
const HEADER_SYNONYMS: Record<CsvField, readonly string[]> = {
  id: ['id', 'uuid', 'identifier', 'идентификатор'],
  honorific: ['honorific', 'title', 'salutation', 'обращение'],
  nameLatin: ['name', 'full name', 'latin name', 'name latin', 'name in latin', 'name en', 'nameLatin', 'фио латиницей', 'имя латиницей'],
  nameNative: ['native name', 'name native', 'cyrillic name', 'name cyrillic', 'name ru', 'nameNative', 'фио', 'имя', 'имя кириллицей', 'фио кириллицей'],
  positionEn: ['position', 'job title', 'position en', 'position english', 'positionEn', 'должность англ', 'должность на английском'],
  positionRu: ['position ru', 'position russian', 'positionRu', 'должность', 'должность рус', 'должность на русском'],
  organization: ['organization', 'organisation', 'agency', 'org', 'организация', 'ведомство'],
  country: ['country', 'country code', 'страна', 'государство'],
  roles: ['roles', 'role', 'роль', 'роли'],
  email: ['email', 'e mail', 'mail', 'электронная почта', 'эл почта', 'почта'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'телефон', 'тел'],
  languages: ['languages', 'language', 'working languages', 'языки', 'язык', 'рабочие языки'],
  notes: ['notes', 'note', 'comments', 'remarks', 'примечания', 'примечание', 'комментарий'],
  consentPrintContacts: ['consentPrintContacts', 'consent print', 'print contacts', 'согласие на печать'],
  consentShareContacts: ['consentShareContacts', 'consent share', 'share contacts', 'согласие на передачу'],
};

let headerTable: Map<string, CsvField> | null = null;

function headerFields(): Map<string, CsvField> {
  if (headerTable === null) {
    headerTable = new Map();
    for (const field of csvFields) {
      for (const label of [delegatesEn.csv.headers[field], delegatesRu.csv.headers[field], field, ...HEADER_SYNONYMS[field]]) {
        const key = normalizeLabel(label);
        if (!headerTable.has(key)) headerTable.set(key, field);
      }
    }
  }
  return headerTable;
}

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(csvFields.map((field) => [field, null])) as ColumnMapping;
}

/** The mapping suggested by the header row; columns with unknown headers are left out. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const known = headerFields();
  headers.forEach((header, index) => {
    const field = known.get(normalizeLabel(header));
    if (field !== undefined && mapping[field] === null) mapping[field] = index;
  });
  return mapping;
}

/** A mapping can be used when it reads at least one of the two names. */
export function mappingReadsName(mapping: ColumnMapping): boolean {
  return mapping.nameLatin !== null || mapping.nameNative !== null;
}

// ---------------------------------------------------------------------------------------
// Rows to delegates

/**
 * Cells a spreadsheet would run as formulas (starting with = + - @ or a control
 * character) are written with a leading apostrophe, which spreadsheets show as text;
 * reading removes it. A cell that already starts with apostrophes before such a character
 * gets one more, so reading gives back exactly what was written.
 */
const ESCAPED = /^'*[=+\-@\t\r]/;

/** Surrounding spaces are dropped, as reading (and saving a person) drops them. */
export function escapeCell(cell: string): string {
  const trimmed = cell.trim();
  return ESCAPED.test(trimmed) ? `'${trimmed}` : trimmed;
}

export function unescapeCell(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.startsWith("'") && ESCAPED.test(trimmed) ? trimmed.slice(1) : trimmed;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'да', 'д', '+', delegatesEn.yes, delegatesRu.yes]);
const NO = new Set(['no', 'n', 'false', '0', 'нет', 'н', '-', delegatesEn.no, delegatesRu.no]);

function roleTable(): Map<string, DelegateRole> {
  const table = new Map<string, DelegateRole>();
  for (const role of delegateRoles) {
    for (const label of [role, delegatesEn.roles[role], delegatesRu.roles[role]]) table.set(normalizeLabel(label), role);
  }
  return table;
}

interface Resolvers {
  country(text: string): string | null | undefined;
  organizations(text: string): Organization[];
  roles: Map<string, DelegateRole>;
}

function resolvers(lookups: CsvLookups): Resolvers {
  const countries = new Map<string, string>();
  for (const country of lookups.countries) {
    for (const label of [country.id, country.name.en, country.name.ru]) {
      if (label.trim() !== '') countries.set(normalizeLabel(label), country.id);
    }
  }
  const organizations = new Map<string, Organization[]>();
  for (const organization of lookups.organizations) {
    const labels = new Set([organization.acronym, organization.name.en, organization.name.ru].filter((l) => l.trim() !== '').map(normalizeLabel));
    for (const label of labels) {
      const list = organizations.get(label);
      if (list) list.push(organization);
      else organizations.set(label, [organization]);
    }
  }
  return {
    country: (text) => (text === '' ? null : countries.get(normalizeLabel(text))),
    organizations: (text) => organizations.get(normalizeLabel(text)) ?? [],
    roles: roleTable(),
  };
}

/** The live record an id leads to, following merges; undefined when it leads to a deleted one. */
function liveTarget(id: string, delegates: ReadonlyMap<string, Delegate>): Delegate | undefined {
  let current = delegates.get(id);
  for (let hops = 0; current && current.deleted && hops < 16; hops += 1) {
    current = current.mergedIntoId ? delegates.get(current.mergedIntoId) : undefined;
  }
  return current && !current.deleted ? current : undefined;
}

function fieldsOf(delegate: Delegate): DelegateFields {
  const { id: _id, hlc: _hlc, origin: _origin, deleted: _deleted, fieldStamps: _stamps, mergedIntoId: _merged, ...fields } = delegate;
  return fields;
}

const ISSUE_FIELD: Record<string, CsvField> = {
  nameLatin: 'nameLatin',
  nameNative: 'nameNative',
  honorific: 'honorific',
  'position.en': 'positionEn',
  'position.ru': 'positionRu',
  email: 'email',
  phone: 'phone',
  languages: 'languages',
  notes: 'notes',
  countryId: 'country',
  organizationId: 'organization',
};

/** Splits a list cell: "a; b", "a, b" or "a | b". */
function splitList(cell: string): string[] {
  return cell
    .split(/[;,|]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Checks every row against the registry and the delegate rules; nothing is written here. */
export function validateCsv(parsed: ParsedCsv, mapping: ColumnMapping, lookups: CsvLookups): CsvValidation {
  const resolve = resolvers(lookups);
  const rows: CsvImportRow[] = [];
  const errors: CsvRowError[] = [...parsed.malformed];
  const seenIds = new Map<string, number>();

  for (const { row, cells } of parsed.rows) {
    const issues: CsvIssue[] = [];
    const cell = (field: CsvField): string => {
      const index = mapping[field];
      return index === null ? '' : unescapeCell(cells[index] ?? '');
    };
    const mapped = (field: CsvField) => mapping[field] !== null;

    // Identity: an update of a stored person, a new person with the file's id, or a new id.
    let id: string | null = null;
    let existing: Delegate | undefined;
    const idCell = cell('id');
    if (idCell !== '') {
      if (!UUID.test(idCell)) {
        issues.push({ field: 'id', code: 'idInvalid', params: { value: idCell } });
      } else {
        const stored = lookups.delegates.get(idCell.toLowerCase()) ?? lookups.delegates.get(idCell);
        existing = liveTarget(stored?.id ?? idCell, lookups.delegates);
        if (stored && !existing) issues.push({ field: 'id', code: 'idDeleted', params: { value: idCell } });
        if (existing && lookups.canEdit && !lookups.canEdit(existing)) issues.push({ field: 'id', code: 'notPermitted' });
        id = existing?.id ?? idCell.toLowerCase();
        const earlier = seenIds.get(id);
        if (earlier !== undefined) issues.push({ field: 'id', code: 'idRepeated', params: { row: String(earlier) } });
        else seenIds.set(id, row);
      }
    }

    // Empty cells keep a stored person's values; a new person starts empty.
    const fields: DelegateFields = existing ? fieldsOf(existing) : emptyDelegateFields();
    const text = (field: CsvField, apply: (value: string) => void) => {
      const value = cell(field);
      if (mapped(field) && (value !== '' || !existing)) apply(value);
    };
    text('honorific', (v) => (fields.honorific = v));
    text('nameLatin', (v) => (fields.nameLatin = v));
    text('nameNative', (v) => (fields.nameNative = v));
    // A single "Name" column often holds Cyrillic names: they belong in the native-script name.
    if (hasNonLatinLetters(fields.nameLatin) && cell('nameNative') === '' && (!existing || existing.nameNative === '')) {
      fields.nameNative = fields.nameLatin;
      fields.nameLatin = existing ? existing.nameLatin : '';
    }
    text('positionEn', (v) => (fields.position = { ...fields.position, en: v }));
    text('positionRu', (v) => (fields.position = { ...fields.position, ru: v }));
    text('email', (v) => (fields.email = v));
    text('phone', (v) => (fields.phone = v));
    text('notes', (v) => (fields.notes = v));

    const countryCell = cell('country');
    if (mapped('country') && countryCell !== '') {
      const countryId = resolve.country(countryCell);
      if (countryId === undefined || countryId === null) issues.push({ field: 'country', code: 'unknownCountry', params: { value: countryCell } });
      else fields.countryId = countryId;
    } else if (mapped('country') && !existing) fields.countryId = null;

    const organizationCell = cell('organization');
    if (mapped('organization') && organizationCell !== '') {
      const candidates = resolve.organizations(organizationCell);
      const inCountry = candidates.filter((o) => o.countryId === fields.countryId);
      const chosen = candidates.length === 1 ? candidates[0] : inCountry.length === 1 ? inCountry[0] : undefined;
      if (candidates.length === 0) issues.push({ field: 'organization', code: 'unknownOrganization', params: { value: organizationCell } });
      else if (!chosen) issues.push({ field: 'organization', code: 'ambiguousOrganization', params: { value: organizationCell } });
      else fields.organizationId = chosen.id;
    } else if (mapped('organization') && !existing) fields.organizationId = null;

    const rolesCell = cell('roles');
    if (mapped('roles') && rolesCell !== '') {
      const roles: DelegateRole[] = [];
      for (const part of splitList(rolesCell)) {
        const role = resolve.roles.get(normalizeLabel(part));
        if (role === undefined) issues.push({ field: 'roles', code: 'unknownRole', params: { value: part } });
        else roles.push(role);
      }
      fields.roles = roles;
    }

    const languagesCell = cell('languages');
    if (mapped('languages') && languagesCell !== '') {
      const languages: string[] = [];
      for (const part of splitList(languagesCell)) {
        const tag = resolveLanguage(part);
        if (tag === null) issues.push({ field: 'languages', code: 'languageInvalid', params: { value: part } });
        else languages.push(tag);
      }
      fields.languages = languages;
    }

    for (const field of ['consentPrintContacts', 'consentShareContacts'] as const) {
      const value = normalizeLabel(cell(field));
      if (!mapped(field) || (value === '' && existing)) continue;
      if (value === '' || NO.has(value)) fields[field] = false;
      else if (YES.has(value)) fields[field] = true;
      else issues.push({ field, code: 'consentInvalid', params: { value: cell(field) } });
    }

    const normalized = normalizeDelegateFields(fields);
    for (const issue of validateDelegateFields(normalized)) {
      // A wrong language was already named above, with the text as typed.
      if (issue.code === 'languageInvalid' && issues.some((i) => i.code === 'languageInvalid')) continue;
      issues.push({ field: ISSUE_FIELD[issue.path] ?? null, code: issue.code, ...(issue.params ? { params: issue.params } : {}) });
    }

    if (issues.length > 0) errors.push({ row, issues });
    else rows.push({ row, id, update: existing !== undefined, fields: normalized });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors, emptyRows: parsed.emptyRows };
}

// ---------------------------------------------------------------------------------------
// Export

export interface CsvExportOptions {
  language: 'en' | 'ru';
  countries: readonly Country[];
  organizations: readonly Organization[];
}

/**
 * The registry as CSV text, starting with a byte-order mark and with CRLF line ends (what
 * Excel expects). Contacts (e-mail, phone) are written only for people whose consent to
 * share them is recorded: a CSV file leaves the app and goes wherever its recipient sends it.
 */
export function delegatesToCsv(delegates: readonly Delegate[], options: CsvExportOptions): string {
  const strings = options.language === 'ru' ? delegatesRu : delegatesEn;
  const countries = new Map(options.countries.map((country) => [country.id, country]));
  const organizations = new Map(options.organizations.map((organization) => [organization.id, organization]));
  const pick = (text: { en: string; ru: string }) => (text[options.language].trim() !== '' ? text[options.language] : options.language === 'en' ? text.ru : text.en);
  const yesNo = (value: boolean) => (value ? strings.yes : strings.no);

  // An organization is written by its acronym when no other organization shares it
  // (several countries' services are "SCS"), else by a name no other one has, so that
  // importing the file finds the same organization again.
  const labelUses = new Map<string, number>();
  for (const organization of options.organizations) {
    const labels = new Set([organization.acronym, organization.name.en, organization.name.ru].filter((l) => l.trim() !== '').map(normalizeLabel));
    for (const label of labels) labelUses.set(label, (labelUses.get(label) ?? 0) + 1);
  }
  const unique = (label: string) => label.trim() !== '' && labelUses.get(normalizeLabel(label)) === 1;
  const organizationCell = (organization: Organization): string =>
    [organization.acronym, pick(organization.name), organization.name.en, organization.name.ru].find(unique) ?? (organization.acronym.trim() || pick(organization.name));

  const header = csvFields.map((field) => strings.csv.headers[field]);
  const rows = delegates.map((delegate) => {
    const country = delegate.countryId ? countries.get(delegate.countryId) : undefined;
    const organization = delegate.organizationId ? organizations.get(delegate.organizationId) : undefined;
    const share = delegate.consentShareContacts;
    const values: Record<CsvField, string> = {
      id: delegate.id,
      honorific: delegate.honorific,
      nameLatin: delegate.nameLatin,
      nameNative: delegate.nameNative,
      positionEn: delegate.position.en,
      positionRu: delegate.position.ru,
      organization: organization ? organizationCell(organization) : '',
      country: country ? pick(country.name) : (delegate.countryId ?? ''),
      roles: delegate.roles.map((role) => strings.roles[role]).join('; '),
      email: share ? delegate.email : '',
      phone: share ? delegate.phone : '',
      languages: delegate.languages.join('; '),
      notes: delegate.notes,
      consentPrintContacts: yesNo(delegate.consentPrintContacts),
      consentShareContacts: yesNo(delegate.consentShareContacts),
    };
    return csvFields.map((field) => escapeCell(values[field]));
  });
  return `\uFEFF${Papa.unparse([header, ...rows], { newline: '\r\n' })}\r\n`;
}
