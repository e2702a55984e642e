import { useId, useState } from 'react';

interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
  describedBy?: string;
  invalid?: boolean;
  disabled?: boolean;
}

/**
 * A labelled passphrase input with a toggle to show what was typed (long passphrases are easy to mistype).
 * The toggle keeps its name ("Show passphrase") and reports its state with aria-pressed.
 */
export function PassphraseField(props: PassphraseFieldProps) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="passphrase-input">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          autoComplete={props.autoComplete}
          autoFocus={props.autoFocus}
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid || undefined}
          disabled={props.disabled}
          spellCheck={false}
          autoCapitalize="off"
        />
        <button
          type="button"
          className="secondary"
          aria-pressed={visible}
          aria-label={`Show ${props.label.toLowerCase()}`}
          onClick={() => setVisible((shown) => !shown)}
        >
          Show
        </button>
      </div>
    </div>
  );
}
