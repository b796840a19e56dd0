/**
 * "Recently deleted": the tombstones of every synced table as entries (one per deletion,
 * with what was deleted with it), and their restore. A restore writes, in ONE transaction
 * and through writes.ts (validated and stamped, so it syncs like any change), the entry's
 * record, everything deleted with it, and the deleted records they refer to, with MoU
 * articles put back in document order. The grouping and closure rules are pure, in
 * shared/trash/. Every delete in the app is the secretariat's, so is every restore.
 */
import { deletedEn } from '../../shared/i18n/deleted';
import { mouStatuses, syncedTableNames, type Bilingual, type Installation, type SyncedTableName } from '../../shared/model';
import { statusPermissions } from '../../shared/mou/status';
import { canEditTable } from '../../shared/sync/authorityRules';
import { recordLabel } from '../../shared/sync/recordLabel';
import { mayRestore } from '../../shared/sync/screenOffers';
import { placeRestoredArticles } from '../../shared/trash/articles';
import {
  listEntries,
  participationKey,
  planRestore,
  TrashIndex,
  withoutDuplicateParticipations,
  type RestorePlan,
} from '../../shared/trash/plan';
import { containerOf, stampMillis, stampNode, type AnyRecord, type RecordRef } from '../../shared/trash/rules';
import { anySyncedTable } from './db';
import { NoInstallationError } from './errors';
import { writeRecords, type RepositoryContext, type Unstamped } from './writes';

export type TrashRefusalCode = 'secretariatOnly' | 'notFound' | 'merged' | 'textSigned';

/** The restore is not allowed for this installation or this record; nothing was written. */
export class TrashRefusedError extends Error {
  constructor(readonly code: TrashRefusalCode) {
    super(deletedEn.refusals[code]);
    this.name = 'TrashRefusedError';
  }
}

/** Who deleted a record, from its deletion stamp. */
export type DeletedBy =
  | { kind: 'self'; name: string }
  | { kind: 'peer'; name: string }
  /** An installation this one has no name for (the stamp's origin id). */
  | { kind: 'unknown'; id: string };

export interface LabelledRef extends RecordRef {
  label: Bilingual;
}

export interface TrashItem extends LabelledRef {
  /** What holds it (the meeting of a session, the MoU of an article…), when that helps recognise it. */
  context: Bilingual | null;
  /** Physical time of the deletion (ms since 1970), from its stamp. */
  deletedAt: number | null;
  deletedBy: DeletedBy;
  /** Records of each table deleted with it. */
  groupCounts: Partial<Record<SyncedTableName, number>>;
  /** Deleted records outside its group that a restore brings back too, each with what was deleted with it. */
  referenced: (LabelledRef & { groupCounts: Partial<Record<SyncedTableName, number>> })[];
  /** A person merged into another: shown, never restored (references follow the merge already). */
  mergedInto: LabelledRef | null;
  /** Why it cannot be restored now, if so. */
  blocked: 'textSigned' | null;
  /** Whether this installation may restore it: its peers accept every record the restore writes (screenOffers.mayRestore). */
  restorable: boolean;
}

export interface RestoreResult extends LabelledRef {
  /** Records written back, per table (the entry's own record included). */
  restored: Partial<Record<SyncedTableName, number>>;
}

export interface TrashRepository {
  /** Entries, newest deletion first. */
  list(): Promise<TrashItem[]>;
  /** Whether this installation may restore anything deleted: peers accept it bringing back any record (the secretariat); each item says whether it may restore that one (`restorable`). */
  canRestore(): Promise<boolean>;
  /** Restores the entry's record with its group and the deleted records they refer to, in one transaction. */
  restore(ref: RecordRef): Promise<RestoreResult>;
}

const notDeleted = (record: { deleted: boolean }): boolean => !record.deleted;

/** Whether the installation's peers accept it bringing back records of every synced table. */
const restoresAll = (installation: Installation): boolean =>
  syncedTableNames.every((table) => canEditTable(installation.role, installation.countryId, table));

