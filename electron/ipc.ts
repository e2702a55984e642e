import type { IpcMain } from 'electron';
import { CALL_CHANNEL } from '../shared/channels';
import type { CallOutcome } from '../shared/api';
import { isAppUrl } from './security';

/**
 * The one invoke channel into the engine. Three gates, in order: the sender must be the main frame of a window
 * we created, showing app://confidant (checked here); the handler name must be in the contract and the
 * arguments must pass its schema (checked by engine.call, which never throws).
 */

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
  readonly processId: number;
  readonly routingId: number;
  readonly detached?: boolean;
}

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface CallEvent {
  readonly senderFrame: SenderFrame | null;
  readonly sender: { readonly id: number; readonly mainFrame: SenderFrame };
}

/**
 * True only when the call comes from the top frame of one of our windows and that frame shows our app:
 * not a subframe, not a frame that has navigated away or been destroyed, not a window we did not create,
 * not file://, https:// or any origin other than app://confidant.
 */
export function isTrustedSender(event: CallEvent, isOurWebContents: (id: number) => boolean): boolean {
  try {
    const frame = event.senderFrame;
    if (frame === null || frame.detached === true || frame.parent !== null) return false;
    if (!isOurWebContents(event.sender.id)) return false;
    const top = event.sender.mainFrame;
    if (frame.processId !== top.processId || frame.routingId !== top.routingId) return false;
    return isAppUrl(frame.url);
  } catch {
    // A destroyed WebContents throws when its frames are read: it is not a sender we trust.
    return false;
  }
}

export const FORBIDDEN_SENDER_OUTCOME: CallOutcome<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: 'This window is not allowed to talk to Confidant.' },
};

export interface CallDependencies {
  /** engine.call: checks the name and the arguments, runs the handler, never throws. */
  call: (name: unknown, args: unknown) => Promise<CallOutcome<unknown>>;
  isOurWebContents: (id: number) => boolean;
}

export async function handleCall(
  event: CallEvent,
  name: unknown,
  args: unknown,
  deps: CallDependencies,
): Promise<CallOutcome<unknown>> {
  if (!isTrustedSender(event, deps.isOurWebContents)) return FORBIDDEN_SENDER_OUTCOME;
  return deps.call(name, args);
}

/** Registers the call channel; returns a function that removes it. */
export function registerCallHandler(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  deps: CallDependencies,
): () => void {
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, args: unknown) => handleCall(event, name, args, deps));
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}
