/**
 * The registry's storage: saving people with validation, deleting, merging duplicates in
 * one transaction that moves every reference, CSV rows in one transaction, countries and
 * organizations, and what each installation role may do.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { emptyDelegateFields, type DelegateFields } from '../../shared/delegates/validation';
import type { CsvImportRow } from '../../shared/delegates/csv';
import type { InstallationRole, Participation, Session } from '../../shared/model';
import { sampleId } from '../../shared/sample/sampleData';
import { SEED_ORIGIN, compareStamps } from '../../shared/sync/hlc';
import {
  RegistryPermissionError,
  RegistryValidationError,
  createRepositories,
  openDatabase,
  type CwgDatabase,
  type Repositories,
} from '../../renderer/db';
import { expectListInStep } from '../fixtures/delegateListInStep';

const open: CwgDatabase[] = [];

afterEach(async () => {
  for (const db of open.splice(0)) {
    await expectListInStep(db);
    await db.delete();
  }
});

async function installed(
  role: InstallationRole = 'secretariat',
  countryId: string | null = null,
): Promise<{ db: CwgDatabase; repositories: Repositories; origin: string }> {
  const db = openDatabase(`cwg-test-${crypto.randomUUID()}`);
  open.push(db);
  const repositories = createRepositories(db);
  const installation = await repositories.installation.create({ displayName: 'Test', role, countryId });
  return { db, repositories, origin: installation.id };
}

const fields = (extra: Partial<DelegateFields> = {}): DelegateFields => ({ ...emptyDelegateFields(), ...extra });

async function detailsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegistryValidationError) return error.details.map((d) => `${d.path}:${d.code}`);
    throw error;
  }
  throw new Error('expected a RegistryValidationError');
}

describe('saving people', () => {
  it('creates a person in Cyrillic only, stamped by this installation, and lists them', async () => {
    const { repositories, origin } = await installed();
    const saved = await repositories.delegates.save(fields({ nameNative: '  Нурлан   Токтогулов ', countryId: 'KG', email: 'n.t@customs.kg' }));
    expect(saved).toMatchObject({ nameNative: 'Нурлан Токтогулов', nameLatin: '', origin, deleted: false });
    expect(saved.fieldStamps?.nameNative).toBe(saved.hlc);
    expect((await repositories.delegates.list()).map((d) => d.id)).toEqual([saved.id]);
    expect(await repositories.delegates.count()).toBe(1);
  });

  it('refuses a bad e-mail, a bad phone, a missing name and an unknown country, saving nothing', async () => {
    const { repositories } = await installed();
    expect(await detailsOf(repositories.delegates.save(fields({ nameLatin: 'Ivan', email: 'ivanov@', phone: '12ab' })))).toEqual([
      'email:emailInvalid',
      'phone:phoneInvalid',
    ]);
    expect(await detailsOf(repositories.delegates.save(fields({ email: 'a@b.org' })))).toEqual(['nameLatin:nameRequired']);
    expect(await detailsOf(repositories.delegates.save(fields({ nameLatin: 'Ivan', countryId: 'XX' })))).toEqual(['countryId:unknownCountry']);
    expect(await detailsOf(repositories.delegates.save(fields({ nameLatin: 'Ivan', organizationId: 'nope' })))).toEqual([
      'organizationId:unknownOrganization',
    ]);
    expect(await repositories.delegates.count()).toBe(0);
  });

  it('updates only what changed, and deletes as a tombstone', async () => {
    const { repositories } = await installed();
    const saved = await repositories.delegates.save(fields({ nameLatin: 'Aida Mamatova', countryId: 'KG' }));
    const updated = await repositories.delegates.save({ ...fields({ nameLatin: 'Aida Mamatova', countryId: 'KG', phone: '+996 312 123456' }), id: saved.id });
    expect(compareStamps(updated.hlc, saved.hlc)).toBeGreaterThan(0);
    expect(updated.fieldStamps?.phone).toBe(updated.hlc);
    expect(updated.fieldStamps?.nameLatin).toBe(saved.hlc);
    await repositories.delegates.remove(saved.id);
    expect(await repositories.delegates.count()).toBe(0);
    expect(await repositories.delegates.get(saved.id)).toMatchObject({ deleted: true });
  });
});

describe('merging duplicates', () => {
  const sadykov = sampleId('delegate', 'kg-sadykov');
  const firstMeeting = sampleId('meeting', 'first');

  async function withDuplicate() {
    const context = await installed();
    await context.repositories.sampleData.load();
    const duplicate = await context.repositories.delegates.save(fields({ nameNative: 'Тимур Садыков', countryId: 'KG', email: 't.sadykov@customs.kg' }));
    // The duplicate also spoke at a session and wrote a comment (as if entered elsewhere).
    const session = (await context.db.sessions.toArray()).find((s) => !s.deleted && s.meetingId === firstMeeting);
    if (!session) throw new Error('the sample has sessions');
    await context.db.sessions.put({ ...session, speakerIds: [...session.speakerIds, sadykov] });
    const comment = (await context.db.comments.toArray())[0];
    if (!comment) throw new Error('the sample has a comment');
    await context.db.comments.put({ ...comment, authorDelegateId: sadykov });
    const amendment = (await context.db.amendments.toArray())[0];
    if (!amendment) throw new Error('the sample has an amendment');
    await context.db.amendments.put({ ...amendment, proposedByDelegateId: sadykov });
    const item = (await context.db.actionItems.toArray())[0];
    if (!item) throw new Error('the sample has an action item');
    await context.db.actionItems.put({ ...item, ownerDelegateId: sadykov });
    return { ...context, duplicate, sessionId: session.id, commentId: comment.id, amendmentId: amendment.id, actionItemId: item.id };
  }

  it('is suggested, previewed, and moves every reference in one change that syncs', async () => {
    const { db, repositories, origin, duplicate, sessionId, commentId, amendmentId, actionItemId } = await withDuplicate();
    expect((await repositories.delegates.findDuplicates()).map((p) => [p.a, p.b].sort())).toContainEqual([sadykov, duplicate.id].sort());
    expect((await repositories.delegates.findDuplicatesOf(duplicate.id)).length).toBe(1);

    const preview = await repositories.delegates.previewMerge(duplicate.id, sadykov);
    expect(preview.plan.participationsMoved.map((p) => p.meetingId)).toEqual([firstMeeting]);
    expect(preview.meetings.get(firstMeeting)?.title.en).toMatch(/Inaugural/);

    const before = await db.transaction('r', db.tables, async () => ({
      participation: await db.participations.where('delegateId').equals(sadykov).first(),
    }));
    const merged = await repositories.delegates.merge(duplicate.id, sadykov);
    expect(merged).toMatchObject({ id: duplicate.id, nameLatin: 'Timur Sadykov', nameNative: 'Тимур Садыков', email: 't.sadykov@customs.kg', origin });

    const participation = await db.participations.get(before.participation?.id ?? '');
    expect(participation).toMatchObject({ delegateId: duplicate.id, capacity: 'member', origin });
    expect(compareStamps(participation?.hlc ?? '', before.participation?.hlc ?? '')).toBeGreaterThan(0);
    expect(participation?.fieldStamps?.delegateId).toBe(participation?.hlc);
    expect((await db.sessions.get(sessionId))?.speakerIds).toContain(duplicate.id);
    expect((await db.sessions.get(sessionId))?.speakerIds).not.toContain(sadykov);
    expect((await db.comments.get(commentId))?.authorDelegateId).toBe(duplicate.id);
    expect((await db.amendments.get(amendmentId))?.proposedByDelegateId).toBe(duplicate.id);
    expect(await db.actionItems.get(actionItemId)).toMatchObject({ ownerDelegateId: duplicate.id, origin });
    expect(await repositories.delegates.get(sadykov)).toMatchObject({ deleted: true, mergedIntoId: duplicate.id, origin });
    expect((await repositories.delegates.resolve(sadykov))?.id).toBe(duplicate.id);
    expect(await db.participations.where('delegateId').equals(sadykov).count()).toBe(0);

    const activity = await repositories.delegates.activity(duplicate.id);
    expect(activity.participations.map((p) => p.meeting?.id)).toEqual([firstMeeting]);
    expect(activity.sessions.map((s) => s.session.id)).toContain(sessionId);
    expect(activity.comments.map((c) => c.id)).toEqual([commentId]);
    expect(activity.amendments.map((a) => a.id)).toEqual([amendmentId]);
  });

  it('combines two participations in the same meeting into one', async () => {
    const { db, repositories, duplicate } = await withDuplicate();
    const sadykovs = await db.participations.where('delegateId').equals(sadykov).first();
    if (!sadykovs) throw new Error('sample participation missing');
    const clock = await repositories.clock();
    const own: Participation = { ...sadykovs, id: crypto.randomUUID(), delegateId: duplicate.id, status: 'confirmed', attendedDays: ['2014-06-13'], ...clock.stamp() };
    await db.participations.put(own);
    await repositories.delegates.merge(duplicate.id, sadykov);
    const live = (await db.participations.where('delegateId').anyOf([duplicate.id, sadykov]).toArray()).filter((p) => !p.deleted);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ id: own.id, status: 'attended', attendedDays: [...sadykovs.attendedDays, '2014-06-13'].sort() });
    expect(await db.participations.get(sadykovs.id)).toMatchObject({ deleted: true });
  });

  it('changes nothing when any write of the merge fails', async () => {
    const { db, repositories, duplicate, sessionId } = await withDuplicate();
    // A session that no longer passes its schema (e.g. written by a newer version): the
    // merge must fail as a whole, not leave the participation moved and the rest not.
    const session = await db.sessions.get(sessionId);
    await db.sessions.put({ ...(session as Session), start: '25:99' });
    const before = await repositories.dump();
    await expect(repositories.delegates.merge(duplicate.id, sadykov)).rejects.toThrow();
    expect(await repositories.dump()).toEqual(before);
  });

  it('counts references that arrive after the merge from peers that had not seen it', async () => {
    const { db, repositories, duplicate } = await withDuplicate();
    await repositories.delegates.merge(duplicate.id, sadykov);
    const clock = await repositories.clock();
    const late: Participation = {
      id: crypto.randomUUID(),
      meetingId: sampleId('meeting', 'second'),
      delegateId: sadykov,
      capacity: 'guest',
      status: 'invited',
      attendedDays: [],
      deleted: false,
      ...clock.stamp(),
    };
    await db.participations.put(late);
    const activity = await repositories.delegates.activity(duplicate.id);
    expect(activity.participations.map((p) => p.participation.id)).toContain(late.id);
  });

  it('remembers pairs set aside as different people', async () => {
    const { repositories, duplicate } = await withDuplicate();
    await repositories.delegates.dismissDuplicate(sadykov, duplicate.id);
    expect(await repositories.delegates.findDuplicates()).toEqual([]);
    expect(await repositories.delegates.findDuplicatesOf(sadykov)).toEqual([]);
  });
});

describe('importing rows', () => {
  const row = (n: number, extra: Partial<DelegateFields> = {}, id: string | null = null): CsvImportRow => ({
    row: n,
    id,
    update: false,
    fields: fields({ nameLatin: `Person ${String(n)}`, countryId: 'KZ', ...extra }),
  });

  it('writes all rows in one transaction, reporting progress, and updates people named by id', async () => {
    const { repositories } = await installed();
    const existing = await repositories.delegates.save(fields({ nameLatin: 'Old Name', countryId: 'KZ' }));
    const progress: number[] = [];
    const rows = [...Array.from({ length: 600 }, (_, i) => row(i + 2)), row(602, { nameLatin: 'New Name' }, existing.id)];
    const result = await repositories.delegates.importRows(rows, (p) => progress.push(p.done));
    expect(result).toEqual({ created: 600, updated: 1, organizations: 0 });
    expect(progress).toEqual([0, 250, 500, 601]);
    expect(await repositories.delegates.count()).toBe(601);
    expect((await repositories.delegates.get(existing.id))?.nameLatin).toBe('New Name');
  });

  it('saves nothing when one row is refused', async () => {
    const { repositories } = await installed();
    await expect(repositories.delegates.importRows([row(2), row(3, { countryId: 'XX' })])).rejects.toBeInstanceOf(RegistryValidationError);
    await expect(repositories.delegates.importRows([row(2), row(3, { email: 'bad@' })])).rejects.toBeInstanceOf(RegistryValidationError);
    expect(await repositories.delegates.count()).toBe(0);
  });

  it('creates the organizations the rows need in the same transaction, and none when a row is refused', async () => {
    const { repositories } = await installed();
    const before = await repositories.organizations.count();
    const newOrganization = { key: 'кгд', name: { en: '', ru: 'КГД' }, acronym: 'КГД', countryId: 'KZ', kind: 'customs-service' as const, rows: [2, 3] };
    const withOrganization = (n: number, extra: Partial<DelegateFields> = {}) => ({ ...row(n, extra), newOrganization: 'кгд' });
    await expect(repositories.delegates.importRows([withOrganization(2), withOrganization(3, { countryId: 'XX' })], undefined, [newOrganization])).rejects.toBeInstanceOf(
      RegistryValidationError,
    );
    expect(await repositories.organizations.count()).toBe(before);
    const result = await repositories.delegates.importRows([withOrganization(2), withOrganization(3)], undefined, [newOrganization]);
    expect(result).toEqual({ created: 2, updated: 0, organizations: 1 });
    const created = (await repositories.organizations.list()).find((organization) => organization.acronym === 'КГД');
    expect(created).toMatchObject({ name: { en: '', ru: 'КГД' }, countryId: 'KZ', kind: 'customs-service' });
    const people = await repositories.delegates.list();
    expect(people.map((person) => person.organizationId)).toEqual([created?.id, created?.id]);
  });
});

describe('countries and organizations', () => {
  it('edits a seeded country’s membership as an ordinary stamped change', async () => {
    const { repositories, origin } = await installed();
    const before = await repositories.countries.get('UZ');
    expect(before).toMatchObject({ membership: 'non-member', origin: SEED_ORIGIN });
    const saved = await repositories.countries.save({ id: 'UZ', name: { en: 'Uzbekistan', ru: 'Узбекистан' }, membership: 'observer' }, { create: false });
    expect(saved).toMatchObject({ membership: 'observer', origin });
    expect(saved.fieldStamps?.membership).toBe(saved.hlc);
    expect(saved.fieldStamps?.name).toBe(before?.hlc);
  });

  it('adds a country once, with both names and a valid code', async () => {
    const { repositories } = await installed();
    await repositories.countries.save({ id: 'pk', name: { en: 'Pakistan', ru: 'Пакистан' }, membership: 'observer' }, { create: true });
    expect((await repositories.countries.list()).map((c) => c.id)).toContain('PK');
    expect(await detailsOf(repositories.countries.save({ id: 'PK', name: { en: 'Pakistan', ru: 'Пакистан' }, membership: 'member' }, { create: true }))).toEqual([
      'id:countryExists',
    ]);
    expect(await detailsOf(repositories.countries.save({ id: 'PAK', name: { en: 'Pakistan', ru: '' }, membership: 'member' }, { create: true }))).toEqual([
      'id:countryCodeInvalid',
      'name.ru:countryNameRequired',
    ]);
  });

  it('saves organizations and deletes only those nobody refers to', async () => {
    const { repositories } = await installed();
    expect(await detailsOf(repositories.organizations.save({ name: { en: ' ', ru: '' }, acronym: '', countryId: null, kind: 'ministry' }))).toEqual([
      'name.en:organizationNameRequired',
    ]);
    const wto = await repositories.organizations.save({ name: { en: 'World Trade Organization', ru: 'Всемирная торговая организация' }, acronym: 'WTO', countryId: null, kind: 'international-organization' });
    const person = await repositories.delegates.save(fields({ nameLatin: 'Trade Expert', organizationId: wto.id }));
    expect(await detailsOf(repositories.organizations.remove(wto.id))).toEqual([':organizationInUse']);
    expect((await repositories.organizations.peopleCounts()).get(wto.id)).toBe(1);
    await repositories.delegates.save({ ...fields({ nameLatin: 'Trade Expert' }), id: person.id });
    await repositories.organizations.remove(wto.id);
    expect(await repositories.organizations.count()).toBe(0);
  });
});

describe('roles', () => {
  it('lets a delegation add and edit its own country’s people (what its peers accept), but not merge, delete or change membership', async () => {
    const { repositories } = await installed('delegation', 'KG');
    const permissions = await repositories.delegates.permissions();
    expect(permissions).toMatchObject({ addPeople: true, deletePeople: false, mergePeople: false, editCountries: false, importPeople: true });
    const own = await repositories.delegates.save(fields({ nameLatin: 'Own Person', countryId: 'KG' }));
    // Another country's person, or one of no country, would be refused by every peer: not recorded here either.
    expect(await detailsOf(repositories.delegates.save(fields({ nameLatin: 'Foreign Person', countryId: 'KZ' })))).toEqual(['countryId:notOwnCountry']);
    await expect(repositories.delegates.save(fields({ nameLatin: 'Expert', countryId: null }))).rejects.toBeInstanceOf(RegistryValidationError);
    await expect(repositories.delegates.save({ ...fields({ nameLatin: 'Own Person', countryId: 'KZ' }), id: own.id })).rejects.toBeInstanceOf(RegistryValidationError);
    const secretariat = await installed('secretariat', null);
    const foreignRecord = await secretariat.repositories.delegates.save(fields({ nameLatin: 'Foreign Person', countryId: 'KZ' }));
    await repositories.sync.prepareImport({
      name: 'from-secretariat.cwgbundle.json',
      bytes: new TextEncoder().encode((await secretariat.repositories.sync.exportBundle({ kind: 'all' })).text),
    }).then((session) => session.apply(session.preview.needsTrust));
    const foreign = (await repositories.delegates.get(foreignRecord.id)) ?? foreignRecord;
    await repositories.delegates.save({ ...fields({ nameLatin: 'Own Person', countryId: 'KG', phone: '+996 312 123456' }), id: own.id });
    await expect(repositories.delegates.save({ ...fields({ nameLatin: 'Changed', countryId: 'KZ' }), id: foreign.id })).rejects.toBeInstanceOf(RegistryPermissionError);
    await expect(repositories.delegates.remove(own.id)).rejects.toBeInstanceOf(RegistryPermissionError);
    await expect(repositories.delegates.merge(own.id, foreign.id)).rejects.toBeInstanceOf(RegistryPermissionError);
    await expect(
      repositories.countries.save({ id: 'KG', name: { en: 'Kyrgyzstan', ru: 'Кыргызстан' }, membership: 'observer' }, { create: false }),
    ).rejects.toBeInstanceOf(RegistryPermissionError);
    await expect(
      repositories.delegates.importRows([{ row: 2, id: foreign.id, update: true, fields: fields({ nameLatin: 'Changed', countryId: 'KZ' }) }]),
    ).rejects.toBeInstanceOf(RegistryValidationError);
    expect((await repositories.delegates.get(foreign.id))?.nameLatin).toBe('Foreign Person');
    const lookups = await repositories.delegates.importLookups();
    expect(lookups.canEdit?.(foreign)).toBe(false);
    expect(lookups.canEdit?.(own)).toBe(true);
  });
});
