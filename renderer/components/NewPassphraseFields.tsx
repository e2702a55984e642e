import { useId } from 'react';
import type { PassphraseCheck } from '../../shared/project';
import { PassphraseField } from './PassphraseField';
import { StrengthMeter } from './StrengthMeter';

interface NewPassphraseFieldsProps {
  passphrase: string;
  confirmation: string;
  onPassphrase: (value: string) => void;
  onConfirmation: (value: string) => void;
  /** The engine's verdict on `passphrase` (from useNewPassphrase). */
  check: PassphraseCheck | undefined;
  label?: string;
  autoFocus?: boolean;
  disabled?: boolean;
}

/** A new passphrase, its confirmation and the strength meter; shared by creating a project and rekeying one. */
export function NewPassphraseFields(props: NewPassphraseFieldsProps) {
  const meterId = useId();
  const confirmId = useId();
  const mismatch = props.confirmation.length > 0 && props.confirmation !== props.passphrase;
  return (
    <>
      <PassphraseField
        label={props.label ?? 'Passphrase'}
        value={props.passphrase}
        onChange={props.onPassphrase}
        autoComplete="new-password"
        autoFocus={props.autoFocus}
        describedBy={meterId}
        disabled={props.disabled}
      />
      <StrengthMeter check={props.check} id={meterId} />
      <PassphraseField
        label="Confirm passphrase"
        value={props.confirmation}
        onChange={props.onConfirmation}
        autoComplete="new-password"
        describedBy={confirmId}
        invalid={mismatch}
        disabled={props.disabled}
      />
      <p className="hint" id={confirmId}>
        {mismatch ? 'The two passphrases are not the same.' : 'Type it again, exactly.'}
      </p>
    </>
  );
}
