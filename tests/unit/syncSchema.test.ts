/** The published JSON Schema (docs/bundle.schema.json) is exactly what the zod schemas generate. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { syncedTableNames } from '../../shared/model';
import { BUNDLE_FORMAT_VERSION } from '../../shared/sync/bundleFormat';
import { BUNDLE_SCHEMA_PATH, bundleSchemaText } from '../../scripts/bundle-schema';

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
