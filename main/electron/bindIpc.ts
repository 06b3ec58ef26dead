import { commandNames, ipcChannel } from '../../shared/commandNames';
import { fail, type Result } from '../../shared/result';
import { dispatch } from '../core/commands/dispatch';
import type { CoreContext } from '../core/coreContext';
import { isAppUrl } from './appProtocol';
import type { IpcMain, IpcMainInvokeEvent } from './electronModule';

/**
 * One handler per command of the contract, each answering only frames on our own origin: a
 * frame that somehow loaded other content (or has since navigated away) gets `unauthorized` and
 * the core is never reached. Input is validated by `dispatch`, never trusted here.
 */
export function bindIpc(ipcMain: IpcMain, ctx: CoreContext): void {
  for (const name of commandNames) {
    ipcMain.handle(ipcChannel(name), (event: IpcMainInvokeEvent, input: unknown): Result<unknown> | Promise<Result<unknown>> => {
      const frameUrl = event.senderFrame?.url;
      if (frameUrl === undefined || !isAppUrl(frameUrl)) {
        return fail('unauthorized', `Refused ${name}: the request did not come from Plenary's own page.`);
      }
      return dispatch(ctx, 'electron', name, input);
    });
  }
}
