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
