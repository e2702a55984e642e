import { contextBridge, ipcRenderer, type IpcRenderer } from 'electron';
import { CALL_CHANNEL, LOCKED_CHANNEL, PROGRESS_CHANNEL } from '../shared/channels';
import type { ConfidantBridge } from '../shared/api';
import type { ProgressEvent } from '../shared/progress';

/**
 * The preload runs sandboxed (a CommonJS bundle that requires only 'electron'). It gives the page exactly one
 * object, window.confidant, shaped by ConfidantBridge. ipcRenderer itself never crosses the bridge, and the
 * listeners the page registers receive only the payload, never the IpcRendererEvent (whose `sender` would hand
 * the page ipcRenderer).
 */

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

function subscribe(ipc: BridgeIpc, channel: string, deliver: (payload: unknown) => void): () => void {
  const relay = (_event: unknown, payload: unknown) => deliver(payload);
  ipc.on(channel, relay);
  return () => {
    ipc.removeListener(channel, relay);
  };
}

export function createBridge(ipc: BridgeIpc): ConfidantBridge {
  return Object.freeze({
    call: (name, args) => ipc.invoke(CALL_CHANNEL, name, args),
    onProgress: (listener) =>
      subscribe(ipc, PROGRESS_CHANNEL, (payload) => listener(payload as ProgressEvent)),
    onLocked: (listener) => subscribe(ipc, LOCKED_CHANNEL, () => listener()),
  } satisfies ConfidantBridge);
}

contextBridge.exposeInMainWorld('confidant', createBridge(ipcRenderer));
