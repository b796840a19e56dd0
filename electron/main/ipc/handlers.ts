/** The handler map: what main does for each IPC channel, built from injected ports. */
import type { Ports } from '../services/ports';
import type { HandlerMap } from './dispatch';

export function createHandlers(ports: Ports): HandlerMap {
  return {
    'cwg:app:info': () => Promise.resolve(ports.appInfo),
    'cwg:shell:open-external': async ({ url }) => {
      await ports.shell.openExternal(url);
      return { opened: true } as const;
    },
  };
}
