import { useId } from 'react';
import type { PassphraseCheck } from '../../shared/project';
import { strengthLabel } from '../passphrase';

/** The engine's verdict on a new passphrase: a meter, its score in words, and what to do about it. */
export function StrengthMeter({ check, id }: { check: PassphraseCheck | undefined; id: string }) {
  const labelId = useId();
  const score = check?.score ?? 0;
  return (
    <div className="strength" id={id} data-score={check ? score : 'none'}>
      <div className="strength-row">
        <span id={labelId}>Strength:</span>
        <meter aria-labelledby={labelId} min={0} max={4} low={2} high={3} optimum={4} value={score} />
        <strong aria-live="polite">{strengthLabel(check)}</strong>
      </div>
      {check && check.feedback.length > 0 && (
        <ul className="strength-feedback">
          {check.feedback.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
