/**
 * Privacy of contacts, as people meet it: the secretariat registers two people, one who
 * agreed to share their contacts and one who did not, and exports everything. The file
 * holds the first one's e-mail and not the second one's; the secretariat's own backup holds
 * both. The delegation imports the file and sees "Not shared by the sender" (in Russian
 * "Отправитель не передал") where the second person's e-mail and phone would be.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';
import { addDelegate, backUpNow, delegateFact, exportBundle, firstRun, importBundle, nav, openDelegate, type NewDelegate } from './syncSteps';

const PRIVATE: NewDelegate = {
  nameNative: 'Айгуль Садыкова',
  country: 'Kyrgyzstan',
  email: 'a.sadykova@customs.kg',
  phone: '+996 312 654321',
  shareContacts: false,
};
const SHARED: NewDelegate = {
  nameNative: 'Бакыт Осмонов',
  country: 'Kyrgyzstan',
  email: 'b.osmonov@customs.kg',
  phone: '+996 312 777888',
  shareContacts: true,
};

describe('privacy of contacts in sync files', () => {
  let secretariat: TestHost;
  let delegation: TestHost;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cwg-sync-privacy-'));
    [secretariat, delegation] = await Promise.all([startTestHost(), startTestHost()]);
    await firstRun(secretariat, 'Secretariat laptop', 'Secretariat');
    await firstRun(delegation, 'Kyrgyz delegation', 'Delegation', 'Kyrgyzstan');
  });

  afterAll(async () => {
    await Promise.all([secretariat.close(), delegation.close()]);
  });

  it('leaves out the contacts of a person without consent from the exported file, and keeps them in a backup', async () => {
    const s = secretariat.page;
    await addDelegate(s, PRIVATE);
    expect(await delegateFact(s, 'E-mail')).toBe(PRIVATE.email);
    await addDelegate(s, SHARED);

    const exported = join(folder, 'secretariat-all.cwgbundle.json');
    await exportBundle(secretariat, exported);
    const text = await readFile(exported, 'utf8');
    expect(text).toContain('Бакыт Осмонов');
    expect(text).toContain(SHARED.email);
    expect(text).toContain(SHARED.phone);
    expect(text).toContain('Айгуль Садыкова');
    expect(text).not.toContain(PRIVATE.email);
    expect(text).not.toContain(PRIVATE.phone);

    const backup = join(folder, 'secretariat-backup.cwgbundle.json');
    await backUpNow(secretariat, backup);
    const backupText = await readFile(backup, 'utf8');
    expect(backupText).toContain(PRIVATE.email);
    expect(backupText).toContain(PRIVATE.phone);
    expect(backupText).toContain(SHARED.email);

    // The secretariat itself still has everything.
    await openDelegate(s, PRIVATE.nameNative);
    expect(await delegateFact(s, 'E-mail')).toBe(PRIVATE.email);
    expect(await delegateFact(s, 'Phone')).toBe(PRIVATE.phone);
  });

  it('the delegation imports the file and is told the contacts were not shared', async () => {
    const d = delegation.page;
    await importBundle(delegation, join(folder, 'secretariat-all.cwgbundle.json'), 'Secretariat laptop');

    await openDelegate(d, PRIVATE.nameNative);
    expect(await delegateFact(d, 'E-mail')).toBe('Not shared by the sender');
    expect(await delegateFact(d, 'Phone')).toBe('Not shared by the sender');
    expect(await delegateFact(d, 'Contact details may be shared \\(sync files and CSV exports\\)')).toBe('No');

    // The form says it too, and leaves the fields empty to fill in.
    await d.getByRole('link', { name: 'Edit' }).click();
    const email = d.getByLabel('E-mail');
    await email.waitFor();
    expect(await email.inputValue()).toBe('');
    expect(await email.getAttribute('placeholder')).toBe('Not shared by the sender');
    expect(await d.getByLabel('Phone').getAttribute('placeholder')).toBe('Not shared by the sender');
    await d.getByText('The sync file these details came from left out the contacts: the person did not agree to share them.').waitFor();

    await openDelegate(d, SHARED.nameNative);
    expect(await delegateFact(d, 'E-mail')).toBe(SHARED.email);
    expect(await delegateFact(d, 'Phone')).toBe(SHARED.phone);

    // In Russian.
    await d.getByRole('combobox', { name: 'Language' }).first().selectOption('ru');
    await openDelegate(d, PRIVATE.nameNative);
    expect(await delegateFact(d, 'Эл. почта')).toBe('Отправитель не передал');
    expect(await delegateFact(d, 'Телефон')).toBe('Отправитель не передал');
    await d.getByRole('combobox', { name: 'Язык' }).first().selectOption('en');
    await nav(d).getByRole('link', { name: 'Delegates' }).waitFor();

    expect(delegation.pageErrors.filter((error) => !error.startsWith('cwg:file:open'))).toEqual([]);
    expect(secretariat.pageErrors).toEqual([]);
  });
});
