/**
 * Sync against the real database (fake-indexeddb): two or three installations export and
 * import signed bundles through the repository, with preview, trust, one-transaction
 * apply, version vectors, the MoU authority rule, conflicts, cancel and refusals.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { merge } from '../../cli/bundle';
import type { Article, Comment, Delegate } from '../../shared/model';
import { syncedTableNames } from '../../shared/model';
import { sampleId } from '../../shared/sample/sampleData';
import { BundleError } from '../../shared/sync/bundleErrors';
import { SyncCancelledError } from '../../shared/sync/bundleRead';
import { saveRecord, unstamped, type CwgDatabase } from '../../renderer/db';
import { SETTINGS_META_KEY, TrustRequiredError } from '../../renderer/db/syncRepository';
import { MAX_FILE_BYTES } from '../../shared/ipc/contract';
import { generateSigner, nodeSyncCrypto } from '../fixtures/bundles/nodeCrypto';
import { buildChangesBundle } from '../../shared/sync/bundleWrite';
import { readBundleText } from '../../shared/sync/bundleRead';
import { bundleFile, testInstallations } from '../fixtures/installations';

const { time, install, exportText, importText } = testInstallations('sync');
const file = bundleFile;

async function syncedDump(db: CwgDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of syncedTableNames) out[name] = await db.table(name).toArray();
  return out;
}

describe('sync repository', () => {
  it('creates one signing key per installation, with a stable fingerprint and a private key nobody can read', async () => {
    const a = await install('Secretariat laptop', 'secretariat');
    const first = await a.repos.sync.identity();
    const again = await a.repos.sync.identity();
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(first.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    const stored = (await a.db.table('syncKeys').get('self')) as { privateKey: CryptoKey };
    expect(stored.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', stored.privateKey)).rejects.toThrow();
  });

  it('exports everything and imports it elsewhere after trust, in one transaction, recording history and the peer', async () => {
    const secretariat = await install('Secretariat laptop', 'secretariat');
    await secretariat.repos.sampleData.load();
    const delegation = await install('Kyrgyz delegation', 'delegation', 'KG');
    const text = await exportText(secretariat);

    const session = await delegation.repos.sync.prepareImport(file(text));
    const { preview } = session;
    expect(preview.needsTrust).toEqual([secretariat.id]);
    expect(preview.units[0]?.trust).toBe('new');
    expect(preview.units[0]?.fingerprint).toBe((await secretariat.repos.sync.identity()).fingerprint);
    expect(preview.summary.meetings.new).toBe(2);
    expect(preview.summary.countries.unchanged).toBe(7);
    // The preview wrote nothing.
    expect(await delegation.db.meetings.count()).toBe(0);
    await expect(session.apply([])).rejects.toBeInstanceOf(TrustRequiredError);
    expect(await delegation.db.meetings.count()).toBe(0);

    await session.apply([secretariat.id]);
    const dumpA = await syncedDump(secretariat.db);
    const dumpB = await syncedDump(delegation.db);
    for (const name of syncedTableNames) expect(dumpB[name]?.length, name).toBe(dumpA[name]?.length);
    expect(await delegation.db.meetings.get(sampleId('meeting', 'second'))).toMatchObject({ origin: secretariat.id, deleted: false });

    const [peer] = await delegation.repos.sync.peers();
    expect(peer).toMatchObject({ id: secretariat.id, name: 'Secretariat laptop', role: 'secretariat', trusted: true });
    expect(peer?.declaredVector?.[secretariat.id]).toBeDefined();
    const history = await delegation.repos.sync.history();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ direction: 'import', peerName: 'Secretariat laptop', scope: 'all' });
    expect(history[0]?.summary?.meetings?.new).toBe(2);
    // The clock moved past every received stamp: a local edit now wins over them.
    const clock = await delegation.repos.clock();
    expect(clock.last() > ((await delegation.db.meetings.toArray()).map((m) => m.hlc).sort().pop() ?? '')).toBe(true);
  });

  it('re-importing a bundle changes nothing and skips the records its vector covers', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    await secretariat.repos.sampleData.load();
    const delegation = await install('Delegation', 'delegation', 'KZ');
    const text = await exportText(secretariat);
    await importText(delegation, text);
    const before = await syncedDump(delegation.db);
    const vector = await delegation.repos.sync.vector();

    const session = await delegation.repos.sync.prepareImport(file(text));
    expect(session.preview.alreadyReceived).toBe(true);
    expect(session.preview.needsTrust).toEqual([]);
    expect(session.preview.totals).toMatchObject({ new: 0, updated: 0, deleted: 0, conflicting: 0 });
    expect(session.preview.totals.unchanged).toBe(session.preview.incoming);
    const outcome = await session.apply([]);
    expect(outcome.written).toBe(0);
    expect(await syncedDump(delegation.db)).toEqual(before);
    expect(await delegation.repos.sync.vector()).toEqual(vector);

    // Another file with the same contents (a new export): checked in full, every record
    // covered by the vector, nothing written.
    const again = await delegation.repos.sync.prepareImport(file(await exportText(secretariat)));
    expect(again.preview.alreadyReceived).toBe(false);
    expect(again.preview.totals.unchanged).toBe(again.preview.incoming);
    expect((await again.apply([])).written).toBe(0);
    expect(await syncedDump(delegation.db)).toEqual(before);
    expect(await delegation.repos.sync.history()).toHaveLength(3);
  });

  it('exports for a peer exactly what its declared vector lacks', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    await secretariat.repos.sampleData.load();
    const delegation = await install('Delegation', 'delegation', 'TJ');
    await importText(delegation, await exportText(secretariat));
    // The delegation answers with everything it holds: the secretariat learns its vector.
    await importText(secretariat, await exportText(delegation));

    const delegate = (await secretariat.db.delegates.toCollection().first()) as Delegate;
    time.now += 1000;
    await saveRecord(secretariat.ctx, 'delegates', { ...unstamped<'delegates'>(delegate), email: 'new@example.org' });

    const delta = await secretariat.repos.sync.exportBundle({ kind: 'peer', peerId: delegation.id });
    expect(delta.total).toBe(1);
    expect(delta.counts.delegates).toBe(1);
    const { preview } = await importText(delegation, delta.text);
    expect(preview.summary.delegates.updated).toBe(1);
    expect((await delegation.db.delegates.get(delegate.id))?.email).toBe('new@example.org');
  });

  it('exports one meeting with its sessions, participations and the records they refer to', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    await secretariat.repos.sampleData.load();
    const meetingId = sampleId('meeting', 'second');
    const bundle = await secretariat.repos.sync.exportBundle({ kind: 'meeting', meetingId });
    expect(bundle.scope).toMatchObject({ kind: 'meeting', meetingId });
    expect(bundle.counts.meetings).toBe(1);
    expect(bundle.counts.sessions).toBe(await secretariat.db.sessions.where('meetingId').equals(meetingId).count());
    expect(bundle.counts.participations).toBe(await secretariat.db.participations.where('meetingId').equals(meetingId).count());
    expect(bundle.counts.articles).toBe(0);
    // A fresh installation can take it: every reference resolves inside the bundle.
    const delegation = await install('Delegation', 'delegation', 'KG');
    const { preview } = await importText(delegation, bundle.text);
    expect(preview.summary.meetings.new).toBe(1);
    expect(await delegation.db.participations.count()).toBe(bundle.counts.participations);
  });

  it('accepts the official MoU text only from a trusted secretariat key', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    await secretariat.repos.sampleData.load();
    const delegation = await install('Delegation', 'delegation', 'KZ');
    await importText(delegation, await exportText(secretariat));
    await importText(secretariat, await exportText(delegation));

    // A delegation changes an article and a delegate locally (its screens would not let it),
    // and a comment, which any trusted installation may.
    const article = (await delegation.db.articles.toCollection().first()) as Article;
    // Another country's person: a delegation keeps only its own country's people.
    const delegate = (await delegation.db.delegates.filter((person) => person.countryId !== 'KZ').first()) as Delegate;
    const comment = (await delegation.db.comments.toCollection().first()) as Comment;
    time.now += 1000;
    await saveRecord(delegation.ctx, 'articles', { ...unstamped<'articles'>(article), body: { en: 'Forged text', ru: 'Поддельный текст' } });
    await saveRecord(delegation.ctx, 'delegates', { ...unstamped<'delegates'>(delegate), phone: '+996 555 000 000' });
    await saveRecord(delegation.ctx, 'comments', { ...unstamped<'comments'>(comment), text: 'Kazakhstan supports this article.' });

    const { preview, outcome } = await importText(secretariat, await exportText(delegation, { kind: 'peer', peerId: secretariat.id }));
    expect(preview.refused).toHaveLength(2);
    expect(preview.refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'delegates', recordId: delegate.id, fields: null, reason: 'other-country' }),
        expect.objectContaining({ table: 'articles', recordId: article.id, fields: null, reason: 'official-text' }),
      ]),
    );
    expect(preview.summary.articles.refused).toBe(1);
    expect(outcome.refused).toBe(2);
    expect((await secretariat.db.articles.get(article.id))?.body.en).not.toBe('Forged text');
    expect((await secretariat.db.delegates.get(delegate.id))?.phone).not.toBe('+996 555 000 000');
    expect((await secretariat.db.comments.get(comment.id))?.text).toBe('Kazakhstan supports this article.');
    // The refused change does not count as held: the delegation's vector entry stayed behind it.
    const vector = await secretariat.repos.sync.vector();
    expect((vector[delegation.id] ?? '') < ((await delegation.db.articles.get(article.id))?.hlc ?? '')).toBe(true);

    // The secretariat's own edit of the same article reaches the delegation.
    const official = (await secretariat.db.articles.get(article.id)) as Article;
    time.now += 1000;
    await saveRecord(secretariat.ctx, 'articles', { ...unstamped<'articles'>(official), body: { en: 'Official text', ru: 'Официальный текст' } });
    await importText(delegation, await exportText(secretariat, { kind: 'peer', peerId: delegation.id }));
    expect((await delegation.db.articles.get(article.id))?.body.en).toBe('Official text');
  });

  it('keeps concurrent edits of one field as a conflict where a person can pick the other value', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    await secretariat.repos.sampleData.load();
    const delegation = await install('Delegation', 'delegation', 'KZ');
    await importText(delegation, await exportText(secretariat));
    const comment = (await secretariat.db.comments.toCollection().first()) as Comment;

    time.now += 1000;
    await saveRecord(delegation.ctx, 'comments', { ...unstamped<'comments'>(comment), text: 'delegation wording' });
    time.now += 1000;
    await saveRecord(secretariat.ctx, 'comments', { ...unstamped<'comments'>(comment), text: 'secretariat wording', resolved: true });

    const { preview } = await importText(delegation, await exportText(secretariat));
    expect(preview.conflicts).toEqual([
      expect.objectContaining({ table: 'comments', recordId: comment.id, field: 'text', keptValue: 'secretariat wording', otherValue: 'delegation wording' }),
    ]);
    expect((await delegation.db.comments.get(comment.id))?.text).toBe('secretariat wording');
    const [conflict] = await delegation.repos.sync.conflicts();
    expect(conflict).toMatchObject({ field: 'text', stale: false });
    expect(await delegation.repos.sync.unresolvedConflictCount()).toBe(1);

    // The person picks the other value: a new change, which then syncs to the secretariat.
    time.now += 1000;
    await delegation.repos.sync.useOtherValue(conflict?.id ?? '');
    expect(await delegation.repos.sync.unresolvedConflictCount()).toBe(0);
    const chosen = await delegation.db.comments.get(comment.id);
    expect(chosen).toMatchObject({ text: 'delegation wording', resolved: true });
    await importText(secretariat, await exportText(delegation));
    expect((await secretariat.db.comments.get(comment.id))?.text).toBe('delegation wording');
    // Picking a value knowingly is not a new conflict on the other side.
    expect(await secretariat.repos.sync.unresolvedConflictCount()).toBe(0);
  });

  it('brings a deleted record back when it was edited after the deletion, not before', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    await secretariat.repos.sampleData.load();
    const delegation = await install('Delegation', 'delegation', 'KZ');
    await importText(delegation, await exportText(secretariat));
    const [first, second] = await secretariat.db.comments.limit(2).toArray();
    if (!first || !second) throw new Error('sample comments missing');

    // first: edited at the delegation BEFORE the secretariat deletes it: stays deleted.
    time.now += 1000;
    await saveRecord(delegation.ctx, 'comments', { ...unstamped<'comments'>(first), text: 'edited before' });
    time.now += 1000;
    await saveRecord(secretariat.ctx, 'comments', { ...unstamped<'comments'>(first), deleted: true });
    await saveRecord(secretariat.ctx, 'comments', { ...unstamped<'comments'>(second), deleted: true });
    // second: edited at the delegation AFTER the deletion (it had not seen it): comes back.
    time.now += 1000;
    await saveRecord(delegation.ctx, 'comments', { ...unstamped<'comments'>(second), text: 'edited after' });

    await importText(delegation, await exportText(secretariat));
    await importText(secretariat, await exportText(delegation));
    for (const side of [secretariat, delegation]) {
      expect((await side.db.comments.get(first.id))?.deleted).toBe(true);
      expect(await side.db.comments.get(second.id)).toMatchObject({ deleted: false, text: 'edited after' });
    }
  });

  it('refuses a bundle that claims a known origin with another key, changing nothing', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    await secretariat.repos.sampleData.load();
    const delegation = await install('Delegation', 'delegation', 'KZ');
    const genuine = await exportText(secretariat);
    await importText(delegation, genuine);
    const before = await delegation.repos.dump();

    // Same header, same origin, re-signed with another key.
    const read = await readBundleText(genuine, nodeSyncCrypto);
    const unit = read.units[0];
    if (!unit) throw new Error('no unit');
    const forger = await generateSigner();
    const { text } = await buildChangesBundle(
      {
        bundleId: crypto.randomUUID(),
        createdAt: new Date(time.now).toISOString(),
        origin: unit.header.origin,
        scope: { kind: 'all' },
        vector: unit.header.vector,
        records: { ...unit.records, delegates: [] },
      },
      forger,
      nodeSyncCrypto,
    );
    const refusal = delegation.repos.sync.prepareImport(file(text));
    await expect(refusal).rejects.toBeInstanceOf(BundleError);
    await expect(refusal).rejects.toMatchObject({ code: 'key-mismatch', path: '$.header.origin.id' });
    expect(await delegation.repos.dump()).toEqual(before);
  });

  it('cancelling an import before apply changes nothing', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    await secretariat.repos.sampleData.load();
    const delegation = await install('Delegation', 'delegation', 'KZ');
    const text = await exportText(secretariat);
    const before = await delegation.repos.dump();
    const controller = new AbortController();
    const stages: string[] = [];
    const run = delegation.repos.sync.prepareImport(file(text), {
      signal: controller.signal,
      onProgress: ({ stage }) => {
        stages.push(stage);
        if (stage === 'checksum') controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(SyncCancelledError);
    expect(stages).toContain('parse');
    // A preview that is never applied writes nothing either.
    const session = await delegation.repos.sync.prepareImport(file(text));
    expect(await delegation.repos.dump()).toEqual(before);
    // Nor does an import cancelled while it writes: the transaction is rolled back.
    const writing = new AbortController();
    const applying = session.apply(session.preview.needsTrust, {
      signal: writing.signal,
      onProgress: ({ done }) => {
        if (done > 0) writing.abort();
      },
    });
    await expect(applying).rejects.toBeInstanceOf(SyncCancelledError);
    expect(await delegation.repos.dump()).toEqual(before);
  });

  it('refuses a file above the size limit set in settings', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    await secretariat.repos.sampleData.load();
    const delegation = await install('Delegation', 'delegation', 'KZ');
    await delegation.repos.sync.updateSettings({ maxBundleBytes: 1024 * 1024 });
    expect((await delegation.repos.sync.settings()).maxBundleBytes).toBe(1024 * 1024);
    await expect(delegation.repos.sync.updateSettings({ maxBundleBytes: 12 })).rejects.toThrow(/maxBundleBytes/);
    // The largest is the contract's largest file (500 MB); a limit saved above it (when it was 1 GiB) reads as that.
    await expect(delegation.repos.sync.updateSettings({ maxBundleBytes: MAX_FILE_BYTES + 1024 * 1024 })).rejects.toThrow(/from 1\.0 MB to 500\.0 MB/);
    await delegation.db.table('meta').put({ key: SETTINGS_META_KEY, value: { maxBundleBytes: 1024 * 1024 * 1024 } });
    expect((await delegation.repos.sync.settings()).maxBundleBytes).toBe(MAX_FILE_BYTES);
    await delegation.repos.sync.updateSettings({ maxBundleBytes: 1024 * 1024 });
    const text = (await exportText(secretariat)) + ' '.repeat(1024 * 1024);
    await expect(delegation.repos.sync.prepareImport(file(text))).rejects.toMatchObject({ code: 'too-large' });
  });

  it('imports a merged bundle (cwg merge) part by part, trusting each sender, in one go', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    await secretariat.repos.sampleData.load();
    const kyrgyz = await install('Kyrgyz delegation', 'delegation', 'KG');
    await importText(kyrgyz, await exportText(secretariat));
    const comment = (await kyrgyz.db.comments.toCollection().first()) as Comment;
    time.now += 1000;
    await saveRecord(kyrgyz.ctx, 'comments', { ...unstamped<'comments'>(comment), text: 'Kyrgyzstan proposes a shorter deadline.' });

    const folder = await mkdtemp(join(tmpdir(), 'cwg-merged-'));
    const files = [join(folder, 'a.json'), join(folder, 'b.json')];
    await writeFile(files[0] ?? '', await exportText(secretariat));
    await writeFile(files[1] ?? '', await exportText(kyrgyz, { kind: 'peer', peerId: secretariat.id }));
    const out = join(folder, 'merged.cwgbundle.json');
    expect((await merge(files, out, { now: time.now })).exitCode).toBe(0);

    const tajik = await install('Tajik delegation', 'delegation', 'TJ');
    const session = await tajik.repos.sync.prepareImport(file(await readFile(out, 'utf8'), 'merged.cwgbundle.json'));
    expect(session.preview.kind).toBe('merged');
    expect([...session.preview.needsTrust].sort()).toEqual([kyrgyz.id, secretariat.id].sort());
    await expect(session.apply([secretariat.id])).rejects.toBeInstanceOf(TrustRequiredError);
    await session.apply(session.preview.needsTrust);
    expect((await tajik.db.comments.get(comment.id))?.text).toBe('Kyrgyzstan proposes a shorter deadline.');
    expect(await tajik.db.meetings.count()).toBe(2);
    expect((await tajik.repos.sync.peers()).map((peer) => peer.name).sort()).toEqual(['Kyrgyz delegation', 'Secretariat']);
    expect((await tajik.repos.sync.history())[0]).toMatchObject({ scope: 'merged', peerName: expect.stringContaining('Kyrgyz delegation') as unknown });
  });

  it('records exports in the history', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    const bundle = await secretariat.repos.sync.exportBundle({ kind: 'all' });
    expect(bundle.fileName).toMatch(/^cwg-secretariat-all-\d{4}-\d{2}-\d{2}-\d{4}\.cwgbundle\.json$/);
    await secretariat.repos.sync.recordExport(bundle, '/tmp/out/x.cwgbundle.json');
    expect(await secretariat.repos.sync.history()).toEqual([
      expect.objectContaining({ direction: 'export', fileName: 'x.cwgbundle.json', scope: 'all', bundleId: bundle.bundleId }),
    ]);
  });
});

