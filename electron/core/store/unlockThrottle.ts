import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfidantError } from '../../../shared/errors';

/**
 * Repeated wrong passphrases slow down: after FREE_ATTEMPTS failures on a file, each further attempt waits
 * twice as long as the one before, up to MAX_DELAY_MS. A right passphrase clears the count; errors other than
 * a wrong passphrase (a missing file, say) do not count.
 */
export const FREE_ATTEMPTS = 3;
export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 30_000;

export function unlockDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS));
}

/** Counts of wrong passphrases, by file. */
export interface FailureCounts {
  get(file: string): number;
  set(file: string, failures: number): void;
}

/** Counts held by one process: what a test or a throwaway engine needs. */
export class FailuresInMemory implements FailureCounts {
  private readonly counts = new Map<string, number>();
  get(file: string): number {
    return this.counts.get(file) ?? 0;
  }
  set(file: string, failures: number): void {
    if (failures === 0) this.counts.delete(file);
    else this.counts.set(file, failures);
  }
}

/**
 * The user's configuration folder, where every Confidant process of this user (the app and each run of the
 * CLI) finds the same files: %APPDATA% on Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or
 * ~/.config elsewhere.
 */
export function userConfigDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return process.env.XDG_CONFIG_HOME || path.join(home, '.config');
}

/** Where the app and the CLI keep the count of wrong passphrases, outside every project. */
export function sharedFailuresFile(): string {
  return path.join(userConfigDir(), 'confidant', 'unlock-failures.json');
}

/**
 * Counts kept in a file on this machine, so that every process honours them: starting the CLI again must not
 * reset the wait. It holds file paths and counts only, nothing secret. A file it cannot read counts as empty
 * (the throttle slows guessing; it must never lock anyone out of their own project).
 */
export class FailuresOnDisk implements FailureCounts {
  constructor(private readonly file: string) {}

  private read(): Record<string, number> {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
      return Object.fromEntries(
        Object.entries(parsed).filter(
          (entry): entry is [string, number] => Number.isInteger(entry[1]) && entry[1] > 0,
        ),
      );
    } catch {
      return {};
    }
  }

  get(file: string): number {
    return this.read()[file] ?? 0;
  }

  set(file: string, failures: number): void {
    const counts = this.read();
    if (failures === 0 && !(file in counts)) return;
    if (failures === 0) delete counts[file];
    else counts[file] = failures;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(counts, null, 2));
    renameSync(temporary, this.file);
  }
}

export class UnlockThrottle {
  constructor(
    private readonly failures: FailureCounts = new FailuresInMemory(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** How long the next attempt on `key` will wait before it is tried. */
  waitMs(key: string): number {
    return unlockDelayMs(this.failures.get(key));
  }

  /** Runs one unlock attempt on `key` (the file), waiting first as the failures so far require. */
  async attempt<T>(key: string, unlock: () => T): Promise<T> {
    const delay = this.waitMs(key);
    if (delay > 0) await this.sleep(delay);
    try {
      const result = unlock();
      this.failures.set(key, 0);
      return result;
    } catch (error) {
      if (error instanceof ConfidantError && error.code === 'WRONG_PASSPHRASE') {
        this.failures.set(key, this.failures.get(key) + 1);
      }
      throw error;
    }
  }
}
