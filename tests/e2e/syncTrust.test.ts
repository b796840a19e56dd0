/**
 * Roles are granted, not claimed (docs/sync.md, "Who may change what"), as people meet it:
 * - a look-alike: a third installation set up as "Secretariat" under the secretariat's own
 *   name edits an MoU article; the delegation, which pinned the real secretariat, is warned
 *   with both fingerprints, imports anyway, and its article does not change;
 * - a delegation that promotes itself to "Secretariat" in Settings: its screens let it
 *   rename a meeting, but the secretariat keeps the meeting as it was (and says why), while
 *   its own country's amendment is accepted, without a new trust question;
 * - a grant: the secretariat grants a second laptop its role; once the delegation has the
 *   secretariat's bundle carrying the grant, the second laptop's article edit is accepted.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';
import { exportBundle, firstRun, importBundle, nav, openBundle, openSync, loadSampleData } from './syncSteps';

const WORKING_LANGUAGES = /^Article \d+\. Working languages$/;
const SECOND = 'Second meeting of the Customs Working Group';

async function fingerprintInSettings(page: Page): Promise<string> {
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  const fingerprint = page.getByRole('region', { name: 'Sync' }).getByTestId('key-fingerprint');
  await fingerprint.waitFor();
  return (await fingerprint.textContent()) ?? '';
}

/** Opens the MoU and returns the text of one article. */
async function articleText(page: Page, heading: RegExp): Promise<string> {
  await nav(page).getByRole('link', { name: 'MoU' }).click();
  await page.getByRole('link', { name: /^Memorandum of Understanding on the Customs Working Group/ }).first().click();
  const article = page.getByRole('region', { name: heading });
  await article.waitFor();
  return (await article.textContent()) ?? '';
}

/** The secretariat's own edit of the official text (English only). */
async function editArticle(page: Page, heading: RegExp, from: string, to: string): Promise<void> {
  await articleText(page, heading);
  await page.getByRole('region', { name: heading }).getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('form', { name: heading });
  const body = editor.getByLabel('Text (EN)');
  await body.fill((await body.inputValue()).replace(from, to));
  await editor.getByRole('button', { name: 'Save article' }).click();
  await page.getByRole('status').getByText('Article saved.').waitFor();
}

async function meetingTitles(page: Page): Promise<string[]> {
  await nav(page).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
  await page.getByText('Inaugural meeting', { exact: false }).first().waitFor();
  return page.getByRole('link', { name: /meeting|Kyrgyzstan/ }).allTextContents();
}

