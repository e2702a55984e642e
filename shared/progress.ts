/** A long job (import, scan, rekey, backup, report) reports how far it has got through these events. */
export interface ProgressEvent {
  jobId: string;
  /** What the job is doing now, in the evaluator's words ("Re-encrypting the project"). */
  phase: string;
  /** Units done so far (rows, bytes, pages), and the total when it is known. */
  done: number;
  total?: number;
  /** Units per second over the job so far, when it means something (rows/s during an import). */
  rate?: number;
  finished?: boolean;
}

export type ProgressListener = (event: ProgressEvent) => void;
