/**
 * The bad-input corpus imported into a real installation (fake-indexeddb) that already
 * trusts the corpus's sender: each file is refused with its own reason and JSON path, and
 * a full dump of the database (every table, local ones included) is the same afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleError } from '../../shared/sync/bundleErrors';
import { createRepositories, openDatabase, type CwgDatabase, type Repositories } from '../../renderer/db';
import { buildCorpus, CORPUS_ORIGIN, type Corpus } from '../fixtures/bundles/corpus';

let corpus: Corpus;
let db: CwgDatabase;
let repos: Repositories;

beforeAll(async () => {
  corpus = await buildCorpus();
  db = openDatabase(`cwg-corpus-${crypto.randomUUID()}`);
  repos = createRepositories(db, { now: () => corpus.now });
  await repos.installation.create({ displayName: 'Kyrgyz delegation', role: 'delegation', countryId: 'KG' });
  // The corpus's secretariat is known and trusted here, with its real key.
  const session = await repos.sync.prepareImport({ name: corpus.valid.name, bytes: new TextEncoder().encode(corpus.valid.text) });
  expect(session.preview.needsTrust).toEqual([CORPUS_ORIGIN.id]);
  await session.apply([CORPUS_ORIGIN.id]);
}, 60_000);

afterAll(async () => {
  db.close();
  await db.delete();
});

describe('bad-input corpus against an installation', () => {
  it('refuses every broken file with its reason and path, and leaves the database byte-for-byte the same', async () => {
    const before = await repos.dump();
    expect(before.meetings?.length).toBeGreaterThan(0);
    for (const entry of corpus.entries) {
      const refusal = await repos.sync.prepareImport({ name: entry.name, bytes: entry.bytes }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal, entry.name).toBeInstanceOf(BundleError);
      const error = refusal as BundleError;
      expect(error.code, entry.name).toBe(entry.expected.code);
      if (entry.expected.pathPrefix) expect(error.path.startsWith(entry.expected.path), `${entry.name}: ${error.path}`).toBe(true);
      else expect(error.path, entry.name).toBe(entry.expected.path);
      expect(await repos.dump(), entry.name).toEqual(before);
    }
  }, 120_000);

  it('names the forged sender and the clock offset', async () => {
    const message = async (name: string) => {
      const entry = corpus.entries.find((e) => e.name === name);
      if (!entry) throw new Error(name);
      return repos.sync.prepareImport({ name, bytes: entry.bytes }).then(
        () => '',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
    };
    expect(await message('new-key.cwgbundle.json')).toMatch(/claims to come from "Corpus secretariat", which is known with another key/);
    expect(await message('future.cwgbundle.json')).toMatch(/changes from "Corpus secretariat" are stamped 4\d(\.\d)? h ahead/);
    expect(await message('missing-reference.cwgbundle.json')).toMatch(/sessions\[0\]\.meetingId: refers to meetings record/);
  });
});
