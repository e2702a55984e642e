import { describe, expect, it } from 'vitest';
import { ConfidantError } from '../../../shared/errors';
import { checkPassphrase, MIN_LENGTH } from '../../../electron/core/store/passphrasePolicy';
import { UnlockThrottle, unlockDelayMs } from '../../../electron/core/store/unlockThrottle';

describe('passphrase policy', () => {
  it('refuses short passphrases and says how long they must be', () => {
    const check = checkPassphrase('Tr0ub4dor&3');
    expect(check.acceptable).toBe(false);
    expect(check.feedback[0]).toContain(`at least ${MIN_LENGTH} characters`);
  });

  it('refuses long but guessable passphrases', () => {
    for (const guessable of ['passwordpassword', '123456789012', 'mentoringmentoring']) {
      const check = checkPassphrase(guessable);
      expect(check.acceptable, guessable).toBe(false);
      expect(check.score).toBeLessThan(3);
      expect(check.feedback.length).toBeGreaterThan(0);
    }
  });

  it('accepts several unrelated words', () => {
    const check = checkPassphrase('correct horse battery staple');
    expect(check).toMatchObject({ acceptable: true, feedback: [] });
    expect(check.score).toBeGreaterThanOrEqual(3);
  });
});

describe('unlock throttle', () => {
  it('lets the first attempts through, then doubles the wait up to a ceiling', () => {
    expect([0, 1, 2, 3, 4, 5, 10, 20].map(unlockDelayMs)).toEqual([0, 0, 0, 1000, 2000, 4000, 30000, 30000]);
  });

  it('slows only wrong passphrases on the same file, and a right one resets it', async () => {
    const waits: number[] = [];
    const throttle = new UnlockThrottle(undefined, async (ms) => void waits.push(ms));
    const wrong = () => {
      throw new ConfidantError('WRONG_PASSPHRASE', 'wrong passphrase or not a Confidant project');
    };
    for (let i = 0; i < 5; i++) await expect(throttle.attempt('a', wrong)).rejects.toThrow();
    expect(waits).toEqual([1000, 2000]);
    await expect(
      throttle.attempt('a', () => {
        throw new ConfidantError('PROJECT_NOT_FOUND', 'gone');
      }),
    ).rejects.toThrow();
    expect(waits).toEqual([1000, 2000, 4000]);
    await throttle.attempt('b', () => 'other file is not slowed');
    expect(waits).toHaveLength(3);
    await throttle.attempt('a', () => 'right');
    await throttle.attempt('a', () => 'right again');
    expect(waits).toEqual([1000, 2000, 4000, 4000]);
  });
});
