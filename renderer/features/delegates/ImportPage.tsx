/**
 * CSV import of people: pick a file, check the detected encoding (UTF-8 with or without
 * a byte-order mark, Windows-1251, UTF-16) and the column mapping, see every row with a
 * problem by its spreadsheet row number, then import the valid rows in one transaction
 * with a progress bar. Rows with problems are not imported; nothing is written until the
 * user confirms, and an import that fails half-way leaves the registry as it was.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { decodeCsvBytes, detectEncoding, csvEncodings, type CsvEncoding, type DetectedEncoding } from '../../../shared/delegates/csvEncoding';
import {
  delegatesToCsv,
  guessMapping,
  importFields,
  mappingReadsName,
  namePartFields,
  parseCsv,
  unmappedColumns,
  validateCsv,
  type ColumnMapping,
  type CsvIssue,
  type CsvLookups,
  type ImportField,
  type NamePartField,
  type ParsedCsv,
} from '../../../shared/delegates/csv';
import { displayName } from '../../../shared/delegates/validation';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import type { ImportProgress } from '../../db';
import { api } from '../../lib/api';
import { utf8Bytes } from '../../lib/bytes';
import { BackupFailedError, backupFailureText, takeBackup } from '../backup/backups';
import { showError, useToasts } from '../../stores/toasts';
import { countryLabel, RegistryNav, useIssueText, useLanguage, usePermissions, useRegistryLookups, useShowRegistryError } from './ui';

interface LoadedFile {
  name: string;
  bytes: Uint8Array;
  detected: DetectedEncoding;
  encoding: CsvEncoding;
  parsed: ParsedCsv;
}

/** Problems listed at once; a file with more is almost certainly mapped wrongly. */
const ERRORS_SHOWN = 500;
const PREVIEW_ROWS = 10;

