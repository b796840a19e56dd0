/**
 * Property tests of sync (fast-check) on the shipping engine (shared/sync/engine on the
 * memory adapter): 3 to 5 installations, a secretariat and delegations of different
 * countries, make random creates, edits, deletions and restores from Recently deleted,
 * take backups and restore them, and exchange bundles (everything, per installation,
 * partial files; delegation to delegation too) in random order, duplicated, late or
 * never, with clocks apart within the accepted bound. Invariants:
 *   - after ordinary per-installation exchange, everyone holds identical data, also after
 *     backup restores (what a restore removed comes back);
 *   - authority holds: the secretariat's tables carry only the secretariat's stamps, and
 *     decisions on amendments are the secretariat's;
 *   - importing a bundle twice equals importing it once; a refused bundle changes nothing.
 * Shrunk counterexamples found while building this are kept as regression cases below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncedTableName } from '../../shared/model';
import { canEdit } from '../../shared/sync/authorityRules';
import { BundleError } from '../../shared/sync/bundleErrors';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import { normalizeRecord } from '../../shared/sync/records';
import { stampNode } from '../../shared/sync/versionVector';
import { SEED_ORIGIN } from '../../shared/sync/hlc';
import { EngineReplica } from '../fixtures/bundles/engineReplica';
import { generateSigner, type TestSigner } from '../fixtures/bundles/nodeCrypto';
import { countryRecord, documentRecord, EDITABLE, editedValue, newRecord, recordId, type EditableTable, type Unstamped } from '../fixtures/bundles/recordFactory';

const TABLES = Object.keys(EDITABLE) as EditableTable[];
const COUNTRIES = ['KZ', 'KG', 'TJ', 'TM', 'AF'];
const START = Date.UTC(2024, 4, 1);

const signers: TestSigner[] = [];
async function signer(index: number): Promise<TestSigner> {
  while (signers.length <= index) signers.push(await generateSigner());
  const found = signers[index];
  if (!found) throw new Error('no signer');
  return found;
}

type Op =
  | { kind: 'create'; replica: number; table: EditableTable; seed: number }
  | { kind: 'edit'; replica: number; table: EditableTable; pick: number; field: number; seed: number }
  | { kind: 'delete' | 'undelete'; replica: number; table: EditableTable; pick: number }
  | { kind: 'export'; from: number; to: number; scope: 'all' | 'peer' | 'subset'; pick: number }
  | { kind: 'deliver'; mail: number; to: number; twice: boolean }
  | { kind: 'backup' | 'restore'; replica: number }
  | { kind: 'grant' }
  | { kind: 'tick'; ms: number };

const table = fc.constantFrom(...TABLES);
const replica = fc.nat(4);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), replica, table, seed: fc.nat(999) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica, table, pick: fc.nat(), field: fc.nat(), seed: fc.nat(999) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'delete' as const, 'undelete' as const), replica, table, pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('export' as const), from: replica, to: replica, scope: fc.constantFrom('all' as const, 'peer' as const, 'peer' as const, 'subset' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), mail: fc.nat(), to: replica, twice: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('backup' as const, 'restore' as const), replica: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 90_000 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'grant' as const }) },
);

interface World {
  replicas: EngineReplica[];
  /** A second secretariat laptop (a new key), last in `replicas`, once granted by the pinned one. */
  second: EngineReplica | null;
  granted: boolean;
  mailbox: string[];
  backups: Map<number, string>;
  time: { now: number };
}

async function makeWorld(size: number, skews: readonly number[], withSecond = false): Promise<World> {
  const time = { now: START };
  const replicas: EngineReplica[] = [];
  for (let index = 0; index < size; index += 1) {
    const skew = skews[index] ?? 0;
    const second = withSecond && index === size - 1;
    const role = index === 0 || second ? 'secretariat' : 'delegation';
    const country = role === 'secretariat' ? null : (COUNTRIES[index - 1] ?? null);
    replicas.push(new EngineReplica(`replica-${index}`, role, country, await signer(index), () => time.now + skew, second ? 'Secretariat laptop 2' : `replica-${index}`));
  }
  // A common start, as after a first meeting: the secretariat's records on every machine,
  // so that later edits on different machines touch the same records and can collide.
  const [secretariat, ...others] = replicas;
  if (secretariat) {
    for (const id of COUNTRIES) secretariat.write('countries', countryRecord(id));
    secretariat.write('mouDocuments', documentRecord());
    for (const name of ['articles', ...TABLES.filter((t) => t !== 'articles')] as EditableTable[]) {
      for (let seed = 0; seed < 3; seed += 1) secretariat.write(name, newRecord(name, recordId(name, `base:${seed}`), seed));
    }
    const base = await secretariat.exportBundle({ kind: 'all' });
    for (const other of others) await other.importBundle(base);
  }
  return { replicas, second: withSecond ? (replicas[size - 1] ?? null) : null, granted: false, mailbox: [], backups: new Map(), time };
}

