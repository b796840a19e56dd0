/**
 * Two installations that only meet through files, as people use them: the secretariat
 * exports everything; a delegation imports it (after comparing the key fingerprint),
 * proposes an amendment offline and exports what the secretariat lacks; the secretariat
 * imports it, accepts the amendment and exports back; the delegation imports and sees the
 * new official text. A forged "secretariat" bundle and a tampered one are refused, and
 * change nothing.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundleText } from '../../shared/sync/bundleRead';
import { buildChangesBundle } from '../../shared/sync/bundleWrite';
import { dropFile } from '../fixtures/bundles/dropFile';
import { generateSigner, nodeSyncCrypto } from '../fixtures/bundles/nodeCrypto';
import { startTestHost, type TestHost } from '../host/testHost';
import { dumpDatabase } from './dump';
import { exportBundle, loadSampleData, firstRun, nav, openBundle, openSync } from './syncSteps';


async function fingerprintInSettings(page: Page): Promise<string> {
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Sync' });
  const fingerprint = section.getByTestId('key-fingerprint');
  await fingerprint.waitFor();
  return (await fingerprint.textContent()) ?? '';
}

async function articleText(page: Page, heading: RegExp): Promise<string> {
  await nav(page).getByRole('link', { name: 'MoU' }).click();
  await page.getByRole('link', { name: /^Memorandum of Understanding on the Customs Working Group/ }).first().click();
  const article = page.getByRole('region', { name: heading });
  await article.waitFor();
  return (await article.textContent()) ?? '';
}


describe('sync between two installations', () => {
  let amendmentId = '';
  let secretariat: TestHost;
  let delegation: TestHost;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-sync-e2e-'));
    [secretariat, delegation] = await Promise.all([startTestHost(), startTestHost()]);
  });

  afterAll(async () => {
    await Promise.all([secretariat.close(), delegation.close()]);
  });

  it('the secretariat exports everything and the delegation imports it after comparing the fingerprint', async () => {
    await firstRun(secretariat, 'Secretariat laptop', 'Secretariat');
    await firstRun(delegation, 'Kyrgyz delegation', 'Delegation', 'Kyrgyzstan');
    expect(secretariat.origin).not.toBe(delegation.origin);

    const s = secretariat.page;
    await loadSampleData(s);
    const secretariatFingerprint = await fingerprintInSettings(s);
    expect(secretariatFingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    await exportBundle(secretariat, join(folder, 'secretariat-1.cwgbundle.json'));

    const d = delegation.page;
    await openBundle(delegation, join(folder, 'secretariat-1.cwgbundle.json'));
    const trust = d.getByRole('heading', { name: 'First bundle from “Secretariat laptop”' });
    await trust.waitFor();
    // The fingerprint to compare by phone is the one the secretariat sees in its Settings.
    expect(await d.locator('.sync-trust .sync-fingerprint').textContent()).toBe(secretariatFingerprint);
    const summary = d.getByRole('table', { name: 'Changes per table' });
    expect(await summary.getByRole('row', { name: /^Meetings/ }).getByRole('cell').first().textContent()).toBe('2');

    // Importing without confirming the fingerprint is refused inline; nothing is written.
    await d.getByRole('button', { name: 'Import', exact: true }).click();
    await d.getByText('Confirm that you compared the fingerprint before importing.').waitFor();
    const confirm = d.getByRole('checkbox', { name: /^I compared the fingerprint with the sender and trust “Secretariat laptop” as Secretariat/ });
    expect(await confirm.getAttribute('aria-invalid')).toBe('true');
    await confirm.check();
    await d.getByRole('button', { name: 'Import', exact: true }).click();
    await d.getByRole('status').getByText(/^Imported from Secretariat laptop: \d+ new/).waitFor();

    await nav(d).getByRole('link', { name: 'Meetings' }).click();
    await d.getByText('Second meeting of the Customs Working Group').first().waitFor();
    await openSync(d, 'Trusted installations');
    const row = d.getByRole('row', { name: /Secretariat laptop/ });
    expect(await row.textContent()).toContain(secretariatFingerprint);
  });

  it('the delegation proposes an amendment offline and sends what the secretariat lacks', async () => {
    const d = delegation.page;
    await articleText(d, /^Article \d+\. Working languages$/);
    await d.getByRole('region', { name: /^Article \d+\. Working languages$/ }).getByRole('link', { name: 'Propose an amendment' }).click();
    const form = d.getByRole('form', { name: 'Propose an amendment' });
    const bodyEn = form.getByLabel('Text (EN)');
    await bodyEn.fill((await bodyEn.inputValue()).replace('where resources permit', 'at every meeting'));
    const bodyRu = form.getByLabel('Text (RU)');
    await bodyRu.fill((await bodyRu.inputValue()).replace('при наличии возможностей', 'на каждом заседании'));
    await form.getByLabel('Rationale in English').fill('Afghanistan takes part in every meeting.');
    await form.getByRole('button', { name: 'Submit the proposal' }).click();
    await d.getByRole('heading', { level: 1, name: /^Amendment to article \d+ “Working languages”$/ }).waitFor();
    amendmentId = /\/amendments\/([0-9a-f-]{36})/.exec(d.url())?.[1] ?? '';
    expect(amendmentId).not.toBe('');

    await exportBundle(delegation, join(folder, 'delegation-1.cwgbundle.json'), 'Secretariat laptop');
    const sent = JSON.parse(await readFile(join(folder, 'delegation-1.cwgbundle.json'), 'utf8')) as {
      header: { scope: { kind: string }; counts: Record<string, number> };
    };
    // Only what the secretariat did not have: the proposal, not the whole database.
    expect(sent.header.scope.kind).toBe('peer');
    expect(sent.header.counts.amendments).toBe(1);
    expect(sent.header.counts.delegates).toBe(0);
  });

  it('the secretariat imports it, accepts the amendment and sends the new official text back', async () => {
    const s = secretariat.page;
    await openBundle(secretariat, join(folder, 'delegation-1.cwgbundle.json'));
    await s.getByRole('heading', { name: 'First bundle from “Kyrgyz delegation”' }).waitFor();
    const summary = s.getByRole('table', { name: 'Changes per table' });
    expect(await summary.getByRole('row', { name: /^Amendments/ }).getByRole('cell').first().textContent()).toBe('1');
    await s.getByRole('checkbox', { name: /trust “Kyrgyz delegation” as Delegation of Kyrgyzstan/ }).check();
    await s.getByRole('button', { name: 'Import', exact: true }).click();
    await s.getByRole('status').getByText(/^Imported from Kyrgyz delegation: 1 new/).waitFor();

    await articleText(s, /^Article \d+\. Working languages$/);
    await s.getByRole('link', { name: /^Amendments \(\d+ open\)$/ }).click();
    // The sample data has its own proposals on this article: open the one that arrived.
    await s
      .getByRole('link', { name: /^Amendment to article \d+ “Working languages”$/ })
      .and(s.locator(`[href$="/amendments/${amendmentId}"]`))
      .click();
    const decision = s.getByRole('form', { name: 'Decision' });
    await decision.getByRole('radio', { name: 'Accept: apply the proposal to the official text' }).check();
    await decision.getByRole('button', { name: 'Record the decision' }).click();
    await s.getByRole('status').getByText('Decision recorded: Accepted.').waitFor();
    expect(await articleText(s, /^Article \d+\. Working languages$/)).toContain('at every meeting');

    await exportBundle(secretariat, join(folder, 'secretariat-2.cwgbundle.json'), 'Kyrgyz delegation');
  });

  it('the delegation imports it and sees the new official text', async () => {
    const d = delegation.page;
    expect(await articleText(d, /^Article \d+\. Working languages$/)).toContain('where resources permit');
    await openBundle(delegation, join(folder, 'secretariat-2.cwgbundle.json'));
    // A known sender: no trust question this time.
    expect(await d.getByRole('heading', { name: /^First bundle from/ }).count()).toBe(0);
    const summary = d.getByRole('table', { name: 'Changes per table' });
    await summary.getByRole('row', { name: /^Articles/ }).waitFor();
    await d.getByRole('button', { name: 'Import', exact: true }).click();
    await d.getByRole('status').getByText(/^Imported from Secretariat laptop:/).waitFor();
    const text = await articleText(d, /^Article \d+\. Working languages$/);
    expect(text).toContain('at every meeting');
    expect(text).not.toContain('where resources permit');

    await openSync(d, 'History');
    const history = d.getByRole('table', { name: 'Exports and imports, newest first' });
    await history.getByRole('row').nth(3).waitFor();
    expect(await history.getByRole('row').count()).toBe(4); // header, 2 imports, 1 export
  });

  it('refuses a forged secretariat bundle and a tampered one, changing nothing', async () => {
    const genuine = await readFile(join(folder, 'secretariat-2.cwgbundle.json'), 'utf8');
    const read = await readBundleText(genuine, nodeSyncCrypto);
    const unit = read.units[0];
    if (!unit) throw new Error('no unit');
    // Someone builds a "secretariat" bundle changing the official text, signed with their own key.
    const articles = (unit.records.articles ?? []).map((article) => ({
      ...article,
      body: { en: '1. Forged text.', ru: '1. Поддельный текст.' },
    }));
    const forger = await generateSigner();
    const forged = await buildChangesBundle(
      {
        bundleId: crypto.randomUUID(),
        createdAt: new Date().toISOString(),
        origin: unit.header.origin,
        scope: { kind: 'all' },
        vector: null,
        records: { articles },
      },
      forger,
      nodeSyncCrypto,
    );
    await writeFile(join(folder, 'forged.cwgbundle.json'), forged.text);
    // And the genuine file with one word changed after signing.
    await writeFile(join(folder, 'tampered.cwgbundle.json'), genuine.replace('at every meeting', 'at no meeting'));

    const d = delegation.page;
    const before = await dumpDatabase(d);

    await openBundle(delegation, join(folder, 'forged.cwgbundle.json'));
    const alert = d.getByRole('alert').filter({ hasText: 'This file was not imported' });
    await alert.getByText(/claims to come from “Secretariat laptop”, but is signed with a different key/).waitFor();
    await alert.getByText('Where in the file: $.header.origin.id').waitFor();

    await openBundle(delegation, join(folder, 'tampered.cwgbundle.json'));
    await d.getByRole('alert').getByText(/do not match the checksum/).waitFor();

    const after = await dumpDatabase(d);
    expect(after).toEqual(before);
    expect(await articleText(d, /^Article \d+\. Working languages$/)).toContain('at every meeting');
  });

  it('takes a bundle file dropped on the window, and recognises one imported before', async () => {
    const d = delegation.page;
    // Dropped on another screen: the whole window is the drop target.
    await d.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Meetings' }).click();
    await d.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await dropFile(d, join(folder, 'secretariat-2.cwgbundle.json'));
    await d.getByRole('heading', { level: 1, name: 'Import a bundle' }).waitFor();
    await d.getByText('This bundle was imported before; importing it again changes nothing.').waitFor();
    const summary = d.getByRole('table', { name: 'Changes per table' });
    expect(await summary.getByRole('row', { name: /^Total/ }).getByRole('cell').nth(0).textContent()).toBe('0');
    // Leaving the preview writes nothing.
    await d.getByRole('button', { name: 'Do not import' }).click();
    await d.getByRole('status').getByText('Import cancelled; nothing was changed.').waitFor();
    await openSync(d, 'History');
    const history = d.getByRole('table', { name: 'Exports and imports, newest first' });
    await history.getByRole('row').nth(3).waitFor();
    expect(await history.getByRole('row').count()).toBe(4);
    expect(delegation.pageErrors).toEqual([]);
    expect(secretariat.pageErrors).toEqual([]);
  });
});
