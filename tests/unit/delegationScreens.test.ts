/**
 * A delegation's screens offer what its peers accept (issue 16 item 3). The screens ask
 * shared/sync/screenOffers.ts (through shared/mou/amendments.ts, shared/delegates/
 * permissions.ts and the MoU session); this test walks the authority table with every
 * action a screen offers, writes the record that action leaves (as the repository writes
 * it), stamps it by the acting installation and asks judgeChange, the merge's own check,
 * with the signer that installation is at its peers:
 *
 *   MoU list / document / article / version pages: new document, edit the document's
 *     details, change its status, add / edit / move / delete an article, confirm a
 *     translation, restore an older text, freeze a version;
 *   amendment form and page: propose (in whose name), edit the proposal, withdraw it,
 *     delete it, accept / reject / supersede it;
 *   comments: add, resolve or reopen;
 *   positions page: record a party's position, clear it;
 *   registry: add or edit a person of a country, delete a person, merge duplicates,
 *     add or edit an organization, delete one, edit countries, import people;
 *   meetings: plan and record a meeting (meeting, agenda, participants, decisions, action items);
 *   recently deleted: restore a record.
 *
 * The property, for any installation (the secretariat or a delegation of any country) and
 * any state of the record: a button shown is a change accepted; and where the action
 * applies at all (an open proposal, an undecided one to delete…), a change accepted is a
 * button shown. (The conflicts screen settles notices through canEdit itself: see
 * tests/db/syncConflicts.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registryPermissions, canEditDelegate, mayRecordCountry } from '../../shared/delegates/permissions';
import { amendmentStatuses, syncedTableNames, type AmendmentStatus, type SyncedTableName } from '../../shared/model';
import { mayActOnAmendment, mayDeleteAmendment } from '../../shared/mou/amendments';
import { canEdit, judgeChange, type SignerRights } from '../../shared/sync/authorityRules';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import { formatStamp } from '../../shared/sync/hlc';
import {
  MEETING_TABLES,
  choosesAlternativeProposers,
  mayEditAlternative,
  mayProposeAlternativeFor,
  mayWithdrawAlternative,
  mayClearPosition,
  mayComment,
  mayEditProposal,
  mayPlanMeetings,
  mayRecordPosition,
  mayRestore,
  mouOffers,
  proposerChoices,
  type Actor,
} from '../../shared/sync/screenOffers';

const COUNTRIES = ['KZ', 'KG', 'TJ', 'TM', 'AF'] as const;
const PARTIES = ['KZ', 'KG', 'TJ', 'TM'];
const TODAY = '2015-03-02';

/** The signer this installation is at its peers: the secretariat is 'official' once trusted (pinned or granted). */
function signerOf(actor: Actor): SignerRights {
  return actor.role === 'secretariat'
    ? { authority: 'official', countryId: null, signerId: 'secretariat' }
    : { authority: 'delegation', countryId: actor.countryId, signerId: `delegation-${String(actor.countryId)}` };
}

/** The record as it travels: every field stamped by the installation that wrote it. */
function written(values: Record<string, unknown>, actor: Actor): SyncRecord {
  const at = formatStamp({ millis: 1_425_000_000_000, counter: 0, node: signerOf(actor).signerId });
  const fieldStamps = Object.fromEntries(Object.keys(values).map((field) => [field, at]));
  return { id: '00000000-0000-4000-8000-000000000001', ...values, hlc: at, origin: signerOf(actor).signerId, fieldStamps } as SyncRecord;
}

const accepted = (table: SyncedTableName, values: Record<string, unknown>, actor: Actor): boolean =>
  judgeChange(table, written(values, actor), signerOf(actor)).refusedFields === null;

// Records as the repositories write them -------------------------------------------------

