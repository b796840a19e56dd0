/** The handler map: what main does for each IPC channel, built from injected ports. */
import { createFileService } from '../services/fileService';
import type { Ports } from '../services/ports';
import type { HandlerMap } from './dispatch';

export function createHandlers(ports: Ports): HandlerMap {
  const files = createFileService({
    dialogs: ports.dialogs,
    dataFolder: ports.appInfo.dataFolder,
    defaultFolder: ports.documentsFolder,
  });
  return {
    'cwg:app:info': () => Promise.resolve(ports.appInfo),
    'cwg:shell:open-external': async ({ url }) => {
      await ports.shell.openExternal(url);
      return { opened: true } as const;
    },
    'cwg:file:save': ({ purpose, suggestedName, content }) => files.save(purpose, suggestedName, content),
    'cwg:file:open': ({ purpose, maxBytes }) => files.open(purpose, maxBytes),
  };
}
