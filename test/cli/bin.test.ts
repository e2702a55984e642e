import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * `confidant` as people script it: run as package.json's bin (npx, npm link, a global install), its JSON output
 * read through pipes and files, its exit code read after the pipe.
 */
const REPOSITORY = path.resolve('.');
const CLI = path.resolve('dist-electron/cli.cjs');
const PASS = 'correct horse battery staple';
const bin = JSON.parse(readFileSync('package.json', 'utf8')).bin.confidant as string;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-bin-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const environment = () => ({
  PATH: process.env.PATH ?? '',
  HOME: dir,
  CONFIDANT_SETTINGS_DIR: path.join(dir, 'settings'),
  CONFIDANT_PASSPHRASE: PASS,
});

/** Runs a shell line in bash: `status` is the exit code of the line's first command, even inside a pipe. */
function shell(line: string) {
  const result = spawnSync('bash', ['-c', `${line}; exit \${PIPESTATUS[0]}`], {
    cwd: dir,
    env: environment(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the confidant bin', () => {
  it('is the built CLI, starts with a #!/usr/bin/env node line and is executable', () => {
    expect(path.resolve(bin)).toBe(CLI);
    expect(readFileSync(CLI, 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env node');
    expect(statSync(CLI).mode & 0o111).toBe(0o111);
  });

  it('runs as an executable linked onto PATH, as npm link and a global install link it', () => {
    mkdirSync(path.join(dir, 'bin'));
    symlinkSync(CLI, path.join(dir, 'bin', 'confidant'));
    const help = spawnSync('confidant', ['--help'], {
      env: { ...environment(), PATH: `${path.join(dir, 'bin')}:${process.env.PATH ?? ''}` },
      cwd: dir,
      encoding: 'utf8',
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: confidant <command>');
    expect(help.stderr).toBe('');
    const created = shell(`PATH="${path.join(dir, 'bin')}:$PATH" confidant init p.confidant`);
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ state: 'open', name: 'p' });
  });

  it('runs through npx and npm exec in the checkout', () => {
    for (const command of [
      ['npx', 'confidant', '--help'],
      ['npm', 'exec', 'confidant', '--', '--help'],
    ]) {
      const run = spawnSync(command[0]!, command.slice(1), {
        cwd: REPOSITORY,
        env: { ...process.env, npm_config_offline: 'true' },
        encoding: 'utf8',
      });
      expect(run.status, command.join(' ')).toBe(0);
      expect(run.stdout).toContain('Usage: confidant <command>');
    }
  });

  it('prints its usage on stderr and exits 2 for an unknown command', () => {
    const unknown = shell(`"${CLI}" frobnicate`);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('Unknown command: frobnicate');
  });
});

describe('confidant output through pipes and files', () => {
  const bigText = () => {
    const addresses = Array.from({ length: 20_000 }, (_, index) => `mentor${index}@example.org`);
    writeFileSync(path.join(dir, 'big.txt'), `Write to ${addresses.join(', ')}.\n`);
    return addresses.length;
  };

  it('pii-scan writes more than 1 MB whole to a slow reader through a pipe, and into a file, exit code 0', () => {
    const findings = bigText();
    const piped = shell(`"${CLI}" pii-scan big.txt | (sleep 1; cat)`);
    expect(piped.status).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(1_000_000);
    expect(JSON.parse(piped.stdout)).toHaveLength(findings);

    const filed = shell(`"${CLI}" pii-scan big.txt > out.json`);
    expect(filed.status).toBe(0);
    expect(readFileSync(path.join(dir, 'out.json'), 'utf8')).toBe(piped.stdout);
  });

  it('a failed import writes its whole summary through a pipe and still exits 1', () => {
    const rows = Array.from({ length: 3000 }, (_, index) => `E${index},not an address ${index}`);
    writeFileSync(path.join(dir, 'roster.csv'), `Employee ID,Email\n${rows.join('\n')}\n`);
    expect(shell(`"${CLI}" init p.confidant`).status).toBe(0);
    const piped = shell(`"${CLI}" import p.confidant roster.csv --as roster | (sleep 1; cat)`);
    expect(piped.status).toBe(1);
    expect(piped.stdout.length).toBeGreaterThan(128 * 1024);
    const summary = JSON.parse(piped.stdout);
    expect(summary).toMatchObject({ committed: false, problemCount: 3000 });
    expect(summary.problems).toHaveLength(1000);
  });

  it('a reader that stops early (head) ends the output quietly', () => {
    bigText();
    const cut = shell(`"${CLI}" pii-scan big.txt | head -c 100`);
    expect(cut.stdout).toHaveLength(100);
    expect(cut.stderr).toBe('');
  });
});
