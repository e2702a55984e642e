import type { PassphraseCheck } from '../shared/project';

/** What the strength meter says for each zxcvbn score, in plain words. */
export const strengthLabels: Record<PassphraseCheck['score'], string> = {
  0: 'Very weak',
  1: 'Weak',
  2: 'Fair',
  3: 'Strong',
  4: 'Very strong',
};

export function strengthLabel(check: PassphraseCheck | undefined): string {
  if (!check) return 'Not checked yet';
  return strengthLabels[check.score];
}

export interface NewPassphraseForm {
  passphrase: string;
  confirmation: string;
  /** The engine's verdict on exactly `passphrase`, or undefined while it is being checked. */
  check: PassphraseCheck | undefined;
  checkedPassphrase: string | undefined;
}

/**
 * Why a new passphrase cannot be used yet, or null when it can: the engine finds it acceptable and the
 * confirmation matches. The engine checks again on create; this only keeps the button honest.
 */
export function newPassphraseProblem(form: NewPassphraseForm): string | null {
  if (form.passphrase.length === 0) return 'Choose a passphrase.';
  if (!form.check || form.checkedPassphrase !== form.passphrase) return 'Checking the passphrase…';
  if (!form.check.acceptable) return 'Choose a stronger passphrase.';
  if (form.confirmation.length === 0) return 'Type the passphrase again to confirm it.';
  if (form.confirmation !== form.passphrase) return 'The two passphrases are not the same.';
  return null;
}
