/** English UI strings. Russian (ru.ts) must have exactly the same keys; a unit test checks it. */
import { meetingsEn } from './meetings';
import { delegatesEn } from './delegates';
import { mouEn } from './mou';
import { syncEn } from './sync';
import { syncFolderEn } from './syncFolder';
import { settingsEn } from './settings';
import { reportsEn } from './reports';
import { faultsEn } from './faults';
import { backupEn, restoreEn } from './backup';
import { deletedEn } from './deleted';
import type { Widen } from './widen';

export const en = {
  app: {
    title: 'CWG Desk',
    subtitle: 'Customs Working Group',
    skipToContent: 'Skip to content',
    mainNavigation: 'Main navigation',
    language: 'Language',
    installationBadge: '{{name}} · {{role}}',
  },
  nav: {
    meetings: 'Meetings',
    delegates: 'Delegates',
    mou: 'MoU',
    reports: 'Reports',
    sync: 'Sync',
    settings: 'Settings',
  },
  languages: { en: 'English', ru: 'Русский' },
  files: {
    /** Titles of the save and open dialogs, by purpose (main process: electron/main/services/fileService.ts). */
    dialogTitles: { calendar: 'Calendar file', csv: 'Spreadsheet (CSV)', bundle: 'CWG Desk bundle', pdf: 'PDF document', backup: 'CWG Desk backup' },
  },
  common: {
    loading: 'Loading…',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    dismiss: 'Dismiss',
    dismissNotification: 'Dismiss notification',
    /** A repeated button's accessible name: its visible text first, then what it acts on. */
    actionOn: '{{action}} — {{target}}',
    /** i18next plural forms; English uses one/other, the keys match Russian's. */
    repeats_one: '(×{{count}})',
    repeats_few: '(×{{count}})',
    repeats_many: '(×{{count}})',
    repeats_other: '(×{{count}})',
    notifications: 'Notifications',
    notStated: 'not stated',
    dateRange: '{{start}} – {{end}}',
  },
  roles: {
    secretariat: 'Secretariat',
    delegation: 'Delegation',
    delegationOf: 'Delegation of {{country}}',
  },
  membership: { member: 'Member', observer: 'Observer', 'non-member': 'Non-member' },
  meetingKinds: {
    'working-group': 'Working-group meeting',
    workshop: 'Workshop',
    training: 'Training',
    'site-visit': 'Site visit',
    bilateral: 'Bilateral',
  },
  meetingStatuses: { planned: 'Planned', confirmed: 'Confirmed', held: 'Held', cancelled: 'Cancelled' },
  mouStatuses: { drafting: 'Drafting', negotiation: 'Negotiation', agreed: 'Agreed', signed: 'Signed' },
  errors: {
    title: 'Something went wrong',
    explanation: 'This screen failed to display. Your data is safe; it is stored on this computer.',
    details: 'Technical details',
    retry: 'Try again',
    reload: 'Reload the app',
    noBridge: 'The app bridge is missing: CWG Desk must be opened through its desktop shell or the test host.',
    ipc: '{{message}}',
    storageUnavailable: 'The local database could not be opened: {{message}}',
    notFound: 'There is no such page.',
    backHome: 'Go to meetings',
  },
  validation: {
    required: 'Enter a name for this installation.',
    tooLong: 'The name can have at most 120 characters.',
    countryRequired: 'Choose the country of the delegation.',
  },
  firstRun: {
    title: 'Welcome to CWG Desk',
    intro:
      'CWG Desk keeps the meetings, delegates and Memorandum of Understanding of the Customs Working Group on this computer, and works without internet. First, tell it who uses this installation.',
    nameLabel: 'Name of this installation',
    nameHint: 'For example, “Secretariat laptop” or “Kyrgyz delegation, A. Example”. Other installations see this name on the files you send.',
    roleLegend: 'Role',
    roleSecretariat: 'Secretariat: plans meetings, keeps the registry, edits the official MoU text',
    roleDelegation: 'Delegation: reads agendas and drafts, proposes amendments',
    countryLabel: 'Country of the delegation',
    chooseCountry: 'Choose a country',
    submit: 'Start using CWG Desk',
    movingHint:
      'Moving from another computer? Set up this installation first, then restore your backup file in Settings → Backups, or import a bundle from the other computer in Sync.',
  },
  meetings: meetingsEn,
  delegates: delegatesEn,
  mou: mouEn,
  sync: syncEn,
  syncFolder: syncFolderEn,
  settings: settingsEn,
  reports: reportsEn,
  faults: faultsEn,
  backup: backupEn,
  restore: restoreEn,
  deleted: deletedEn,
} as const;

export type Messages = Widen<typeof en>;
