import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfidantError } from '../../shared/errors';
import { FailuresOnDisk, UnlockThrottle } from '../../electron/core/store/unlockThrottle';

// The wait after wrong passphrases holds across processes: each run of the CLI is a new process.
const CLI = path.resolve('dist-electron/cli.cjs');
const PASS = 'correct horse battery staple';
const WRONG = 'not the passphrase at all';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-throttle-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function confidant(args: string[], passphrase: string) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, CONFIDANT_PASSPHRASE: passphrase },
  });
  return { code: result.status, stderr: result.stderr, ms: Date.now() - started };
}

describe('wrong passphrases across processes', () => {
  it('each new CLI process waits as the failures of the ones before require, and the record holds no secret', () => {
    expect(confidant(['init', 'p.confidant'], PASS).code).toBe(0);
    expect(confidant(['init', 'q.confidant'], PASS).code).toBe(0);
    const record = path.join(dir, '.config', 'confidant', 'unlock-failures.json');
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(confidant(['info', 'p.confidant'], WRONG).stderr).toContain('wrong passphrase');
    }
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual({ [path.join(dir, 'p.confidant')]: 3 });
    expect(readFileSync(record, 'utf8')).not.toContain(WRONG);
    // The fourth and fifth wait 1 s and 2 s; the sixth, a fresh process like the others, waits 4 s.
    expect(confidant(['info', 'p.confidant'], WRONG).stderr).toContain('Waiting 1 s');
    expect(confidant(['info', 'p.confidant'], WRONG).stderr).toContain('Waiting 2 s');
    const unslowed = confidant(['info', 'q.confidant'], WRONG);
    const sixth = confidant(['info', 'p.confidant'], WRONG);
    expect(sixth.code).toBe(1);
    expect(sixth.stderr).toContain(
      `Waiting 4 s before trying: earlier wrong passphrases for ${path.join(dir, 'p.confidant')}`,
    );
    expect(unslowed.stderr).not.toContain('Waiting');
    expect(sixth.ms).toBeGreaterThanOrEqual(4000);
    expect(JSON.parse(readFileSync(record, 'utf8'))).toMatchObject({ [path.join(dir, 'p.confidant')]: 6 });
  }, 120_000);

  it('two throttles sharing the record slow each other, and a right passphrase clears it for both', async () => {
    const record = path.join(dir, 'config', 'unlock-failures.json');
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const app = new UnlockThrottle(new FailuresOnDisk(record), sleep);
    const cli = new UnlockThrottle(new FailuresOnDisk(record), sleep);
    const wrong = () => {
      throw new ConfidantError('WRONG_PASSPHRASE', 'wrong passphrase or not a Confidant project');
    };
    for (const throttle of [app, cli, app]) await expect(throttle.attempt('/p', wrong)).rejects.toThrow();
    await expect(cli.attempt('/p', wrong)).rejects.toThrow();
    expect(waits).toEqual([1000]);
    await app.attempt('/p', () => 'right');
    await cli.attempt('/p', () => 'right');
    expect(waits).toEqual([1000, 2000]);
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual({});
    expect(existsSync(record)).toBe(true);
  });
});
