/**
 * Property tests of sync (fast-check): 3 to 5 installations make random creates, edits,
 * deletions and restores across tables, and exchange bundles (everything, deltas for a
 * peer, partial subsets) in random order, duplicated, late or never. After everyone has
 * sent everyone everything, all hold identical data. Importing a bundle twice equals
 * importing it once, and a refused bundle changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../shared/sync/bundleErrors';
import { MemoryReplica } from '../fixtures/bundles/memoryReplica';
import { generateSigner, type TestSigner } from '../fixtures/bundles/nodeCrypto';
import { EDITABLE, editedValue, newRecord, recordId, type EditableTable, type Unstamped } from '../fixtures/bundles/recordFactory';

const TABLES = Object.keys(EDITABLE) as EditableTable[];
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
  | { kind: 'delete' | 'restore'; replica: number; table: EditableTable; pick: number }
  | { kind: 'export'; from: number; to: number; scope: 'all' | 'peer' | 'subset'; pick: number }
  | { kind: 'deliver'; mail: number; to: number; twice: boolean }
  | { kind: 'tick'; ms: number };

const table = fc.constantFrom(...TABLES);
const replica = fc.nat(4);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), replica, table, seed: fc.nat(999) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica, table, pick: fc.nat(), field: fc.nat(), seed: fc.nat(999) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'delete' as const, 'restore' as const), replica, table, pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('export' as const), from: replica, to: replica, scope: fc.constantFrom('all' as const, 'peer' as const, 'subset' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), mail: fc.nat(), to: replica, twice: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 90_000 }) }) },
);

interface World {
  replicas: MemoryReplica[];
  mailbox: string[];
  time: { now: number };
}

async function makeWorld(size: number, skews: readonly number[]): Promise<World> {
  const time = { now: START };
  const replicas: MemoryReplica[] = [];
  for (let index = 0; index < size; index += 1) {
    const skew = skews[index] ?? 0;
    replicas.push(
      new MemoryReplica(`replica-${index}`, index === 0 ? 'secretariat' : 'delegation', await signer(index), () => time.now + skew),
    );
  }
  // A common start, as after a first meeting: the secretariat's records on every machine,
  // so that later edits on different machines touch the same records and can collide.
  const [secretariat, ...others] = replicas;
  if (secretariat) {
    for (const name of TABLES) {
      for (let seed = 0; seed < 3; seed += 1) secretariat.write(name, newRecord(name, recordId(name, `base:${seed}`), seed));
    }
    const base = await secretariat.exportBundle({ kind: 'all' }, time.now);
    for (const other of others) await other.importBundle(base, time.now);
  }
  return { replicas, mailbox: [], time };
}

function pickRecord(replica: MemoryReplica, tableName: EditableTable, pick: number): Unstamped | undefined {
  const records = [...replica.table(tableName).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const found = records[pick % Math.max(1, records.length)];
  if (!found) return undefined;
  const { hlc: _hlc, origin: _origin, fieldStamps: _stamps, ...rest } = found;
  return rest;
}

/** Official text is the secretariat's: delegations never edit articles or decide amendments. */
async function apply(world: World, op: Op): Promise<void> {
  const { replicas, mailbox, time } = world;
  const at = (index: number): MemoryReplica => {
    const found = replicas[index % replicas.length];
    if (!found) throw new Error('no replica');
    return found;
  };
  switch (op.kind) {
    case 'create': {
      const writer = op.table === 'articles' ? at(0) : at(op.replica);
      writer.write(op.table, newRecord(op.table, recordId(op.table, `${writer.id}:${op.seed}:${time.now}`), op.seed));
      return;
    }
    case 'edit': {
      const writer = op.table === 'articles' ? at(0) : at(op.replica);
      const current = pickRecord(writer, op.table, op.pick);
      if (!current) return;
      const fields = EDITABLE[op.table];
      const field = fields[op.field % fields.length] ?? 'notes';
      if (op.table === 'amendments' && field === 'status') {
        if (writer.role === 'secretariat') {
          const status = op.seed % 2 === 0 ? 'accepted' : 'rejected';
          writer.write('amendments', { ...current, status, decisionReason: `reason ${op.seed}`, decidedOn: '2024-06-01' });
        } else if (current.status === 'proposed') {
          writer.write('amendments', { ...current, status: 'withdrawn' });
        }
        return;
      }
      writer.write(op.table, { ...current, [field]: editedValue(op.table, field, op.seed) });
      return;
    }
    case 'delete':
    case 'restore': {
      const writer = op.table === 'articles' ? at(0) : at(op.replica);
      const current = pickRecord(writer, op.table, op.pick);
      if (current) writer.write(op.table, { ...current, deleted: op.kind === 'delete' });
      return;
    }
    case 'export': {
      const from = at(op.from);
      const to = at(op.to);
      if (op.scope === 'subset') {
        const ids = new Set<string>();
        for (const name of TABLES) {
          const records = [...from.table(name).keys()].sort();
          records.forEach((id, index) => {
            if ((index + op.pick) % 3 === 0) ids.add(id);
          });
        }
        mailbox.push(await from.exportBundle({ kind: 'subset', ids }, time.now));
      } else if (op.scope === 'peer' && from.peers.has(to.id)) {
        mailbox.push(await from.exportBundle({ kind: 'peer', peerId: to.id }, time.now));
      } else {
        mailbox.push(await from.exportBundle({ kind: 'all' }, time.now));
      }
      return;
    }
    case 'deliver': {
      const text = mailbox[op.mail % Math.max(1, mailbox.length)];
      if (text === undefined) return;
      const to = at(op.to);
      await to.importBundle(text, time.now);
      if (op.twice) {
        const once = to.snapshot();
        const vector = { ...to.vector };
        await to.importBundle(text, time.now);
        expect(to.snapshot()).toEqual(once);
        expect(to.vector).toEqual(vector);
      }
      return;
    }
    case 'tick':
      time.now += op.ms;
      return;
  }
}