/** The pinned secretariat trusts the second laptop's key and grants it the role (the grant travels in its bundles). */
async function grant(world: World): Promise<void> {
  const [secretariat] = world.replicas;
  const { second } = world;
  if (!secretariat || !second || world.granted) return;
  await secretariat.importBundle(await second.exportBundle({ kind: 'all' }));
  await secretariat.engine.grantSecretariat(second.id);
  world.granted = true;
}

function unstampedOf(replica: EngineReplica, tableName: EditableTable, pick: number): Unstamped | undefined {
  const records = [...replica.table(tableName).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const found = records[pick % Math.max(1, records.length)];
  if (!found) return undefined;
  const { hlc: _hlc, origin: _origin, fieldStamps: _stamps, ...rest } = found;
  return rest;
}

/** Who writes: the chosen installation when its role may (as its screens offer), else the secretariat. */
function writerFor(world: World, index: number, tableName: EditableTable, record: Unstamped): EngineReplica {
  const chosen = world.replicas[index % world.replicas.length];
  const secretariat = world.replicas[0];
  if (!chosen || !secretariat) throw new Error('no replica');
  return canEdit(chosen.role, chosen.countryId, tableName, record) ? chosen : secretariat;
}

async function apply(world: World, op: Op): Promise<void> {
  const { replicas, mailbox, time } = world;
  const at = (index: number): EngineReplica => {
    const found = replicas[index % replicas.length];
    if (!found) throw new Error('no replica');
    return found;
  };
  switch (op.kind) {
    case 'create': {
      const chosen = at(op.replica);
      const record = newRecord(op.table, recordId(op.table, `${chosen.id}:${op.seed}:${time.now}`), op.seed, chosen.countryId);
      writerFor(world, op.replica, op.table, record).write(op.table, record);
      return;
    }
    case 'edit': {
      const current = unstampedOf(at(op.replica), op.table, op.pick);
      if (!current) return;
      const fields = EDITABLE[op.table];
      const field = fields[op.field % fields.length] ?? 'notes';
      if (op.table === 'amendments' && field === 'status') {
        const writer = writerFor(world, op.replica, op.table, current);
        const latest = unstampedOf(writer, op.table, op.pick);
        if (!latest) return;
        if (writer.role === 'secretariat') {
          const status = op.seed % 2 === 0 ? 'accepted' : 'rejected';
          writer.write('amendments', { ...latest, status, decisionReason: `reason ${op.seed}`, decidedOn: '2024-06-01' });
        } else if (latest.status === 'proposed') {
          writer.write('amendments', { ...latest, status: 'withdrawn', decidedOn: '2024-06-01' });
        }
        return;
      }
      const next = { ...current, [field]: editedValue(op.table, field, op.seed) };
      const writer = writerFor(world, op.replica, op.table, next);
      const latest = unstampedOf(writer, op.table, op.pick);
      if (latest?.id !== current.id) return;
      writer.write(op.table, { ...latest, [field]: next[field] });
      return;
    }
    case 'delete':
    case 'undelete': {
      const current = unstampedOf(at(op.replica), op.table, op.pick);
      if (!current) return;
      const writer = writerFor(world, op.replica, op.table, current);
      const latest = unstampedOf(writer, op.table, op.pick);
      if (latest?.id === current.id) writer.write(op.table, { ...latest, deleted: op.kind === 'delete' });
      return;
    }
    case 'export': {
      const from = at(op.from);
      const to = at(op.to);
      if (op.scope === 'subset') {
        const ids = new Set<string>();
        for (const name of TABLES) {
          [...from.table(name).keys()].sort().forEach((id, index) => {
            if ((index + op.pick) % 3 === 0) ids.add(id);
          });
        }
        mailbox.push(await from.exportSubset(ids));
      } else if (op.scope === 'peer' && from.store.peersNow().some((peer) => peer.id === to.id)) {
        mailbox.push(await from.exportBundle({ kind: 'peer', peerId: to.id }));
      } else {
        mailbox.push(await from.exportBundle({ kind: 'all' }));
      }
      return;
    }
    case 'deliver': {
      const text = mailbox[op.mail % Math.max(1, mailbox.length)];
      if (text === undefined) return;
      const to = at(op.to);
      try {
        await to.importBundle(text);
      } catch (error) {
        // A partial file may refer to a record this installation does not hold yet.
        if (error instanceof BundleError && error.code === 'missing-reference') return;
        throw error;
      }
      if (op.twice) {
        const once = to.snapshot();
        const vector = { ...to.vector() };
        await to.importBundle(text);
        expect(to.snapshot()).toEqual(once);
        expect(to.vector()).toEqual(vector);
      }
      return;
    }
    case 'backup':
      world.backups.set(op.replica % replicas.length, await at(op.replica).backup());
      return;
    case 'restore': {
      const backup = world.backups.get(op.replica % replicas.length);
      if (backup !== undefined) await at(op.replica).restore(backup);
      return;
    }
    case 'grant':
      await grant(world);
      return;
    case 'tick':
      time.now += op.ms;
      return;
  }
}

/**
 * Ordinary exchange: every installation sends every other what it has not received yet
 * (a per-installation file once it knows the receiver, everything the first time), in
 * the given order, for a few rounds.
 */
async function exchangeAll(world: World, order: readonly number[]): Promise<void> {
  const { replicas } = world;
  for (let round = 0; round < 3; round += 1) {
    for (const index of order) {
      const from = replicas[index % replicas.length];
      if (!from) continue;
      for (const to of replicas) {
        if (to === from) continue;
        const known = from.store.peersNow().some((peer) => peer.id === to.id);
        await to.importBundle(await from.exportBundle(known ? { kind: 'peer', peerId: to.id } : { kind: 'all' }));
      }
    }
  }
}

const SECRETARIAT_TABLES: readonly SyncedTableName[] = ['countries', 'mouDocuments', 'delegates', 'meetings', 'articles'];

function expectAuthorityHeld(world: World): void {
  const secretariat = world.replicas[0];
  if (!secretariat) return;
  const official = [secretariat.id, SEED_ORIGIN, ...(world.second && world.granted ? [world.second.id] : [])];
  for (const replica of world.replicas) {
    for (const name of SECRETARIAT_TABLES) {
      for (const record of replica.table(name).values()) {
        for (const stamp of Object.values(record.fieldStamps ?? {})) expect(official).toContain(stampNode(stamp));
      }
    }
    for (const record of replica.table('amendments').values()) {
      const status = record.status;
      if (status === 'accepted' || status === 'rejected') expect(official).toContain(stampNode(record.fieldStamps?.status ?? record.hlc));
    }
  }
}

/**
 * The data to compare: contacts of people who did not consent to share them never leave
 * the installation where they were entered (privacy.ts), so those two fields are left out
 * of the comparison and checked instead: at most one installation holds a value for them.
 */
function comparable(replica: EngineReplica): Record<string, SyncRecord[]> {
  const snapshot = replica.snapshot();
  snapshot.delegates = (snapshot.delegates ?? []).map((record) => {
    if (record.consentShareContacts === true) return record;
    const { email: _email, phone: _phone, ...stamps } = record.fieldStamps ?? {};
    const { email: _e, phone: _p, ...rest } = record;
    return normalizeRecord({ ...rest, fieldStamps: stamps });
  });
  return snapshot;
}

function expectContactsStayed(world: World): void {
  const holders = new Map<string, number>();
  for (const replica of world.replicas) {
    for (const record of replica.table('delegates').values()) {
      if (record.consentShareContacts === true) continue;
      if (record.email !== '' || record.phone !== '') holders.set(record.id, (holders.get(record.id) ?? 0) + 1);
    }
  }
  for (const count of holders.values()) expect(count).toBeLessThanOrEqual(1);
}

async function converges(size: number, skews: readonly number[], ops: readonly Op[], order: readonly number[], withSecond = false): Promise<void> {
  const world = await makeWorld(size, skews, withSecond);
  for (const op of ops) await apply(world, op);
  // Until the grant, the second laptop's changes to the secretariat's records are refused
  // everywhere (a look-alike); once granted they are accepted, so everyone converges.
  await grant(world);
  await exchangeAll(world, [...order, ...world.replicas.map((_, index) => index)]);
  const [first, ...rest] = world.replicas.map((replica) => comparable(replica));
  for (const other of rest) expect(other).toEqual(first);
  expectAuthorityHeld(world);
  expectContactsStayed(world);
}

describe('sync convergence on the shipping engine (property)', () => {
  it('brings 3 to 5 installations to identical data by ordinary exchange, whatever the order, backups restored or not, a second secretariat key granted or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 }), { minLength: 5, maxLength: 5 }),
        fc.array(opArb, { minLength: 5, maxLength: 60 }),
        fc.array(fc.nat(4), { minLength: 3, maxLength: 6 }),
        fc.boolean(),
        converges,
      ),
      { numRuns: 30 },
    );
  }, 240_000);

  it('after a backup restore, ordinary exchange brings back everything the restore removed', async () => {
    // Shaped runs: a backup, then work and exchanges the backup misses, then the restore.
    const busy = fc.array(opArb.filter((op) => op.kind !== 'restore'), { minLength: 3, maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 4 }),
        fc.nat(1),
        busy,
        busy,
        fc.array(opArb, { maxLength: 10 }),
        fc.array(fc.nat(3), { minLength: 3, maxLength: 5 }),
        async (size, restored, before, between, after, order) => {
          const ops: Op[] = [...before, { kind: 'backup', replica: restored }, ...between, { kind: 'restore', replica: restored }, ...after];
          await converges(size, [0, 0, 0, 0, 0], ops, order);
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);

  it('a delegation restores after its file reached the secretariat, then everyone exchanges (shrunk counterexample)', async () => {
    // Found by the property above: the restored delegation claimed its whole clock to a peer
    // before its lost amendment had come back, and that peer then skipped the amendment.
    await converges(3, [0,0,0,0,0], [{"kind":"edit","replica":0,"table":"delegates","pick":0,"field":0,"seed":0},{"kind":"create","replica":0,"table":"delegates","seed":0},{"kind":"deliver","mail":0,"to":0,"twice":false},{"kind":"delete","replica":0,"table":"delegates","pick":0},{"kind":"delete","replica":0,"table":"delegates","pick":0},{"kind":"delete","replica":0,"table":"delegates","pick":0},{"kind":"backup","replica":1},{"kind":"create","replica":1,"table":"amendments","seed":0},{"kind":"export","from":4,"to":0,"scope":"all","pick":0},{"kind":"deliver","mail":0,"to":0,"twice":false},{"kind":"restore","replica":1}] as Op[], [1,2,1]);
  });

  it('the secretariat restores after its new person reached a delegation; contacts withheld do not block the hand-back (shrunk counterexample)', async () => {
    // Found by the property: the delegation handed back the secretariat's new person, whose
    // contacts travel withheld (seed stamps); those fields blocked the whole record.
    await converges(3, [0,0,0,0,0], [{"kind":"backup","replica":0},{"kind":"create","replica":0,"table":"delegates","seed":0},{"kind":"export","from":0,"to":0,"scope":"all","pick":0},{"kind":"deliver","mail":0,"to":1,"twice":false},{"kind":"restore","replica":0},{"kind":"edit","replica":0,"table":"delegates","pick":0,"field":0,"seed":0},{"kind":"delete","replica":0,"table":"delegates","pick":0},{"kind":"create","replica":0,"table":"delegates","seed":1},{"kind":"export","from":0,"to":0,"scope":"all","pick":0},{"kind":"delete","replica":0,"table":"delegates","pick":0}] as Op[], [0,0,0], false);
  });

  it('the secretariat restores after a partial file carried its deletion to a delegation (shrunk counterexample)', async () => {
    // Found by the property: the fixture's partial export did not note what left, as the
    // engine's exports do, so the restored secretariat refused its own deletion handed back.
    const before = [{"kind":"export","from":0,"to":0,"scope":"all","pick":0},{"kind":"tick","ms":0},{"kind":"deliver","mail":0,"to":0,"twice":false},{"kind":"delete","replica":0,"table":"delegates","pick":0}] as Op[];
    const between = [{"kind":"export","from":0,"to":0,"scope":"all","pick":0},{"kind":"delete","replica":0,"table":"delegates","pick":896798287},{"kind":"export","from":0,"to":0,"scope":"subset","pick":26059136},{"kind":"export","from":1,"to":0,"scope":"all","pick":0},{"kind":"export","from":1,"to":0,"scope":"all","pick":0},{"kind":"create","replica":0,"table":"delegates","seed":0}] as Op[];
    const after = [{"kind":"deliver","mail":1792458607,"to":1,"twice":false}] as Op[];
    await converges(3, [0, 0, 0, 0, 0], [...before, { kind: 'backup', replica: 0 }, ...between, { kind: 'restore', replica: 0 }, ...after], [0, 0, 0]);
  });

  it('a restore followed by per-installation exchange brings back what it removed (regression)', async () => {
    // The secretariat edits after its backup, sends it to a delegation, restores the backup:
    // ordinary exchange must bring the edit and the delegation's records back.
    await converges(
      3,
      [0, 0, 0],
      [
        { kind: 'backup', replica: 0 },
        { kind: 'create', replica: 1, table: 'comments', seed: 1 },
        { kind: 'export', from: 1, to: 0, scope: 'peer', pick: 0 },
        { kind: 'deliver', mail: 0, to: 0, twice: false },
        { kind: 'tick', ms: 1000 },
        { kind: 'edit', replica: 0, table: 'meetings', pick: 0, field: 0, seed: 7 },
        { kind: 'export', from: 0, to: 1, scope: 'peer', pick: 0 },
        { kind: 'deliver', mail: 1, to: 1, twice: false },
        { kind: 'restore', replica: 0 },
      ],
      [0, 1, 2],
    );
  });

  it('importing a bundle twice equals importing it once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), fc.nat(), async (ops, pick) => {
        const world = await makeWorld(3, [0, 0, 0]);
        for (const op of ops) if (op.kind !== 'deliver') await apply(world, op);
        const sender = world.replicas[pick % 3] ?? world.replicas[0];
        const receiver = world.replicas[(pick + 1) % 3];
        if (!sender || !receiver) return;
        const text = await sender.exportBundle({ kind: 'all' });
        await receiver.importBundle(text);
        const once = { data: receiver.snapshot(), vector: { ...receiver.vector() }, peers: receiver.store.peersNow() };
        const again = await receiver.importBundle(text);
        expect({ data: receiver.snapshot(), vector: receiver.vector(), peers: receiver.store.peersNow().map((peer) => ({ ...peer, lastReceivedAt: once.peers.find((p) => p.id === peer.id)?.lastReceivedAt })) }).toEqual(once);
        expect(again.outcome.written).toBe(0);
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('a refused bundle changes nothing', async () => {
    const corruptions = ['flip-payload', 'edit-header', 'truncate', 'new-key', 'future'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        fc.constantFrom(...corruptions),
        fc.nat(),
        async (ops, corruption, position) => {
          const world = await makeWorld(3, [0, 0, 0]);
          for (const op of ops) await apply(world, op);
          const [secretariat, delegation] = world.replicas;
          if (!secretariat || !delegation) return;
          // The delegation already knows the secretariat's key.
          await delegation.importBundle(await secretariat.exportBundle({ kind: 'all' }));
          secretariat.write('delegates', newRecord('delegates', recordId('delegates', `late:${position}`), position));
          let text = await secretariat.exportBundle({ kind: 'all' });
          switch (corruption) {
            case 'flip-payload': {
              const at = text.indexOf('"payload"') + 20 + (position % Math.max(1, text.length - text.indexOf('"payload"') - 40));
              const char = text.charAt(at);
              text = text.slice(0, at) + (char === 'a' ? 'b' : char === '"' ? "'" : 'a') + text.slice(at + 1);
              break;
            }
            case 'edit-header':
              text = text.replace('"name":"replica-0"', '"name":"replica-0 (forged)"');
              break;
            case 'truncate':
              text = text.slice(0, position % text.length);
              break;
            case 'new-key': {
              const forger = new EngineReplica(secretariat.id, 'secretariat', null, await generateSigner(), () => world.time.now);
              forger.write('delegates', newRecord('delegates', recordId('delegates', `forged:${position}`), 1));
              text = await forger.exportBundle({ kind: 'all' });
              break;
            }
            case 'future': {
              const ahead = new EngineReplica(secretariat.id, 'secretariat', null, secretariat.signer, () => world.time.now + 25 * 3_600_000);
              ahead.write('delegates', newRecord('delegates', recordId('delegates', `future:${position}`), 1));
              text = await ahead.exportBundle({ kind: 'all' });
              break;
            }
          }
          const before = { data: delegation.snapshot(), vector: { ...delegation.vector() }, peers: delegation.store.peersNow(), clock: delegation.clock.last() };
          await expect(delegation.importBundle(text)).rejects.toBeInstanceOf(BundleError);
          expect({ data: delegation.snapshot(), vector: delegation.vector(), peers: delegation.store.peersNow(), clock: delegation.clock.last() }).toEqual(before);
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});
