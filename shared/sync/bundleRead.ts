/**
 * Reading a bundle file up to "these records were signed by this key": text → structural
 * scan → JSON.parse → format and version → header schema → payload checksum → record
 * schemas and stamp invariants → signature. Everything that needs this installation's
 * state comes after: trust, clock drift and references in importChecks.ts, the preview and
 * the merge in engine/engine.ts.
 * Every refusal is a BundleError with the JSON path of the place at fault.
 */
import type { z } from 'zod';
import { syncedTableNames, syncedTables, type SyncedTableName } from '../model';
import { BundleError, childPath, formatBytes, pathFrom } from './bundleErrors';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleRecordSchemas,
  headerSchema,
  type BundleHeader,
  type ChangesHeader,
  type SyncRecord,
} from './bundleFormat';
import { canonicalJson } from './canonicalJson';
import { keyFingerprint, type Bytes, type SyncCrypto } from './syncCrypto';
import { base64ToBytes, bytesToHex } from './encoding';
import { DEFAULT_SCAN_LIMITS, pathAt, scanJson, type ScanLimits, type TextSpan } from './jsonScan';
import { META_FIELDS } from './records';
import { stampNode } from './versionVector';

/** What long work reports, and how it is cancelled (an AbortSignal fits). */
export interface WorkControl {
  onProgress?: (stage: ReadStage, done: number, total: number) => void;
  signal?: { readonly aborted: boolean };
  /** Lets the UI paint between chunks (setTimeout 0 in the renderer); nothing by default. */
  pause?: () => Promise<void>;
}

export type ReadStage = 'parse' | 'schema' | 'checksum' | 'signature';

/** The user cancelled long work; nothing was changed. */
export class SyncCancelledError extends Error {
  constructor() {
    super('Cancelled; nothing was changed.');
    this.name = 'SyncCancelledError';
  }
}

/** Records per chunk between pauses: small enough for a responsive progress bar. */
const CHUNK = 2000;

async function checkpoint(control: WorkControl | undefined): Promise<void> {
  if (control?.pause) await control.pause();
  if (control?.signal?.aborted) throw new SyncCancelledError();
}

/** One signed set of changes, verified: a changes bundle, or one part of a merged bundle. */
export interface VerifiedUnit {
  /** JSON path of the unit in the file: "$" or "$.payload.parts[2]". */
  path: string;
  header: ChangesHeader;
  records: Partial<Record<SyncedTableName, SyncRecord[]>>;
  publicKey: Bytes;
  fingerprint: string;
}

export interface ReadBundleResult {
  header: BundleHeader;
  units: VerifiedUnit[];
  /** Records in all units. */
  recordCount: number;
}

/** The text of the file's bytes; bytes that are not UTF-8 are refused. */
export function decodeBundleBytes(bytes: Uint8Array, decode: (bytes: Uint8Array) => string, limit?: number): string {
  if (limit !== undefined && bytes.length > limit) {
    throw new BundleError('too-large', '$', `the file is ${formatBytes(bytes.length)}, more than the limit of ${formatBytes(limit)}.`, {
      bytes: bytes.length,
      limit,
    });
  }
  if (bytes.length === 0) throw new BundleError('empty', '$', 'the file is empty (0 bytes).');
  try {
    return decode(bytes);
  } catch {
    throw new BundleError('not-utf8', '$', 'the file is not text in UTF-8: it is not a bundle (perhaps another kind of file).');
  }
}

/** A parsed bundle and, for each payload, the exact text it was written as. */
export interface ParsedBundleText {
  value: unknown;
  /** The text of the payload object at a JSON path ("$.payload"), when the file holds one there. */
  payloadText: (path: string) => string | undefined;
}

/**
 * One text's structural scan, kept from reading its header alone (readSealedHeader) to
 * reading it completely (readBundleText): a first import then scans its text once, not
 * twice. Pass the same object to both; it only ever answers for the same text and limits.
 */
