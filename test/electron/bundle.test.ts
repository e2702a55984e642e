import { isBuiltin } from 'node:module';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The bundles as `npm run build:electron` makes them (same esbuild options), checked for what each may load at
 * run time. A sandboxed preload can require only 'electron' (and a few polyfilled built-ins); main may require
 * Electron, Node built-ins and the native SQLite module, which stays outside the bundle.
 */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3-multiple-ciphers'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

async function runtimeRequires(entry: string): Promise<string[]> {
  const code = await bundle(entry);
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? ''))].sort();
}

describe('the Electron bundles', () => {
  it('leave the preload requiring nothing but electron, as a sandboxed preload must', async () => {
    expect(await runtimeRequires('electron/preload.ts')).toEqual(['electron']);
  });

  it('keep the preload to the bridge alone: no validation library or engine code is bundled into it', async () => {
    expect((await bundle('electron/preload.ts')).length).toBeLessThan(10_000);
  });

  it('leave main requiring only electron, Node built-ins and the native SQLite module', async () => {
    const requires = await runtimeRequires('electron/main.ts');
    expect(requires).toContain('electron');
    for (const name of requires) {
      expect(name === 'electron' || name === 'better-sqlite3-multiple-ciphers' || isBuiltin(name), name).toBe(
        true,
      );
    }
  });

  it('run the preload in a context shaped like a sandboxed preload: no Node, no Buffer, only electron', async () => {
    const code = await bundle('electron/preload.ts');
    const exposed = new Map<string, Record<string, unknown>>();
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
      },
      ipcRenderer: { invoke: async () => ({ ok: true }), on: () => {}, removeListener: () => {} },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      module,
      exports: module.exports,
      console,
      process: { env: {}, platform: process.platform, type: 'renderer', sandboxed: true },
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
        return electron;
      },
    });
    expect([...exposed.keys()]).toEqual(['confidant']);
    expect(Object.keys(exposed.get('confidant') ?? {}).sort()).toEqual(['call', 'onLocked', 'onProgress']);
  });
});
