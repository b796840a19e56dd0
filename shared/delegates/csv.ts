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
import type { Country, Delegate, DelegateRole, Organization, OrganizationKind } from '../model';
import { delegateRoles } from '../model';
import { delegatesEn, delegatesRu } from '../i18n/delegates';
import { countryResolver } from './countryNames';
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

/**
 * Parts of a name that spreadsheets keep in separate columns ("Фамилия", "Имя", "Отчество";
 * "Surname", "Given name"): combined into one person's name on import, given name first as
 * the registry writes names ("Нурлан Токтогулович Токтогулов"). The unmarked parts are the
 * native-script name unless the cells are in Latin script; the "Latin" parts the Latin one.
 */
export const namePartFields = ['familyName', 'givenName', 'middleName', 'familyNameLatin', 'givenNameLatin'] as const;
export type NamePartField = (typeof namePartFields)[number];

export type ImportField = CsvField | NamePartField;
/**
 * Every field a file column can be imported into, in the order the mapping table shows them:
 * the export's columns, with the name parts before the whole names.
 */
export const importFields: readonly ImportField[] = [...csvFields.slice(0, 2), ...namePartFields, ...csvFields.slice(2)];

/** For each field, the index of the file column it is read from, or null (not imported). */
export type ColumnMapping = Record<ImportField, number | null>;

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
  /** The file columns (indexes) the field was read from; empty for the row as a whole. */
  columns?: number[];
  /** The cell text as the file has it (the cells of all those columns, space-separated). */
  value?: string;
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
  /** The key of the organization to create for this person (see CsvValidation.newOrganizations). */
  newOrganization?: string;
}

/** An organization the file names that the registry does not have, created by the import when asked. */
export interface NewOrganization {
  /** Its label as normalized; rows refer to it by this key. */
  key: string;
  name: { en: string; ru: string };
  acronym: string;
  /** The country of the rows naming it when they agree, else null (international). */
  countryId: string | null;
  /** A customs service when its name says so, else "other" (changeable later under Organizations). */
  kind: OrganizationKind;
  /** The rows that name it. */
  rows: number[];
}

export interface CsvValidation {
  rows: CsvImportRow[];
  errors: CsvRowError[];
  emptyRows: number;
  /** Organizations to create (when the import was asked to), in the order the file names them. */
  newOrganizations: NewOrganization[];
  /** Organizations the file names that the registry does not have, with their rows, whether created or reported. */
  unknownOrganizations: { label: string; rows: number[] }[];
}

export interface CsvValidateOptions {
  /** Create organizations the registry does not have instead of reporting their rows. */
  createOrganizations?: boolean;
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
  /** Whether this installation may record a person or organization of a country (see permissions.ts); any when absent. */
  canRecordCountry?: (countryId: string | null) => boolean;
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
const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  id: ['id', 'uuid', 'identifier', 'идентификатор'],
  honorific: ['honorific', 'title', 'salutation', 'обращение', 'mr mrs', 'г н г жа'],
  familyName: ['familyName', 'family name', 'surname', 'last name', 'lastname', 'фамилия'],
  givenName: ['givenName', 'given name', 'first name', 'firstname', 'forename', 'given names', 'имя'],
  middleName: ['middleName', 'middle name', 'patronymic', 'отчество'],
  familyNameLatin: [
    'familyNameLatin', 'family name latin', 'surname latin', 'last name latin', 'surname in latin', 'family name in latin',
    'фамилия латиницей', 'фамилия лат', 'фамилия на латинице', 'фамилия англ', 'фамилия на английском',
  ],
  givenNameLatin: [
    'givenNameLatin', 'given name latin', 'first name latin', 'given name in latin', 'first name in latin',
    'имя латиницей', 'имя лат', 'имя на латинице', 'имя англ', 'имя на английском',
  ],
  nameLatin: ['name', 'full name', 'latin name', 'name latin', 'name in latin', 'name en', 'nameLatin', 'фио латиницей', 'фио лат', 'фио англ', 'фио на английском'],
  nameNative: ['native name', 'name native', 'cyrillic name', 'name cyrillic', 'name ru', 'nameNative', 'фио', 'ф и о', 'полное имя', 'имя кириллицей', 'фио кириллицей'],
  positionEn: ['position', 'job title', 'title position', 'post', 'position en', 'position english', 'positionEn', 'должность англ', 'должность на английском'],
  positionRu: ['position ru', 'position russian', 'positionRu', 'должность', 'должность рус', 'должность на русском', 'занимаемая должность'],
  organization: ['organization', 'organisation', 'agency', 'org', 'institution', 'department', 'организация', 'ведомство', 'учреждение', 'место работы'],
  country: ['country', 'country code', 'страна', 'государство', 'код страны'],
  roles: ['roles', 'role', 'роль', 'роли'],
  email: ['email', 'e mail', 'mail', 'email address', 'e mail address', 'электронная почта', 'эл почта', 'эл адрес', 'почта', 'адрес электронной почты'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'phone number', 'телефон', 'тел', 'моб', 'мобильный', 'мобильный телефон', 'контактный телефон'],
  languages: ['languages', 'language', 'working languages', 'языки', 'язык', 'рабочие языки'],
  notes: ['notes', 'note', 'comments', 'remarks', 'примечания', 'примечание', 'комментарий'],
  consentPrintContacts: ['consentPrintContacts', 'consent print', 'print contacts', 'согласие на печать'],
  consentShareContacts: ['consentShareContacts', 'consent share', 'share contacts', 'согласие на передачу'],
};

