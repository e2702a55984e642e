import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import type { PassphraseCheck } from '../../../shared/project';

/**
 * A project file can be copied and attacked offline, so its passphrase must be long and hard to guess:
 * at least MIN_LENGTH characters and a zxcvbn score of at least MIN_SCORE ("safely unguessable").
 */
export const MIN_LENGTH = 12;
export const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

export function checkPassphrase(passphrase: string, projectWords: string[] = []): PassphraseCheck {
  const result = strengthEstimator().check(passphrase, [
    'confidant',
    'mentoring',
    'mentor',
    'mentee',
    ...projectWords,
  ]);
  const score = result.score as PassphraseCheck['score'];
  const feedback: string[] = [];
  const length = [...passphrase].length;
  if (length < MIN_LENGTH) {
    feedback.push(
      `Use at least ${MIN_LENGTH} characters (this has ${length}). Several unrelated words work well.`,
    );
  }
  if (score < MIN_SCORE) {
    if (result.feedback.warning) feedback.push(result.feedback.warning);
    feedback.push(...result.feedback.suggestions);
    if (feedback.length === 0 || length >= MIN_LENGTH) {
      feedback.push('This passphrase would be easy to guess. Add another uncommon word or two.');
    }
  }
  return { score, acceptable: length >= MIN_LENGTH && score >= MIN_SCORE, feedback: [...new Set(feedback)] };
}
