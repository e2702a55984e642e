import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../shared/progress';
import { api } from '../api';

/**
 * The latest progress event of one job (a rekey, a backup), or undefined before the first arrives. It listens
 * from mount, not from when the job id is set, so the first events of a job that starts at once are not missed.
 */
export function useJobProgress(jobId: string | undefined): ProgressEvent | undefined {
  const [event, setEvent] = useState<ProgressEvent | undefined>(undefined);
  useEffect(() => api.onProgress(setEvent), []);
  return jobId !== undefined && event?.jobId === jobId ? event : undefined;
}
