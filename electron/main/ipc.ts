import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { callNames, type ApiResult } from '../../shared/api/contract';
import type { Dispatch } from '../../shared/api/dispatch';
import { isAppUrl } from './security';

/** Only our own top-level page may call: not an iframe, not a page that somehow navigated away. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** One ipcMain.handle per contract call; every payload goes through the contract's schema. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch): void {
  for (const name of callNames) {
    ipcMain.handle(name, async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: {
            code: 'refused_sender',
            message: `${name}: refused, the request did not come from the app's own page.`,
          },
        };
      }
      return dispatch(name, input);
    });
  }
}
