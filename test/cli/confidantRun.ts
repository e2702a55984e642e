import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

// The built CLI, exactly as `confidant` runs from package.json's bin (npm run build:electron makes it).
export const CLI = path.resolve('dist-electron/cli.cjs');
export const PASS = 'correct horse battery staple';

/** A temp folder for each test of the file, removed after it: `folder()` is the current test's. */
export function tempFolderPerTest(prefix: string): () => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), prefix));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** Runs `confidant ARGS` in `dir` with the project passphrase in the environment and nothing else of ours. */
export function runConfidant(dir: string, args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      CONFIDANT_SETTINGS_DIR: path.join(dir, 'settings'),
      CONFIDANT_PASSPHRASE: PASS,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