export function ImportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const repositories = useRepositories();
  const permissions = usePermissions();
  const registry = useRegistryLookups();
  const showToast = useToasts((state) => state.show);
  const showRegistryError = useShowRegistryError();
  const issueText = useIssueText();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [lookups, setLookups] = useState<CsvLookups | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<{ created: number; updated: number; organizations: number } | null>(null);
  const [createOrganizations, setCreateOrganizations] = useState(false);
  const [busy, setBusy] = useState(false);
  const encodingId = useId();
  const errorsId = useId();
  const unmappedId = useId();
  const progressHeading = useRef<HTMLHeadingElement>(null);

  const validation = useMemo(
    () => (file && mapping && lookups && mappingReadsName(mapping) ? validateCsv(file.parsed, mapping, lookups, { createOrganizations }) : null),
    [file, mapping, lookups, createOrganizations],
  );
  const unmapped = useMemo(() => (file && mapping ? unmappedColumns(file.parsed, mapping) : []), [file, mapping]);

  // The import button goes away with the file once the import starts: focus moves to the
  // progress (and then the outcome) instead of falling to the page.
  const importing = progress !== null && outcome === null;
  const started = progress !== null;
  useEffect(() => {
    if (started) progressHeading.current?.focus();
  }, [started]);

  if (permissions === undefined || registry === undefined) return <p aria-busy="true">{t('common.loading')}</p>;

  const load = (name: string, bytes: Uint8Array, encoding?: CsvEncoding) => {
    const decoded = decodeCsvBytes(bytes, encoding);
    const parsed = parseCsv(decoded.text);
    setFile({ name, bytes, detected: detectEncoding(bytes), encoding: decoded.encoding, parsed });
    setMapping(guessMapping(parsed.headers, parsed.rows));
  };

  const choose = async () => {
    setBusy(true);
    try {
      const opened = await api.openFile({ purpose: 'csv' });
      if (!opened.opened) return;
      setOutcome(null);
      setProgress(null);
      setCreateOrganizations(false);
      load(opened.name, opened.bytes);
      setLookups(await repositories.delegates.importLookups());
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const saveTemplate = async () => {
    try {
      const text = delegatesToCsv([], { language, countries: registry.countries, organizations: registry.organizations });
      const result = await api.saveFile({ purpose: 'csv', suggestedName: t('delegates.import.templateName'), content: utf8Bytes(text) });
      if (result.saved) showToast('info', t('delegates.import.templateSaved', { path: result.path }));
    } catch (error) {
      showError(error);
    }
  };

  const runImport = async () => {
    if (!validation) return;
    setBusy(true);
    setProgress({ done: 0, total: validation.rows.length });
    try {
      // A CSV import can update many people at once: keep a copy to go back to.
      if (validation.rows.length > 0) await takeBackup(repositories, 'before-import');
      const result = await repositories.delegates.importRows(validation.rows, setProgress, validation.newOrganizations);
      setOutcome(result);
      setFile(null);
      setMapping(null);
      showToast('info', doneText(result));
    } catch (error) {
      setProgress(null);
      if (error instanceof BackupFailedError) showToast('error', backupFailureText(error, t));
      else showRegistryError(error);
    } finally {
      setBusy(false);
    }
  };

  function doneText(result: { created: number; updated: number; organizations: number }): string {
    const people = t('delegates.import.done', { created: result.created, updated: result.updated });
    return result.organizations > 0 ? `${people} ${t('delegates.import.doneOrganizations', { count: result.organizations })}` : people;
  }

  const headerText = (index: number) => {
    const header = file?.parsed.headers[index] ?? '';
    return header === '' ? t('delegates.import.noHeader') : header;
  };
  const columnName = (index: number) => t('delegates.import.column', { number: index + 1, header: headerText(index) });
  /** A problem with where it is: the column's header and number, and the cell as the file has it. */
  const problemText = (issue: CsvIssue) => {
    const problem = issueText(issue);
    const columns = issue.columns ?? [];
    if (columns.length === 0) return problem;
    const value = issue.value ?? '';
    const several = columns.length > 1;
    const key = several ? (value === '' ? 'issueAtColumnsEmpty' : 'issueAtColumns') : value === '' ? 'issueAtEmpty' : 'issueAt';
    return t(`delegates.import.${key}`, {
      header: columns.map(headerText).join(', '),
      column: columns.map((index) => String(index + 1)).join(', '),
      value,
      problem,
    });
  };
  const sampleOf = (index: number) => file?.parsed.rows.map(({ cells }) => (cells[index] ?? '').trim()).find((cell) => cell !== '') ?? '';
  const updates = validation?.rows.filter((row) => row.update).length ?? 0;

  return (
    <div className="page wide">
      <PageTitle>{t('delegates.import.title')}</PageTitle>
      <RegistryNav />
      {!permissions.importPeople ? (
        <p className="notice warning">{t('delegates.errors.notPermitted')}</p>
      ) : (
        <>
          <section aria-labelledby="import-file">
            <h2 id="import-file">{t('delegates.import.fileTitle')}</h2>
            <p className="hint">{t('delegates.import.intro')}</p>
            <div className="actions">
              <button type="button" disabled={busy} onClick={() => void choose()}>
                {t('delegates.import.choose')}
              </button>
              <button type="button" className="secondary" disabled={busy} onClick={() => void saveTemplate()}>
                {t('delegates.import.template')}
              </button>
            </div>
            {file && (
              <>
                <p>
                  {t('delegates.import.fileSummary', {
                    name: file.name,
                    count: file.parsed.rows.length + file.parsed.malformed.length,
                    separator: t(`delegates.import.separators.${separatorKey(file.parsed.delimiter)}`),
                  })}
                </p>
                <div className="field">
                  <label htmlFor={encodingId}>{t('delegates.import.encoding')}</label>
                  <select
                    id={encodingId}
                    value={file.encoding}
                    disabled={importing}
                    onChange={(event) => {
                      load(file.name, file.bytes, event.target.value as CsvEncoding);
                    }}
                  >
                    {csvEncodings.map((encoding) => (
                      <option key={encoding} value={encoding}>
                        {t(`delegates.import.encodings.${encoding}`)}
                        {encoding === file.detected.encoding ? ` (${t('delegates.import.detected')})` : ''}
                      </option>
                    ))}
                  </select>
                  <p className="hint">
                    {file.detected.bom ? t('delegates.import.bomFound') : t('delegates.import.encodingHint')}
                  </p>
                </div>
              </>
            )}
          </section>

          {file && mapping && (
            <section aria-labelledby="import-mapping">
              <h2 id="import-mapping">{t('delegates.import.mappingTitle')}</h2>
              <p className="hint">{t('delegates.import.mappingHint')}</p>
              <table className="data-table mapping-table">
                <caption className="visually-hidden">{t('delegates.import.mappingTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('delegates.import.field')}</th>
                    <th scope="col">{t('delegates.import.fromColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {importFields.map((field) => (
                    <MappingRow
                      key={field}
                      field={field}
                      mapping={mapping}
                      headers={file.parsed.headers}
                      columnName={columnName}
                      disabled={importing}
                      onChange={(index) => {
                        setMapping({ ...mapping, [field]: index });
                      }}
                    />
                  ))}
                </tbody>
              </table>
              {!mappingReadsName(mapping) && <p className="notice error">{t('delegates.import.needName')}</p>}
              {unmapped.length > 0 && (
                <div className="notice warning">
                  <h3 id={unmappedId}>{t('delegates.import.unmappedTitle')}</h3>
                  <p>{t('delegates.import.unmappedHint')}</p>
                  <ul aria-labelledby={unmappedId}>
                    {unmapped.map((index) => {
                      const sample = sampleOf(index);
                      return (
                        <li key={index}>
                          {sample === ''
                            ? t('delegates.import.unmappedEmptyColumn', { number: index + 1, header: headerText(index) })
                            : t('delegates.import.unmappedColumn', { number: index + 1, header: headerText(index), sample })}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              )}
            </section>
          )}

          {file && validation && (
            <section aria-labelledby="import-preview">
              <h2 id="import-preview">{t('delegates.import.previewTitle')}</h2>
              <p role="status">
                {t('delegates.import.summary', {
                  valid: validation.rows.length,
                  created: validation.rows.length - updates,
                  updated: updates,
                  invalid: validation.errors.length,
                })}
                {validation.newOrganizations.length > 0 && ` ${t('delegates.import.summaryOrganizations', { count: validation.newOrganizations.length })}`}
              </p>
              {validation.unknownOrganizations.length > 0 && (
                <div className="field checkbox-field">
                  <label>
                    <input
                      type="checkbox"
                      checked={createOrganizations}
                      disabled={importing}
                      onChange={(event) => {
                        setCreateOrganizations(event.target.checked);
                      }}
                    />{' '}
                    {t('delegates.import.createOrganizations', { names: validation.unknownOrganizations.map((organization) => organization.label).join(', ') })}
                  </label>
                  <p className="hint">{t('delegates.import.createOrganizationsHint')}</p>
                </div>
              )}
              {validation.errors.length > 0 && (
                <>
                  <h3 id={errorsId}>{t('delegates.import.errorsTitle')}</h3>
                  <p className="hint">{t('delegates.import.errorsHint')}</p>
                  <ul className="error-list" aria-labelledby={errorsId}>
                    {validation.errors.slice(0, ERRORS_SHOWN).map((error) => (
                      <li key={error.row}>
                        {t('delegates.import.rowError', { row: error.row, problems: error.issues.map(problemText).join(' ') })}
                      </li>
                    ))}
                  </ul>
                  {validation.errors.length > ERRORS_SHOWN && (
                    <p className="hint">{t('delegates.import.moreErrors', { count: validation.errors.length - ERRORS_SHOWN })}</p>
                  )}
                </>
              )}
              {validation.rows.length > 0 && (
                <table className="data-table">
                  <caption>{t('delegates.import.previewCaption', { shown: Math.min(PREVIEW_ROWS, validation.rows.length), count: validation.rows.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('delegates.import.row')}</th>
                      <th scope="col">{t('delegates.columns.name')}</th>
                      <th scope="col">{t('delegates.columns.nativeName')}</th>
                      <th scope="col">{t('delegates.columns.country')}</th>
                      <th scope="col">{t('delegates.fields.email')}</th>
                      <th scope="col">{t('delegates.import.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {validation.rows.slice(0, PREVIEW_ROWS).map((row) => (
                      <tr key={row.row}>
                        <td className="number">{row.row}</td>
                        <th scope="row">{displayName(row.fields)}</th>
                        <td dir="auto">{row.fields.nameNative}</td>
                        <td>{countryLabel(registry, row.fields.countryId, language)}</td>
                        <td>{row.fields.email}</td>
                        <td>{row.update ? t('delegates.import.update') : t('delegates.import.create')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <div className="actions">
                <button type="button" disabled={busy || validation.rows.length === 0} onClick={() => void runImport()}>
                  {t('delegates.import.importButton', { count: validation.rows.length })}
                </button>
              </div>
            </section>
          )}

          {progress !== null && (
            <section aria-labelledby="import-progress-title" className="import-progress">
              <h2 id="import-progress-title" ref={progressHeading} tabIndex={-1}>
                {t('delegates.import.progressTitle')}
              </h2>
              <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={t('delegates.import.progressLabel')} />
              <p role="status">
                {outcome
                  ? doneText(outcome)
                  : t('delegates.import.progress', { done: progress.done.toLocaleString(language), total: progress.total.toLocaleString(language) })}
              </p>
              {outcome && (
                <p>
                  <Link to="/delegates">{t('delegates.import.showRegistry')}</Link>
                </p>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}

function separatorKey(delimiter: string): 'comma' | 'semicolon' | 'tab' | 'other' {
  if (delimiter === ',') return 'comma';
  if (delimiter === ';') return 'semicolon';
  if (delimiter === '\t') return 'tab';
  return 'other';
}

interface MappingRowProps {
  field: ImportField;
  mapping: ColumnMapping;
  headers: readonly string[];
  columnName: (index: number) => string;
  disabled: boolean;
  onChange: (index: number | null) => void;
}

function MappingRow({ field, mapping, headers, columnName, disabled, onChange }: MappingRowProps) {
  const { t } = useTranslation();
  const id = useId();
  const value = mapping[field];
  return (
    <tr>
      <th scope="row">
        <label htmlFor={id}>
          {(namePartFields as readonly string[]).includes(field) ? t(`delegates.import.parts.${field as NamePartField}`) : t(`delegates.csv.headers.${field}`)}
        </label>
      </th>
      <td>
        <select
          id={id}
          value={value === null ? '' : String(value)}
          disabled={disabled}
          onChange={(event) => {
            onChange(event.target.value === '' ? null : Number(event.target.value));
          }}
        >
          <option value="">{t('delegates.import.notImported')}</option>
          {headers.map((_, index) => (
            <option key={index} value={String(index)}>
              {columnName(index)}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}
