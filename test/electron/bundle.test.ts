import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The bundles as `npm run build:electron` makes them (same esbuild options), checked for what each may load at
 * run time. A sandboxed preload can require only 'electron' (and a few polyfilled built-ins); main may require
 * Electron, Node built-ins and the native SQLite module, which stays outside the bundle.
 */
async function runtimeRequires(entry: string): Promise<string[]> {
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
  const code = result.outputFiles[0]?.text ?? '';
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? ''))].sort();
}

describe('the Electron bundles', () => {
  it('leave the preload requiring nothing but electron, as a sandboxed preload must', async () => {
    expect(await runtimeRequires('electron/preload.ts')).toEqual(['electron']);
  });

  it('leave main requiring only electron, Node built-ins and the native SQLite module', async () => {
    const requires = await runtimeRequires('electron/main.ts');
    expect(requires).toContain('electron');
    for (const name of requires) {
      expect(
        name === 'electron' || name === 'better-sqlite3-multiple-ciphers' || name.startsWith('node:'),
        name,
      ).toBe(true);
    }
  });
});
