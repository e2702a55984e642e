import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { ProjectStatus } from '../../../shared/project';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { autoLockDescription } from '../../format';

export const MAX_AUTO_LOCK_MINUTES = 24 * 60;

/** Minutes without activity before the project locks itself (0: never). */
export function AutoLockSetting({
  minutes,
  onStatus,
}: {
  minutes: number;
  onStatus: (status: ProjectStatus) => void;
}) {
  const inputId = useId();
  const [value, setValue] = useState(String(minutes));
  const parsed = Number(value);
  const valid =
    value.trim() !== '' && Number.isInteger(parsed) && parsed >= 0 && parsed <= MAX_AUTO_LOCK_MINUTES;
  const save = useMutation({
    mutationFn: () => call('project.setAutoLock', { minutes: parsed }),
    onSuccess: onStatus,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) save.mutate();
  };

  return (
    <section className="panel" aria-labelledby="auto-lock-heading">
      <h2 id="auto-lock-heading">Lock automatically</h2>
      <p className="hint">Now: {autoLockDescription(minutes)}.</p>
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={inputId}>Minutes without activity (0 for never)</label>
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_AUTO_LOCK_MINUTES}
            step={1}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={!valid || undefined}
          />
        </div>
        <button type="submit" disabled={!valid || save.isPending || parsed === minutes}>
          Save
        </button>
      </form>
      {!valid && <p className="hint">Enter a whole number of minutes from 0 to {MAX_AUTO_LOCK_MINUTES}.</p>}
      {save.isSuccess && (
        <p className="success" role="status">
          Saved.
        </p>
      )}
      <ErrorMessage error={save.error} />
    </section>
  );
}
