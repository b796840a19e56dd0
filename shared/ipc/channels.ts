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
  'cwg:backup:write': 'writeBackup',
  'cwg:backup:list': 'listBackups',
  'cwg:backup:read': 'readBackup',
} as const;

export type ChannelName = keyof typeof apiNames;
export const channelNames = Object.keys(apiNames) as ChannelName[];
