/**
 * The domain model of CWG Desk: every record the app stores, as zod schemas and the
 * TypeScript types inferred from them. The schemas are the single source of truth for
 * form validation, IPC payloads and (later) the sync bundle format.
 */
import { z } from 'zod';

/** Text that may be held in English and Russian (printed user data is bilingual). */
export const bilingualSchema = z.object({ en: z.string(), ru: z.string() });
export type Bilingual = z.infer<typeof bilingualSchema>;

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');

/**
 * Fields every synced record carries. `hlc` is the hybrid-logical-clock stamp of the
 * record's last change, `origin` the installation that made it, `deleted` a tombstone
 * (records are never hard-deleted while peers may still hold them).
 */
export const syncedSchema = z.object({
  id: z.uuid(),
  hlc: z.string().min(1),
  origin: z.string().min(1),
  deleted: z.boolean(),
  /**
   * Stamp of the last change of each field, for per-field last-writer-wins merges. A field
   * missing here was last changed at `hlc` (records written before a field changed alone).
   * Maintained by shared/sync/stampChanges.ts; never set by hand.
   */
  fieldStamps: z.record(z.string(), z.string()).optional(),
});
export type Synced = z.infer<typeof syncedSchema>;

export const membershipStatuses = ['member', 'observer', 'non-member'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

/** Countries are keyed by ISO 3166-1 alpha-2 code, the same on every machine. */
export const countrySchema = syncedSchema.extend({
  id: z.string().regex(/^[A-Z]{2}$/, 'country id is an ISO 3166-1 alpha-2 code'),
  name: bilingualSchema,
  membership: z.enum(membershipStatuses),
});
export type Country = z.infer<typeof countrySchema>;

export const organizationKinds = [
  'customs-service',
  'ministry',
  'international-organization',
  'donor-agency',
  'private-sector',
  'other',
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const organizationSchema = syncedSchema.extend({
  name: bilingualSchema,
  acronym: z.string(),
  countryId: z.string().nullable(),
  kind: z.enum(organizationKinds),
});
export type Organization = z.infer<typeof organizationSchema>;

export const delegateRoles = [
  'customs-official',
  'private-sector',
  'wto-negotiator',
  'expert',
  'secretariat',
] as const;
export type DelegateRole = (typeof delegateRoles)[number];

export const delegateSchema = syncedSchema.extend({
  /** Name in Latin script. */
  nameLatin: z.string(),
  /** Name in Cyrillic or the native script. */
  nameNative: z.string(),
  honorific: z.string(),
  position: bilingualSchema,
  organizationId: z.string().nullable(),
  countryId: z.string().nullable(),
  roles: z.array(z.enum(delegateRoles)),
  email: z.string(),
  phone: z.string(),
  languages: z.array(z.string()),
  notes: z.string(),
  consentPrintContacts: z.boolean(),
  consentShareContacts: z.boolean(),
  /**
   * Set on the tombstone of a record merged into another (duplicates): references that
   * arrive later from peers that had not yet seen the merge can still be followed.
   */
  mergedIntoId: z.string().nullable().optional(),
});
export type Delegate = z.infer<typeof delegateSchema>;

export const meetingKinds = ['working-group', 'workshop', 'training', 'site-visit', 'bilateral'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingStatuses = ['planned', 'confirmed', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const meetingSchema = syncedSchema.extend({
  title: bilingualSchema,
  kind: z.enum(meetingKinds),
  status: z.enum(meetingStatuses),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  city: bilingualSchema,
  venue: bilingualSchema,
  /** IANA time zone of the venue, e.g. Asia/Bishkek. */
  timeZone: z.string(),
  hostOrganizationId: z.string().nullable(),
  coOrganizerIds: z.array(z.string()),
  inConjunctionWith: bilingualSchema,
  objectives: bilingualSchema,
});
export type Meeting = z.infer<typeof meetingSchema>;

export const sessionKinds = [
  'opening',
  'training',
  'presentation',
  'panel',
  'discussion',
  'site-visit',
  'break',
  'meal',
  'closing',
] as const;
export type SessionKind = (typeof sessionKinds)[number];

export const sessionSchema = syncedSchema.extend({
  meetingId: z.string(),
  /** Day of the meeting, YYYY-MM-DD. */
  date: isoDateSchema,
  /** Venue-local times, HH:MM. */
  start: localTimeSchema,
  end: localTimeSchema,
  /** Order within the day, for sessions with the same start. */
  order: z.number(),
  kind: z.enum(sessionKinds),
  title: bilingualSchema,
  description: bilingualSchema,
  location: bilingualSchema,
  moderatorIds: z.array(z.string()),
  speakerIds: z.array(z.string()),
  topics: z.array(z.string()),
  outcome: bilingualSchema,
});
export type Session = z.infer<typeof sessionSchema>;

export const participationCapacities = [
  'member',
  'observer',
  'guest',
  'expert',
  /** An official who attends a training without being a member of the group. */
  'trainee',
  'secretariat',
  'organizer',
] as const;
export type ParticipationCapacity = (typeof participationCapacities)[number];
export const participationStatuses = ['invited', 'confirmed', 'declined', 'attended', 'absent'] as const;
export type ParticipationStatus = (typeof participationStatuses)[number];

export const participationSchema = syncedSchema.extend({
  meetingId: z.string(),
  delegateId: z.string(),
  capacity: z.enum(participationCapacities),
  status: z.enum(participationStatuses),
  /** Days (YYYY-MM-DD) the person was present. */
  attendedDays: z.array(isoDateSchema),
});
export type Participation = z.infer<typeof participationSchema>;

/** A decision a meeting took; numbered on screen and in print by `order`, never stored. */
export const decisionSchema = syncedSchema.extend({
  meetingId: z.string(),
  order: z.number(),
  text: bilingualSchema,
});
export type Decision = z.infer<typeof decisionSchema>;

/** Something to be done after a meeting, by someone, possibly by a date. */
export const actionItemSchema = syncedSchema.extend({
  meetingId: z.string(),
  order: z.number(),
  text: bilingualSchema,
  /** The delegate who owns the item, when it is one person. */
  ownerDelegateId: z.string().nullable(),
  /** An owner in words ("Secretariat", "Delegation of Tajikistan"), instead of or beside the delegate. */
  ownerName: bilingualSchema,
  dueDate: isoDateSchema.nullable(),
  done: z.boolean(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const mouStatuses = ['drafting', 'negotiation', 'agreed', 'signed'] as const;
export type MouStatus = (typeof mouStatuses)[number];

export const mouDocumentSchema = syncedSchema.extend({
  title: bilingualSchema,
  partyCountryIds: z.array(z.string()),
  status: z.enum(mouStatuses),
  /** Date each status was reached, YYYY-MM-DD. */
  statusDates: z.partialRecord(z.enum(mouStatuses), isoDateSchema),
});
export type MouDocument = z.infer<typeof mouDocumentSchema>;

export const articleSchema = syncedSchema.extend({
  documentId: z.string(),
  /** Sort key; article numbers are derived from the order, never stored. */
  order: z.number(),
  heading: bilingualSchema,
  /** Numbered paragraphs as plain structured text: "1. ...", "(a) ..." one per line. */
  body: bilingualSchema,
  /** Set when one language changed after the other; cleared when a translator confirms. */
  translationStale: z.enum(['en', 'ru']).nullable(),
  /** The amendment whose acceptance produced the current text, if any. */
  changedByAmendmentId: z.string().nullable(),
});
export type Article = z.infer<typeof articleSchema>;

export const frozenArticleSchema = z.object({
  articleId: z.string(),
  heading: bilingualSchema,
  body: bilingualSchema,
});
export type FrozenArticle = z.infer<typeof frozenArticleSchema>;

export const mouVersionSchema = syncedSchema.extend({
  documentId: z.string(),
  number: z.number().int().positive(),
  label: z.string(),
  date: isoDateSchema,
  note: z.string(),
  meetingId: z.string().nullable(),
  /** The agenda session of `meetingId` where the version was adopted (issue 15). Optional: older records do not carry it. */
  sessionId: z.string().nullable().optional(),
  title: bilingualSchema,
  articles: z.array(frozenArticleSchema),
});
export type MouVersion = z.infer<typeof mouVersionSchema>;

export const amendmentKinds = ['replace', 'insert-after', 'delete'] as const;
export type AmendmentKind = (typeof amendmentKinds)[number];
export const amendmentStatuses = ['proposed', 'accepted', 'rejected', 'superseded', 'withdrawn'] as const;
export type AmendmentStatus = (typeof amendmentStatuses)[number];

export const amendmentSchema = syncedSchema.extend({
  documentId: z.string(),
  articleId: z.string().nullable(),
  kind: z.enum(amendmentKinds),
  proposedByCountryId: z.string().nullable(),
  proposedByDelegateId: z.string().nullable(),
  proposedOn: isoDateSchema,
  heading: bilingualSchema,
  body: bilingualSchema,
  rationale: bilingualSchema,
  /**
   * Stamp of the article's text (heading and body field stamps, see shared/mou/amendments.ts)
   * when the amendment was proposed, to detect a changed base text.
   */
  baseArticleHlc: z.string().nullable(),
  /**
   * The article's text when the amendment was proposed (replace and delete), so a conflict
   * can show what changed since. Optional: older records do not carry it.
   */
  baseText: z.object({ heading: bilingualSchema, body: bilingualSchema }).nullable().optional(),
  status: z.enum(amendmentStatuses),
  decisionReason: z.string(),
  decidedOn: isoDateSchema.nullable(),
  /** Where the decision was taken (issue 15): the meeting and its agenda session. Optional: older records do not carry it. */
  decidedAtMeetingId: z.string().nullable().optional(),
  decidedAtSessionId: z.string().nullable().optional(),
});
export type Amendment = z.infer<typeof amendmentSchema>;

/** What a comment is on: an article, an amendment, or a circulated revision of a meeting's minutes. */
export const commentTargets = ['article', 'amendment', 'minutes'] as const;

export const bracketStatuses = ['open', 'agreed', 'dropped'] as const;
export type BracketStatus = (typeof bracketStatuses)[number];

/**
 * Square-bracketed text in an article (issue 15): a span not yet agreed. The article's body
 * holds its marker "[[key]]" in each language (shared/mou/brackets.ts), so the two
 * languages' brackets are one record: agreeing it agrees both. Its alternatives are their
 * own records (bracketAlternatives), so a delegation proposes one offline and it merges
 * beside the others. `optional`: one text that stays or goes ("[and other relevant
 * authorities]"). Kept by the secretariat, who records where and when the meeting agreed it.
 */
export const bracketSchema = syncedSchema.extend({
  documentId: z.string(),
  articleId: z.string(),
  /** The number in the article's marker "[[key]]", unique within the article. */
  key: z.number().int().positive(),
  optional: z.boolean(),
  status: z.enum(bracketStatuses),
  /** When the bracket was put in the text. */
  openedOn: isoDateSchema,
  /** The alternative agreed (status agreed); null otherwise. */
  agreedAlternativeId: z.string().nullable(),
  decidedOn: isoDateSchema.nullable(),
  /** Where it was agreed or dropped: the meeting and its agenda session. */
  decidedAtMeetingId: z.string().nullable(),
  decidedAtSessionId: z.string().nullable(),
});
export type Bracket = z.infer<typeof bracketSchema>;

/** One alternative of a bracket, in both languages, with the delegations that proposed it (empty: the draft's own text). */
export const bracketAlternativeSchema = syncedSchema.extend({
  documentId: z.string(),
  bracketId: z.string(),
  text: bilingualSchema,
  proposedByCountryIds: z.array(z.string()),
  proposedOn: isoDateSchema,
});
export type BracketAlternative = z.infer<typeof bracketAlternativeSchema>;
export const commentSchema = syncedSchema.extend({
  targetKind: z.enum(commentTargets),
  targetId: z.string(),
  /** For a comment on minutes (targetId: the minutes record), the revision it was written on. */
  minutesRevision: z.number().int().positive().optional(),
  authorDelegateId: z.string().nullable(),
  authorName: z.string(),
  text: z.string(),
  createdAt: z.string(),
  resolved: z.boolean(),
});
export type Comment = z.infer<typeof commentSchema>;

export const positionStances = ['supports', 'reservation', 'opposes', 'pending'] as const;
export type PositionStance = (typeof positionStances)[number];
export const positionSchema = syncedSchema.extend({
  versionId: z.string(),
  countryId: z.string(),
  /** null: the stance on the whole text. */
  articleId: z.string().nullable(),
  stance: z.enum(positionStances),
  reservation: z.string(),
});
export type Position = z.infer<typeof positionSchema>;

/**
 * What the minutes of a meeting record, frozen when a revision is circulated: the record
 * of the sessions, the decisions, the action items and the attendance, as the meeting
 * report shows them. Names are copied in, so a revision reads the same after the registry
 * changes.
 */
export const minutesContentSchema = z.object({
  sessions: z.array(
    z.object({ sessionId: z.string(), date: isoDateSchema, start: localTimeSchema, end: localTimeSchema, title: bilingualSchema, outcome: bilingualSchema }),
  ),
  decisions: z.array(z.object({ decisionId: z.string(), text: bilingualSchema })),
  actionItems: z.array(
    z.object({ actionItemId: z.string(), text: bilingualSchema, owner: bilingualSchema, dueDate: isoDateSchema.nullable() }),
  ),
  attendance: z.array(
    z.object({
      delegateId: z.string(),
      nameLatin: z.string(),
      nameNative: z.string(),
      countryId: z.string().nullable(),
      status: z.enum(participationStatuses),
      attendedDays: z.array(isoDateSchema),
    }),
  ),
});
export type MinutesContent = z.infer<typeof minutesContentSchema>;

export const minutesRevisionSchema = z.object({
  number: z.number().int().positive(),
  /** Day it was circulated to the delegations, YYYY-MM-DD. */
  circulatedOn: isoDateSchema,
  content: minutesContentSchema,
});
export type MinutesRevision = z.infer<typeof minutesRevisionSchema>;

/**
 * Stored states of the minutes (shared/meetings/minutes.ts): 'draft' until the first
 * revision is circulated, 'circulated' while delegations read and comment ("commented" is
 * shown when the latest revision has comments), 'approved' once a later meeting approved
 * them, which locks them.
 */
export const minutesStatuses = ['draft', 'circulated', 'approved'] as const;
export type MinutesStatus = (typeof minutesStatuses)[number];

/** The meeting and session that approved the minutes, and the day. */
export const minutesApprovalSchema = z.object({ meetingId: z.string(), sessionId: z.string(), date: isoDateSchema });
export type MinutesApproval = z.infer<typeof minutesApprovalSchema>;

/** The minutes of one meeting (at most one live record per meeting). */
export const minutesSchema = syncedSchema.extend({
  meetingId: z.string(),
  status: z.enum(minutesStatuses),
  /** Circulated revisions, oldest first, numbered from 1. */
  revisions: z.array(minutesRevisionSchema),
  /** The session of a later meeting whose agenda item is "Approval of the minutes of the previous meeting". */
  approvalSessionId: z.string().nullable(),
  approvedAt: minutesApprovalSchema.nullable(),
});
export type Minutes = z.infer<typeof minutesSchema>;

/** Local, never synced: who this installation is. */
export const installationRoles = ['secretariat', 'delegation'] as const;
export type InstallationRole = (typeof installationRoles)[number];
export const installationSchema = z
  .object({
    /** Always "self": one row. */
    key: z.literal('self'),
    id: z.uuid(),
    displayName: z.string().trim().min(1, 'name is required').max(120),
    role: z.enum(installationRoles),
    /** Country of the delegation; null for the secretariat. */
    countryId: z.string().nullable(),
    createdAt: z.string(),
  })
  .refine((i) => i.role === 'secretariat' || i.countryId !== null, {
    error: 'a delegation installation names its country',
    path: ['countryId'],
  });
export type Installation = z.infer<typeof installationSchema>;

export const peerSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(installationRoles),
  countryId: z.string().nullable(),
  publicKey: z.string().nullable(),
  trusted: z.boolean(),
  /** Highest hlc we have received from each origin through this peer. */
  receivedVector: z.record(z.string(), z.string()),
  /** Highest hlc of ours that this peer is known to hold. */
  sentWatermark: z.string().nullable(),
  /**
   * The version vector the peer declared in its latest complete bundle: what it holds.
   * An export for this peer leaves out exactly what this vector covers.
   */
  declaredVector: z.record(z.string(), z.string()).optional(),
  /**
   * The peer's latest restore from a backup (the `epoch` of its bundles): a bundle with a
   * newer epoch replaces declaredVector instead of being merged into it.
   */
  epoch: z.string().optional(),
  /** When the user confirmed the peer's key fingerprint (ISO date-time). */
  trustedAt: z.string().optional(),
  /** When the latest bundle from this peer was imported (ISO date-time). */
  lastReceivedAt: z.string().optional(),
});
export type Peer = z.infer<typeof peerSchema>;

export const receivedBundleSchema = z.object({
  bundleId: z.string(),
  fromOrigin: z.string(),
  fromName: z.string(),
  receivedAt: z.string(),
  fileName: z.string(),
  counts: z.record(z.string(), z.number()),
  /** The payload's checksum: the same bundle id with this checksum was imported completely. */
  payloadSha256: z.string().optional(),
});
export type ReceivedBundle = z.infer<typeof receivedBundleSchema>;

/**
 * Local, never synced: a conflict as versions before conflict notices kept it (the Dexie
 * table `conflicts`). Still listed on the Conflicts screen; nothing new is written to it
 * (see syncConflictSchema and docs/sync.md, "Conflicts that travel").
 */
export const conflictSchema = z.object({
  id: z.string(),
  table: z.string(),
  recordId: z.string(),
  field: z.string(),
  keptValue: z.unknown(),
  keptHlc: z.string(),
  otherValue: z.unknown(),
  otherHlc: z.string(),
  detectedAt: z.string(),
  resolved: z.boolean(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const conflictKinds = ['field', 'deleted-over-edit', 'edit-over-deletion'] as const;
/**
 * What a conflict notice reports (shared/sync/merge.ts mergeRecord): two values of one
 * field; a deletion that won over an edit made without knowing of it; an edit made without
 * knowing of a deletion, which brought the record back.
 */
export type ConflictKind = (typeof conflictKinds)[number];
export const conflictResolutions = ['open', 'kept', 'other'] as const;
export type ConflictResolution = (typeof conflictResolutions)[number];

/**
 * A conflict notice (issue 12, "Conflicts everywhere they matter"), synced like any record:
 * every installation that ends up with both versions lists it, and its resolution travels.
 * The id is derived from what it reports (shared/sync/conflictNotices.ts), so installations
 * that detect the same conflict create the same record, which merges to one. `keptValue` is
 * the value applied (for deleted-over-edit: true; for edit-over-deletion: the edited fields
 * that brought the record back), `otherValue` the one that lost (the lost edited fields;
 * true, the deletion). `ownerCountryId` is the conflicted record's owner where its table has
 * one (amendments, positions), so who may resolve it is judged from the notice alone.
 */
export const syncConflictSchema = syncedSchema.extend({
  table: z.string(),
  recordId: z.string(),
  field: z.string(),
  kind: z.enum(conflictKinds),
  keptValue: z.unknown(),
  keptStamp: z.string(),
  otherValue: z.unknown(),
  otherStamp: z.string(),
  ownerCountryId: z.string().nullable(),
  resolution: z.enum(conflictResolutions),
  resolvedOn: isoDateSchema.nullable(),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

/** Synced tables, by name, with their record schema. */
export const syncedTables = {
  countries: countrySchema,
  organizations: organizationSchema,
  delegates: delegateSchema,
  meetings: meetingSchema,
  sessions: sessionSchema,
  participations: participationSchema,
  decisions: decisionSchema,
  actionItems: actionItemSchema,
  mouDocuments: mouDocumentSchema,
  articles: articleSchema,
  mouVersions: mouVersionSchema,
  amendments: amendmentSchema,
  comments: commentSchema,
  positions: positionSchema,
  syncConflicts: syncConflictSchema,
  minutes: minutesSchema,
  brackets: bracketSchema,
  bracketAlternatives: bracketAlternativeSchema,
} as const;
export type SyncedTableName = keyof typeof syncedTables;
export const syncedTableNames = Object.keys(syncedTables) as SyncedTableName[];
