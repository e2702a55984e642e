import { importDocument, type DocumentImportInput } from '../import/documentImport';
import { importIntoProject, type ImportJobInput } from '../import/importJob';
import { backupProject, changePassphrase } from '../store/projectFile';

/**
 * Work too long for the thread that answers the window: each runs in a worker thread on a connection of its
 * own and reports progress. Each job is a plain function of its input, so tests can also call it directly.
 */
export type ReportProgress = (phase: string, done: number, total?: number) => void;

export const jobs = {
  changePassphrase(
    input: { path: string; current: string; next: string; actor: string },
    report: ReportProgress,
  ) {
    report('Re-encrypting the project under the new passphrase', 0, 1);
    changePassphrase(input.path, input.current, input.next, input.actor);
    report('Re-encrypted', 1, 1);
    return { changed: true as const };
  },
  backup(
    input: { path: string; passphrase: string; destination: string; actor: string },
    report: ReportProgress,
  ) {
    report('Writing the encrypted backup', 0, 1);
    const sizeBytes = backupProject(input.path, input.passphrase, input.destination, input.actor);
    report('Backup written and checked', 1, 1);
    return { destination: input.destination, sizeBytes };
  },
  async import(input: ImportJobInput, report: ReportProgress) {
    report('Reading and checking the file', 0);
    const summary = await importIntoProject(input, (rows) => report('Importing rows', rows));
    report(summary.committed ? 'Imported' : 'Nothing was imported', summary.rowsRead, summary.rowsRead);
    return summary;
  },
  // A transcript, journal or mentor's note (import/documentImport.ts).
  document(input: DocumentImportInput, report: ReportProgress) {
    return importDocument(input, report);
  },
};

export type JobName = keyof typeof jobs;
export type JobInput<K extends JobName> = Parameters<(typeof jobs)[K]>[0];
export type JobOutput<K extends JobName> = Awaited<ReturnType<(typeof jobs)[K]>>;

/** Messages between the runner and the worker thread. */
export type WorkerMessage =
  | { type: 'progress'; phase: string; done: number; total?: number }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: { code?: string; message: string } };
