/** `cwg validate`, `cwg inspect` and `cwg merge` over real files: the corpus, and bundles from two installations. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleCommand, inspect, merge, validate } from '../../cli/bundle';
import { readBundleText } from '../../shared/sync/bundleRead';
import { buildChangesBundle } from '../../shared/sync/bundleWrite';
import { createClock } from '../../shared/sync/hlc';
import { buildCorpus, writeCorpus, type Corpus } from '../fixtures/bundles/corpus';
import { generateSigner, nodeSyncCrypto } from '../fixtures/bundles/nodeCrypto';
import { newRecord, recordId } from '../fixtures/bundles/recordFactory';

let corpus: Corpus;
let folder: string;

beforeAll(async () => {
  corpus = await buildCorpus();
  folder = await mkdtemp(join(tmpdir(), 'cwg-cli-'));
  await writeCorpus(folder, corpus);
}, 60_000);

async function delegationBundle(name: string, at: number): Promise<string> {
  const id = `delegation-${name.toLowerCase()}`;
  const clock = createClock({ node: id, now: () => at });
  const record = { ...newRecord('delegates', recordId('delegates', name), 1), hlc: clock.send(), origin: id };
  const { text } = await buildChangesBundle(
    {
      bundleId: crypto.randomUUID(),
      createdAt: new Date(at).toISOString(),
      origin: { id, name: `${name} delegation`, role: 'delegation', countryId: 'KG' },
      scope: { kind: 'all' },
      vector: { [id]: clock.last() },
      records: { delegates: [record] },
    },
    await generateSigner(),
    nodeSyncCrypto,
  );
  const file = join(folder, `${id}.cwgbundle.json`);
  await writeFile(file, text);
  return file;
}

describe('cwg validate', () => {
  it('accepts the valid bundle with exit code 0', async () => {
    const result = await validate(join(folder, corpus.valid.name), corpus.now);
    expect(result.exitCode).toBe(0);
    expect(result.output).toMatch(/valid changes bundle from Corpus secretariat: \d+ records, checksum and signature verified/);
  });

  it('refuses every broken file with exit code 1, the reason and the JSON path', async () => {
    for (const entry of corpus.entries) {
      const result = await validate(join(folder, entry.name), corpus.now);
      // Trust and references depend on the importing computer; a file alone cannot show them.
      if (entry.expected.code === 'key-mismatch' || entry.expected.code === 'missing-reference') {
        expect(result.exitCode, entry.name).toBe(0);
        continue;
      }
      expect(result.exitCode, entry.name).toBe(1);
      expect(result.output, entry.name).toContain(`${entry.name}: invalid bundle: `);
      if (entry.expected.path !== '$') expect(result.output, entry.name).toContain(entry.expected.path);
    }
  }, 60_000);

  it('says when the file is not there (exit code 2)', async () => {
    const result = await validate(join(folder, 'nothing-here.json'));
    expect(result).toEqual({ exitCode: 2, output: `${join(folder, 'nothing-here.json')}: no such file.\n` });
  });
});

describe('cwg inspect', () => {
  it('prints the header and the records per table', async () => {
    const result = await inspect(join(folder, corpus.valid.name), corpus.now);
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain('Format:      cwg-desk-bundle version 3, changes');
    expect(result.output).toContain('Origin:      Corpus secretariat (secretariat; installation corpus-secretariat)');
    expect(result.output).toContain('Scope:       everything the origin held');
    expect(result.output).toMatch(/Key:\s+Ed25519, fingerprint ([0-9A-F]{4} ){7}[0-9A-F]{4}/);
    expect(result.output).toMatch(/\n {2}meetings\s+2\n/);
  });

  it('explains why an unreadable file cannot be inspected', async () => {
    const result = await inspect(join(folder, 'newer-version.cwgbundle.json'), corpus.now);
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/\$\.header\.formatVersion: .*Update CWG Desk/);
  });
});

describe('cwg merge', () => {
  it('combines bundles from several installations into one file, each part still signed', async () => {
    const first = await delegationBundle('Kyrgyz', corpus.now - 5000);
    const second = await delegationBundle('Tajik', corpus.now - 4000);
    const out = join(folder, 'merged.cwgbundle.json');
    // The same bundle twice, and a merged file inside a merge, count once.
    const result = await bundleCommand('merge', [first, second, first, '--out', out]);
    expect(result).toMatchObject({ exitCode: 0 });
    expect(result.output).toContain('merged 2 bundles from 2 installations, 2 records');
    // Checked by the app's engine in memory: delegations may not change the registry.
    expect(result.output).toContain('A new delegation importing it would take 0 records, and refuse 2 changes their signers may not make.');
    const again = join(folder, 'merged-again.cwgbundle.json');
    expect((await merge([out, second, join(folder, corpus.valid.name)], again, { now: corpus.now })).exitCode).toBe(0);

    const read = await readBundleText(await readFile(again, 'utf8'), nodeSyncCrypto);
    expect(read.header).toMatchObject({ kind: 'merged', partCount: 3 });
    expect(read.units.map((unit) => unit.header.origin.name).sort()).toEqual(['Corpus secretariat', 'Kyrgyz delegation', 'Tajik delegation']);
    expect((await validate(again, corpus.now)).exitCode).toBe(0);
    const described = await inspect(again, corpus.now);
    expect(described.output).toContain('Parts:       3');
    expect(described.output).toContain('Part 2: ');
  });

  it('refuses to merge a broken bundle and writes nothing', async () => {
    const out = join(folder, 'never.cwgbundle.json');
    const result = await merge([join(folder, corpus.valid.name), join(folder, 'checksum.cwgbundle.json')], out, { now: corpus.now });
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('checksum.cwgbundle.json: invalid bundle: $.header.payloadSha256');
    await expect(readFile(out)).rejects.toThrow();
  });

  it('needs files and --out', async () => {
    expect((await bundleCommand('merge', ['a.json'])).exitCode).toBe(2);
    expect((await bundleCommand('merge', ['--out', 'x.json'])).exitCode).toBe(2);
    expect((await bundleCommand('validate', [])).exitCode).toBe(2);
  });
});
