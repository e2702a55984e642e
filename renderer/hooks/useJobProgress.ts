import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../shared/progress';
import { api } from '../api';

/** The latest progress event of one job (a rekey, a backup), or undefined before the first arrives. */
export function useJobProgress(jobId: string | undefined): ProgressEvent | undefined {
  const [event, setEvent] = useState<ProgressEvent | undefined>(undefined);
  useEffect(() => {
    if (!jobId) return undefined;
    return api.onProgress((next) => {
      if (next.jobId === jobId) setEvent(next);
    });
  }, [jobId]);
  return jobId && event?.jobId === jobId ? event : undefined;
}
