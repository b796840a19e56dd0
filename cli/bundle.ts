/**
 * `cwg validate`, `cwg inspect` and `cwg merge`: bundle files checked, described and
 * combined without the app, with the same shared code the app imports with. Each function
 * returns an exit code and the text to print, so the `cwg` entry point (and tests) decide
 * where it goes:
 *   validate FILE            0 when the file is a valid bundle; 1 with the precise reason and JSON path
 *   inspect FILE             the header and the records per table (0), or the reason it is unreadable (1)
 *   merge A B ... --out F    one merged file holding every distinct signed bundle (0), or why not (1)
 * Exit code 2 means the command itself was misused (missing file names, unreadable input path).
 */
import { MAX_FILE_BYTES } from '../shared/ipc/contract';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { syncedTableNames, type SyncedTableName } from '../shared/model';
import { BundleError } from '../shared/sync/bundleErrors';
import { parseBundle, readBundleValue, decodeBundleBytes, type ReadBundleResult } from '../shared/sync/bundleRead';
import { buildMergedBundle } from '../shared/sync/bundleWrite';
import type { ChangesHeader } from '../shared/sync/bundleFormat';
import { checkClockDrift, openReferences } from '../shared/sync/importChecks';
import { createSyncEngine } from '../shared/sync/engine/engine';
import { createMemoryStore } from '../shared/sync/engine/memoryStore';
import { createClock } from '../shared/sync/hlc';
import { webCryptoSync, type SyncCrypto } from '../shared/sync/syncCrypto';
import { writeFileAtomic } from '../electron/main/services/atomicFile';

export interface CliResult {
  exitCode: 0 | 1 | 2;
  /** What to print on standard output (success) or standard error (failure). */
  output: string;
}

/** The most a bundle may weigh for the command line (the app's own hard limit). */

const crypto: SyncCrypto = webCryptoSync(globalThis.crypto.subtle, new TextEncoder());

interface LoadedBundle {
  file: string;
  raw: unknown;
  read: ReadBundleResult;
}

class UsageError extends Error {}

async function load(file: string, now: number): Promise<LoadedBundle> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    throw new UsageError(code === 'ENOENT' ? `${file}: no such file.` : `${file}: cannot be read (${code || String(error)}).`);
  }
  const text = decodeBundleBytes(bytes, (data) => new TextDecoder('utf-8', { fatal: true }).decode(data), MAX_FILE_BYTES);
  const { value: raw, payloadText } = parseBundle(text);
  const read = await readBundleValue(raw, crypto, undefined, payloadText);
  // The app would refuse stamps too far ahead of its clock; so does validation here.
  for (const unit of read.units) checkClockDrift(unit, now);
  return { file, raw, read };
}

function failure(file: string, error: unknown): CliResult {
  if (error instanceof UsageError) return { exitCode: 2, output: `${error.message}\n` };
  if (error instanceof BundleError) return { exitCode: 1, output: `${file}: invalid bundle: ${error.message}\n` };
  return { exitCode: 1, output: `${file}: ${error instanceof Error ? error.message : String(error)}\n` };
}

