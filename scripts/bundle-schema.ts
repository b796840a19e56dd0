/**
 * Regenerates docs/bundle.schema.json, the published JSON Schema of bundle files, from the
 * zod schemas in shared/sync/bundleFormat.ts (zod 4's z.toJSONSchema). Run it after a
 * change to the bundle format or the record model: `npx tsx scripts/bundle-schema.ts`.
 * tests/unit/syncSchema.test.ts fails while the committed file differs from this output.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bundleJsonSchema } from '../shared/sync/bundleFormat';

export const BUNDLE_SCHEMA_PATH = resolve(import.meta.dirname, '../docs/bundle.schema.json');

export function bundleSchemaText(): string {
  return `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await writeFile(BUNDLE_SCHEMA_PATH, bundleSchemaText());
  console.log(`wrote ${BUNDLE_SCHEMA_PATH}`);
}
