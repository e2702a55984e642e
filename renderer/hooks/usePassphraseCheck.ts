import { useEffect, useState } from 'react';
import type { PassphraseCheck } from '../../shared/project';
import { call } from '../api';

export interface PassphraseCheckState {
  check: PassphraseCheck | undefined;
  /** The passphrase `check` is about; the meter ignores a verdict on text the evaluator has since changed. */
  checkedPassphrase: string | undefined;
}

/**
 * Asks the engine how strong a new passphrase is, a moment after the evaluator stops typing. The passphrase is
 * never cached: only the verdict on the current text is kept.
 */
export function usePassphraseCheck(passphrase: string, delayMs = 200): PassphraseCheckState {
  const [state, setState] = useState<PassphraseCheckState>({
    check: undefined,
    checkedPassphrase: undefined,
  });

  useEffect(() => {
    if (passphrase.length === 0) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      call('project.checkPassphrase', { passphrase }).then(
        (check) => {
          if (current) setState({ check, checkedPassphrase: passphrase });
        },
        () => {
          if (current) setState({ check: undefined, checkedPassphrase: undefined });
        },
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [passphrase, delayMs]);

  return passphrase.length === 0 ? { check: undefined, checkedPassphrase: undefined } : state;
}
