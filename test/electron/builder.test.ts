import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * electron-builder.yml, loaded and validated by electron-builder's own loader and schema (an unknown or
 * misplaced key fails here, not on a release machine), then checked for the settings the app's security needs.
 */
const projectDir = path.resolve(__dirname, '..', '..');
type Config = Awaited<ReturnType<typeof getConfig>>;
let config: Config;

beforeAll(async () => {
  config = await getConfig(projectDir, path.join(projectDir, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
});

describe('electron-builder.yml', () => {
  it('names the app and keeps the packages off the network', () => {
    expect(config.appId).toBe('org.confidant.desktop');
    expect(config.productName).toBe('Confidant');
    expect(config.publish).toBeNull();
  });

  it('flips the fuses that keep code out of the signed binary', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the built app into asar and unpacks the native SQLite module', () => {
    // The loader normalises `files` to [{ filter: [...] }].
    const files = ([config.files].flat() as (string | { filter?: string | string[] })[]).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : [entry.filter ?? []].flat(),
    );
    const main = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')).main as string;
    expect(main).toBe('dist-electron/main.cjs');
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist-electron/**', 'dist/renderer/**']));
    expect(files).toContain('!dist-electron/node_modules{,/**}');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3-multiple-ciphers/**/*.node']);
    expect(config.npmRebuild).toBe(true);
  });

  it('builds an AppImage and a deb for Linux, an NSIS installer for Windows and a dmg for macOS', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.mac?.hardenedRuntime).toBe(true);
  });
});
