/**
 * Conflicts that travel (issue 12, "Conflicts everywhere they matter"), as people meet
 * them: the secretariat deletes a Kyrgyz delegate while the Kyrgyz delegation, offline,
 * corrects that person's e-mail (its own country's people are its to keep up to date).
 * Both computers list the conflict in plain words ("the deletion was kept"), each from the
 * other's file; the secretariat brings the person back with the edit, by keyboard; the
 * delegation's next import closes the conflict there and shows the person back.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';
import { delegateFact, exportBundle, firstRun, importBundle, openBundle, openDelegate, openSync, syncNav, loadSampleData } from './syncSteps';

const PERSON = 'Bakyt Asanov';
const LABEL = 'Bakyt Asanov (Бакыт Асанов)';
const WHAT = 'Deleted on one computer while edited on another: the deletion was kept';
const EDITED = 'b.asanov@customs.kg';

/** The conflict's row on the Conflicts screen. */
async function conflictRow(page: Page) {
  await openSync(page, /^Conflicts/);
  await page.getByRole('heading', { level: 1, name: 'Conflicts' }).waitFor();
  const row = page.getByRole('table', { name: 'Conflicting changes, newest first' }).getByRole('row', { name: new RegExp(LABEL.replace(/[()]/g, '\\$&')) });
  await row.waitFor();
  return row;
}

describe('conflicts that travel', () => {
  let secretariat: TestHost;
  let delegation: TestHost;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-conflicts-travel-'));
    [secretariat, delegation] = await Promise.all([startTestHost(), startTestHost()]);
    await firstRun(secretariat, 'Secretariat laptop', 'Secretariat');
    await firstRun(delegation, 'Kyrgyz delegation', 'Delegation', 'Kyrgyzstan');
  });

  afterAll(async () => {
    await Promise.all([secretariat.close(), delegation.close()]);
  });

  it('lists a deletion that won over an edit on both computers, and a choice on one closes it on the other', async () => {
    const s = secretariat.page;
    const d = delegation.page;
    await loadSampleData(s);
    await exportBundle(secretariat, join(folder, 'start.cwgbundle.json'));
    await importBundle(delegation, join(folder, 'start.cwgbundle.json'), 'Secretariat laptop');

    // Offline: the delegation corrects the person's e-mail; the secretariat deletes the person.
    await openDelegate(d, PERSON);
    await d.getByRole('link', { name: 'Edit' }).click();
    await d.getByLabel('E-mail').fill(EDITED);
    await d.getByRole('button', { name: 'Save' }).click();
    await d.getByRole('status').getByText('Saved.').first().waitFor();
    await openDelegate(s, PERSON);
    await s.getByRole('button', { name: 'Delete', exact: true }).click();
    await s.getByRole('dialog', { name: `Delete ${PERSON}?` }).getByRole('button', { name: 'Delete', exact: true }).click();
    await s.getByRole('status').getByText(`${PERSON} was deleted.`).waitFor();

    // The delegation imports the deletion: the preview says what happened, in plain words.
    await exportBundle(secretariat, join(folder, 'deleted.cwgbundle.json'));
    await openBundle(delegation, join(folder, 'deleted.cwgbundle.json'));
    await d.getByRole('heading', { name: 'Edits made on both computers' }).waitFor();
    const previewRow = d.getByRole('row', { name: new RegExp(PERSON) });
    expect(await previewRow.getByRole('cell').nth(0).textContent()).toBe(WHAT);
    expect(await previewRow.getByRole('cell').nth(1).textContent()).toContain('Deleted');
    expect(await previewRow.getByRole('cell').nth(2).textContent()).toContain(`E-mail: ${EDITED}`);
    await d.getByRole('button', { name: 'Import', exact: true }).click();
    await d.getByRole('status').getByText(/, 1 conflict, /).waitFor();

    // Listed at the delegation, with both choices (its own country's person).
    const atDelegation = await conflictRow(d);
    expect(await atDelegation.getByRole('cell').nth(0).textContent()).toBe(WHAT);
    await atDelegation.getByRole('button', { name: `Keep this: ${LABEL}, ${WHAT}` }).waitFor();
    await atDelegation.getByRole('button', { name: `Bring it back with the edit: ${LABEL}, ${WHAT}` }).waitFor();
    expect(await syncNav(d).getByRole('link', { name: 'Conflicts (1)' }).count()).toBe(1);

    // The delegation's file brings the edit, and the conflict, to the secretariat.
    await exportBundle(delegation, join(folder, 'edit.cwgbundle.json'));
    await importBundle(secretariat, join(folder, 'edit.cwgbundle.json'), 'Kyrgyz delegation');
    const atSecretariat = await conflictRow(s);
    expect(await atSecretariat.getByRole('cell').nth(0).textContent()).toBe(WHAT);
    expect(await s.getByRole('table', { name: 'Conflicting changes, newest first' }).getByRole('row').count()).toBe(2); // header + one conflict

    // The secretariat brings the person back with the edit, by keyboard.
    const bringBack = atSecretariat.getByRole('button', { name: `Bring it back with the edit: ${LABEL}, ${WHAT}` });
    await bringBack.focus();
    await bringBack.press('Enter');
    await s.getByRole('status').getByText('The record is back, with the edit.').waitFor();
    await s.getByText('No conflicts to review.').waitFor();
    await openDelegate(s, PERSON);
    expect(await delegateFact(s, 'E-mail')).toBe(EDITED);

    // The secretariat's next file closes the conflict at the delegation, and the person is back there too.
    await exportBundle(secretariat, join(folder, 'settled.cwgbundle.json'), 'Kyrgyz delegation');
    await importBundle(delegation, join(folder, 'settled.cwgbundle.json'), 'Secretariat laptop');
    await openSync(d, /^Conflicts/);
    await d.getByText('No conflicts to review.').waitFor();
    await openDelegate(d, PERSON);
    expect(await delegateFact(d, 'E-mail')).toBe(EDITED);

    expect(secretariat.pageErrors).toEqual([]);
    expect(delegation.pageErrors).toEqual([]);
  });
});
