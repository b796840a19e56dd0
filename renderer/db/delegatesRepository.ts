/**
 * The delegate registry's storage: people, what they took part in, duplicates and merges,
 * CSV import. Every write goes through writeRecord (validated, stamped, synced); changes
 * that touch several records (a merge, an import) happen in one transaction, so they
 * are saved entirely or not at all.
 */
import type { Amendment, Comment, Delegate, Installation, Meeting, Participation, Session } from '../../shared/model';
import type { CsvImportRow, CsvLookups, NewOrganization } from '../../shared/delegates/csv';
import { findDuplicates, findDuplicatesOf, pairKey, type DuplicatePair } from '../../shared/delegates/duplicates';
import { planMerge, type MergePlan } from '../../shared/delegates/merge';
import type { DelegateListEntry } from '../../shared/delegates/list';
import { entriesOf } from './delegateList';
import { canEditDelegate, mayRecordCountry, registryPermissions, type RegistryPermissions } from '../../shared/delegates/permissions';
import {
  displayName,
  normalizeDelegateFields,
  validateDelegateFields,
  type DelegateFields,
  type DelegateIssue,
} from '../../shared/delegates/validation';
import { normalizeOrganizationFields, validateOrganizationFields, type RegistryIssue } from '../../shared/delegates/registryValidation';
import { ValidationError } from './errors';
import { unstamped, writeRecord, writeRecords, type RepositoryContext } from './writes';

/** A person as the form or an import hands it in; no id: a new person. */
export interface DelegateInput extends DelegateFields {
  id?: string;
}

/** Validation problems with their i18n codes and placeholder values, for forms and import previews. */
export class RegistryValidationError extends ValidationError {
  readonly details: readonly RegistryIssue[];

  constructor(subject: string, details: readonly RegistryIssue[]) {
    super(
      subject,
      details.map((issue) => ({ path: issue.path, message: `delegates.issues.${issue.code}` })),
    );
    this.name = 'RegistryValidationError';
    this.details = details;
  }
}

/** This installation's role does not allow the change (see shared/delegates/permissions.ts). */
export class RegistryPermissionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryPermissionError';
  }
}

export interface DelegateActivity {
  /** Meetings the person took part in, newest first. */
  participations: { participation: Participation; meeting: Meeting | undefined }[];
  /** Sessions the person spoke at or moderated, in time order. */
  sessions: { session: Session; meeting: Meeting | undefined; speaker: boolean; moderator: boolean }[];
  amendments: Amendment[];
  comments: Comment[];
}

export interface MergePreview {
  survivor: Delegate;
  other: Delegate;
  plan: MergePlan;
  /** Meetings of the participations that move or combine, by id. */
  meetings: ReadonlyMap<string, Meeting>;
}

export interface ImportProgress {
  done: number;
  total: number;
}

export interface DelegatesRepository {
  /** Not deleted, by Latin-script name. */
  list(): Promise<Delegate[]>;
  /**
   * What the registry list shows of every person not deleted, in no particular order:
   * read from the list table (delegateList.ts), several times faster than list().
   */
  listEntries(): Promise<DelegateListEntry[]>;
  /** The live records of these ids, in the same order (deleted and unknown ones left out). */
  getMany(ids: readonly string[]): Promise<Delegate[]>;
  count(): Promise<number>;
  /** The stored record, tombstone or not. */
  get(id: string): Promise<Delegate | undefined>;
  /** The live record an id stands for now, following merges. */
  resolve(id: string): Promise<Delegate | undefined>;
  /** Creates (no id) or updates a person; throws RegistryValidationError naming each bad field. */
  save(input: DelegateInput): Promise<Delegate>;
  /** Deletes a person (a tombstone that syncs). */
  remove(id: string): Promise<void>;
  /** What the person (and any record merged into them) took part in. */
  activity(id: string): Promise<DelegateActivity>;
  findDuplicates(): Promise<DuplicatePair[]>;
  /** Likely duplicates of one person. */
  findDuplicatesOf(id: string): Promise<DuplicatePair[]>;
  /** Marks a suggested pair as two different people; remembered on this computer. */
  dismissDuplicate(a: string, b: string): Promise<void>;
  previewMerge(survivorId: string, otherId: string): Promise<MergePreview>;
  /** Moves every reference from `otherId` to `survivorId` and deletes `otherId`, in one transaction. */
  merge(survivorId: string, otherId: string): Promise<Delegate>;
  /** What a CSV import checks rows against. */
  importLookups(): Promise<CsvLookups>;
  /**
   * Writes checked rows in one transaction, with the organizations they need created first
   * (rows refer to those by `newOrganization`); nothing is written if any row fails.
   * Returns what was written.
   */
  importRows(
    rows: readonly CsvImportRow[],
    onProgress?: (progress: ImportProgress) => void,
    newOrganizations?: readonly NewOrganization[],
  ): Promise<{ created: number; updated: number; organizations: number }>;
  /** What this installation may do in the registry. */
  permissions(): Promise<RegistryPermissions & { actor: Installation | undefined }>;
}