/** The record as writes.ts takes it: the stamps are renewed by the write. */
function withoutStamps(record: AnyRecord): Omit<AnyRecord, 'hlc' | 'origin' | 'fieldStamps'> {
  const { hlc: _hlc, origin: _origin, fieldStamps: _stamps, ...rest } = record;
  return rest;
}

/** Everything read or written here: the synced tables, the clock's meta, who we and our peers are. */
const TRASH_TABLES = [...syncedTableNames, 'meta', 'installation', 'peers'] as const;

export function createTrashRepository(ctx: RepositoryContext): TrashRepository {
  const { db } = ctx;

  /** The tombstones of every table; in the caller's transaction. */
  const readIndex = async (): Promise<TrashIndex> => {
    const records: { table: SyncedTableName; record: AnyRecord }[] = [];
    for (const table of syncedTableNames) {
      // `deleted` is a boolean, never indexed (see db.ts): a filtered walk of each table.
      const tombstones = (await anySyncedTable(db, table).filter((record) => record.deleted).toArray()) as AnyRecord[];
      for (const record of tombstones) records.push({ table, record });
    }
    return new TrashIndex(records);
  };

  const stored = async (ref: RecordRef): Promise<AnyRecord | undefined> =>
    anySyncedTable(db, ref.table).get(ref.id);

  /** A short bilingual name: a participation is named by its person, a position by its country. */
  const labelOf = async (ref: RecordRef, record?: AnyRecord): Promise<Bilingual> => {
    const found = record ?? (await stored(ref));
    if (!found) return { en: ref.id, ru: ref.id };
    if (ref.table === 'participations' && typeof found.delegateId === 'string') {
      const person = await db.delegates.get(found.delegateId);
      if (person) return recordLabel(person);
    }
    if (ref.table === 'positions' && typeof found.countryId === 'string') {
      const country = await db.countries.get(found.countryId);
      if (country) return recordLabel(country);
    }
    return recordLabel(found);
  };

  const deletedBy = (stamp: string, installation: Installation | undefined, peers: Map<string, string>): DeletedBy => {
    const node = stampNode(stamp);
    if (installation && node === installation.id) return { kind: 'self', name: installation.displayName };
    const peer = peers.get(node);
    return peer === undefined ? { kind: 'unknown', id: node } : { kind: 'peer', name: peer };
  };

  /** The first MoU document whose text may no longer change among those the plan's articles belong to. */
  const signedDocumentOf = async (plan: RestorePlan): Promise<string | null> => {
    const documentIds = new Set(
      plan.records.filter((entry) => entry.table === 'articles').map((entry) => String(entry.record.documentId)),
    );
    for (const documentId of documentIds) {
      const planned = plan.records.find((entry) => entry.table === 'mouDocuments' && entry.record.id === documentId)?.record;
      const document = planned ?? (await db.mouDocuments.get(documentId));
      const status = mouStatuses.find((candidate) => candidate === document?.status);
      // The signed text is final (shared/mou/status.ts): deleteArticle refuses it too.
      if (status !== undefined && !statusPermissions(status).editText) return documentId;
    }
    return null;
  };

  const requireInstallation = async (): Promise<Installation> => {
    const installation = await db.installation.get('self');
    if (!installation) throw new NoInstallationError();
    return installation;
  };

  /** Drops duplicate participations and gives restored articles their place; in the caller's transaction. */
  const finishPlan = async (initial: RestorePlan): Promise<RestorePlan> => {
    const live = new Set<string>();
    for (const { table, record } of initial.records) {
      if (table !== 'participations') continue;
      const same = await db.participations
        .where('[meetingId+delegateId]')
        .equals([String(record.meetingId), String(record.delegateId)])
        .filter(notDeleted)
        .count();
      if (same > 0) live.add(participationKey(record));
    }
    const plan = withoutDuplicateParticipations(initial, live);

    const restoredByDocument = new Map<string, AnyRecord[]>();
    for (const { table, record } of plan.records) {
      if (table !== 'articles') continue;
      const documentId = String(record.documentId);
      restoredByDocument.set(documentId, [...(restoredByDocument.get(documentId) ?? []), record]);
    }
    if (restoredByDocument.size === 0) return plan;
    const records = [...plan.records];
    for (const [documentId, restored] of restoredByDocument) {
      const liveArticles = await db.articles.where('documentId').equals(documentId).filter(notDeleted).toArray();
      const changes = placeRestoredArticles(
        liveArticles,
        restored.map((article) => ({ id: article.id, order: Number(article.order) })),
      );
      for (const [id, order] of changes) {
        const at = records.findIndex((entry) => entry.table === 'articles' && entry.record.id === id);
        const current = records[at];
        if (current) {
          records[at] = { table: 'articles', record: { ...current.record, order } };
        } else {
          // A live article the rebalance moves: written with the restore, in the same transaction.
          const article = liveArticles.find((candidate) => candidate.id === id);
          if (article) records.push({ table: 'articles', record: { ...article, order } });
        }
      }
    }
    return { ...plan, records };
  };

  return {
    async list() {
      return db.transaction('r', [...TRASH_TABLES], async () => {
        const [index, installation, peers] = await Promise.all([readIndex(), db.installation.get('self'), db.peers.toArray()]);
        const peerNames = new Map(peers.map((peer) => [peer.id, peer.name]));
        const items: TrashItem[] = [];
        for (const entry of listEntries(index)) {
          const container = containerOf(entry.ref.table, entry.record);
          const plan = entry.mergedIntoId === null ? planRestore(index, entry.ref) : null;
          items.push({
            ...entry.ref,
            label: await labelOf(entry.ref, entry.record),
            context: container ? await labelOf(container) : null,
            deletedAt: stampMillis(entry.deletedStamp),
            deletedBy: deletedBy(entry.deletedStamp, installation, peerNames),
            groupCounts: entry.groupCounts,
            referenced: await Promise.all(
              entry.referenced.map(async (ref) => ({ ...ref, label: await labelOf(ref), groupCounts: index.groupCounts(ref) })),
            ),
            mergedInto:
              entry.mergedIntoId === null
                ? null
                : {
                    table: 'delegates',
                    id: entry.mergedIntoId,
                    label: await labelOf({ table: 'delegates', id: entry.mergedIntoId }),
                  },
            blocked: plan && (await signedDocumentOf(plan)) !== null ? 'textSigned' : null,
            restorable: plan !== null && installation !== undefined && mayRestore(installation, plan.records),
          });
        }
        return items;
      });
    },

    async canRestore() {
      const installation = await db.installation.get('self');
      return installation !== undefined && restoresAll(installation);
    },

    async restore(ref) {
      await requireInstallation();
      // The clock reads every synced table: loaded before the transaction (see writes.ts).
      const clock = await ctx.clock();
      return db.transaction('rw', [...TRASH_TABLES], async () => {
        const installation = await requireInstallation();
        const index = await readIndex();
        if (index.isMerged(ref)) throw new TrashRefusedError('merged');
        const initial = planRestore(index, ref);
        if (!initial) throw new TrashRefusedError('notFound');
        if ((await signedDocumentOf(initial)) !== null) throw new TrashRefusedError('textSigned');
        const plan = await finishPlan(initial);
        // Every record written back must be one peers accept from this installation (a
        // delegation: its own country's proposal with its comments, its position…).
        if (!mayRestore(installation, plan.records)) throw new TrashRefusedError('secretariatOnly');

        const byTable = new Map<SyncedTableName, AnyRecord[]>();
        for (const { table, record } of plan.records) byTable.set(table, [...(byTable.get(table) ?? []), record]);
        const restored: Partial<Record<SyncedTableName, number>> = {};
        for (const [table, records] of byTable) {
          // Validated and stamped like any write; a bad record aborts the whole restore.
          await writeRecords(db, clock, table, records.map(withoutStamps) as unknown as Unstamped<typeof table>[]);
          restored[table] = records.filter((record) => index.get({ table, id: record.id })).length;
        }
        return { ...ref, label: await labelOf(ref), restored };
      });
    },
  };
}
