/**
 * Conflicts that travel (issue 12, "Conflicts everywhere they matter"), against the real
 * database: a conflict detected at one installation is a synced notice; a bundle brings it
 * to installations that never merged both versions themselves; the same conflict detected
 * twice is one notice; settling it at the secretariat (the record back, with the lost edit)
 * closes it at the delegations; a role that may not change the record is not offered it.
 */
import { describe, expect, it } from 'vitest';
import type { Comment, Meeting } from '../../shared/model';
import { saveRecord, unstamped } from '../../renderer/db';
import { testInstallations } from '../fixtures/installations';

const { time, install, exportText, importText } = testInstallations('conflicts');

describe('conflicts that travel', () => {
  it('a deletion that won over an edit, detected at a delegation, reaches the others; the secretariat settles it and it closes everywhere', async () => {
    const secretariat = await install('Secretariat', 'secretariat');
    await secretariat.repos.sampleData.load();
    const kazakh = await install('Kazakh delegation', 'delegation', 'KZ');
    const kyrgyz = await install('Kyrgyz delegation', 'delegation', 'KG');
    const start = await exportText(secretariat);
    await importText(kazakh, start);
    await importText(kyrgyz, start);
    const comment = (await secretariat.db.comments.toCollection().first()) as Comment;

    // Offline: Kazakhstan rewords the comment, the secretariat deletes it, neither knowing.
    time.now += 1000;
    await saveRecord(kazakh.ctx, 'comments', { ...unstamped<'comments'>(comment), text: 'Kazakhstan rewords this.' });
    time.now += 1000;
    await saveRecord(secretariat.ctx, 'comments', { ...unstamped<'comments'>(comment), deleted: true });

    // A: the delegation merges the deletion; the preview and the Conflicts list say so.
    const { preview } = await importText(kazakh, await exportText(secretariat));
    expect(preview.conflicts).toEqual([
      expect.objectContaining({ table: 'comments', recordId: comment.id, kind: 'deleted-over-edit', field: 'deleted', keptValue: true, otherValue: { text: 'Kazakhstan rewords this.' } }),
    ]);
    expect(await kazakh.db.comments.get(comment.id)).toMatchObject({ deleted: true, text: 'Kazakhstan rewords this.' });
    const [atKazakh] = await kazakh.repos.sync.conflicts();
    expect(atKazakh).toMatchObject({ source: 'synced', kind: 'deleted-over-edit', resolution: 'open', stale: false, canKeep: true, canUseOther: true });
    const noticeId = atKazakh?.id ?? '';
    // Importing the same file again neither duplicates nor rewrites the notice.
    const notice = await kazakh.db.syncConflicts.get(noticeId);
    await importText(kazakh, await exportText(secretariat));
    expect(await kazakh.db.syncConflicts.get(noticeId)).toEqual(notice);

    // B: another delegation, which never held the edit and the deletion together, lists it
    // from A's bundle (a notice is anyone's to pass on).
    const fromKazakh = await exportText(kazakh);
    const atKyrgyzImport = await importText(kyrgyz, fromKazakh);
    expect(atKyrgyzImport.outcome.refused).toBe(0);
    expect(await kyrgyz.repos.sync.conflicts()).toEqual([expect.objectContaining({ id: noticeId, kind: 'deleted-over-edit', resolution: 'open' })]);
    expect(await kyrgyz.repos.sync.unresolvedConflictCount()).toBe(1);

    // The secretariat merges the edit itself and detects the same conflict: one notice, the same id.
    await importText(secretariat, fromKazakh);
    const atSecretariat = await secretariat.repos.sync.conflicts();
    expect(atSecretariat.map((view) => view.id)).toEqual([noticeId]);
    expect(await secretariat.db.syncConflicts.count()).toBe(1);

    // The secretariat brings the comment back with the edit: two synced changes.
    time.now += 1000;
    await secretariat.repos.sync.useOtherValue(noticeId);
    expect(await secretariat.db.comments.get(comment.id)).toMatchObject({ deleted: false, text: 'Kazakhstan rewords this.' });
    expect(await secretariat.db.syncConflicts.get(noticeId)).toMatchObject({ resolution: 'other', resolvedOn: '2024-09-09' });
    expect(await secretariat.repos.sync.unresolvedConflictCount()).toBe(0);

    // Closed at both delegations by the secretariat's next bundles, the comment back everywhere.
    for (const delegation of [kazakh, kyrgyz]) {
      await importText(delegation, await exportText(secretariat));
      expect(await delegation.repos.sync.unresolvedConflictCount(), delegation.id).toBe(0);
      expect(await delegation.repos.sync.conflicts()).toEqual([]);
      expect(await delegation.repos.sync.conflicts({ includeResolved: true })).toEqual([expect.objectContaining({ id: noticeId, resolution: 'other' })]);
      expect(await delegation.db.comments.get(comment.id)).toMatchObject({ deleted: false, text: 'Kazakhstan rewords this.' });
    }
  });

  it('lists an edit that brought a meeting back at a delegation, without offering what only the secretariat may do', async () => {
    // Two laptops of the secretariat (the second granted the role) and a delegation.
    const secretariat = await install('Secretariat', 'secretariat');
    await secretariat.repos.sampleData.load();
    const second = await install('Secretariat laptop 2', 'secretariat');
    const delegation = await install('Tajik delegation', 'delegation', 'TJ');
    await importText(second, await exportText(secretariat));
    await importText(secretariat, await exportText(second));
    await secretariat.repos.sync.grantSecretariat(second.id);
    const start = await exportText(secretariat);
    await importText(delegation, start);
    await importText(second, start);
    const meeting = (await secretariat.db.meetings.toCollection().first()) as Meeting;

    // The first laptop deletes the meeting; later the second, not knowing, edits its venue.
    time.now += 1000;
    await saveRecord(secretariat.ctx, 'meetings', { ...unstamped<'meetings'>(meeting), deleted: true });
    time.now += 1000;
    await saveRecord(second.ctx, 'meetings', { ...unstamped<'meetings'>(meeting), venue: { en: 'New venue', ru: 'Новое место' } });

    await importText(delegation, await exportText(secretariat));
    const { preview } = await importText(delegation, await exportText(second));
    expect(preview.conflicts).toEqual([expect.objectContaining({ table: 'meetings', kind: 'edit-over-deletion', keptValue: { venue: { en: 'New venue', ru: 'Новое место' } }, otherValue: true })]);
    expect((await delegation.db.meetings.get(meeting.id))?.deleted).toBe(false);
    // Listed, but a delegation may not settle a meeting's conflict: nothing offered, and a
    // direct call is refused before anything is written.
    const [view] = await delegation.repos.sync.conflicts();
    expect(view).toMatchObject({ kind: 'edit-over-deletion', canKeep: false, canUseOther: false });
    await expect(delegation.repos.sync.useOtherValue(view?.id ?? '')).rejects.toThrow(/may not settle/);
    await expect(delegation.repos.sync.keepConflict(view?.id ?? '')).rejects.toThrow(/may not settle/);
    expect((await delegation.db.meetings.get(meeting.id))?.deleted).toBe(false);

    // The delegation passes the notice on; the secretariat, which may, deletes it after all.
    await importText(secretariat, await exportText(delegation));
    const [atSecretariat] = await secretariat.repos.sync.conflicts();
    expect(atSecretariat).toMatchObject({ id: view?.id, canKeep: true, canUseOther: true });
    time.now += 1000;
    await secretariat.repos.sync.useOtherValue(atSecretariat?.id ?? '');
    expect((await secretariat.db.meetings.get(meeting.id))?.deleted).toBe(true);
    await importText(delegation, await exportText(secretariat));
    expect(await delegation.repos.sync.unresolvedConflictCount()).toBe(0);
    expect((await delegation.db.meetings.get(meeting.id))?.deleted).toBe(true);
  });
});
