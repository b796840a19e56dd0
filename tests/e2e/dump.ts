/**
 * A full dump of the app's IndexedDB, read in the page straight from IndexedDB (not through
 * the app) in one read transaction: what tests compare to prove that nothing changed, or
 * that a crash left the data entirely before or after. The signing key is left out (a
 * non-extractable CryptoKey does not serialize).
 */
import type { Page } from 'playwright-core';

export type Dump = Record<string, unknown[]>;

/** Every object store, or only `tables`, as plain JSON values. */
export async function dumpDatabase(page: Page, tables?: readonly string[]): Promise<Dump> {
  const text = await page.evaluate(async (only) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cwg-desk');
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(new Error('cannot open the database'));
      };
    });
    const names = [...db.objectStoreNames].filter((name) => name !== 'syncKeys' && (only === null || only.includes(name)));
    const tx = db.transaction(names, 'readonly');
    const dump: Record<string, unknown> = {};
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              dump[name] = all.result;
              resolve();
            };
            all.onerror = () => {
              reject(new Error(`cannot read ${name}`));
            };
          }),
      ),
    );
    db.close();
    return JSON.stringify(dump);
  }, tables ? [...tables] : null);
  return JSON.parse(text) as Dump;
}
