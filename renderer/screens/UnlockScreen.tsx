import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ProjectStatus } from '../../shared/project';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { PassphraseField } from '../components/PassphraseField';
import { ScreenHeading } from '../components/ScreenHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { unlockHint } from '../navigation';

interface UnlockScreenProps {
  path: string;
  name: string;
  /** True when the project locked itself (idle time, sleep) rather than by the evaluator's hand. */
  lockedItself: boolean;
  onUnlocked: (status: ProjectStatus) => void;
  onBack: () => void;
}

/** The passphrase for one project file. The engine slows repeated wrong attempts; this screen says so. */
export function UnlockScreen({ path, name, lockedItself, onUnlocked, onBack }: UnlockScreenProps) {
  useDocumentTitle(`Unlock ${name}`);
  const [passphrase, setPassphrase] = useState('');
  const [failures, setFailures] = useState(0);
  const unlock = useMutation({
    mutationFn: () => call('project.open', { path, passphrase }),
    onSuccess: (status) => {
      setPassphrase('');
      onUnlocked(status);
    },
    onError: () => setFailures((count) => count + 1),
  });
  const hint = unlockHint(failures);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase.length > 0 && !unlock.isPending) unlock.mutate();
  };

  return (
    <section className="card" aria-labelledby="unlock-heading">
      <ScreenHeading id="unlock-heading" focusOnShow={false}>
        Unlock {name}
      </ScreenHeading>
      {lockedItself && (
        <p className="notice" role="status">
          The project locked itself while you were away. Enter the passphrase to carry on.
        </p>
      )}
      <p className="file-path">
        <span>File</span> <code>{path}</code>
      </p>
      <form onSubmit={submit} aria-busy={unlock.isPending}>
        <PassphraseField
          label="Passphrase"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
          autoFocus
          invalid={unlock.isError}
          describedBy={unlock.isError ? 'unlock-error' : undefined}
        />
        <ErrorMessage error={unlock.isPending ? null : unlock.error} id="unlock-error" />
        {hint && <p className="hint">{hint}</p>}
        <div className="actions">
          <button type="submit" disabled={passphrase.length === 0 || unlock.isPending}>
            {unlock.isPending ? 'Unlocking…' : 'Unlock'}
          </button>
          <button type="button" className="secondary" onClick={onBack} disabled={unlock.isPending}>
            Choose another project
          </button>
        </div>
      </form>
    </section>
  );
}
