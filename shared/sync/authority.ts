/**
 * Who may change what, across machines: kept for existing imports. The rules, for every
 * synced table, and the checker the merge calls now live in authorityRules.ts (see its
 * comment and docs/sync.md "Who may change what"); this module re-exports the names it
 * always had.
 */
export { DECISION_FIELDS, DECISION_STATUSES, OFFICIAL_TABLES, carriesDecision, type Authority } from './authorityRules';
