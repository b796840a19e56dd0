/**
 * The published JSON Schema (docs/bundle.schema.json) is exactly what the zod schemas
 * generate; files of earlier format versions (old backups) are still read.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { syncedTableNames } from '../../shared/model';
import { BUNDLE_FORMAT_VERSION, type ChangesBundle } from '../../shared/sync/bundleFormat';
import { payloadDigest, readBundleText, signedHeaderBytes } from '../../shared/sync/bundleRead';
import { buildChangesBundle } from '../../shared/sync/bundleWrite';
import { canonicalJson } from '../../shared/sync/canonicalJson';
import { bytesToBase64 } from '../../shared/sync/encoding';
import { formatStamp } from '../../shared/sync/hlc';
import { BUNDLE_SCHEMA_PATH, bundleSchemaText } from '../../scripts/bundle-schema';
import { generateSigner, nodeSyncCrypto } from '../fixtures/bundles/nodeCrypto';

describe('docs/bundle.schema.json', () => {
  it('matches the zod schemas (run `npx tsx scripts/bundle-schema.ts` after changing the format or the model)', async () => {
    const committed = await readFile(BUNDLE_SCHEMA_PATH, 'utf8');
    expect(committed).toBe(bundleSchemaText());
  });

  it('describes both kinds of bundle and every table', () => {
    const schema = JSON.parse(bundleSchemaText()) as { title: string; anyOf: unknown[]; $defs: Record<string, unknown> };
    expect(schema.title).toBe(`CWG Desk bundle, format version ${BUNDLE_FORMAT_VERSION}`);
    expect(schema.anyOf).toHaveLength(2);
    for (const name of syncedTableNames) expect(Object.keys(schema.$defs)).toContain(`record.${name}`);
    expect(schema.$defs.stamp).toMatchObject({ type: 'string', pattern: expect.stringMatching(/^\^\\d\{15\}-\\d\{5\}-/) as unknown });
  });
});

describe('format versions', () => {
  it('writes version 3 (the minutes of meetings) and still reads a version 1 file, e.g. an old backup', async () => {
    expect(BUNDLE_FORMAT_VERSION).toBe(3);
    const signer = await generateSigner();
    const at = formatStamp({ millis: Date.UTC(2024, 4, 1), counter: 1, node: 'old-laptop' });
    const comment = {
      id: '00000000-0000-4000-8000-000000000001',
      deleted: false,
      targetKind: 'article',
      targetId: 'a1',
      authorDelegateId: null,
      authorName: 'Secretariat',
      text: 'Written by version 1',
      createdAt: '2024-05-01T10:00:00.000Z',
      resolved: false,
      hlc: at,
      origin: 'old-laptop',
    };
    const { bundle } = await buildChangesBundle(
      {
        bundleId: '00000000-0000-4000-8000-0000000000b1',
        createdAt: '2024-05-01T10:00:00.000Z',
        origin: { id: 'old-laptop', name: 'Old laptop', role: 'secretariat', countryId: null },
        scope: { kind: 'all' },
        vector: { 'old-laptop': at },
        records: { comments: [comment] },
      },
      signer,
      nodeSyncCrypto,
    );
    expect(bundle.header.formatVersion).toBe(3);
    // The same file as version 1 wrote it: the version is signed, so it is signed again.
    const old = JSON.parse(JSON.stringify(bundle)) as ChangesBundle;
    (old.header as { formatVersion: number }).formatVersion = 1;
    old.header.payloadSha256 = await payloadDigest(nodeSyncCrypto, old.payload);
    old.header.signature = { ...old.header.signature, value: '' };
    old.header.signature.value = bytesToBase64(await signer.sign(signedHeaderBytes(nodeSyncCrypto, old.header)));
    const read = await readBundleText(canonicalJson(old), nodeSyncCrypto);
    expect(read.header.formatVersion).toBe(1);
    expect(read.units[0]?.records.comments?.[0]).toMatchObject({ text: 'Written by version 1' });
  });
});