/** Fields whose two forms a header cannot tell apart ("Должность / Position"): the column's script decides. */
const SCRIPT_PAIRS: readonly (readonly [latin: ImportField, native: ImportField])[] = [
  ['nameLatin', 'nameNative'],
  ['positionEn', 'positionRu'],
  ['familyNameLatin', 'familyName'],
  ['givenNameLatin', 'givenName'],
];

let headerTable: Map<string, ImportField> | null = null;

function headerFields(): Map<string, ImportField> {
  if (headerTable === null) {
    headerTable = new Map();
    for (const field of importFields) {
      const own = (csvFields as readonly string[]).includes(field) ? [delegatesEn.csv.headers[field as CsvField], delegatesRu.csv.headers[field as CsvField]] : [];
      const names = (namePartFields as readonly string[]).includes(field) ? [delegatesEn.import.parts[field as NamePartField], delegatesRu.import.parts[field as NamePartField]] : [];
      for (const label of [...own, ...names, field, ...HEADER_SYNONYMS[field]]) {
        const key = normalizeLabel(label);
        if (key !== '' && !headerTable.has(key)) headerTable.set(key, field);
      }
    }
  }
  return headerTable;
}

/**
 * The fields a header names: the whole header, else each part of a bilingual header
 * ("Фамилия / Surname", "Должность (Position)", "Страна\nCountry"), else the header
 * without a trailing "*" or number ("Телефон 1").
 */
export function headerCandidates(header: string): ImportField[] {
  const known = headerFields();
  const whole = known.get(normalizeLabel(header));
  if (whole !== undefined) return [whole];
  const found: ImportField[] = [];
  for (const part of header.split(/[/|()[\]\n\r]+/)) {
    const field = known.get(normalizeLabel(part.replace(/[*:]+/g, '')));
    if (field !== undefined && !found.includes(field)) found.push(field);
  }
  if (found.length > 0) return found;
  const stripped = known.get(normalizeLabel(header.replace(/[*:]+|\s*\d+\s*$/g, '')));
  return stripped === undefined ? [] : [stripped];
}

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(importFields.map((field) => [field, null])) as ColumnMapping;
}

/** Most non-empty cells of the column have letters of a script other than Latin. */
function columnIsNative(rows: readonly { cells: string[] }[], index: number): boolean {
  let native = 0;
  let latin = 0;
  for (const { cells } of rows.slice(0, 200)) {
    const cell = (cells[index] ?? '').trim();
    if (cell === '' || !/\p{L}/u.test(cell)) continue;
    if (hasNonLatinLetters(cell)) native += 1;
    else latin += 1;
  }
  return native > latin;
}

/**
 * The mapping suggested by the header row (and, for a header that fits both forms of a
 * field, by the script of the column's cells); columns with unknown headers are left out.
 */
