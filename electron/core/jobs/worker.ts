import { parentPort } from 'node:worker_threads';
import { ConfidantError } from '../../../shared/errors';
import { jobs, type JobName, type ReportProgress, type WorkerMessage } from './registry';

/**
 * The worker thread's entry: waits for jobs, one at a time (runner.ts sends the next only after an answer), runs
 * each and posts its progress, then its outcome. The thread outlives a job, so the engine loads once.
 */
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

parentPort?.on('message', ({ name, input }: { name: JobName; input: never }) => {
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
});
