/**
 * Who may change what in the registry. The secretariat keeps the registry: it edits
 * everyone, deletes, merges duplicates and records countries' membership. A delegation
 * keeps its own people up to date: it adds and edits people and organizations of its own
 * country. People of no country (experts) or of another country are the secretariat's.
 * Membership is a decision of the group, recorded by the secretariat.
 *
 * These are the sync authority rules (shared/sync/authorityRules.ts, "delegates" and
 * "organizations") as the screens see them: a delegation is offered exactly what its peers
 * accept, so nothing it records stays on its own computer. The repositories enforce them;
 * the screens hide what they refuse.
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
  return mayRecordCountry(actor, delegate.countryId);
}

/**
 * Whether this installation may record a person or an organization of `countryId`: the
 * secretariat any, a delegation only its own country's (its peers refuse the others).
 */
export function mayRecordCountry(actor: RegistryActor | undefined, countryId: string | null): boolean {
  if (actor === undefined) return false;
  if (actor.role === 'secretariat') return true;
  return countryId !== null && countryId === actor.countryId;
}