export function guessMapping(headers: readonly string[], rows: readonly { cells: string[] }[] = []): ColumnMapping {
  const mapping = emptyMapping();
  headers.forEach((header, index) => {
    let candidates = headerCandidates(header);
    const hasData = rows.some(({ cells }) => (cells[index] ?? '').trim() !== '');
    for (const [latin, native] of SCRIPT_PAIRS) {
      // A header of either form, or of both: the cells say which one the column holds.
      if (!candidates.includes(latin) && !candidates.includes(native)) continue;
      if (!hasData) continue;
      const chosen = columnIsNative(rows, index) ? native : latin;
      // The other form next, should the chosen one be taken by an earlier column.
      candidates = [chosen, chosen === native ? latin : native, ...candidates.filter((field) => field !== latin && field !== native)];
    }
    const field = candidates.find((candidate) => mapping[candidate] === null);
    if (field !== undefined) mapping[field] = index;
  });
  return mapping;
}

/**
 * The columns no field is read from and that hold something (a header or a cell): shown
 * with a warning before the import, so nothing is dropped without the user knowing.
 */
export function unmappedColumns(parsed: Pick<ParsedCsv, 'headers' | 'rows'>, mapping: ColumnMapping): number[] {
  const used = new Set(Object.values(mapping).filter((index): index is number => index !== null));
  const width = Math.max(parsed.headers.length, ...parsed.rows.map((row) => row.cells.length));
  const out: number[] = [];
  for (let index = 0; index < width; index += 1) {
    if (used.has(index)) continue;
    const header = (parsed.headers[index] ?? '').trim();
    if (header !== '' || parsed.rows.some(({ cells }) => (cells[index] ?? '').trim() !== '')) out.push(index);
  }
  return out;
}

/** A mapping can be used when it reads at least one of the two names, whole or in parts. */
export function mappingReadsName(mapping: ColumnMapping): boolean {
  return [mapping.nameLatin, mapping.nameNative, ...namePartFields.map((field) => mapping[field])].some((index) => index !== null);
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
  country(text: string): string | undefined;
  organizations(text: string): Organization[];
  roles: Map<string, DelegateRole>;
}

function resolvers(lookups: CsvLookups): Resolvers {
  const country = countryResolver(lookups.countries);
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
    country,
    organizations: (text) => organizations.get(normalizeLabel(text)) ?? [],
    roles: roleTable(),
  };
}