/** Everyone sends everyone everything, twice (a relayed change may need a second round). */
async function syncAll(world: World, order: readonly number[]): Promise<void> {
  for (let round = 0; round < 2; round += 1) {
    const texts = await Promise.all(world.replicas.map((replica) => replica.exportBundle({ kind: 'all' }, world.time.now)));
    for (const index of order) {
      const receiver = world.replicas[index % world.replicas.length];
      if (!receiver) continue;
      for (const [from, text] of texts.entries()) if (from !== index % world.replicas.length) await receiver.importBundle(text, world.time.now);
    }
  }
}

describe('sync convergence (property)', () => {
  it('brings 3 to 5 installations to identical data whatever the order of exchanges', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 }), { minLength: 5, maxLength: 5 }),
        fc.array(opArb, { minLength: 5, maxLength: 60 }),
        fc.array(fc.nat(4), { minLength: 5, maxLength: 8 }),
        async (size, skews, ops, order) => {
          const world = await makeWorld(size, skews);
          for (const op of ops) await apply(world, op);
          const fullOrder = [...order, ...world.replicas.map((_, index) => index)];
          await syncAll(world, fullOrder);
          const [first, ...rest] = world.replicas.map((replica) => replica.snapshot());
          for (const other of rest) expect(other).toEqual(first);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('importing a bundle twice equals importing it once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), fc.nat(), async (ops, pick) => {
        const world = await makeWorld(3, [0, 0, 0]);
        for (const op of ops) if (op.kind !== 'deliver') await apply(world, op);
        const sender = world.replicas[pick % 3] ?? world.replicas[0];
        const receiver = world.replicas[(pick + 1) % 3];
        if (!sender || !receiver) return;
        const text = await sender.exportBundle({ kind: 'all' }, world.time.now);
        await receiver.importBundle(text, world.time.now);
        const once = { data: receiver.snapshot(), vector: { ...receiver.vector }, peers: structuredClone([...receiver.peers]) };
        const again = await receiver.importBundle(text, world.time.now);
        expect({ data: receiver.snapshot(), vector: receiver.vector, peers: [...receiver.peers] }).toEqual(once);
        expect(again.writes).toEqual({});
      }),
      { numRuns: 40 },
    );
  }, 60_000);

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
          await delegation.importBundle(await secretariat.exportBundle({ kind: 'all' }, world.time.now), world.time.now);
          secretariat.write('delegates', newRecord('delegates', recordId('delegates', `late:${position}`), position));
          let text = await secretariat.exportBundle({ kind: 'all' }, world.time.now);
          switch (corruption) {
            case 'flip-payload': {
              const at = text.indexOf('"payload"') + 20 + (position % Math.max(1, text.length - text.indexOf('"payload"') - 40));
              const char = text.charAt(at);
              text = text.slice(0, at) + (char === 'a' ? 'b' : char === '"' ? '\'' : 'a') + text.slice(at + 1);
              break;
            }
            case 'edit-header':
              text = text.replace('"name":"replica-0"', '"name":"replica-0 (forged)"');
              break;
            case 'truncate':
              text = text.slice(0, position % text.length);
              break;
            case 'new-key': {
              const forger = new MemoryReplica(secretariat.id, 'secretariat', await generateSigner(), () => world.time.now);
              forger.write('delegates', newRecord('delegates', recordId('delegates', `forged:${position}`), 1));
              text = await forger.exportBundle({ kind: 'all' }, world.time.now);
              break;
            }
            case 'future': {
              const ahead = new MemoryReplica(secretariat.id, 'secretariat', secretariat.signer, () => world.time.now + 25 * 3_600_000);
              ahead.write('delegates', newRecord('delegates', recordId('delegates', `future:${position}`), 1));
              text = await ahead.exportBundle({ kind: 'all' }, world.time.now);
              break;
            }
          }
          const before = { data: delegation.snapshot(), vector: { ...delegation.vector }, peers: structuredClone([...delegation.peers]), clock: delegation.clock.last() };
          await expect(delegation.importBundle(text, world.time.now)).rejects.toBeInstanceOf(BundleError);
          expect({ data: delegation.snapshot(), vector: delegation.vector, peers: [...delegation.peers], clock: delegation.clock.last() }).toEqual(before);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
