import type { PassphraseCheck } from '../../shared/project';
import { newPassphraseProblem } from '../passphrase';
import { usePassphraseCheck } from './usePassphraseCheck';

export interface NewPassphraseState {
  /** The engine's verdict on the passphrase as typed now (undefined while it is being checked). */
  check: PassphraseCheck | undefined;
  /** Why the pair cannot be used yet, or null when it can. */
  problem: string | null;
}

/** A new passphrase and its confirmation: the engine's verdict and whether the pair may be used. */
export function useNewPassphrase(passphrase: string, confirmation: string): NewPassphraseState {
  const { check, checkedPassphrase } = usePassphraseCheck(passphrase);
  return {
    check: checkedPassphrase === passphrase ? check : undefined,
    problem: newPassphraseProblem({ passphrase, confirmation, check, checkedPassphrase }),
  };
}
