import type { ProgressEvent } from '../../../shared/progress';
import { rowsPerSecond } from './wizardState';

/** A running check or import: what it is doing, rows read, rows per second, and the Cancel button. */
export function ImportProgress({
  event,
  label,
  onCancel,
  cancelling,
}: {
  event: ProgressEvent | undefined;
  label: string;
  onCancel: () => void;
  cancelling: boolean;
}) {
  const rows = event && event.phase === 'Importing rows' ? event.done : undefined;
  const rate = event && event.phase === 'Importing rows' ? rowsPerSecond(event.rate) : null;
  return (
    <div className="import-progress">
      <div role="status" aria-live="polite">
        <p className="import-progress-phase">{label}</p>
        <progress aria-label={label} />
        <p className="hint">
          {rows === undefined ? 'Opening the file…' : `${rows.toLocaleString('en-GB')} rows read`}
          {rate ? ` · ${rate}` : ''}
        </p>
      </div>
      <button type="button" className="secondary" onClick={onCancel} disabled={cancelling}>
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}