export interface ScanMemo {
  body?: string;
  limits?: ScanLimits;
  spans?: Map<string, TextSpan>;
  /**
   * The file's bytes, when the text is their UTF-8 decoding by TextDecoder (which drops one
   * leading byte-order mark): payloads are then hashed from these bytes, not encoded again
   * (45 MB for 100,000 records). Bytes that are not the text's (another decoder) hash wrong:
   * the file is then read in full and checked against its canonical form, slowly but right.
   */
  source?: Uint8Array;
}

/** Text around a span that is encoded to find its bytes; more (a part of a merged file) is not worth it. */
const AROUND_SPAN = 1_000_000;

/** The bytes of `body.slice(span)` in `source` (see ScanMemo): only the text around the span is encoded. */
function sourceBytes(crypto: SyncCrypto, text: string, body: string, span: TextSpan, source: Uint8Array | undefined): Bytes | undefined {
  const { buffer } = source ?? {};
  if (!source || !(buffer instanceof ArrayBuffer) || span.start > AROUND_SPAN || body.length - span.end > AROUND_SPAN) return undefined;
  const mark = source[0] === 0xef && source[1] === 0xbb && source[2] === 0xbf ? 3 : 0;
  const from = mark + crypto.utf8(text.slice(0, text.length - body.length + span.start)).length;
  const to = source.length - crypto.utf8(body.slice(span.end)).length;
  return from <= to ? new Uint8Array(buffer, source.byteOffset + from, to - from) : undefined;
}

function scanOnce(body: string, limits: ScanLimits, memo: ScanMemo | undefined): Map<string, TextSpan> {
  if (memo?.spans && memo.limits === limits && memo.body === body) return memo.spans;
  const spans = scanJson(body, limits);
  if (memo) Object.assign(memo, { body, limits, spans });
  return spans;
}

/**
 * The header of a changes bundle whose payload, hashed as written, matches the header's
 * checksum and whose signature holds: read WITHOUT parsing or checking the payload's
 * records. For an import to recognise a bundle it has imported completely before; any
 * other file gets null and goes through the full checks. `wanted` sees the header first:
 * when it answers false (no such bundle was imported), null comes before the signature and
 * the payload are checked, so a first import does not hash its payload twice.
 */
export async function readSealedHeader(
  text: string,
  crypto: SyncCrypto,
  limits: ScanLimits = DEFAULT_SCAN_LIMITS,
  wanted?: (header: ChangesHeader) => Promise<boolean>,
  memo?: ScanMemo,
): Promise<{ header: ChangesHeader; publicKey: Bytes; fingerprint: string } | null> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let spans: Map<string, TextSpan>;
  try {
    spans = scanOnce(body, limits, memo);
  } catch {
    return null;
  }
  const headerSpan = spans.get('$.header');
  const payloadSpan = spans.get('$.payload');
  if (!headerSpan || !payloadSpan) return null;
  let headerValue: unknown;
  try {
    headerValue = JSON.parse(body.slice(headerSpan.start, headerSpan.end)) as unknown;
  } catch {
    return null;
  }
  const parsed = headerSchema.safeParse(headerValue);
  if (!parsed.success || parsed.data.kind !== 'changes') return null;
  const header = parsed.data;
  if (wanted && !(await wanted(header))) return null;
  const publicKey = base64ToBytes(header.signature.publicKey);
  const signature = base64ToBytes(header.signature.value);
  if (!publicKey || !signature) return null;
  if (!(await crypto.verifyEd25519(publicKey, signature, signedHeaderBytes(crypto, header)))) return null;
  const payload = sourceBytes(crypto, text, body, payloadSpan, memo?.source) ?? crypto.utf8(body.slice(payloadSpan.start, payloadSpan.end));
  const digest = bytesToHex(await crypto.sha256(payload));
  if (digest !== header.payloadSha256) return null;
  return { header, publicKey, fingerprint: await keyFingerprint(crypto, publicKey) };
}

