/**
 * The bad-input corpus against the file checks: every broken file is refused with its own
 * reason and the JSON path of the place at fault. (tests/db/syncCorpus.test.ts imports the
 * same files into an installation and compares full dumps; tests/unit/syncCli.test.ts runs
 * them through `cwg validate`.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleError } from '../../shared/sync/bundleErrors';
import { decodeBundleBytes, readBundleText } from '../../shared/sync/bundleRead';
import { bytesToHex } from '../../shared/sync/encoding';
import { checkClockDrift, missingReferenceError, openReferences } from '../../shared/sync/importChecks';
import { buildCorpus, type Corpus } from '../fixtures/bundles/corpus';
import { nodeSyncCrypto } from '../fixtures/bundles/nodeCrypto';

let corpus: Corpus;
beforeAll(async () => {
  corpus = await buildCorpus();
}, 60_000);

async function check(bytes: Uint8Array, now: number) {
  const text = decodeBundleBytes(bytes, (data) => new TextDecoder('utf-8', { fatal: true }).decode(data), 200 * 1024 * 1024);
  const read = await readBundleText(text, nodeSyncCrypto);
  for (const unit of read.units) checkClockDrift(unit, now);
  const missing = missingReferenceError(openReferences(read.units), () => false);
  if (missing) throw missing;
  return read;
}

describe('bad-input corpus', () => {
  it('holds a valid bundle that passes every check', async () => {
    const read = await check(new TextEncoder().encode(corpus.valid.text), corpus.now);
    expect(read.recordCount).toBeGreaterThan(100);
  });

  it('covers every case the issue lists', () => {
    expect(corpus.entries.map((entry) => entry.expected.code).sort()).toEqual(
      expect.arrayContaining([
        'truncated',
        'empty',
        'not-json',
        'not-a-bundle',
        'newer-version',
        'checksum',
        'bad-signature',
        'key-mismatch',
        'unknown-table',
        'schema',
        'string-too-long',
        'too-deep',
        'forbidden-key',
        'duplicate-id',
        'clock-drift',
        'missing-reference',
      ]),
    );
  });

  it('refuses each broken file with its own reason and JSON path', async () => {
    for (const entry of corpus.entries.filter((e) => e.expected.code !== 'key-mismatch')) {
      const refusal = await check(entry.bytes, corpus.now).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal, entry.name).toBeInstanceOf(BundleError);
      const error = refusal as BundleError;
      expect(error.code, entry.name).toBe(entry.expected.code);
      if (entry.expected.pathPrefix) expect(error.path.startsWith(entry.expected.path), `${entry.name}: ${error.path}`).toBe(true);
      else expect(error.path, entry.name).toBe(entry.expected.path);
      // The message says where, in words a person can act on.
      expect(error.message.length, entry.name).toBeGreaterThan(20);
    }
  }, 60_000);

  it('names what is wrong precisely', async () => {
    const message = async (name: string) => {
      const entry = corpus.entries.find((e) => e.name === name);
      if (!entry) throw new Error(name);
      return check(entry.bytes, corpus.now).then(
        () => '',
        (error: unknown) => String(error instanceof Error ? error.message : error),
      );
    };
    expect(await message('newer-version.cwgbundle.json')).toMatch(/format version 4.*Update CWG Desk/);
    expect(await message('wrong-type.cwgbundle.json')).toMatch(/^\$\.payload\.changes\.delegates\[0\]\.email: .*expected string, received number/);
    expect(await message('future.cwgbundle.json')).toMatch(/"Corpus secretariat" are stamped 4\d(\.\d)? h ahead/);
    expect(await message('huge-string.cwgbundle.json')).toMatch(/a text of 52428800 characters/);
    expect(await message('duplicate-id.cwgbundle.json')).toMatch(/appears twice in delegates \(also at \$\.payload\.changes\.delegates\[0\]\)/);
    expect(await message('proto-escaped.cwgbundle.json')).toMatch(/the key "__proto__" is not allowed/);
  });

  it('builds the same files on every run', async () => {
    const again = await buildCorpus();
    expect(again.valid.text).toBe(corpus.valid.text);
    const digests = async (entries: Corpus['entries']) =>
      Promise.all(entries.map(async (entry) => bytesToHex(await nodeSyncCrypto.sha256(new Uint8Array(entry.bytes)))));
    expect(await digests(again.entries)).toEqual(await digests(corpus.entries));
  }, 60_000);
});
