import { parentPort, workerData } from 'node:worker_threads';
import { ConfidantError } from '../../../shared/errors';
import { jobs, type JobName, type ReportProgress, type WorkerMessage } from './registry';

/** The worker thread's entry: runs one job named in workerData and posts progress, then the outcome. */
const { name, input } = workerData as { name: JobName; input: never };
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

const run = jobs[name] as (input: never, report: ReportProgress) => unknown;

Promise.resolve()
  .then(() => run(input, (phase, done, total) => post({ type: 'progress', phase, done, total })))
  .then(
    (value) => post({ type: 'done', value }),
    (error: unknown) =>
      post({
        type: 'failed',
        error:
          error instanceof ConfidantError
            ? { code: error.code, message: error.message }
            : { message: error instanceof Error ? error.message : String(error) },
      }),
  );
