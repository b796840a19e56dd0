/**
 * Privacy of contacts against the real database (fake-indexeddb): bundles for others
 * (everything, one meeting, for a peer) leave out e-mail and phone of people who did not
 * agree to share them; a backup keeps them; the receiver stores a blank marked withheld,
 * and what it sends back never erases the sender's value.
 */
import { describe, expect, it } from 'vitest';
import type { Delegate } from '../../shared/model';
import { sampleId } from '../../shared/sample/sampleData';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import { contactsWithheld } from '../../shared/sync/privacy';
import { testInstallations } from '../fixtures/installations';

const { install, exportText, importText } = testInstallations('privacy');

const contactsOf = (people: Delegate[]) => people.flatMap((d) => [d.email, d.phone]).filter((value) => value !== '');

describe('privacy of contacts', () => {
  it('withholds contacts without consent from every bundle for others, keeps them in a backup, and never erases them on the way back', async () => {
    const secretariat = await install('Secretariat laptop', 'secretariat');
    await secretariat.repos.sampleData.load();
    const people = await secretariat.db.delegates.toArray();
    const hidden = people.filter((d) => !d.consentShareContacts && (d.email !== '' || d.phone !== ''));
    const shared = people.filter((d) => d.consentShareContacts && d.email !== '');
    expect(hidden.length).toBeGreaterThan(0);
    expect(shared.length).toBeGreaterThan(0);

    const all = await exportText(secretariat, { kind: 'all' });
    const meeting = await exportText(secretariat, { kind: 'meeting', meetingId: sampleId('meeting', 'second') });
    for (const text of [all, meeting]) for (const secret of contactsOf(hidden)) expect(text).not.toContain(secret);
    for (const email of shared.map((d) => d.email)) expect(all).toContain(email);
    const backup = await secretariat.repos.backup.snapshot();
    for (const secret of [...contactsOf(hidden), ...contactsOf(shared)]) expect(backup.text).toContain(secret);

    const delegation = await install('Kyrgyz delegation', 'delegation', 'KG');
    await importText(delegation, all);
    for (const person of hidden) {
      const received = await delegation.db.delegates.get(person.id);
      expect(received).toMatchObject({ nameLatin: person.nameLatin, email: '', phone: '' });
      expect(received && contactsWithheld(received as SyncRecord)).toBe(true);
    }
    for (const person of shared) expect((await delegation.db.delegates.get(person.id))?.email).toBe(person.email);

    // Peer bundles withhold too; and everything the delegation sends back leaves the secretariat's values alone.
    await importText(secretariat, await exportText(delegation, { kind: 'all' }));
    const peers = await secretariat.repos.sync.peers();
    const peer = peers.find((p) => p.name === 'Kyrgyz delegation');
    if (!peer) throw new Error('the delegation is not a known peer');
    const hiddenPerson = hidden[0];
    if (!hiddenPerson) throw new Error('no hidden person');
    await secretariat.repos.delegates.save({ ...hiddenPerson, notes: 'Changed after the first export' });
    const forPeer = await exportText(secretariat, { kind: 'peer', peerId: peer.id });
    expect(forPeer).toContain('Changed after the first export');
    for (const secret of contactsOf(hidden)) expect(forPeer).not.toContain(secret);
    for (const person of hidden) {
      const kept = await secretariat.db.delegates.get(person.id);
      expect(kept).toMatchObject({ email: person.email, phone: person.phone });
    }
  });
});
