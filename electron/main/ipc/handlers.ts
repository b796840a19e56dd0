/** The handler map: what main does for each IPC channel, built from injected ports. */
import { createBackupService } from '../services/backupService';
import { createFileService } from '../services/fileService';
import type { Ports } from '../services/ports';
import { loadNodeReportFonts } from '../services/reportFonts';
import { createReportService } from '../services/reportService';
import type { HandlerMap } from './dispatch';

export function createHandlers(ports: Ports): HandlerMap {
  const files = createFileService({
    dialogs: ports.dialogs,
    dataFolder: ports.appInfo.dataFolder,
    defaultFolder: ports.documentsFolder,
  });
  const reports = createReportService({ print: ports.print, files, fonts: ports.reportFonts ?? loadNodeReportFonts });
  const backups = createBackupService({ dataFolder: ports.appInfo.dataFolder });
  return {
    'cwg:backup:write': ({ reason, content, counts }) => backups.write(reason, content, counts),
    'cwg:backup:list': async () => ({ backups: await backups.list(), lastDaily: await backups.lastDaily() }),
    'cwg:backup:read': ({ id }) => backups.read(id),
    'cwg:app:info': () => Promise.resolve(ports.appInfo),
    'cwg:shell:open-external': async ({ url }) => {
      await ports.shell.openExternal(url);
      return { opened: true } as const;
    },
    'cwg:file:save': ({ purpose, suggestedName, content, dialogTitle }) => files.save(purpose, suggestedName, content, dialogTitle),
    'cwg:file:open': ({ purpose, maxBytes, dialogTitle }) => files.open(purpose, maxBytes, dialogTitle),
    'cwg:report:export-pdf': (request) => reports.exportPdf(request),
  };
}
