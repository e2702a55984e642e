import { describe, expect, it } from 'vitest';
import type { PassphraseCheck } from '../../shared/project';
import { newPassphraseProblem, strengthLabel } from '../../renderer/passphrase';

const strong: PassphraseCheck = { score: 4, acceptable: true, feedback: [] };
const weak: PassphraseCheck = { score: 1, acceptable: false, feedback: ['Add another word or two.'] };
const P = 'lantern orbit quietly marmalade 42';

describe('newPassphraseProblem', () => {
  it('asks for a passphrase first', () => {
    expect(
      newPassphraseProblem({
        passphrase: '',
        confirmation: '',
        check: undefined,
        checkedPassphrase: undefined,
      }),
    ).toBe('Choose a passphrase.');
  });

  it('waits for the engine’s verdict on exactly the text typed', () => {
    expect(
      newPassphraseProblem({
        passphrase: P,
        confirmation: P,
        check: undefined,
        checkedPassphrase: undefined,
      }),
    ).toBe('Checking the passphrase…');
    // A verdict on what was typed before does not count for what is typed now.
    expect(
      newPassphraseProblem({ passphrase: P, confirmation: P, check: strong, checkedPassphrase: 'lantern' }),
    ).toBe('Checking the passphrase…');
  });

  it('refuses what the engine finds too weak, even when confirmed', () => {
    expect(
      newPassphraseProblem({
        passphrase: 'mentor1',
        confirmation: 'mentor1',
        check: weak,
        checkedPassphrase: 'mentor1',
      }),
    ).toBe('Choose a stronger passphrase.');
  });

  it('wants the confirmation, and the same text in it', () => {
    expect(
      newPassphraseProblem({ passphrase: P, confirmation: '', check: strong, checkedPassphrase: P }),
    ).toBe('Type the passphrase again to confirm it.');
    expect(
      newPassphraseProblem({ passphrase: P, confirmation: `${P} `, check: strong, checkedPassphrase: P }),
    ).toBe('The two passphrases are not the same.');
  });

  it('is satisfied by an acceptable passphrase typed twice', () => {
    expect(
      newPassphraseProblem({ passphrase: P, confirmation: P, check: strong, checkedPassphrase: P }),
    ).toBeNull();
  });
});

describe('strengthLabel', () => {
  it('names every score and the state before any check', () => {
    expect(strengthLabel(undefined)).toBe('Not checked yet');
    expect(
      [0, 1, 2, 3, 4].map((score) =>
        strengthLabel({ score, acceptable: false, feedback: [] } as PassphraseCheck),
      ),
    ).toEqual(['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong']);
  });
});
