/**
 * Channel names and the function each becomes on `window.cwg`. Kept apart from the zod
 * schemas so the sandboxed preload, which only needs the names, does not bundle zod.
 * contract.ts checks that both tables list the same channels.
 */
export const apiNames = {
  'cwg:app:info': 'appInfo',
  'cwg:shell:open-external': 'openExternal',
  'cwg:file:save': 'saveFile',
  'cwg:file:open': 'openFile',
  'cwg:report:export-pdf': 'exportReportPdf',
  'cwg:report:print': 'printReport',
  'cwg:backup:write': 'writeBackup',
  'cwg:backup:list': 'listBackups',
  'cwg:backup:read': 'readBackup',
  'cwg:sync-folder:status': 'syncFolderStatus',
  'cwg:sync-folder:choose': 'chooseSyncFolder',
  'cwg:sync-folder:forget': 'forgetSyncFolder',
  'cwg:sync-folder:pause': 'pauseSyncFolder',
  'cwg:sync-folder:scan': 'scanSyncFolder',
  'cwg:sync-folder:read': 'readSyncFolderFile',
  'cwg:sync-folder:write': 'writeSyncFolderFile',
  'cwg:sync-folder:remove': 'removeSyncFolderFiles',
  'cwg:app:ready-to-quit': 'readyToQuit',
} as const;

/** Messages main sends unasked (contract.ts mainEvents); the preload subscribes only to these. */
export const mainEventNames = ['cwg:event:sync-folder-changed', 'cwg:event:before-quit'] as const;

export type ChannelName = keyof typeof apiNames;
export const channelNames = Object.keys(apiNames) as ChannelName[];
