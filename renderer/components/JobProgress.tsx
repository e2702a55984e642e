import type { ProgressEvent } from '../../shared/progress';
import { percentDone } from '../format';

/** A running job's phase and a progress bar (indeterminate until the total is known). */
export function JobProgress({ event, label }: { event: ProgressEvent | undefined; label: string }) {
  const percent = event ? percentDone(event.done, event.total) : undefined;
  return (
    <div className="job-progress" role="status">
      <span>{event?.phase ?? label}</span>
      <progress max={100} value={percent} aria-label={label}>
        {percent === undefined ? '' : `${percent}%`}
      </progress>
    </div>
  );
}