const amendmentRecord = (status: AmendmentStatus, proposedByCountryId: string | null): Record<string, unknown> => ({
  documentId: 'doc',
  articleId: 'art',
  kind: 'replace',
  proposedByCountryId,
  proposedByDelegateId: null,
  proposedOn: '2015-03-01',
  heading: { en: 'H', ru: 'З' },
  body: { en: '1. B', ru: '1. Т' },
  rationale: { en: 'R', ru: '' },
  baseArticleHlc: null,
  baseText: null,
  status,
  decisionReason: status === 'rejected' ? 'Out of scope.' : '',
  decidedOn: status === 'proposed' ? null : '2015-03-02',
  deleted: false,
});
const positionRecord = (countryId: string): Record<string, unknown> => ({
  versionId: 'v1',
  countryId,
  articleId: null,
  stance: 'reservation',
  reservation: 'Subject to ratification.',
  deleted: false,
});
const personRecord = (countryId: string | null): Record<string, unknown> => ({
  nameLatin: 'Nurlan',
  nameNative: 'Нурлан',
  honorific: '',
  position: { en: '', ru: '' },
  organizationId: null,
  countryId,
  roles: ['customs-official'],
  email: 'n@example.org',
  phone: '',
  languages: [],
  notes: '',
  consentPrintContacts: false,
  consentShareContacts: false,
  deleted: false,
});
const organizationRecord = (countryId: string | null): Record<string, unknown> => ({
  name: { en: 'State Revenue Committee', ru: 'Комитет государственных доходов' },
  acronym: 'SRC',
  countryId,
  kind: 'customs-service',
  deleted: false,
});
const OFFICIAL: Record<'mouDocuments' | 'articles' | 'mouVersions' | 'countries' | 'brackets', Record<string, unknown>> = {
  brackets: { documentId: 'doc', articleId: 'art', key: 1, optional: false, status: 'agreed', openedOn: '2014-08-01', agreedAlternativeId: 'alt1', decidedOn: TODAY, decidedAtMeetingId: 'm1', decidedAtSessionId: 's1', deleted: false },
  mouDocuments: { title: { en: 'MoU', ru: 'МоВ' }, partyCountryIds: PARTIES, status: 'drafting', statusDates: { drafting: TODAY }, deleted: false },
  articles: { documentId: 'doc', order: 1, heading: { en: 'H', ru: 'З' }, body: { en: '1. B', ru: '1. Т' }, translationStale: false, changedByAmendmentId: null, deleted: false },
  mouVersions: { documentId: 'doc', number: 1, label: 'Bishkek', date: TODAY, note: '', meetingId: null, title: { en: 'MoU', ru: 'МоВ' }, articles: [], deleted: false },
  countries: { name: { en: 'Kazakhstan', ru: 'Казахстан' }, membership: 'member', deleted: false },
};
const MEETING_RECORDS: Record<(typeof MEETING_TABLES)[number], Record<string, unknown>> = {
  meetings: { title: { en: 'Second meeting', ru: 'Второе заседание' }, status: 'planned', deleted: false },
  sessions: { meetingId: 'm1', title: { en: 'Opening', ru: 'Открытие' }, deleted: false },
  participations: { meetingId: 'm1', delegateId: 'd1', status: 'attended', deleted: false },
  decisions: { meetingId: 'm1', order: 1, text: { en: 'Agreed', ru: 'Согласовано' }, deleted: false },
  actionItems: { meetingId: 'm1', order: 1, done: false, deleted: false },
  minutes: { meetingId: 'm1', status: 'circulated', revisions: [], approvalSessionId: null, approvedAt: null, deleted: false },
};

// The walk ---------------------------------------------------------------------------------

/** The state a button is shown for, drawn at random. */
interface State {
  status: AmendmentStatus;
  proposer: string | null;
  country: string | null;
  resolved: boolean;
}

interface ScreenAction {
  name: string;
  table: SyncedTableName;
  /** Whether the screen shows the button to `actor` in `state`. */
  offered: (actor: Actor, state: State) => boolean;
  /** The record the action writes. */
  writes: (actor: Actor, state: State) => Record<string, unknown>;
  /** Whether the action applies in this state at all (a rule of the area, not of authority); always when absent. */
  applies?: (actor: Actor, state: State) => boolean;
}

const official = (name: string, table: keyof typeof OFFICIAL, offer: (actor: Actor) => boolean, change: Record<string, unknown> = {}): ScreenAction => ({
  name,
  table,
  offered: offer,
  writes: () => ({ ...OFFICIAL[table], ...change }),
});
const decision = (action: 'accept' | 'reject' | 'supersede', status: AmendmentStatus): ScreenAction => ({
  name: `${action} a proposal`,
  table: 'amendments',
  offered: (actor, state) => mayActOnAmendment(action, { status: state.status, proposedByCountryId: state.proposer }, actor),
  writes: (_actor, state) => ({ ...amendmentRecord(state.status, state.proposer), status, decisionReason: action === 'reject' ? 'Out of scope.' : '', decidedOn: TODAY }),
  applies: (_actor, state) => state.status === 'proposed',
});

