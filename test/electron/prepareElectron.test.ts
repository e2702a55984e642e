import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  NATIVE_MODULE,
  electronModuleDir,
  prepareNativeModule,
  type RebuildOptions,
} from '../../scripts/prepare-electron';

/**
 * The Electron copy of the SQLite module, prepared in a scratch project whose node_modules is the real one.
 * The rebuild itself needs Electron's headers or prebuilds from the network, so a stand-in "rebuilds" by copying
 * the Node build; everything around it is real, down to a bundle-shaped script in dist-electron loading the copy.
 */
const realNodeModules = path.resolve(__dirname, '..', '..', 'node_modules');
let project: string;
let rebuilds: RebuildOptions[];

const standInRebuild = async (options: RebuildOptions) => {
  rebuilds.push(options);
  const from = path.join(realNodeModules, NATIVE_MODULE, 'build', 'Release', 'better_sqlite3.node');
  const to = path.join(
    options.buildPath,
    'node_modules',
    NATIVE_MODULE,
    'build',
    'Release',
    'better_sqlite3.node',
  );
  mkdirSync(path.dirname(to), { recursive: true });
  cpSync(from, to);
};

const prepare = (electronVersion = '45.4.1') =>
  prepareNativeModule({
    projectRoot: project,
    electronVersion,
    platform: 'linux',
    arch: 'x64',
    rebuild: standInRebuild,
  });

beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), 'confidant-prepare-'));
  symlinkSync(realNodeModules, path.join(project, 'node_modules'), 'dir');
  rebuilds = [];
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('prepareNativeModule', () => {
  it('rebuilds a staged copy for Electron and leaves only what runs in dist-electron/node_modules', async () => {
    const nodeBinary = path.join(realNodeModules, NATIVE_MODULE, 'build', 'Release', 'better_sqlite3.node');
    const digest = () => createHash('sha256').update(readFileSync(nodeBinary)).digest('hex');
    const nodeBuild = digest();
    expect(await prepare()).toBe('rebuilt');
    expect(rebuilds).toHaveLength(1);
    expect(rebuilds[0]).toMatchObject({
      electronVersion: '45.4.1',
      onlyModules: [NATIVE_MODULE],
      force: true,
      buildPath: path.join(project, 'dist-electron', '.native-build'),
      projectRootPath: path.join(project, 'dist-electron', '.native-build'),
    });
    const target = electronModuleDir(project);
    expect(existsSync(path.join(target, 'lib', 'database.js'))).toBe(true);
    expect(existsSync(path.join(target, 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    expect(existsSync(path.join(target, 'deps'))).toBe(false);
    expect(existsSync(path.join(project, 'dist-electron', '.native-build'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(target, '.electron-build.json'), 'utf8'))).toMatchObject({
      electron: '45.4.1',
      platform: 'linux',
      arch: 'x64',
    });
    // node_modules' own (Node) build is untouched.
    expect(digest()).toBe(nodeBuild);
  });

  it('skips the rebuild while the stamp matches, and rebuilds for another Electron', async () => {
    await prepare();
    expect(await prepare()).toBe('up to date');
    expect(rebuilds).toHaveLength(1);
    expect(await prepare('46.0.0')).toBe('rebuilt');
    expect(rebuilds).toHaveLength(2);
  });

  it('fails when the rebuild produces no binary', async () => {
    await expect(
      prepareNativeModule({
        projectRoot: project,
        electronVersion: '45.4.1',
        platform: 'linux',
        arch: 'x64',
        rebuild: async () => {},
      }),
    ).rejects.toThrow(/did not produce/);
    expect(existsSync(electronModuleDir(project))).toBe(false);
  });

  it('is the copy the bundles in dist-electron load, while Node elsewhere loads node_modules', async () => {
    await prepare();
    const probe = [
      "const Database = require('better-sqlite3-multiple-ciphers');",
      "const db = new Database(':memory:');",
      "console.log(JSON.stringify({ module: require.resolve('better-sqlite3-multiple-ciphers'),",
      "  bindings: require.resolve('bindings', { paths: [require('path').dirname(require.resolve('better-sqlite3-multiple-ciphers'))] }),",
      "  one: db.prepare('SELECT 1 AS one').get().one }));",
    ].join('\n');
    mkdirSync(path.join(project, 'dist-electron', 'core', 'jobs'), { recursive: true });
    for (const file of ['main.cjs', path.join('core', 'jobs', 'worker.cjs')]) {
      writeFileSync(path.join(project, 'dist-electron', file), probe);
      const seen = JSON.parse(
        execFileSync(process.execPath, [path.join(project, 'dist-electron', file)], { encoding: 'utf8' }),
      );
      expect(seen.module).toBe(path.join(electronModuleDir(project), 'lib', 'index.js'));
      expect(seen.bindings).toBe(
        path.join(realpathSync(path.join(project, 'node_modules')), 'bindings', 'bindings.js'),
      );
      expect(seen.one).toBe(1);
    }
    writeFileSync(path.join(project, 'outside.cjs'), probe);
    const outside = JSON.parse(
      execFileSync(process.execPath, [path.join(project, 'outside.cjs')], { encoding: 'utf8' }),
    );
    expect(outside.module).toBe(path.join(realpathSync(realNodeModules), NATIVE_MODULE, 'lib', 'index.js'));
  });
});