/** JSON.parse after the structural scan, with errors turned into paths. */
export function parseBundle(text: string, limits: ScanLimits = DEFAULT_SCAN_LIMITS, memo?: ScanMemo): ParsedBundleText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new BundleError('empty', '$', 'the file holds only blank space.');
  const first = body.trimStart().charAt(0);
  if (first !== '{' && first !== '[') {
    const start = body.trimStart().slice(0, 20);
    throw new BundleError('not-json', '$', `the file is not JSON: it begins with ${JSON.stringify(start)}.`, { start });
  }
  const spans = scanOnce(body, limits, memo);
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const at = position === undefined ? undefined : Number(position);
    const path = at === undefined ? '$' : pathAt(body, at);
    const before = at === undefined ? '' : body.slice(0, at);
    const line = before.split('\n').length;
    const column = at === undefined ? 0 : at - before.lastIndexOf('\n');
    const where = at === undefined ? '' : ` (line ${line}, column ${column})`;
    throw new BundleError('syntax', path, `the JSON is malformed${where}: ${message}`, { line, column, detail: message });
  }
  return {
    value,
    payloadText: (path) => {
      const span = spans.get(path);
      return span === undefined ? undefined : body.slice(span.start, span.end);
    },
  };
}

/** The parsed value only (see parseBundle). */
export function parseBundleJson(text: string, limits: ScanLimits = DEFAULT_SCAN_LIMITS): unknown {
  return parseBundle(text, limits).value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Format name and version first: a newer file must say "update the app", not list schema errors. */
export function checkFormat(value: unknown, path = '$'): void {
  if (!isObject(value) || !isObject(value.header)) {
    throw new BundleError('not-a-bundle', childPath(path, 'header'), 'this JSON has no bundle header: it is not a CWG Desk bundle.', {
      found: '',
    });
  }
  const { format, formatVersion } = value.header;
  if (format !== BUNDLE_FORMAT) {
    const found = typeof format === 'string' ? format.slice(0, 80) : JSON.stringify(format ?? null);
    throw new BundleError(
      'not-a-bundle',
      pathFrom(path, ['header', 'format']),
      `the format is ${JSON.stringify(found)}, not "${BUNDLE_FORMAT}": this is not a CWG Desk bundle.`,
      { found },
    );
  }
  if (typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > BUNDLE_FORMAT_VERSION) {
    throw new BundleError(
      'newer-version',
      pathFrom(path, ['header', 'formatVersion']),
      `this bundle has format version ${formatVersion}, made by a newer CWG Desk; this app reads version ${BUNDLE_FORMAT_VERSION}. Update CWG Desk to import it.`,
      { version: formatVersion, supported: BUNDLE_FORMAT_VERSION },
    );
  }
}

function schemaError(base: string, issues: readonly z.core.$ZodIssue[]): BundleError {
  const [issue] = issues;
  const path = pathFrom(base, issue?.path ?? []);
  const detail = issue?.message ?? 'does not match the bundle format';
  return new BundleError('schema', path, detail, { detail });
}

function parseHeader(value: Record<string, unknown>, path: string): BundleHeader {
  const result = headerSchema.safeParse(value.header);
  if (!result.success) throw schemaError(childPath(path, 'header'), result.error.issues);
  return result.data;
}

/** SHA-256 of the canonical JSON of a payload, hex. */
export async function payloadDigest(crypto: SyncCrypto, payload: unknown): Promise<string> {
  return bytesToHex(await crypto.sha256(crypto.utf8(canonicalJson(payload))));
}

/** The bytes a signature covers: the canonical header with the signature's value left out. */
export function signedHeaderBytes(crypto: SyncCrypto, header: ChangesHeader): Bytes {
  const { value: _value, ...signature } = header.signature;
  return crypto.utf8(canonicalJson({ ...header, signature }));
}

/**
 * The payload must hash to the header's checksum. A file this app wrote holds the payload
 * in canonical form already, so its own text (or bytes, see ScanMemo.source) is hashed
 * first (fast: no second serialization of 100 000 records); only when that differs (a
 * file re-indented or with keys reordered by some tool) is the canonical form computed and
 * compared.
 */
async function checkChecksum(crypto: SyncCrypto, header: BundleHeader, payload: unknown, path: string, raw: string | Bytes | undefined): Promise<void> {
  if (raw !== undefined) {
    const direct = bytesToHex(await crypto.sha256(typeof raw === 'string' ? crypto.utf8(raw) : raw));
    if (direct === header.payloadSha256) return;
  }
  const actual = await payloadDigest(crypto, payload);
  if (actual !== header.payloadSha256) {
    throw new BundleError(
      'checksum',
      pathFrom(path, ['header', 'payloadSha256']),
      `the payload does not match its checksum (SHA-256 ${actual.slice(0, 12)}…, the header says ${header.payloadSha256.slice(0, 12)}…): the file was changed or damaged after it was made.`,
      { actual, expected: header.payloadSha256 },
    );
  }
}

const knownTables: ReadonlySet<string> = new Set(syncedTableNames);
const tableFields = new Map<SyncedTableName, ReadonlySet<string>>(
  syncedTableNames.map((name) => [name, new Set(Object.keys(syncedTables[name].shape).filter((field) => !META_FIELDS.has(field)))]),
);

/** Record schemas, stamps that agree with each other, unique ids, declared counts. */
async function readChanges(
  payload: unknown,
  header: ChangesHeader,
  path: string,
  control: WorkControl | undefined,
  progress: { done: number; total: number },
): Promise<Partial<Record<SyncedTableName, SyncRecord[]>>> {
  const payloadPath = childPath(path, 'payload');
  if (!isObject(payload)) throw new BundleError('schema', payloadPath, 'the payload must be an object with "changes".', { detail: '' });
  for (const key of Object.keys(payload)) {
    if (key !== 'changes') {
      throw new BundleError('schema', childPath(payloadPath, key), `unknown payload field "${key}".`, { detail: `unknown field ${key}` });
    }
  }
  const changesPath = childPath(payloadPath, 'changes');
  const changes = payload.changes;
  if (!isObject(changes)) throw new BundleError('schema', changesPath, 'the changes must be an object of tables.', { detail: '' });
  const out: Partial<Record<SyncedTableName, SyncRecord[]>> = {};
  for (const [table, records] of Object.entries(changes)) {
    const tablePath = childPath(changesPath, table);
    if (!knownTables.has(table)) {
      throw new BundleError('unknown-table', tablePath, `unknown table "${table}"; a bundle holds only ${syncedTableNames.join(', ')}.`, {
        table,
      });
    }
    const name = table as SyncedTableName;
    if (!Array.isArray(records)) {
      throw new BundleError('schema', tablePath, 'a table must be a list of records.', { detail: 'expected an array' });
    }
    const schema = bundleRecordSchemas[name];
    const fields = tableFields.get(name) ?? new Set<string>();
    const seen = new Map<string, number>();
    const parsed: SyncRecord[] = new Array<SyncRecord>(records.length);
    for (let index = 0; index < records.length; index += 1) {
      if (index % CHUNK === 0 && index > 0) {
        control?.onProgress?.('schema', progress.done + index, progress.total);
        await checkpoint(control);
      }
      // The record's path is built only for an error (100,000 strings otherwise).
      const recordPath = () => childPath(tablePath, index);
      const result = schema.safeParse(records[index]);
      if (!result.success) throw schemaError(recordPath(), result.error.issues);
      const record = result.data as SyncRecord;
      checkStamps(record, fields, recordPath);
      const first = seen.get(record.id);
      if (first !== undefined) {
        throw new BundleError(
          'duplicate-id',
          childPath(recordPath(), 'id'),
          `the id ${record.id} appears twice in ${table} (also at ${childPath(tablePath, first)}).`,
          { id: record.id, table, first: childPath(tablePath, first) },
        );
      }
      seen.set(record.id, index);
      parsed[index] = record;
    }
    progress.done += records.length;
    const declared = header.counts[name] ?? 0;
    if (declared !== records.length) {
      throw new BundleError(
        'counts-mismatch',
        pathFrom(path, ['header', 'counts', table]),
        `the header counts ${declared} ${table} but the payload holds ${records.length}.`,
        { table, declared, actual: records.length },
      );
    }
    out[name] = parsed;
  }
  for (const [table, declared] of Object.entries(header.counts)) {
    if (declared > 0 && !Object.hasOwn(changes, table)) {
      throw new BundleError(
        'counts-mismatch',
        pathFrom(path, ['header', 'counts', table]),
        `the header counts ${declared} ${table} but the payload holds none.`,
        { table, declared, actual: 0 },
      );
    }
  }
  return out;
}

/** Stamps must tell one story: hlc issued by `origin`, no field changed after hlc, no stamps for unknown fields. */
function checkStamps(record: SyncRecord, fields: ReadonlySet<string>, recordPath: () => string): void {
  if (stampNode(record.hlc) !== record.origin) {
    throw new BundleError(
      'stamp-origin',
      childPath(recordPath(), 'origin'),
      `the record's origin "${record.origin}" is not the installation in its stamp ${record.hlc}.`,
      { origin: record.origin, hlc: record.hlc },
    );
  }
  const stamps = record.fieldStamps;
  if (!stamps) return;
  for (const [field, stamp] of Object.entries(stamps)) {
    if (!fields.has(field)) {
      throw new BundleError('unknown-field-stamp', pathFrom(recordPath(), ['fieldStamps', field]), `a stamp for "${field}", which is not a field of this record.`, {
        field,
      });
    }
    if (stamp > record.hlc) {
      throw new BundleError(
        'field-stamp-later',
        pathFrom(recordPath(), ['fieldStamps', field]),
        `the field was changed at ${stamp}, after the record's own stamp ${record.hlc}.`,
        { field, stamp, hlc: record.hlc },
      );
    }
  }
}

function checkVector(header: ChangesHeader, path: string): void {
  const vectors: [string, Record<string, string> | null][] = [[pathFrom(path, ['header', 'vector']), header.vector]];
  if (header.scope.kind === 'peer' || header.scope.kind === 'folder') vectors.push([pathFrom(path, ['header', 'scope', 'base']), header.scope.base]);
  for (const [vectorPath, vector] of vectors) {
    if (!vector) continue;
    for (const [node, stamp] of Object.entries(vector)) {
      if (stampNode(stamp) !== node) {
        throw new BundleError('vector-entry', childPath(vectorPath, node), `the stamp ${stamp} was not issued by installation "${node}".`, {
          node,
          stamp,
        });
      }
    }
  }
}

async function verifySignature(crypto: SyncCrypto, header: ChangesHeader, path: string): Promise<Bytes> {
  const signaturePath = pathFrom(path, ['header', 'signature']);
  const publicKey = base64ToBytes(header.signature.publicKey);
  const signature = base64ToBytes(header.signature.value);
  if (publicKey === null || signature === null) {
    throw new BundleError('bad-signature', signaturePath, 'the signature or key is not valid base64.');
  }
  const valid = await crypto.verifyEd25519(publicKey, signature, signedHeaderBytes(crypto, header));
  if (!valid) {
    throw new BundleError(
      'bad-signature',
      signaturePath,
      `the signature does not match: the header was changed after "${header.origin.name}" signed it, or it was signed with another key.`,
      { origin: header.origin.name },
    );
  }
  return publicKey;
}

function countRecords(header: BundleHeader): number {
  return Object.values(header.counts).reduce((sum, count) => sum + count, 0);
}

/** Tables are named before anything else is checked: "unknown table" says more than a schema error in the counts. */
function checkTableNames(bundle: Record<string, unknown>, path: string): void {
  const payload = bundle.payload;
  const changes = isObject(payload) ? payload.changes : undefined;
  if (!isObject(changes)) return;
  for (const table of Object.keys(changes)) {
    if (!knownTables.has(table)) {
      throw new BundleError('unknown-table', pathFrom(path, ['payload', 'changes', table]), `unknown table "${table}"; a bundle holds only ${syncedTableNames.join(', ')}.`, {
        table,
      });
    }
  }
}

async function readUnit(
  value: unknown,
  path: string,
  crypto: SyncCrypto,
  control: WorkControl | undefined,
  progress: { done: number; total: number },
  rawPayload: ((path: string) => string | Bytes | undefined) | undefined,
): Promise<VerifiedUnit> {
  checkFormat(value, path);
  const bundle = value as Record<string, unknown>;
  checkTableNames(bundle, path);
  const header = parseHeader(bundle, path);
  if (header.kind !== 'changes') {
    throw new BundleError('schema', pathFrom(path, ['header', 'kind']), 'a merged bundle cannot be a part of another one.', {
      detail: 'nested merged bundle',
    });
  }
  for (const key of Object.keys(bundle)) {
    if (key !== 'header' && key !== 'payload') {
      throw new BundleError('schema', childPath(path, key), `unknown field "${key}"; a bundle has a header and a payload.`, { detail: key });
    }
  }
  checkVector(header, path);
  control?.onProgress?.('checksum', progress.done, progress.total);
  await checkChecksum(crypto, header, bundle.payload, path, rawPayload?.(childPath(path, 'payload')));
  await checkpoint(control);
  const records = await readChanges(bundle.payload, header, path, control, progress);
  control?.onProgress?.('signature', progress.done, progress.total);
  const publicKey = await verifySignature(crypto, header, path);
  return { path, header, records, publicKey, fingerprint: await keyFingerprint(crypto, publicKey) };
}

/** Checks a parsed bundle completely, short of anything that needs this installation's state. */
export async function readBundleValue(
  value: unknown,
  crypto: SyncCrypto,
  control?: WorkControl,
  rawPayload?: (path: string) => string | Bytes | undefined,
): Promise<ReadBundleResult> {
  checkFormat(value);
  const bundle = value as Record<string, unknown>;
  checkTableNames(bundle, '$');
  const header = parseHeader(bundle, '$');
  const progress = { done: 0, total: countRecords(header) };
  if (header.kind === 'changes') {
    const unit = await readUnit(value, '$', crypto, control, progress, rawPayload);
    return { header, units: [unit], recordCount: progress.total };
  }
  for (const key of Object.keys(bundle)) {
    if (key !== 'header' && key !== 'payload') {
      throw new BundleError('schema', childPath('$', key), `unknown field "${key}"; a bundle has a header and a payload.`, { detail: key });
    }
  }
  await checkChecksum(crypto, header, bundle.payload, '$', rawPayload?.('$.payload'));
  const payload = bundle.payload;
  if (!isObject(payload) || !Array.isArray(payload.parts) || Object.keys(payload).length !== 1) {
    throw new BundleError('schema', '$.payload', 'a merged bundle\u2019s payload is { "parts": [bundles] }.', { detail: 'expected parts' });
  }
  if (payload.parts.length !== header.partCount) {
    throw new BundleError(
      'counts-mismatch',
      '$.header.partCount',
      `the header counts ${header.partCount} parts but the payload holds ${payload.parts.length}.`,
      { table: 'parts', declared: header.partCount, actual: payload.parts.length },
    );
  }
  const units: VerifiedUnit[] = [];
  const summed: Partial<Record<SyncedTableName, number>> = {};
  for (const [index, part] of payload.parts.entries()) {
    const unit = await readUnit(part, `$.payload.parts[${index}]`, crypto, control, progress, rawPayload);
    for (const [table, records] of Object.entries(unit.records) as [SyncedTableName, SyncRecord[]][]) {
      summed[table] = (summed[table] ?? 0) + records.length;
    }
    units.push(unit);
  }
  for (const name of syncedTableNames) {
    const declared = header.counts[name] ?? 0;
    const actual = summed[name] ?? 0;
    if (declared !== actual) {
      throw new BundleError('counts-mismatch', `$.header.counts.${name}`, `the header counts ${declared} ${name} but the parts hold ${actual}.`, {
        table: name,
        declared,
        actual,
      });
    }
  }
  return { header, units, recordCount: progress.total };
}

/** Text to verified units: the whole file-level pipeline. */
export async function readBundleText(
  text: string,
  crypto: SyncCrypto,
  control?: WorkControl,
  limits: ScanLimits = DEFAULT_SCAN_LIMITS,
  memo?: ScanMemo,
): Promise<ReadBundleResult> {
  control?.onProgress?.('parse', 0, 0);
  const { value, payloadText } = parseBundle(text, limits, memo);
  await checkpoint(control);
  // Payloads hashed as the file's bytes when the caller gave them (ScanMemo.source).
  const rawPayload = (path: string): string | Bytes | undefined => {
    const span = memo?.spans?.get(path);
    const bytes = span && memo?.body !== undefined ? sourceBytes(crypto, text, memo.body, span, memo.source) : undefined;
    return bytes ?? payloadText(path);
  };
  return readBundleValue(value, crypto, control, rawPayload);
}