/** "SCS", "WCO", "ГТК": a short word of capitals (and digits) is an acronym, not a name. */
function looksLikeAcronym(text: string): boolean {
  return /^[\p{Lu}\d&.-]{2,10}$/u.test(text.trim());
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

/** The columns each field's value comes from, for naming them in a problem. */
function fieldColumns(mapping: ColumnMapping, field: CsvField | null): number[] {
  if (field === null) return [];
  const parts: readonly ImportField[] =
    field === 'nameLatin'
      ? ['nameLatin', 'givenNameLatin', 'familyNameLatin']
      : field === 'nameNative'
        ? ['nameNative', 'givenName', 'middleName', 'familyName']
        : [field];
  return parts
    .map((part) => mapping[part])
    .filter((index): index is number => index !== null)
    .sort((a, b) => a - b);
}

/** The columns a problem is in: a missing name is missing from every name column. */
function issueColumns(mapping: ColumnMapping, field: CsvField | null, code: CsvIssueCode): number[] {
  if (code !== 'nameRequired') return fieldColumns(mapping, field);
  return [...fieldColumns(mapping, 'nameLatin'), ...fieldColumns(mapping, 'nameNative')].sort((a, b) => a - b);
}

/**
 * Checks every row against the registry and the delegate rules; nothing is written here.
 * Every problem names the field, the columns it was read from and the cell text.
 */
export function validateCsv(parsed: ParsedCsv, mapping: ColumnMapping, lookups: CsvLookups, options: CsvValidateOptions = {}): CsvValidation {
  const resolve = resolvers(lookups);
  const rows: CsvImportRow[] = [];
  const errors: CsvRowError[] = [...parsed.malformed];
  const seenIds = new Map<string, number>();
  const unknownOrganizations = new Map<string, { label: string; rows: number[]; countries: Set<string | null> }>();

  for (const { row, cells } of parsed.rows) {
    const issues: CsvIssue[] = [];
    const read = (field: ImportField): string => {
      const index = mapping[field];
      return index === null ? '' : unescapeCell(cells[index] ?? '');
    };
    const cell = (field: CsvField): string => read(field);
    const mapped = (field: ImportField) => mapping[field] !== null;
    /** The text of a field's columns, as the file has it. */
    const report = (field: CsvField | null, code: CsvIssueCode, params?: Record<string, string>) => {
      const columns = issueColumns(mapping, field, code);
      const value = columns
        .map((index) => unescapeCell(cells[index] ?? ''))
        .filter((text) => text !== '')
        .join(' ');
      issues.push({ field, code, ...(params ? { params } : {}), columns, value });
    };

    // Identity: an update of a stored person, a new person with the file's id, or a new id.
    let id: string | null = null;
    let existing: Delegate | undefined;
    const idCell = cell('id');
    if (idCell !== '') {
      if (!UUID.test(idCell)) {
        report('id', 'idInvalid', { value: idCell });
      } else {
        const stored = lookups.delegates.get(idCell.toLowerCase()) ?? lookups.delegates.get(idCell);
        existing = liveTarget(stored?.id ?? idCell, lookups.delegates);
        if (stored && !existing) report('id', 'idDeleted', { value: idCell });
        if (existing && lookups.canEdit && !lookups.canEdit(existing)) report('id', 'notPermitted');
        id = existing?.id ?? idCell.toLowerCase();
        const earlier = seenIds.get(id);
        if (earlier !== undefined) report('id', 'idRepeated', { row: String(earlier) });
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
    // A name kept in parts: given name, patronymic, family name, as the registry writes names.
    const joined = (parts: readonly ImportField[]) =>
      parts
        .map(read)
        .filter((part) => part !== '')
        .join(' ');
    const partsNative = joined(['givenName', 'middleName', 'familyName']);
    const partsLatin = joined(['givenNameLatin', 'familyNameLatin']);
    if (partsLatin !== '' && (fields.nameLatin === '' || !mapped('nameLatin'))) fields.nameLatin = partsLatin;
    if (partsNative !== '') {
      // Parts in Latin script (a "Surname" column of Latin names) are the Latin-script name.
      if (!hasNonLatinLetters(partsNative) && (fields.nameLatin === '' || fields.nameLatin === partsNative)) fields.nameLatin = partsNative;
      else if (fields.nameNative === '' || !mapped('nameNative')) fields.nameNative = partsNative;
    }
    // A single "Name" column often holds Cyrillic names: they belong in the native-script name.
    if (hasNonLatinLetters(fields.nameLatin) && fields.nameNative === '' && (!existing || existing.nameNative === '')) {
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
      if (countryId === undefined) report('country', 'unknownCountry', { value: countryCell });
      else fields.countryId = countryId;
    } else if (mapped('country') && !existing) fields.countryId = null;
    // Peers refuse a delegation's people of other countries: reported here, not refused half-way.
    if (lookups.canRecordCountry && !issues.some((issue) => issue.field === 'country') && !lookups.canRecordCountry(fields.countryId)) {
      report('country', 'notOwnCountry');
    }

    let newOrganization: string | undefined;
    const organizationCell = cell('organization');
    if (mapped('organization') && organizationCell !== '') {
      const candidates = resolve.organizations(organizationCell);
      const inCountry = candidates.filter((o) => o.countryId === fields.countryId);
      const chosen = candidates.length === 1 ? candidates[0] : inCountry.length === 1 ? inCountry[0] : undefined;
      if (candidates.length === 0) {
        const key = normalizeLabel(organizationCell);
        const known = unknownOrganizations.get(key) ?? { label: organizationCell, rows: [], countries: new Set<string | null>() };
        known.rows.push(row);
        known.countries.add(fields.countryId);
        unknownOrganizations.set(key, known);
        if (options.createOrganizations) {
          newOrganization = key;
          fields.organizationId = null;
        } else report('organization', 'unknownOrganization', { value: organizationCell });
      } else if (!chosen) report('organization', 'ambiguousOrganization', { value: organizationCell });
      else fields.organizationId = chosen.id;
    } else if (mapped('organization') && !existing) fields.organizationId = null;

    const rolesCell = cell('roles');
    if (mapped('roles') && rolesCell !== '') {
      const roles: DelegateRole[] = [];
      for (const part of splitList(rolesCell)) {
        const role = resolve.roles.get(normalizeLabel(part));
        if (role === undefined) report('roles', 'unknownRole', { value: part });
        else roles.push(role);
      }
      fields.roles = roles;
    }

    const languagesCell = cell('languages');
    if (mapped('languages') && languagesCell !== '') {
      const languages: string[] = [];
      for (const part of splitList(languagesCell)) {
        const tag = resolveLanguage(part);
        if (tag === null) report('languages', 'languageInvalid', { value: part });
        else languages.push(tag);
      }
      fields.languages = languages;
    }

    for (const field of ['consentPrintContacts', 'consentShareContacts'] as const) {
      const value = normalizeLabel(cell(field));
      if (!mapped(field) || (value === '' && existing)) continue;
      if (value === '' || NO.has(value)) fields[field] = false;
      else if (YES.has(value)) fields[field] = true;
      else report(field, 'consentInvalid', { value: cell(field) });
    }

    const normalized = normalizeDelegateFields(fields);
    for (const issue of validateDelegateFields(normalized)) {
      // A wrong language was already named above, with the text as typed.
      if (issue.code === 'languageInvalid' && issues.some((i) => i.code === 'languageInvalid')) continue;
      report(ISSUE_FIELD[issue.path] ?? null, issue.code, issue.params);
    }

    if (issues.length > 0) errors.push({ row, issues });
    else rows.push({ row, id, update: existing !== undefined, fields: normalized, ...(newOrganization !== undefined ? { newOrganization } : {}) });
  }
  errors.sort((a, b) => a.row - b.row);

  // Organizations to create: only those a row that is imported refers to, and that this
  // installation may record (a delegation: of its own country); the rows of the others are reported.
  const countryOf = (countries: ReadonlySet<string | null>) => {
    const ids = [...countries];
    return ids.length === 1 ? (ids[0] ?? null) : null;
  };
  const refused = new Set(
    [...unknownOrganizations].filter(([, known]) => lookups.canRecordCountry && !lookups.canRecordCountry(countryOf(known.countries))).map(([key]) => key),
  );
  if (refused.size > 0) {
    for (const row of rows.filter((candidate) => candidate.newOrganization !== undefined && refused.has(candidate.newOrganization))) {
      const value = unknownOrganizations.get(row.newOrganization ?? '')?.label ?? '';
      const columns = issueColumns(mapping, 'organization', 'notOwnCountry');
      errors.push({ row: row.row, issues: [{ field: 'organization', code: 'notOwnCountry', params: { value }, columns, value }] });
    }
    rows.splice(0, rows.length, ...rows.filter((row) => row.newOrganization === undefined || !refused.has(row.newOrganization)));
    errors.sort((a, b) => a.row - b.row);
  }
  const needed = new Set(rows.map((row) => row.newOrganization).filter((key): key is string => key !== undefined));
  const newOrganizations: NewOrganization[] = [];
  for (const [key, { label, countries }] of unknownOrganizations) {
    if (!needed.has(key)) continue;
    const trimmed = label.trim();
    const acronym = looksLikeAcronym(trimmed) ? trimmed : '';
    const name = acronym !== '' ? { en: '', ru: '' } : hasNonLatinLetters(trimmed) ? { en: '', ru: trimmed } : { en: trimmed, ru: '' };
    // An organization needs a name: an acronym alone is its name too, in its script.
    if (acronym !== '') {
      if (hasNonLatinLetters(acronym)) name.ru = acronym;
      else name.en = acronym;
    }
    newOrganizations.push({
      key,
      name,
      acronym,
      countryId: countryOf(countries),
      kind: /customs|тамож|гтк|гтс|\bscs\b|\bsrc\b/iu.test(trimmed) ? 'customs-service' : 'other',
      rows: rows.filter((row) => row.newOrganization === key).map((row) => row.row),
    });
  }
  return {
    rows,
    errors,
    emptyRows: parsed.emptyRows,
    newOrganizations,
    unknownOrganizations: [...unknownOrganizations.values()].map(({ label, rows: at }) => ({ label, rows: at })),
  };
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
