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

export class UnlockThrottle {
  private readonly failures = new Map<string, number>();
  constructor(
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Runs one unlock attempt on `key` (the file), waiting first as the failures so far require. */
  async attempt<T>(key: string, unlock: () => T): Promise<T> {
    const delay = unlockDelayMs(this.failures.get(key) ?? 0);
    if (delay > 0) await this.sleep(delay);
    try {
      const result = unlock();
      this.failures.delete(key);
      return result;
    } catch (error) {
      if (error instanceof ConfidantError && error.code === 'WRONG_PASSPHRASE') {
        this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
      }
      throw error;
    }
  }
}
