/** The storage layer's public face: open the database and get its repositories. */
export { CwgDatabase, openDatabase, type MetaEntry, type SyncedRecordMap, type SyncedTables } from './db';
export { CLOCK_META_KEY, stampRecord, type InstallationClock, type RecordStamp } from './clock';
export {
  createRepositories,
  type InstallationInput,
  type InstallationPatch,
  type Repositories,
  type RepositoryOptions,
  type TableCounts,
} from './repositories';
export { InstallationExistsError, NoInstallationError, ValidationError, type ValidationIssue } from './errors';
export { saveRecord, unstamped, writeDeleted, writeRecord, type RepositoryContext, type Unstamped } from './writes';
export { type ReportsRepository } from './reportsRepository';
export {
  TrashRefusedError,
  type DeletedBy,
  type LabelledRef,
  type RestoreResult,
  type TrashItem,
  type TrashRefusalCode,
  type TrashRepository,
} from './trashRepository';
export {
  AmendmentConflictError,
  MouRefusedError,
  MouValidationError,
  type AmendmentDecision,
  type AmendmentDraft,
  type ArticlePlacement,
  type DecisionInput,
  type MouRefusalCode,
  type MouRepository,
  type VersionDraft,
} from './mouRepository';
export {
  RegistryPermissionError,
  RegistryValidationError,
  type DelegateActivity,
  type DelegateInput,
  type DelegatesRepository,
  type ImportProgress,
  type MergePreview,
} from './delegatesRepository';
export {
  type CountriesRepository,
  type OrganizationInput,
  type OrganizationsRepository,
} from './registryRepository';
export {
  MeetingRefusedError,
  MeetingValidationError,
  type ActionItemInput,
  type AddedParticipants,
  type CapacityChoice,
  type MeetingDecisionInput,
  type MeetingInput,
  type MeetingRefusalCode,
  type MeetingSaveOptions,
  type MeetingsRepository,
  type SessionInput,
} from './meetingsRepository';
