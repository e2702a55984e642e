import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL, LOCKED_CHANNEL, PROGRESS_CHANNEL } from '../../shared/channels';
import type { ConfidantBridge } from '../../shared/api';
import type { ProgressEvent } from '../../shared/progress';

/**
 * The preload is imported for real, with 'electron' replaced by a fake contextBridge and ipcRenderer: the test
 * sees exactly what the page would see as window.confidant.
 */
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  return { exposed, ipcRenderer: undefined as unknown };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeIpcRenderer extends Emitter {
    invoked: unknown[][] = [];
    async invoke(...args: unknown[]) {
      this.invoked.push(args);
      return { ok: true, value: { echoed: args } };
    }
  }
  const ipcRenderer = new FakeIpcRenderer();
  electron.ipcRenderer = ipcRenderer;
  return {
    ipcRenderer,
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
    },
  };
});

type FakeIpc = EventEmitter & { invoked: unknown[][] };
let bridge: ConfidantBridge;
let ipc: FakeIpc;

beforeAll(async () => {
  await import('../../electron/preload');
  bridge = electron.exposed.get('confidant') as ConfidantBridge;
  ipc = electron.ipcRenderer as FakeIpc;
});

describe('the preload bridge', () => {
  it('exposes exactly one object, window.confidant, with call, onProgress and onLocked', () => {
    expect([...electron.exposed.keys()]).toEqual(['confidant']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onLocked', 'onProgress']);
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipc);
    }
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends every call over the one call channel and hands back the outcome', async () => {
    const outcome = await bridge.call('project.choosePath', { purpose: 'open' });
    expect(ipc.invoked.at(-1)).toEqual([CALL_CHANNEL, 'project.choosePath', { purpose: 'open' }]);
    expect(outcome).toEqual({
      ok: true,
      value: { echoed: [CALL_CHANNEL, 'project.choosePath', { purpose: 'open' }] },
    });
  });

  it('delivers progress events without the IPC event, and stops when unsubscribed', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.onProgress((...args: unknown[]) => received.push(args));
    const progress: ProgressEvent = {
      jobId: 'job-1',
      phase: 'Re-encrypting the project',
      done: 3,
      total: 10,
    };
    const ipcEvent = { sender: ipc, senderId: 0 };
    ipc.emit(PROGRESS_CHANNEL, ipcEvent, progress);
    expect(received).toEqual([[progress]]);
    ipc.emit(LOCKED_CHANNEL, ipcEvent);
    expect(received).toHaveLength(1);
    unsubscribe();
    ipc.emit(PROGRESS_CHANNEL, ipcEvent, progress);
    expect(received).toHaveLength(1);
    expect(ipc.listenerCount(PROGRESS_CHANNEL)).toBe(0);
  });

  it('calls lock listeners with no arguments at all, and stops when unsubscribed', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.onLocked((...args: unknown[]) => received.push(args));
    ipc.emit(LOCKED_CHANNEL, { sender: ipc });
    expect(received).toEqual([[]]);
    unsubscribe();
    ipc.emit(LOCKED_CHANNEL, { sender: ipc });
    expect(received).toHaveLength(1);
    expect(ipc.listenerCount(LOCKED_CHANNEL)).toBe(0);
  });
});