const DISMISSED_KEY = 'delegates.notDuplicates';
/** Rows per bulk write during a CSV import (progress is reported after each). */
const IMPORT_BATCH = 250;

const notDeleted = (record: { deleted: boolean }): boolean => !record.deleted;

export function createDelegatesRepository(ctx: RepositoryContext): DelegatesRepository {
  const { db } = ctx;

  const actor = () => db.installation.get('self');

  const requireActor = async (): Promise<Installation> => {
    const installation = await actor();
    if (!installation) throw new RegistryPermissionError('This installation has not been set up yet.');
    return installation;
  };

  /** Country and organization must exist (and be live): the form offers only those, an import or a stale form may not. */
  const checkReferences = async (fields: DelegateFields): Promise<DelegateIssue[]> => {
    const issues: DelegateIssue[] = [];
    if (fields.countryId !== null) {
      const country = await db.countries.get(fields.countryId);
      if (!country || country.deleted) issues.push({ path: 'countryId', code: 'unknownCountry', params: { value: fields.countryId } });
    }
    if (fields.organizationId !== null) {
      const organization = await db.organizations.get(fields.organizationId);
      if (!organization || organization.deleted) {
        issues.push({ path: 'organizationId', code: 'unknownOrganization', params: { value: fields.organizationId } });
      }
    }
    return issues;
  };

  const follow = async (id: string): Promise<Delegate | undefined> => {
    let current = await db.delegates.get(id);
    // Bounded: a chain of merges is short; a cycle (two machines merging both ways) must not hang.
    for (let hops = 0; current?.deleted && current.mergedIntoId && hops < 16; hops += 1) {
      current = await db.delegates.get(current.mergedIntoId);
    }
    return current && !current.deleted ? current : undefined;
  };

  const readDismissed = async (): Promise<Set<string>> => {
    const entry = await db.meta.get(DISMISSED_KEY);
    const value: unknown = entry?.value;
    return new Set(Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  };

  const permissions = async () => {
    const installation = await actor();
    return { ...registryPermissions(installation), actor: installation };
  };

  return {
    // Sorted in JS, not by the nameLatin index: IndexedDB orders by code unit ("Émile" after "Zhyldyz").
    // People without a Latin-script name sort by their native one, among the others.
    // toArray() then a JS filter: one getAll() instead of a cursor step per record, several
    // times faster for 10,000 people.
    list: async () => {
      const collator = new Intl.Collator('en');
      return (await db.delegates.toArray()).filter(notDeleted).sort((a, b) => collator.compare(displayName(a), displayName(b)));
    },

    listEntries: async () => entriesOf(await db.delegateList.toArray()),

    getMany: async (ids) => (await db.delegates.bulkGet([...ids])).filter((delegate): delegate is Delegate => delegate !== undefined && !delegate.deleted),

    count: () => db.delegates.filter(notDeleted).count(),

    get: (id) => db.delegates.get(id),

    resolve: follow,

    async save(input) {
      const installation = await requireActor();
      const fields = normalizeDelegateFields(input);
      const issues = validateDelegateFields(fields);
      if (issues.length > 0) throw new RegistryValidationError('delegate', issues);
      const clock = await ctx.clock();
      return db.transaction('rw', ['delegates', 'countries', 'organizations', 'meta'], async () => {
        const referenceIssues = await checkReferences(fields);
        if (referenceIssues.length > 0) throw new RegistryValidationError('delegate', referenceIssues);
        const id = input.id ?? ctx.randomUUID();
        const previous = input.id === undefined ? undefined : await db.delegates.get(input.id);
        if (previous) {
          if (!canEditDelegate(installation, previous)) {
            throw new RegistryPermissionError('A delegation edits only people of its own country.');
          }
        } else if (!registryPermissions(installation).addPeople) {
          throw new RegistryPermissionError('This installation cannot add people.');
        }
        // What other installations would refuse must not be recorded here either.
        if (!mayRecordCountry(installation, fields.countryId)) {
          throw new RegistryValidationError('delegate', [{ path: 'countryId', code: 'notOwnCountry' }]);
        }
        return writeRecord(db, clock, 'delegates', {
          ...fields,
          id,
          deleted: false,
          ...(previous?.mergedIntoId === undefined ? {} : { mergedIntoId: null }),
        });
      });
    },

    async remove(id) {
      const installation = await requireActor();
      if (!registryPermissions(installation).deletePeople) {
        throw new RegistryPermissionError('Only the secretariat deletes people from the registry.');
      }
      const clock = await ctx.clock();
      await db.transaction('rw', ['delegates', 'meta'], async () => {
        const previous = await db.delegates.get(id);
        if (!previous || previous.deleted) return;
        await writeRecord(db, clock, 'delegates', { ...unstamped<'delegates'>(previous), deleted: true });
      });
    },

    async activity(id) {
      return db.transaction('r', ['delegates', 'participations', 'sessions', 'meetings', 'amendments', 'comments'], async () => {
        // Records merged into this one: references to them that arrived after the merge still count.
        const mergedIds = (await db.delegates.filter((d) => d.deleted && d.mergedIntoId === id).toArray()).map((d) => d.id);
        const ids = new Set([id, ...mergedIds]);
        const participations = await db.participations.where('delegateId').anyOf([...ids]).filter(notDeleted).toArray();
        // Sessions, amendments and comments have no index by person (their tables belong to
        // other areas); they number in the hundreds, so a scan is cheap.
        const sessions = await db.sessions
          .filter((s) => !s.deleted && (s.speakerIds.some((x) => ids.has(x)) || s.moderatorIds.some((x) => ids.has(x))))
          .toArray();
        const amendments = await db.amendments
          .filter((a) => !a.deleted && a.proposedByDelegateId !== null && ids.has(a.proposedByDelegateId))
          .toArray();
        const comments = await db.comments.filter((c) => !c.deleted && c.authorDelegateId !== null && ids.has(c.authorDelegateId)).toArray();
        const meetingIds = [...new Set([...participations.map((p) => p.meetingId), ...sessions.map((s) => s.meetingId)])];
        const meetings = new Map(
          (await db.meetings.bulkGet(meetingIds)).filter((m): m is Meeting => m !== undefined && !m.deleted).map((m) => [m.id, m]),
        );
        return {
          participations: participations
            .map((participation) => ({ participation, meeting: meetings.get(participation.meetingId) }))
            .sort((a, b) => (b.meeting?.startDate ?? '').localeCompare(a.meeting?.startDate ?? '')),
          sessions: sessions
            .map((session) => ({
              session,
              meeting: meetings.get(session.meetingId),
              speaker: session.speakerIds.some((x) => ids.has(x)),
              moderator: session.moderatorIds.some((x) => ids.has(x)),
            }))
            .sort((a, b) => `${a.session.date} ${a.session.start}`.localeCompare(`${b.session.date} ${b.session.start}`)),
          amendments: amendments.sort((a, b) => b.proposedOn.localeCompare(a.proposedOn)),
          comments: comments.sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
        };
      });
    },

    async findDuplicates() {
      const [delegates, dismissed] = await Promise.all([db.delegates.filter(notDeleted).toArray(), readDismissed()]);
      return findDuplicates(delegates, { dismissed });
    },

    async findDuplicatesOf(id) {
      const [delegates, dismissed] = await Promise.all([db.delegates.filter(notDeleted).toArray(), readDismissed()]);
      const target = delegates.find((d) => d.id === id);
      return target ? findDuplicatesOf(target, delegates, { dismissed }) : [];
    },

    async dismissDuplicate(a, b) {
      await db.transaction('rw', db.meta, async () => {
        const dismissed = await readDismissed();
        dismissed.add(pairKey(a, b));
        await db.meta.put({ key: DISMISSED_KEY, value: [...dismissed].sort() });
      });
    },

    async previewMerge(survivorId, otherId) {
      return db.transaction('r', ['delegates', 'participations', 'sessions', 'amendments', 'comments', 'actionItems', 'meetings'], async () => {
        const { survivor, other, plan } = await readMergePlan(survivorId, otherId);
        const meetingIds = [
          ...plan.participationsMoved.map((p) => p.meetingId),
          ...plan.participationsCombined.map((c) => c.kept.meetingId),
          ...plan.sessions.map((s) => s.meetingId),
          ...plan.actionItems.map((item) => item.meetingId),
        ];
        const meetings = new Map(
          (await db.meetings.bulkGet([...new Set(meetingIds)])).filter((m): m is Meeting => m !== undefined).map((m) => [m.id, m]),
        );
        return { survivor, other, plan, meetings };
      });
    },

    async merge(survivorId, otherId) {
      const installation = await requireActor();
      if (!registryPermissions(installation).mergePeople) {
        throw new RegistryPermissionError('Only the secretariat merges records in the registry.');
      }
      const clock = await ctx.clock();
      return db.transaction(
        'rw',
        ['delegates', 'participations', 'sessions', 'amendments', 'comments', 'actionItems', 'countries', 'organizations', 'meta'],
        async () => {
          const { survivor, other, plan } = await readMergePlan(survivorId, otherId);
          const fields = normalizeDelegateFields(plan.survivor);
          const issues = [...validateDelegateFields(fields), ...(await checkReferences(fields))];
          if (issues.length > 0) throw new RegistryValidationError('delegate', issues);
          const merged = await writeRecord(db, clock, 'delegates', { ...fields, id: survivor.id, deleted: false });
          for (const participation of plan.participationsMoved) {
            await writeRecord(db, clock, 'participations', unstamped<'participations'>(participation));
          }
          for (const { kept, removed } of plan.participationsCombined) {
            await writeRecord(db, clock, 'participations', unstamped<'participations'>(kept));
            await writeRecord(db, clock, 'participations', unstamped<'participations'>(removed));
          }
          for (const session of plan.sessions) await writeRecord(db, clock, 'sessions', unstamped<'sessions'>(session));
          for (const amendment of plan.amendments) await writeRecord(db, clock, 'amendments', unstamped<'amendments'>(amendment));
          for (const comment of plan.comments) await writeRecord(db, clock, 'comments', unstamped<'comments'>(comment));
          for (const item of plan.actionItems) await writeRecord(db, clock, 'actionItems', unstamped<'actionItems'>(item));
          await writeRecord(db, clock, 'delegates', { ...unstamped<'delegates'>(other), deleted: true, mergedIntoId: survivor.id });
          return merged;
        },
      );
    },

    async importLookups() {
      const installation = await actor();
      return db.transaction('r', ['countries', 'organizations', 'delegates'], async () => {
        const [countries, organizations, delegates] = await Promise.all([
          db.countries.filter(notDeleted).toArray(),
          db.organizations.filter(notDeleted).toArray(),
          db.delegates.toArray(),
        ]);
        return {
          countries,
          organizations,
          delegates: new Map(delegates.map((d) => [d.id, d])),
          canEdit: (delegate: Delegate) => canEditDelegate(installation, delegate),
          canRecordCountry: (countryId: string | null) => mayRecordCountry(installation, countryId),
        };
      });
    },

    async importRows(rows, onProgress, newOrganizations = []) {
      const installation = await requireActor();
      if (!registryPermissions(installation).importPeople) throw new RegistryPermissionError('This installation cannot import people.');
      // The rows were checked by validateCsv; checked again here because a row that slipped
      // through (or a country deleted meanwhile) must abort the import, not be half-saved.
      const checked = rows.map((row) => {
        const fields = normalizeDelegateFields(row.fields);
        const issues = validateDelegateFields(fields);
        if (issues.length > 0) throw new RegistryValidationError(`row ${String(row.row)}`, issues);
        return { ...row, fields };
      });
      const organizationsToCreate = newOrganizations.map((organization) => {
        const fields = normalizeOrganizationFields({ name: organization.name, acronym: organization.acronym, countryId: organization.countryId, kind: organization.kind });
        const issues = validateOrganizationFields(fields);
        if (issues.length > 0) throw new RegistryValidationError('organization', issues);
        if (!mayRecordCountry(installation, fields.countryId)) throw new RegistryValidationError('organization', [{ path: 'countryId', code: 'notOwnCountry' }]);
        return { key: organization.key, record: { ...fields, id: ctx.randomUUID(), deleted: false } };
      });
      const clock = await ctx.clock();
      const total = checked.length;
      onProgress?.({ done: 0, total });
      return db.transaction('rw', ['delegates', 'countries', 'organizations', 'meta'], async () => {
        const countryIds = new Set((await db.countries.filter(notDeleted).primaryKeys()).map(String));
        if (organizationsToCreate.length > 0) {
          for (const { record } of organizationsToCreate) {
            if (record.countryId !== null && !countryIds.has(record.countryId)) {
              throw new RegistryValidationError('organization', [{ path: 'countryId', code: 'unknownCountry', params: { value: record.countryId } }]);
            }
          }
          await writeRecords(db, clock, 'organizations', organizationsToCreate.map(({ record }) => record));
        }
        const createdIds = new Map(organizationsToCreate.map(({ key, record }) => [key, record.id]));
        const organizationIds = new Set((await db.organizations.filter(notDeleted).primaryKeys()).map(String));
        let created = 0;
        let updated = 0;
        const previous = await db.delegates.bulkGet(checked.map((row) => row.id ?? ''));
        const records = checked.map((row, index) => {
          const fields = row.newOrganization === undefined ? row.fields : { ...row.fields, organizationId: createdIds.get(row.newOrganization) ?? null };
          if (row.newOrganization !== undefined && fields.organizationId === null) {
            throw new RegistryValidationError(`row ${String(row.row)}`, [{ path: 'organizationId', code: 'unknownOrganization', params: { value: row.newOrganization } }]);
          }
          const issues: DelegateIssue[] = [];
          if (fields.countryId !== null && !countryIds.has(fields.countryId)) {
            issues.push({ path: 'countryId', code: 'unknownCountry', params: { value: fields.countryId } });
          }
          if (fields.organizationId !== null && !organizationIds.has(fields.organizationId)) {
            issues.push({ path: 'organizationId', code: 'unknownOrganization', params: { value: fields.organizationId } });
          }
          if (!mayRecordCountry(installation, fields.countryId)) issues.push({ path: 'countryId', code: 'notOwnCountry' });
          if (issues.length > 0) throw new RegistryValidationError(`row ${String(row.row)}`, issues);
          const before = row.id === null ? undefined : previous[index];
          if (before && !before.deleted) {
            if (!canEditDelegate(installation, before)) {
              throw new RegistryPermissionError(`Row ${String(row.row)}: a delegation updates only people of its own country.`);
            }
            updated += 1;
          } else {
            created += 1;
          }
          return { ...fields, id: row.id ?? ctx.randomUUID(), deleted: false };
        });
        // Written in batches (one bulkPut each) so progress moves while the one transaction runs.
        for (let start = 0; start < records.length; start += IMPORT_BATCH) {
          await writeRecords(db, clock, 'delegates', records.slice(start, start + IMPORT_BATCH));
          onProgress?.({ done: Math.min(start + IMPORT_BATCH, total), total });
        }
        return { created, updated, organizations: organizationsToCreate.length };
      });
    },

    permissions,
  };

  async function readMergePlan(survivorId: string, otherId: string): Promise<{ survivor: Delegate; other: Delegate; plan: MergePlan }> {
    if (survivorId === otherId) throw new ValidationError('merge', [{ path: '', message: 'A record cannot be merged with itself.' }]);
    const [survivor, other] = await db.delegates.bulkGet([survivorId, otherId]);
    if (!survivor || survivor.deleted || !other || other.deleted) {
      throw new ValidationError('merge', [{ path: '', message: 'Both records must exist and not be deleted.' }]);
    }
    const participations = await db.participations.where('delegateId').anyOf([survivorId, otherId]).filter(notDeleted).toArray();
    const sessions = await db.sessions
      .filter((s) => !s.deleted && (s.speakerIds.includes(otherId) || s.moderatorIds.includes(otherId)))
      .toArray();
    const amendments = await db.amendments.filter((a) => !a.deleted && a.proposedByDelegateId === otherId).toArray();
    const comments = await db.comments.filter((c) => !c.deleted && c.authorDelegateId === otherId).toArray();
    const actionItems = await db.actionItems.filter((item) => !item.deleted && item.ownerDelegateId === otherId).toArray();
    return { survivor, other, plan: planMerge({ survivor, other, participations, sessions, amendments, comments, actionItems }) };
  }
}
