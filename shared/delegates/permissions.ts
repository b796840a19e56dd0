/**
 * Who may change what in the registry. The secretariat keeps the registry: it edits
 * everyone, deletes, merges duplicates and records countries' membership. A delegation
 * keeps its own people up to date: it adds and edits people and organizations of its own
 * country. People of no country (experts) or of another country are the secretariat's.
 * Membership is a decision of the group, recorded by the secretariat.
 *
 * These are the sync authority rules (shared/sync/authorityRules.ts, "delegates" and
 * "organizations", asked through shared/sync/screenOffers.ts) as the screens see them: a delegation is offered exactly what its peers
 * accept, so nothing it records stays on its own computer. The repositories enforce them;
 * the screens hide what they refuse.
 */
import type { Delegate, Installation } from '../model';
import { canEditTable } from '../sync/authorityRules';
import {
  mayDeleteOrganization,
  mayDeletePerson,
  mayEditCountries,
  mayEditOrganization,
  mayEditPerson,
  mayMergePerson,
  mayRecordForCountry,
} from '../sync/screenOffers';

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
  if (actor === undefined) {
    return { addPeople: false, deletePeople: false, mergePeople: false, editCountries: false, editOrganizations: false, deleteOrganizations: false, importPeople: false };
  }
  // Its own country's records stand for the kind: what a delegation may do to any record it may do to those.
  const own = { countryId: actor.countryId };
  return {
    addPeople: canEditTable(actor.role, actor.countryId, 'delegates'),
    deletePeople: mayDeletePerson(actor, own),
    mergePeople: mayMergePerson(actor, own),
    editCountries: mayEditCountries(actor),
    editOrganizations: canEditTable(actor.role, actor.countryId, 'organizations'),
    deleteOrganizations: mayDeleteOrganization(actor, own),
    importPeople: canEditTable(actor.role, actor.countryId, 'delegates'),
  };
}

/** Whether this installation may change this person's record. */
export function canEditDelegate(actor: RegistryActor | undefined, delegate: Pick<Delegate, 'countryId'>): boolean {
  return actor !== undefined && mayEditPerson(actor, delegate);
}

/**
 * Whether this installation may record a person or an organization of `countryId`: the
 * secretariat any, a delegation only its own country's (its peers refuse the others).
 */
export function mayRecordCountry(actor: RegistryActor | undefined, countryId: string | null): boolean {
  return actor !== undefined && mayRecordForCountry(actor, countryId) && mayEditOrganization(actor, { countryId });
}