function total(counts: Partial<Record<SyncedTableName, number>>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

function describeScope(header: ChangesHeader): string {
  const { scope } = header;
  switch (scope.kind) {
    case 'all':
      return 'everything the origin held';
    case 'peer':
      return `what ${scope.peerName} (${scope.peerId}) had not received`;
    case 'folder':
      return 'changes written to a shared sync folder';
    case 'meeting':
      return `one meeting: ${scope.meetingTitle.en || scope.meetingTitle.ru} (${scope.meetingId})`;
  }
}

function describeOrigin(header: ChangesHeader): string {
  const { origin } = header;
  const role = origin.role === 'secretariat' ? 'secretariat' : `delegation${origin.countryId ? ` of ${origin.countryId}` : ''}`;
  return `${origin.name} (${role}; installation ${origin.id})`;
}

export async function validate(file: string, now: number = Date.now()): Promise<CliResult> {
  try {
    const { read } = await load(file, now);
    const open = openReferences(read.units).length;
    const senders = [...new Set(read.units.map((unit) => unit.header.origin.name))].join(', ');
    const note = open > 0 ? `; ${open} references point to records that must already be on the importing computer` : '';
    return {
      exitCode: 0,
      output: `${file}: valid ${read.header.kind} bundle from ${senders}: ${read.recordCount} records, checksum and signature${read.units.length > 1 ? 's' : ''} verified${note}.\n`,
    };
  } catch (error) {
    return failure(file, error);
  }
}

export async function inspect(file: string, now: number = Date.now()): Promise<CliResult> {
  try {
    const { read } = await load(file, now);
    const { header } = read;
    const lines: string[] = [
      `File:        ${basename(file)}`,
      `Format:      ${header.format} version ${header.formatVersion}, ${header.kind}`,
      `Bundle id:   ${header.bundleId}`,
      `Created:     ${header.createdAt}`,
    ];
    if (header.kind === 'merged') lines.push(`Made by:     ${header.createdBy}`, `Parts:       ${header.partCount}`);
    for (const [index, unit] of read.units.entries()) {
      const prefix = header.kind === 'merged' ? `Part ${index + 1}: ` : '';
      if (header.kind === 'merged') lines.push('', `${prefix}bundle ${unit.header.bundleId}, created ${unit.header.createdAt}`);
      lines.push(
        `Origin:      ${describeOrigin(unit.header)}`,
        `Scope:       ${describeScope(unit.header)}`,
        `Key:         Ed25519, fingerprint ${unit.fingerprint}`,
      );
      if (header.kind === 'merged') lines.push(`Records:     ${total(unit.header.counts)}`);
    }
    lines.push('', 'Records per table:');
    const width = Math.max(...syncedTableNames.map((name) => name.length));
    for (const name of syncedTableNames) lines.push(`  ${name.padEnd(width)}  ${String(header.counts[name] ?? 0).padStart(8)}`);
    lines.push(`  ${'total'.padEnd(width)}  ${String(read.recordCount).padStart(8)}`);
    return { exitCode: 0, output: `${lines.join('\n')}\n` };
  } catch (error) {
    return failure(file, error);
  }
}

export interface MergeOptions {
  now?: number;
  randomUUID?: () => string;
  /** e.g. "cwg merge 0.1.0" */
  createdBy?: string;
}

export async function merge(files: readonly string[], out: string, options: MergeOptions = {}): Promise<CliResult> {
  if (files.length === 0) return { exitCode: 2, output: 'merge needs at least one bundle file.\n' };
  if (out === '') return { exitCode: 2, output: 'merge needs --out FILE.\n' };
  const now = options.now ?? Date.now();
  const parts = new Map<string, { raw: unknown; header: ChangesHeader; digest: string; file: string }>();
  for (const file of files) {
    let loaded: LoadedBundle;
    try {
      loaded = await load(file, now);
    } catch (error) {
      return failure(file, error);
    }
    const rawParts: unknown[] =
      loaded.read.header.kind === 'merged' ? ((loaded.raw as { payload: { parts: unknown[] } }).payload.parts) : [loaded.raw];
    for (const [index, unit] of loaded.read.units.entries()) {
      const known = parts.get(unit.header.bundleId);
      if (known && known.digest !== unit.header.payloadSha256) {
        return {
          exitCode: 1,
          output: `${file}: bundle ${unit.header.bundleId} also appears in ${known.file} with other contents; nothing was merged.\n`,
        };
      }
      if (!known) parts.set(unit.header.bundleId, { raw: rawParts[index], header: unit.header, digest: unit.header.payloadSha256, file });
    }
  }
  const ordered = [...parts.values()].sort((a, b) =>
    a.header.createdAt < b.header.createdAt ? -1 : a.header.createdAt > b.header.createdAt ? 1 : a.header.bundleId < b.header.bundleId ? -1 : 1,
  );
  const { bundle, text } = await buildMergedBundle(
    {
      bundleId: (options.randomUUID ?? (() => globalThis.crypto.randomUUID()))(),
      createdAt: new Date(now).toISOString(),
      createdBy: options.createdBy ?? 'cwg merge',
      parts: ordered,
    },
    crypto,
  );
  try {
    await writeFileAtomic(out, text);
  } catch (error) {
    return { exitCode: 1, output: `${out}: ${error instanceof Error ? error.message : String(error)}\n` };
  }
  const origins = new Set(ordered.map((part) => part.header.origin.id)).size;
  return {
    exitCode: 0,
    output:
      `${out}: merged ${ordered.length} bundle${ordered.length === 1 ? '' : 's'} from ${origins} installation${origins === 1 ? '' : 's'}, ${total(bundle.header.counts)} records; each part keeps its own signature.\n` +
      (await dryRun(text, now)),
  };
}

/**
 * What a new delegation with no data would take from the merged file, computed by the app's
 * own sync engine on the in-memory store (the first secretariat in the file is pinned, as
 * a person confirming fingerprints would): refusals and records that refer to data not in
 * the file show here before anyone carries the file to a meeting.
 */
async function dryRun(text: string, now: number): Promise<string> {
  const clock = createClock({ node: DRY_RUN_ID, now: () => now });
  const engine = createSyncEngine({
    store: createMemoryStore(),
    crypto,
    installation: () => Promise.resolve({ id: DRY_RUN_ID, displayName: 'cwg merge check', role: 'delegation', countryId: null }),
    publicKey: () => Promise.resolve(null),
    signer: () => Promise.reject(new Error('the merge check never signs')),
    clock: () =>
      Promise.resolve({
        stamp: () => ({ hlc: clock.send(), origin: DRY_RUN_ID }),
        receive: (stamp: string) => {
          clock.receive(stamp);
        },
        last: () => clock.last(),
        persist: () => Promise.resolve(),
      }),
    now: () => now,
    randomUUID: () => globalThis.crypto.randomUUID(),
  });
  try {
    const { preview } = await engine.prepareImport({ name: 'merged', bytes: text.length, text });
    const relayed = preview.refused.filter((refusal) => refusal.reason === 'relayed').length;
    const refused = preview.refused.length - relayed;
    return (
      `A new delegation importing it would take ${preview.totals.new + preview.totals.updated + preview.totals.deleted} records` +
      (refused > 0 ? `, and refuse ${refused} change${refused === 1 ? '' : 's'} their signers may not make` : '') +
      (relayed > 0 ? `; ${relayed} change${relayed === 1 ? '' : 's'} passed on by others will only be taken from their authors` : '') +
      '.\n'
    );
  } catch (error) {
    return `A new installation could not import it on its own: ${error instanceof Error ? error.message : String(error)}\n`;
  }
}

const DRY_RUN_ID = 'cwg-merge-check';

/**
 * The bundle subcommands from argv (after the command name), for the `cwg` entry point:
 * `bundleCommand('merge', ['a.json', 'b.json', '--out', 'c.json'])`.
 */
export async function bundleCommand(command: 'validate' | 'inspect' | 'merge', args: readonly string[]): Promise<CliResult> {
  if (command === 'merge') {
    const files: string[] = [];
    let out = '';
    for (let index = 0; index < args.length; index += 1) {
      const arg = args[index] ?? '';
      if (arg === '--out' || arg === '-o') {
        out = args[index + 1] ?? '';
        index += 1;
      } else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
      else files.push(arg);
    }
    return merge(files, out);
  }
  const [file, ...rest] = args;
  if (file === undefined || rest.length > 0) return { exitCode: 2, output: `usage: cwg ${command} FILE\n` };
  return command === 'validate' ? validate(file) : inspect(file);
}
