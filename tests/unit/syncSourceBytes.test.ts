/**
 * An import hashes a payload from the file's own bytes (ScanMemo.source) instead of encoding
 * its 45 MB of text again: the same verdicts as hashing the text, with or without a
 * byte-order mark, in every script, and the text stays what is checked.
 */
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../shared/sync/bundleErrors';
import { readBundleText, readSealedHeader } from '../../shared/sync/bundleRead';
import type { SyncCrypto } from '../../shared/sync/syncCrypto';
import { buildLargeBundle } from '../fixtures/bundles/large';
import { nodeSyncCrypto } from '../fixtures/bundles/nodeCrypto';

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/** The crypto port, counting how many characters it was asked to encode. */
function countingCrypto(): { crypto: SyncCrypto; encoded: () => number } {
  let encoded = 0;
  const crypto: SyncCrypto = {
    ...nodeSyncCrypto,
    utf8: (text) => {
      encoded += text.length;
      return nodeSyncCrypto.utf8(text);
    },
  };
  return { crypto, encoded: () => encoded };
}

describe('hashing a payload from the file bytes', () => {
  it('checks the same file with and without a byte-order mark, encoding only the header', async () => {
    const { text } = await buildLargeBundle(300, Date.UTC(2025, 0, 1));
    expect(text).toMatch(/[\u0400-\u04ff]/);
    expect(text).toMatch(/[\u0600-\u06ff]/);
    const plain = new TextEncoder().encode(text);
    const marked = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    for (const bytes of [plain, marked]) {
      const decoded = decode(bytes);
      const { crypto, encoded } = countingCrypto();
      const read = await readBundleText(decoded, crypto, undefined, undefined, { source: bytes });
      expect(read.recordCount).toBe(300);
      expect(encoded()).toBeLessThan(text.length / 10);

      const sealed = await readSealedHeader(decoded, crypto, undefined, undefined, { source: bytes });
      expect(sealed?.header.bundleId).toBe(read.header.bundleId);
    }
  });

  it('still checks the text: bytes that are not the text’s are not trusted, a changed text is refused', async () => {
    const { text } = await buildLargeBundle(50, Date.UTC(2025, 0, 1));
    const bytes = new TextEncoder().encode(text);

    // Other bytes (one changed inside the payload): the text is what counts, and it is intact.
    const other = bytes.slice();
    const at = new TextEncoder().encode(text.slice(0, text.indexOf('Delegate Number 7'))).length;
    other[at] = 'X'.charCodeAt(0);
    await expect(readBundleText(text, nodeSyncCrypto, undefined, undefined, { source: other })).resolves.toMatchObject({ recordCount: 50 });
    expect(await readSealedHeader(text, nodeSyncCrypto, undefined, undefined, { source: other })).toBeNull();

    // A changed text with its own bytes: the checksum refuses it.
    const changed = text.replace('Delegate Number 7', 'Delegate Number X');
    const changedBytes = new TextEncoder().encode(changed);
    const refused = await readBundleText(changed, nodeSyncCrypto, undefined, undefined, { source: changedBytes }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BundleError);
    expect((refused as BundleError).code).toBe('checksum');
  });
});
