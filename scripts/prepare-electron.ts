/**
 * `npm start` runs Confidant in a real Electron on a developer's machine. This prepares the two things the shared
 * install deliberately leaves out (it runs as `prestart`; each step returns at once when already done).
 *
 * 1. Electron's binary. The electron package downloads it in its postinstall script, which `allowScripts` in
 *    package.json denies, because most machines that install this project (CI, the test machines) may not
 *    fetch it. node_modules/electron/install.js is that same script, run here on demand.
 *
 * 2. The SQLite module built for Electron. node_modules holds better-sqlite3-multiple-ciphers built for Node's
 *    ABI: the tests, the CLI and the e2e harness load it. Electron's Node has another ABI (NODE_MODULE_VERSION),
 *    and one .node binary cannot serve both, so rebuilding node_modules in place would break `npm test` until
 *    the next rebuild. Instead a copy of the module is rebuilt for Electron with @electron/rebuild (the module's
 *    Electron prebuild when one is published, else compiled against Electron's headers) and put in
 *    dist-electron/node_modules. Node resolves a require by walking up from the requiring file, so
 *    dist-electron/main.cjs and dist-electron/core/jobs/worker.cjs find this copy first, while everything Node
 *    runs finds node_modules' own; the copy's `require('bindings')` walks on up to the project's node_modules.
 *    A stamp beside it records the Electron version, the module version, the platform and the arch.
 *
 * Packages (`npm run dist`) do not use the copy: electron-builder.yml excludes it, and electron-builder rebuilds
 * the module for each target it packages.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const NATIVE_MODULE = 'better-sqlite3-multiple-ciphers';
const BINARY = path.join('build', 'Release', 'better_sqlite3.node');
const STAMP = '.electron-build.json';

export interface RebuildOptions {
  buildPath: string;
  projectRootPath: string;
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
  onlyModules: string[];
  force: boolean;
}

export interface NativeBuild {
  projectRoot: string;
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
  /** @electron/rebuild's rebuild(), or a stand-in in the tests. */
  rebuild: (options: RebuildOptions) => Promise<void>;
  log?: (line: string) => void;
}

interface Stamp {
  electron: string;
  module: string;
  platform: string;
  arch: string;
}

export function electronModuleDir(projectRoot: string): string {
  return path.join(projectRoot, 'dist-electron', 'node_modules', NATIVE_MODULE);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function sameStamp(a: Stamp | undefined, b: Stamp): boolean {
  return (
    a !== undefined &&
    a.electron === b.electron &&
    a.module === b.module &&
    a.platform === b.platform &&
    a.arch === b.arch
  );
}

/** Builds (or finds up to date) the Electron copy of the SQLite module; returns what it did. */
export async function prepareNativeModule(build: NativeBuild): Promise<'up to date' | 'rebuilt'> {
  const log = build.log ?? (() => {});
  const source = realpathSync(path.join(build.projectRoot, 'node_modules', NATIVE_MODULE));
  const moduleVersion = (readJson<{ version: string }>(path.join(source, 'package.json')) ?? { version: '' })
    .version;
  const stamp: Stamp = {
    electron: build.electronVersion,
    module: moduleVersion,
    platform: build.platform,
    arch: build.arch,
  };
  const target = electronModuleDir(build.projectRoot);
  if (sameStamp(readJson<Stamp>(path.join(target, STAMP)), stamp) && existsSync(path.join(target, BINARY))) {
    return 'up to date';
  }

  // The rebuild works on a staging copy with its own package.json, so it can touch nothing else.
  const staging = path.join(build.projectRoot, 'dist-electron', '.native-build');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(
    path.join(staging, 'package.json'),
    JSON.stringify({
      name: 'confidant-electron-native',
      private: true,
      dependencies: { [NATIVE_MODULE]: moduleVersion },
    }),
  );
  const staged = path.join(staging, 'node_modules', NATIVE_MODULE);
  cpSync(source, staged, {
    recursive: true,
    filter: (file) => {
      const relative = path.relative(source, file).split(path.sep);
      return relative[0] !== 'build' && relative[0] !== 'node_modules' && relative[0] !== 'prebuilds';
    },
  });
  log(
    `Building ${NATIVE_MODULE} ${moduleVersion} for Electron ${build.electronVersion} (${build.platform}-${build.arch})`,
  );
  await build.rebuild({
    buildPath: staging,
    projectRootPath: staging,
    electronVersion: build.electronVersion,
    platform: build.platform,
    arch: build.arch,
    onlyModules: [NATIVE_MODULE],
    force: true,
  });
  if (!existsSync(path.join(staged, BINARY))) {
    throw new Error(`The Electron build of ${NATIVE_MODULE} did not produce ${BINARY}.`);
  }

  // Only what runs: the JavaScript, the package.json and the binary.
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(staged, 'lib'), path.join(target, 'lib'), { recursive: true });
  cpSync(path.join(staged, 'package.json'), path.join(target, 'package.json'));
  mkdirSync(path.dirname(path.join(target, BINARY)), { recursive: true });
  cpSync(path.join(staged, BINARY), path.join(target, BINARY));
  writeFileSync(path.join(target, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
  rmSync(staging, { recursive: true, force: true });
  return 'rebuilt';
}

/** Runs electron's own install script: it downloads the binary, or returns at once when it is there. */
export function installElectronBinary(projectRoot: string): void {
  const result = spawnSync(
    process.execPath,
    [path.join(projectRoot, 'node_modules', 'electron', 'install.js')],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('Could not download the Electron binary (see the message above).');
}

async function main(): Promise<void> {
  const projectRoot = path.resolve(import.meta.dirname, '..');
  installElectronBinary(projectRoot);
  const electronVersion = (
    readJson<{ version: string }>(path.join(projectRoot, 'node_modules', 'electron', 'package.json')) ?? {
      version: '',
    }
  ).version;
  const { rebuild } = await import('@electron/rebuild');
  const outcome = await prepareNativeModule({
    projectRoot,
    electronVersion,
    platform: process.platform,
    arch: process.arch,
    rebuild: (options) => rebuild(options),
    log: (line) => console.log(line),
  });
  console.log(`${NATIVE_MODULE} for Electron ${electronVersion}: ${outcome}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