const ACTIONS: readonly ScreenAction[] = [
  official('new MoU document', 'mouDocuments', (actor) => mouOffers(actor).manageDocuments),
  official('edit the document’s details', 'mouDocuments', (actor) => mouOffers(actor).manageDocuments, { title: { en: 'MoU (revised)', ru: 'МоВ' } }),
  official('change the document’s status', 'mouDocuments', (actor) => mouOffers(actor).manageDocuments, { status: 'agreed', statusDates: { drafting: TODAY, agreed: TODAY } }),
  official('add or edit an article', 'articles', (actor) => mouOffers(actor).editText),
  official('move an article', 'articles', (actor) => mouOffers(actor).editText, { order: 2 }),
  official('delete an article', 'articles', (actor) => mouOffers(actor).editText, { deleted: true }),
  official('confirm a translation', 'articles', (actor) => mouOffers(actor).editText, { translationStale: false }),
  official('restore an older text of an article', 'articles', (actor) => mouOffers(actor).editText, { body: { en: '1. Older', ru: '1. Прежний' } }),
  official('freeze a version', 'mouVersions', (actor) => mouOffers(actor).freezeVersions),
  {
    name: 'propose an amendment in the name of a country',
    table: 'amendments',
    offered: (actor, state) => state.country !== null && proposerChoices(actor, PARTIES).includes(state.country),
    writes: (_actor, state) => amendmentRecord('proposed', state.country),
    // Proposals are made in the name of a party, or of the delegation's own country.
    applies: (actor, state) => state.country !== null && (PARTIES.includes(state.country) || state.country === actor.countryId),
  },
  {
    name: 'edit the proposal',
    table: 'amendments',
    offered: (actor, state) => mayEditProposal(actor, { status: state.status, proposedByCountryId: state.proposer }),
    writes: (_actor, state) => ({ ...amendmentRecord(state.status, state.proposer), body: { en: '1. Better', ru: '1. Лучше' }, rationale: { en: 'Clearer.', ru: '' } }),
    applies: (_actor, state) => state.status === 'proposed',
  },
  {
    name: 'withdraw the proposal',
    table: 'amendments',
    offered: (actor, state) => mayActOnAmendment('withdraw', { status: state.status, proposedByCountryId: state.proposer }, actor),
    writes: (_actor, state) => ({ ...amendmentRecord(state.status, state.proposer), status: 'withdrawn', decidedOn: TODAY }),
    // Withdrawing is the proposer's own act (the secretariat rejects instead).
    applies: (actor, state) => state.status === 'proposed' && state.proposer !== null && state.proposer === actor.countryId,
  },
  {
    name: 'delete the proposal',
    table: 'amendments',
    offered: (actor, state) => mayDeleteAmendment({ status: state.status, proposedByCountryId: state.proposer }, actor),
    writes: (_actor, state) => ({ ...amendmentRecord(state.status, state.proposer), deleted: true }),
    // A decided proposal stays: its decision is part of the record of the negotiation.
    applies: (_actor, state) => state.status === 'proposed' || state.status === 'withdrawn',
  },
  decision('accept', 'accepted'),
  decision('reject', 'rejected'),
  decision('supersede', 'superseded'),
  {
    name: 'add a comment',
    table: 'comments',
    offered: (actor) => mayComment(actor),
    writes: () => ({ targetKind: 'amendment', targetId: 'a1', authorDelegateId: null, authorName: 'Delegation', text: 'Agree.', createdAt: TODAY, resolved: false, deleted: false }),
  },
  {
    name: 'resolve or reopen a comment',
    table: 'comments',
    offered: (actor, state) => mayComment(actor, { resolved: state.resolved }),
    writes: (_actor, state) => ({ targetKind: 'article', targetId: 'a1', authorDelegateId: null, authorName: 'Secretariat', text: 'Why?', createdAt: TODAY, resolved: !state.resolved, deleted: false }),
  },
  {
    name: 'record a party’s position',
    table: 'positions',
    offered: (actor, state) => state.country !== null && mayRecordPosition(actor, state.country),
    writes: (_actor, state) => positionRecord(state.country ?? ''),
    applies: (_actor, state) => state.country !== null,
  },
  {
    name: 'clear a party’s position',
    table: 'positions',
    offered: (actor, state) => state.country !== null && mayClearPosition(actor, { countryId: state.country }),
    writes: (_actor, state) => ({ ...positionRecord(state.country ?? ''), deleted: true }),
    applies: (_actor, state) => state.country !== null,
  },
  {
    name: 'add a person of a country',
    table: 'delegates',
    offered: (actor, state) => registryPermissions(actor).addPeople && mayRecordCountry(actor, state.country),
    writes: (_actor, state) => personRecord(state.country),
  },
  {
    name: 'import people of a country',
    table: 'delegates',
    offered: (actor, state) => registryPermissions(actor).importPeople && mayRecordCountry(actor, state.country),
    writes: (_actor, state) => personRecord(state.country),
  },
  {
    name: 'edit a person',
    table: 'delegates',
    offered: (actor, state) => canEditDelegate(actor, { countryId: state.country }),
    writes: (_actor, state) => ({ ...personRecord(state.country), phone: '+7 727 000 00 00' }),
  },
  {
    name: 'delete a person',
    table: 'delegates',
    offered: (actor) => registryPermissions(actor).deletePeople,
    writes: (_actor, state) => ({ ...personRecord(state.country), deleted: true }),
  },
  {
    name: 'merge duplicates',
    table: 'delegates',
    offered: (actor) => registryPermissions(actor).mergePeople,
    writes: (_actor, state) => ({ ...personRecord(state.country), mergedIntoId: 'the-survivor', deleted: true }),
  },
  {
    name: 'add or edit an organization',
    table: 'organizations',
    offered: (actor, state) => registryPermissions(actor).editOrganizations && mayRecordCountry(actor, state.country),
    writes: (_actor, state) => organizationRecord(state.country),
  },
  {
    name: 'delete an organization',
    table: 'organizations',
    offered: (actor) => registryPermissions(actor).deleteOrganizations,
    writes: (_actor, state) => ({ ...organizationRecord(state.country), deleted: true }),
  },
  official('put a bracket in the text, or record it agreed or dropped', 'brackets', (actor) => mouOffers(actor).decideBrackets),
  {
    name: 'propose an alternative in a bracket',
    table: 'bracketAlternatives',
    offered: (actor, state) => state.country !== null && mayProposeAlternativeFor(actor, [state.country]),
    writes: (_actor, state) => ({ documentId: 'doc', bracketId: 'b1', text: { en: 'should', ru: 'должны' }, proposedByCountryIds: state.country === null ? [] : [state.country], proposedOn: TODAY, deleted: false }),
    applies: (_actor, state) => state.country !== null,
  },
  {
    name: 'withdraw an alternative',
    table: 'bracketAlternatives',
    offered: (actor, state) => state.country !== null && mayWithdrawAlternative(actor, { proposedByCountryIds: [state.country] }),
    writes: (_actor, state) => ({ documentId: 'doc', bracketId: 'b1', text: { en: 'should', ru: 'должны' }, proposedByCountryIds: state.country === null ? [] : [state.country], proposedOn: TODAY, deleted: true }),
    // The draft's own text (no proposer) is not an alternative anyone withdraws.
    applies: (_actor, state) => state.country !== null,
  },
  {
    name: 'correct an alternative',
    table: 'bracketAlternatives',
    offered: (actor, state) => mayEditAlternative(actor, { proposedByCountryIds: state.country === null ? [] : [state.country] }),
    writes: (_actor, state) => ({ documentId: 'doc', bracketId: 'b1', text: { en: 'ought to', ru: 'следует' }, proposedByCountryIds: state.country === null ? [] : [state.country], proposedOn: TODAY, deleted: false }),
  },
  {
    name: 'proposing an alternative asks in whose name only where other names are accepted',
    table: 'bracketAlternatives',
    offered: (actor, state) => state.country !== null && state.country !== actor.countryId && choosesAlternativeProposers(actor, [state.country]),
    writes: (_actor, state) => ({ documentId: 'doc', bracketId: 'b1', text: { en: 'may', ru: 'могут' }, proposedByCountryIds: state.country === null ? [] : [state.country], proposedOn: TODAY, deleted: false }),
    applies: (actor, state) => state.country !== null && state.country !== actor.countryId,
  },
  official('edit a country (name, membership)', 'countries', (actor) => registryPermissions(actor).editCountries, { membership: 'observer' }),
  ...MEETING_TABLES.map(
    (table): ScreenAction => ({ name: `plan and record a meeting (${table})`, table, offered: mayPlanMeetings, writes: () => MEETING_RECORDS[table] }),
  ),
  ...(['amendments', 'positions', 'delegates', 'articles', 'meetings'] as const).map(
    (table): ScreenAction => {
      const deletedRecord = (state: State): Record<string, unknown> =>
        table === 'amendments'
          ? { ...amendmentRecord(state.status, state.proposer), deleted: true }
          : table === 'positions'
            ? { ...positionRecord(state.country ?? 'KZ'), deleted: true }
            : table === 'delegates'
              ? { ...personRecord(state.country), deleted: true }
              : table === 'articles'
                ? { ...OFFICIAL.articles, deleted: true }
                : { ...MEETING_RECORDS.meetings, deleted: true };
      return {
        name: `restore a deleted record (${table})`,
        table,
        offered: (actor, state) => mayRestore(actor, [{ table, record: deletedRecord(state) }]),
        writes: (_actor, state) => ({ ...deletedRecord(state), deleted: false }),
      };
    },
  ),
];

