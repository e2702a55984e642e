import { useSyncExternalStore } from 'react';
import type { DocumentImportSummary, DocumentPreview } from '../../../shared/documentImport';
import type { ImportSummary, SourcePreview } from '../../../shared/import';
import type { ProgressEvent, ProgressListener } from '../../../shared/progress';
import { api, call, newJobId } from '../../api';
import type { DocumentDetails, DocumentStepId, ImportChoice } from './documentState';
import type { Destination, MappedColumn, SourceOptions, StepId } from './wizardState';

/**
 * What the Import area keeps while the project is open, so that leaving the area loses nothing: which wizard
 * the evaluator chose, how far each has got, and the check or import under way with its latest progress
 * (collected while the area is not shown). The project screen owns one and lets it go when the project locks
 * or closes; it lives in memory only. It imports only types from the wizards, so the project screen can hold
 * it without loading them.
 */

/** The table wizard (ImportWizard): a roster, pairings, a survey wave, HR records or an activity log. */
export interface TableWizard {
  step: StepId;
  source: string | null;
  options: SourceOptions;
  preview: SourcePreview | null;
  columns: MappedColumn[];
  usingSaved: boolean;
  /** The name the column mapping was saved under, until another file is read. */
  savedName: string | null;
  destination: Destination;
  skipInvalidRows: boolean;
  check: ImportSummary | null;
  result: ImportSummary | null;
}

/** The document wizard (DocumentImport): a transcript, journal or mentor's note. */
export interface DocumentWizard {
  step: DocumentStepId;
  source: string | null;
  preview: DocumentPreview | null;
  details: DocumentDetails;
  result: DocumentImportSummary | null;
}

/** A check or an import under way, or how it failed. A job that succeeded has left its result in a wizard. */
export type ImportJob =
  | { id: string; state: 'running'; progress: ProgressEvent | undefined; cancelling: boolean }
  | { id: string; state: 'failed'; error: unknown };

export interface KeptImports {
  choice: ImportChoice;
  table: TableWizard;
  document: DocumentWizard;
  /** One at a time: the wizards offer a new job only when none is running. */
  job: ImportJob | null;
}

export const noDestination: Destination = {
  kind: 'roster',
  window: '',
  instrument: '',
  addUnknownParticipants: false,
};

export const freshImports: KeptImports = {
  choice: 'table',
  table: {
    step: 'choose',
    source: null,
    options: {},
    preview: null,
    columns: [],
    usingSaved: false,
    savedName: null,
    destination: noDestination,
    skipInvalidRows: false,
    check: null,
    result: null,
  },
  document: {
    step: 'choose',
    source: null,
    preview: null,
    details: { kind: 'transcript', title: '', participant: '', window: '' },
    result: null,
  },
  job: null,
};

export function withTable(kept: KeptImports, change: Partial<TableWizard>): KeptImports {
  return { ...kept, table: { ...kept.table, ...change } };
}

export function withDocument(kept: KeptImports, change: Partial<DocumentWizard>): KeptImports {
  return { ...kept, document: { ...kept.document, ...change } };
}

/** A table or a kind of document: a document's kind is the one it will be imported as. */
export function chooseImport(kept: KeptImports, choice: ImportChoice): KeptImports {
  if (choice === 'table') return { ...kept, choice };
  return {
    ...kept,
    choice,
    document: { ...kept.document, details: { ...kept.document.details, kind: choice } },
  };
}

export function importRunning(kept: KeptImports): boolean {
  return kept.job?.state === 'running';
}

export function jobStarted(kept: KeptImports, id: string): KeptImports {
  return { ...kept, job: { id, state: 'running', progress: undefined, cancelling: false } };
}

/** The latest progress of the running job; events of any other job change nothing. */
export function progressSeen(kept: KeptImports, event: ProgressEvent): KeptImports {
  const job = kept.job;
  if (job?.state !== 'running' || job.id !== event.jobId) return kept;
  return { ...kept, job: { ...job, progress: event } };
}

/** Cancel was asked for (or, when the engine refused, no longer is). */
export function markCancelling(kept: KeptImports, cancelling: boolean): KeptImports {
  const job = kept.job;
  if (job?.state !== 'running') return kept;
  return { ...kept, job: { ...job, cancelling } };
}

/** The job ended well: `done` puts its result in a wizard. A job the evaluator started over from is ignored. */
export function jobDone(
  kept: KeptImports,
  id: string,
  done: (kept: KeptImports) => KeptImports,
): KeptImports {
  if (kept.job?.id !== id) return kept;
  return done({ ...kept, job: null });
}

export function jobFailed(kept: KeptImports, id: string, error: unknown): KeptImports {
  if (kept.job?.id !== id) return kept;
  return { ...kept, job: { id, state: 'failed', error } };
}

/** What a session needs from the engine; tests pass their own. */
export interface ImportEngine {
  onProgress(listener: ProgressListener): () => void;
  cancel(jobId: string): Promise<unknown>;
}

const engine: ImportEngine = {
  onProgress: (listener) => api.onProgress(listener),
  cancel: (jobId) => call('import.cancel', { jobId }),
};

export interface ImportSession {
  get(): KeptImports;
  change(update: (kept: KeptImports) => KeptImports): void;
  subscribe(listener: () => void): () => void;
  /** Runs `work` as the job under way; when it succeeds, `done` puts its result in a wizard. */
  start<T>(work: (jobId: string) => Promise<T>, done: (kept: KeptImports, result: T) => KeptImports): void;
  cancel(): void;
}

export function createImportSession(port: ImportEngine = engine): ImportSession {
  let kept = freshImports;
  const listeners = new Set<() => void>();
  const change = (update: (current: KeptImports) => KeptImports) => {
    const next = update(kept);
    if (next === kept) return;
    kept = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => kept,
    change,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    start(work, done) {
      const id = newJobId();
      // Listening starts before the job, so its first events are not missed, and ends only with it.
      const stop = port.onProgress((event) => change((current) => progressSeen(current, event)));
      change((current) => jobStarted(current, id));
      void work(id)
        .then(
          (result) => change((current) => jobDone(current, id, (ended) => done(ended, result))),
          (error: unknown) => change((current) => jobFailed(current, id, error)),
        )
        .finally(stop);
    },
    cancel() {
      const job = kept.job;
      if (job?.state !== 'running' || job.cancelling) return;
      change((current) => markCancelling(current, true));
      port.cancel(job.id).catch(() => change((current) => markCancelling(current, false)));
    },
  };
}

/** A part of what the session keeps, re-rendering only when that part changes. */
export function useKept<T>(session: ImportSession, select: (kept: KeptImports) => T): T {
  return useSyncExternalStore(session.subscribe, () => select(session.get()));
}
