import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call, newJobId } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { focusWhenShown } from '../../components/focusWhenShown';
import { JobProgress } from '../../components/JobProgress';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { PassphraseField } from '../../components/PassphraseField';
import { useJobProgress } from '../../hooks/useJobProgress';
import { useNewPassphrase } from '../../hooks/useNewPassphrase';

/** Re-encrypts the project under a new passphrase; the current one is asked for again first. */
export function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [jobId, setJobId] = useState<string | undefined>(undefined);
  const progress = useJobProgress(jobId);
  const { check, problem } = useNewPassphrase(next, confirmation);
  const why = current.length === 0 ? 'Enter the current passphrase.' : problem;
  const change = useMutation({
    mutationFn: (id: string) => call('project.changePassphrase', { current, next, jobId: id }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirmation('');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (why !== null || change.isPending) return;
    const id = newJobId();
    setJobId(id);
    change.mutate(id);
  };

  return (
    <section className="panel" aria-labelledby="change-passphrase-heading">
      <h2 id="change-passphrase-heading">Change the passphrase</h2>
      <p className="hint">
        The whole project is re-encrypted. Backups made before keep the passphrase they were made with.
      </p>
      <form onSubmit={submit} aria-busy={change.isPending}>
        <PassphraseField
          label="Current passphrase"
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          disabled={change.isPending}
        />
        <NewPassphraseFields
          label="New passphrase"
          passphrase={next}
          confirmation={confirmation}
          onPassphrase={setNext}
          onConfirmation={setConfirmation}
          check={check}
          disabled={change.isPending}
        />
        <div className="actions">
          <button type="submit" disabled={why !== null || change.isPending} aria-describedby="change-why">
            {change.isPending ? 'Changing…' : 'Change passphrase'}
          </button>
          <span className="hint" id="change-why">
            {why ?? 'Ready.'}
          </span>
        </div>
      </form>
      {change.isPending && <JobProgress event={progress} label="Re-encrypting the project" />}
      {change.isSuccess && (
        <p className="success" role="status" tabIndex={-1} ref={focusWhenShown}>
          The passphrase is changed. Use the new one from now on.
        </p>
      )}
      <ErrorMessage error={change.error} />
    </section>
  );
}
