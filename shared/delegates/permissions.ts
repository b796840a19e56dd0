/**
 * Who may change what in the registry. The secretariat keeps the registry: it edits
 * everyone, deletes, merges duplicates and records countries' membership. A delegation
 * keeps its own people up to date: it adds people (of any country: it may meet an expert
 * first), edits people of its own country and people with no country, and adds or edits
 * organizations. Membership is a decision of the group, recorded by the secretariat.
 *
 * The repositories enforce these rules; the screens only hide what the rules refuse.
 * They are local policy: a bundle from a peer is merged by the sync rules, not these.
 */
import type { Delegate, Installation } from '../model';

export type RegistryActor = Pick<Installation, 'role' | 'countryId'>;

export interface RegistryPermissions {
  addPeople: boolean;
  deletePeople: boolean;
  mergePeople: boolean;
  editCountries: boolean;
  editOrganizations: boolean;
  deleteOrganizations: boolean;
  importPeople: boolean;
}

export function registryPermissions(actor: RegistryActor | undefined): RegistryPermissions {
  const secretariat = actor?.role === 'secretariat';
  const installed = actor !== undefined;
  return {
    addPeople: installed,
    deletePeople: secretariat,
    mergePeople: secretariat,
    editCountries: secretariat,
    editOrganizations: installed,
    deleteOrganizations: secretariat,
    importPeople: installed,
  };
}

/** Whether this installation may change this person's record. */
export function canEditDelegate(actor: RegistryActor | undefined, delegate: Pick<Delegate, 'countryId'>): boolean {
  if (actor === undefined) return false;
  if (actor.role === 'secretariat') return true;
  return delegate.countryId === null || delegate.countryId === actor.countryId;
}
