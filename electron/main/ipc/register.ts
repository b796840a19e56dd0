/**
 * The only place that touches ipcMain.handle: every channel of the contract is routed
 * through the validating dispatcher, with the sender frame checked.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels } from '../../../shared/ipc/contract';
import type { Dispatch, IpcSender } from './dispatch';

export function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  return {
    url: frame?.url,
    isTopFrame: frame !== null && frame === event.sender.mainFrame,
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  for (const channel of channels) {
    // eslint-disable-next-line no-restricted-syntax -- the one allowed registration point
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(channel, payload, senderOf(event)));
  }
}
