/** The handler map: what main does for each IPC channel, built from injected ports. */
import { mainEvents, type MainEventName, type MainEventPayload } from '../../../shared/ipc/contract';
import { createBackupService } from '../services/backupService';
import { toServiceError, createFileService } from '../services/fileService';
import { ServiceError } from '../services/serviceError';
import type { MainEventPort, Ports } from '../services/ports';
import { loadNodeReportFonts } from '../services/reportFonts';
import { createReportService } from '../services/reportService';
import { createSyncFolderService, SyncFolderError } from '../services/syncFolderService';
import { FileWriteError } from '../services/atomicFile';
import type { HandlerMap } from './dispatch';

/** Sends a message main sends unasked, after checking it against the contract (as requests are). */
export function validatedEvents(port: MainEventPort): MainEventPort {
  return {
    send<E extends MainEventName>(event: E, payload: MainEventPayload<E>) {
      const parsed = mainEvents[event].safeParse(payload);
      if (!parsed.success) throw new Error(`Main tried to send an invalid "${event}" message.`);
      port.send(event, parsed.data as MainEventPayload<E>);
    },
  };
}

/** The services behind the handlers; hosts keep them to start and stop what runs in the background. */
export function createServices(ports: Ports) {
  const files = createFileService({
    dialogs: ports.dialogs,
    dataFolder: ports.appInfo.dataFolder,
    defaultFolder: ports.documentsFolder,
  });
  const events = validatedEvents(ports.events);
  return {
    files,
    reports: createReportService({ print: ports.print, printer: ports.printer, files, fonts: ports.reportFonts ?? loadNodeReportFonts }),
    backups: createBackupService({ dataFolder: ports.appInfo.dataFolder }),
    syncFolder: createSyncFolderService({
      dataFolder: ports.appInfo.dataFolder,
      onChange: (reason) => {
        events.send('cwg:event:sync-folder-changed', { reason });
      },
    }),
  };
}
export type MainServices = ReturnType<typeof createServices>;

/** A sync folder failure as the renderer receives it. */
function folderFailure(error: unknown): unknown {
  if (error instanceof SyncFolderError) {
    return new ServiceError(error.code === 'outside' ? 'not-allowed' : 'io-error', error.message);
  }
  if (error instanceof FileWriteError) return toServiceError(error, error.fault.path);
  return error;
}

function guarded<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    throw folderFailure(error);
  });
}

export function createHandlers(ports: Ports, services: MainServices = createServices(ports)): HandlerMap {
  const { files, reports, backups, syncFolder } = services;
  return {
    'cwg:backup:write': ({ reason, content, counts }) => backups.write(reason, content, counts),
    'cwg:backup:list': async () => ({ backups: await backups.list(), lastDaily: await backups.lastDaily() }),
    'cwg:backup:read': ({ id }) => backups.read(id),
    'cwg:app:info': () => Promise.resolve(ports.appInfo),
    'cwg:app:ready-to-quit': () => {
      ports.lifecycle.readyToQuit();
      return Promise.resolve({ quitting: true } as const);
    },
    'cwg:shell:open-external': async ({ url }) => {
      await ports.shell.openExternal(url);
      return { opened: true } as const;
    },
    'cwg:file:save': ({ purpose, suggestedName, content, dialogTitle }) => files.save(purpose, suggestedName, content, dialogTitle),
    'cwg:file:open': ({ purpose, maxBytes, dialogTitle }) => files.open(purpose, maxBytes, dialogTitle),
    'cwg:report:export-pdf': (request) => reports.exportPdf(request),
    'cwg:report:print': (request) => reports.printWithDialog(request),
    'cwg:sync-folder:status': () => guarded(() => syncFolder.status()),
    'cwg:sync-folder:choose': ({ installationId }) =>
      guarded(async () => {
        const folder = await ports.dialogs.chooseFolder({ title: 'Sync folder' });
        if (folder === null) return { chosen: false, status: await syncFolder.status() };
        return { chosen: true, status: await syncFolder.choose(folder, installationId) };
      }),
    'cwg:sync-folder:forget': () => guarded(() => syncFolder.choose(null, null)),
    'cwg:sync-folder:pause': ({ paused }) => guarded(() => syncFolder.setPaused(paused)),
    'cwg:sync-folder:scan': () => guarded(() => syncFolder.scan()),
    'cwg:sync-folder:read': ({ name }) =>
      guarded(async () => {
        const file = await syncFolder.read(name);
        return { name: file.name, size: file.size, bytes: file.bytes };
      }),
    'cwg:sync-folder:write': ({ fileName, bytes }) => guarded(() => syncFolder.write(fileName, bytes)),
    'cwg:sync-folder:remove': ({ names }) => guarded(() => syncFolder.removeOwn(names)),
  };
}