describe('roles are granted, not claimed', () => {
  let secretariat: TestHost;
  let delegation: TestHost;
  let folder: string;
  let secretariatFingerprint = '';
  let amendmentId = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-sync-trust-'));
    [secretariat, delegation] = await Promise.all([startTestHost(), startTestHost()]);
    await firstRun(secretariat, 'Secretariat', 'Secretariat');
    await firstRun(delegation, 'Kyrgyz delegation', 'Delegation', 'Kyrgyzstan');
  });

  afterAll(async () => {
    await Promise.all([secretariat.close(), delegation.close()]);
  });

  it('the trust box of a delegation’s first secretariat says confirming pins it', async () => {
    const s = secretariat.page;
    await loadSampleData(s);
    secretariatFingerprint = await fingerprintInSettings(s);
    await exportBundle(secretariat, join(folder, 'secretariat-1.cwgbundle.json'));
    const d = delegation.page;
    await openBundle(delegation, join(folder, 'secretariat-1.cwgbundle.json'));
    try {
      const pin = d.getByRole('checkbox', {
        name: 'I compared the fingerprint with the sender and trust “Secretariat” as Secretariat: it becomes the secretariat this installation trusts',
      });
      expect(await pin.count()).toBe(1);
      expect(await d.getByText(/^From then on only this secretariat, and installations it grants the secretariat’s role/).count()).toBe(1);
    } finally {
      await d.getByRole('button', { name: 'Do not import' }).click();
      await d.getByRole('status').getByText('Import cancelled; nothing was changed.').waitFor();
    }
  }, 120_000);

  it('warns of a look-alike secretariat with both fingerprints, and its article edit changes nothing', async () => {
    const d = delegation.page;
    await openBundle(delegation, join(folder, 'secretariat-1.cwgbundle.json'));
    await d.getByRole('checkbox', { name: /^I compared the fingerprint with the sender and trust “Secretariat” as Secretariat/ }).check();
    await d.getByRole('button', { name: 'Import', exact: true }).click();
    await d.getByRole('status').getByText(/^Imported from Secretariat: \d+ new/).waitFor();
    const before = await articleText(d, WORKING_LANGUAGES);
    expect(before).toContain('where resources permit');

    // Another computer set up as the secretariat, under the same name, with its own key.
    const lookAlike = await startTestHost();
    try {
      await firstRun(lookAlike, 'Secretariat', 'Secretariat');
      await loadSampleData(lookAlike.page);
      const lookAlikeFingerprint = await fingerprintInSettings(lookAlike.page);
      expect(lookAlikeFingerprint).not.toBe(secretariatFingerprint);
      await editArticle(lookAlike.page, WORKING_LANGUAGES, 'where resources permit', 'never');
      await exportBundle(lookAlike, join(folder, 'look-alike.cwgbundle.json'));

      await openBundle(delegation, join(folder, 'look-alike.cwgbundle.json'));
      // The warning comes before the trust box and names both keys.
      const warning = d.getByRole('alert', { name: 'This is not the secretariat you trust' });
      await warning.waitFor();
      expect(await warning.textContent()).toContain(
        `Warning: this file claims to come from the secretariat, but it is signed by another key (fingerprint ${lookAlikeFingerprint}). ` +
          `The secretariat you trust is “Secretariat” with fingerprint ${secretariatFingerprint}. ` +
          'Nothing in this file will change official text, meetings or the registry.',
      );
      const trust = d.getByRole('checkbox', {
        name: 'I compared the fingerprint with the sender and trust “Secretariat”, knowing it is not the secretariat this installation trusts',
      });
      const box = await trust.elementHandle();
      expect(await warning.evaluate((alert, element) => (alert.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0, box)).toBe(true);
      // What it would have changed is refused, with the plain reason.
      const refused = d.getByRole('list', {
        name: 'The sender is not the secretariat this installation trusts and holds no role here, so nothing it sends is applied.',
      });
      await refused.waitFor();
      const summary = d.getByRole('table', { name: 'Changes per table' });
      const articles = summary.getByRole('row', { name: /^Articles/ }).getByRole('cell');
      expect(await articles.nth(1).textContent()).toBe('0'); // updated
      expect(Number(await articles.nth(5).textContent())).toBeGreaterThan(0); // refused
      expect(await summary.getByRole('row', { name: /^Total/ }).getByRole('cell').nth(1).textContent()).toBe('0');

      // Imported anyway: nothing of it is applied.
      await trust.check();
      await d.getByRole('button', { name: 'Import', exact: true }).click();
      await d.getByRole('status').getByText(/^Imported from Secretariat: 0 new, 0 updated, 0 deleted, 0 conflicts, [\d,]+ refused\.$/).waitFor();
      const after = await articleText(d, WORKING_LANGUAGES);
      expect(after).toBe(before);
      expect(after).not.toContain('never');

      // Trusted installations: the real secretariat is pinned, the other one is labelled.
      await openSync(d, 'Trusted installations');
      const section = d.getByRole('region', { name: 'Secretariat' });
      await section.getByText(secretariatFingerprint).waitFor();
      const rows = d.getByRole('table', { name: 'Trusted installations' }).getByRole('row', { name: /^Secretariat/ });
      await rows.nth(1).waitFor();
      const rowTexts = await rows.allTextContents();
      expect(rowTexts.find((text) => text.includes(secretariatFingerprint))).toContain('Secretariat (trusted)');
      expect(rowTexts.find((text) => text.includes(lookAlikeFingerprint))).toContain('Not the secretariat (look-alike)');
      expect(lookAlike.pageErrors).toEqual([]);
    } finally {
      await lookAlike.close();
    }
  }, 240_000);

  it('a delegation that calls itself the secretariat keeps a delegation’s authority', async () => {
    const d = delegation.page;
    const s = secretariat.page;
    // The secretariat first trusts the delegation as a delegation.
    await exportBundle(delegation, join(folder, 'delegation-1.cwgbundle.json'));
    await openBundle(secretariat, join(folder, 'delegation-1.cwgbundle.json'));
    await s.getByRole('checkbox', { name: /trust “Kyrgyz delegation” as Delegation of Kyrgyzstan$/ }).check();
    await s.getByRole('button', { name: 'Import', exact: true }).click();
    await s.getByRole('status').getByText(/^Imported from Kyrgyz delegation:/).waitFor();

    // The delegation switches itself to the secretariat's role in Settings…
    await nav(d).getByRole('link', { name: 'Settings' }).click();
    const installation = d.getByRole('region', { name: 'This installation' });
    await installation.getByRole('radio', { name: /^Secretariat/ }).check();
    await installation.getByRole('button', { name: 'Save' }).click();
    await d.getByRole('status').getByText('Settings saved.').waitFor();

    // …so its screens now let it rename a meeting…
    await nav(d).getByRole('link', { name: 'Meetings' }).click();
    await d.getByRole('link', { name: SECOND }).first().click();
    await d.getByRole('link', { name: 'Edit meeting' }).click();
    await d.getByLabel('Title in English').fill('Second meeting, renamed in Kyrgyzstan');
    await d.getByRole('button', { name: 'Save changes' }).click();
    await d.getByRole('status').getByText('Meeting saved.').waitFor();

    // …and it proposes an amendment on behalf of its own country.
    await articleText(d, WORKING_LANGUAGES);
    await d.getByRole('region', { name: WORKING_LANGUAGES }).getByRole('link', { name: 'Amendments and comments' }).click();
    await d.getByRole('button', { name: 'Propose an amendment' }).click();
    const form = d.getByRole('form', { name: 'Propose an amendment' });
    const bodyEn = form.getByLabel('Text (EN)');
    await bodyEn.fill((await bodyEn.inputValue()).replace('where resources permit', 'at every meeting'));
    await form.getByLabel('Rationale in English').fill('Afghanistan takes part in every meeting.');
    await form.getByLabel('Proposed by the delegation of').selectOption({ label: 'Kyrgyzstan' });
    await form.getByRole('button', { name: 'Submit the proposal' }).click();
    await d.getByRole('heading', { level: 1, name: /^Amendment to article \d+ “Working languages”$/ }).waitFor();
    amendmentId = /\/amendments\/([0-9a-f-]{36})/.exec(d.url())?.[1] ?? '';
    expect(amendmentId).not.toBe('');
    await exportBundle(delegation, join(folder, 'delegation-2.cwgbundle.json'));

    // The secretariat: no new trust question, a notice, the meeting left out with its reason.
    await openBundle(secretariat, join(folder, 'delegation-2.cwgbundle.json'));
    const notice = s.getByRole('region', { name: '“Kyrgyz delegation” now calls itself the secretariat' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      '“Kyrgyz delegation” was trusted here as Delegation of Kyrgyzstan and now calls itself the secretariat. The secretariat’s role is granted by the secretariat, not chosen in Settings: its changes are accepted as a delegation’s only.',
    );
    expect(await s.getByRole('checkbox', { name: /^I compared the fingerprint/ }).count()).toBe(0);
    expect(await s.getByRole('alert', { name: 'This is not the secretariat you trust' }).count()).toBe(0);
    const refused = s.getByRole('list', {
      name: 'Only the secretariat changes the registry (countries, organizations, delegates) and meetings (agenda, participants, decisions, action items).',
    });
    const items = await refused.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^Meetings: .+ — (the whole record|the fields Title) \(Sent by Kyrgyz delegation\)$/);
    await s.getByRole('button', { name: 'Import', exact: true }).click();
    await s.getByRole('status').getByText(/^Imported from Kyrgyz delegation: 1 new, 0 updated, 0 deleted, 0 conflicts, 1 refused\.$/).waitFor();

    const titles = await meetingTitles(s);
    expect(titles).toEqual(expect.arrayContaining([expect.stringContaining(SECOND)]));
    expect(titles.join('\n')).not.toContain('renamed in Kyrgyzstan');
    // The amendment of its own country arrived.
    await articleText(s, WORKING_LANGUAGES);
    await s.getByRole('link', { name: /^Amendments \(\d+ open\)$/ }).click();
    await s
      .getByRole('link', { name: /^Amendment to article \d+ “Working languages”$/ })
      .and(s.locator(`[href$="/amendments/${amendmentId}"]`))
      .click();
    await s.getByText('Afghanistan takes part in every meeting.').waitFor();

    // It stays a delegation in the secretariat's list.
    await openSync(s, 'Trusted installations');
    expect(await s.getByRole('row', { name: /^Kyrgyz delegation/ }).textContent()).toContain('Delegation of Kyrgyzstan');

    // Told so, the delegation sets its role back.
    await nav(d).getByRole('link', { name: 'Settings' }).click();
    await installation.getByRole('radio', { name: /^Delegation/ }).check();
    await installation.getByLabel('Country of the delegation').selectOption({ label: 'Kyrgyzstan' });
    await installation.getByRole('button', { name: 'Save' }).click();
    await d.getByRole('status').getByText('Settings saved.').first().waitFor();
  }, 180_000);

  it('the secretariat grants a second laptop its role, and the delegation then accepts that laptop’s article edit', async () => {
    const s = secretariat.page;
    const d = delegation.page;
    const laptop = await startTestHost();
    try {
      await firstRun(laptop, 'Secretariat laptop 2', 'Secretariat');
      const laptopFingerprint = await fingerprintInSettings(laptop.page);
      await exportBundle(laptop, join(folder, 'laptop-1.cwgbundle.json'));

      // The secretariat is warned about it like about any other key calling itself the secretariat.
      await openBundle(secretariat, join(folder, 'laptop-1.cwgbundle.json'));
      const warning = s.getByRole('alert', { name: 'This is not the secretariat you trust' });
      await warning.getByText(/this installation is the secretariat, and the file is signed by another key/).waitFor();
      await s.getByRole('checkbox', { name: /^I compared the fingerprint with the sender and trust “Secretariat laptop 2”/ }).check();
      await s.getByRole('button', { name: 'Import', exact: true }).click();
      await s.getByRole('status').getByText(/^Imported from Secretariat laptop 2:/).waitFor();

      await openSync(s, 'Trusted installations');
      const section = s.getByRole('region', { name: 'Secretariat' });
      await section.getByText('This installation (Secretariat)').waitFor();
      expect(await s.getByRole('row', { name: /^Secretariat laptop 2/ }).textContent()).toContain('Not the secretariat (look-alike)');
      await section.getByText('No other installation holds the secretariat’s role.').waitFor();
      // A delegation's pin can be forgotten; the secretariat's own cannot.
      expect(await section.getByRole('button', { name: /^Forget the pinned secretariat/ }).count()).toBe(0);
      await section.getByRole('button', { name: 'Grant the secretariat’s role to Secretariat laptop 2' }).click();
      const dialog = s.getByRole('dialog', { name: 'Grant the secretariat’s role to Secretariat laptop 2' });
      expect(await dialog.textContent()).toContain(`Grant “Secretariat laptop 2” (fingerprint ${laptopFingerprint}) the secretariat’s role?`);
      await dialog.getByRole('button', { name: 'Grant the role' }).click();
      await s.getByRole('status').getByText('“Secretariat laptop 2” now holds the secretariat’s role. Export a bundle to your peers so they learn it.').waitFor();
      await section.getByRole('list', { name: 'Installations granted the secretariat’s role' }).getByText(/^“Secretariat laptop 2”, since /).waitFor();
      expect(await s.getByRole('row', { name: /^Secretariat laptop 2/ }).textContent()).toContain('Secretariat (role granted)');
      expect(await section.getByRole('button', { name: /^Grant the secretariat’s role/ }).count()).toBe(0);
      await exportBundle(secretariat, join(folder, 'secretariat-2.cwgbundle.json'));

      // The delegation learns the grant with the secretariat's bundle; the laptop adopts the secretariat.
      await importBundle(delegation, join(folder, 'secretariat-2.cwgbundle.json'), 'Secretariat');
      await importBundle(laptop, join(folder, 'secretariat-2.cwgbundle.json'), 'Secretariat');
      await editArticle(laptop.page, WORKING_LANGUAGES, 'where resources permit', 'as the second laptop wrote');
      await exportBundle(laptop, join(folder, 'laptop-2.cwgbundle.json'));

      await openBundle(delegation, join(folder, 'laptop-2.cwgbundle.json'), 'preview');
      expect(await d.getByRole('alert', { name: 'This is not the secretariat you trust' }).count()).toBe(0);
      expect(await d.getByRole('list', { name: /^The sender is not the secretariat/ }).count()).toBe(0);
      // One installation to trust, the laptop, in the secretariat's role (the grant, not a look-alike).
      const trustBoxes = d.getByRole('checkbox', { name: /^I compared the fingerprint/ });
      expect(await trustBoxes.evaluateAll((boxes) => boxes.map((box) => box.closest('label')?.textContent ?? ''))).toEqual([
        'I compared the fingerprint with the sender and trust “Secretariat laptop 2” as Secretariat',
      ]);
      await trustBoxes.check();
      await d.getByRole('button', { name: 'Import', exact: true }).click();
      await d.getByRole('status').getByText(/^Imported from Secretariat laptop 2: 0 new, 1 updated, 0 deleted, 0 conflicts, 0 refused\.$/).waitFor();
      expect(await articleText(d, WORKING_LANGUAGES)).toContain('as the second laptop wrote');

      await openSync(d, 'Trusted installations');
      expect(await d.getByRole('row', { name: /^Secretariat laptop 2/ }).textContent()).toContain('Secretariat (role granted)');
      const pinned = d.getByRole('region', { name: 'Secretariat' });
      await pinned.getByRole('list', { name: 'Installations granted the secretariat’s role' }).getByText(/^“Secretariat laptop 2”, since /).waitFor();

      // Forgetting the pin asks first, and says what follows.
      await pinned.getByRole('button', { name: 'Forget the pinned secretariat…' }).click();
      const confirm = d.getByRole('dialog', { name: 'Forget the pinned secretariat?' });
      expect(await confirm.textContent()).toContain('This installation stops trusting “Secretariat” as the secretariat and forgets the roles it granted.');
      await confirm.getByRole('button', { name: 'Keep it' }).click();
      await pinned.getByText(secretariatFingerprint).waitFor();
      await pinned.getByRole('button', { name: 'Forget the pinned secretariat…' }).click();
      await d.getByRole('dialog', { name: 'Forget the pinned secretariat?' }).getByRole('button', { name: 'Forget the secretariat' }).click();
      await d.getByRole('status').getByText('The pinned secretariat was forgotten. The next secretariat you import from will be pinned.').waitFor();
      await pinned.getByText('No secretariat is trusted yet: the first secretariat whose bundle you import and trust becomes it.').waitFor();

      expect(laptop.pageErrors).toEqual([]);
      expect(secretariat.pageErrors).toEqual([]);
      expect(delegation.pageErrors).toEqual([]);
    } finally {
      await laptop.close();
    }
  }, 240_000);
});