const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  fc.constant<Actor>({ role: 'secretariat', countryId: null }),
  fc.constantFrom(...COUNTRIES).map((countryId): Actor => ({ role: 'delegation', countryId })),
);
const countryArb = fc.option(fc.constantFrom(...COUNTRIES), { nil: null });
const stateArb: fc.Arbitrary<State> = fc.record({
  status: fc.constantFrom(...amendmentStatuses),
  proposer: countryArb,
  country: countryArb,
  resolved: fc.boolean(),
});

describe('every action a screen offers, against the authority table', () => {
  it('covers every synced table a screen writes (conflict notices are settled through canEdit on their own screen)', () => {
    const covered = new Set<SyncedTableName>([...ACTIONS.map((action) => action.table), 'syncConflicts']);
    expect([...covered].sort()).toEqual([...syncedTableNames].sort());
  });

  for (const action of ACTIONS) {
    it(`${action.name}: shown exactly when peers accept the change from that installation`, () => {
      fc.assert(
        fc.property(actorArb, stateArb, (actor, state) => {
          const offered = action.offered(actor, state);
          const ok = accepted(action.table, action.writes(actor, state), actor);
          // A button shown is a change accepted…
          if (offered) expect(ok, `${actor.role} ${String(actor.countryId)} is offered what peers refuse`).toBe(true);
          // …and where the action applies, a change accepted is a button shown.
          if (ok && (action.applies?.(actor, state) ?? true)) expect(offered, `${actor.role} ${String(actor.countryId)} is not offered what peers accept`).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('offers a delegation its own country’s work and nothing of another’s, as the issue lists it', () => {
    const kz: Actor = { role: 'delegation', countryId: 'KZ' };
    const own = { status: 'proposed' as const, proposedByCountryId: 'KZ' };
    const other = { status: 'proposed' as const, proposedByCountryId: 'KG' };
    expect(mayEditProposal(kz, own)).toBe(true);
    expect(mayEditProposal(kz, other)).toBe(false);
    expect(mayEditProposal(kz, { ...own, status: 'accepted' })).toBe(false);
    expect(mayActOnAmendment('accept', own, kz)).toBe(false);
    expect(mayClearPosition(kz, { countryId: 'KZ' })).toBe(true);
    expect(mayClearPosition(kz, { countryId: 'KG' })).toBe(false);
    expect(proposerChoices(kz, PARTIES)).toEqual(['KZ']);
    expect(proposerChoices({ role: 'secretariat', countryId: null }, PARTIES)).toEqual(PARTIES);
    expect(canEditDelegate(kz, { countryId: 'KG' })).toBe(false);
    expect(registryPermissions(kz).editCountries).toBe(false);
    expect(mouOffers(kz)).toEqual({ manageDocuments: false, editText: false, freezeVersions: false, decideBrackets: false });
    expect(mayProposeAlternativeFor(kz, ['KZ'])).toBe(true);
    expect(mayProposeAlternativeFor(kz, ['KG'])).toBe(false);
    expect(mayProposeAlternativeFor(kz, ['KZ', 'KG'])).toBe(false);
    expect(mayPlanMeetings(kz)).toBe(false);
    // The same answers as the rule the screens used to copy: canEdit on the written record.
    expect(canEdit('delegation', 'KZ', 'positions', { ...positionRecord('KZ'), deleted: true })).toBe(true);
  });
});
