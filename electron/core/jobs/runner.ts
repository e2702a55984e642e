import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConfidantError, errorCodes, type ErrorCode } from '../../../shared/errors';
import type { ProgressEvent } from '../../../shared/progress';
import type { JobInput, JobName, JobOutput, WorkerMessage } from './registry';

/**
 * Starts the worker thread. Bundled (dist-electron/*.cjs), every entry sits beside core/jobs/worker.cjs; run
 * from source (the tests), the worker is this folder's worker.ts, compiled on the fly by tsx.
 */
function startWorker(workerData: unknown): Worker {
  const bundled = path.join(__dirname, 'core', 'jobs', 'worker.cjs');
  if (existsSync(bundled)) return new Worker(bundled, { workerData });
  const source = path.join(__dirname, 'worker.ts');
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export interface JobOptions {
  jobId: string;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}

function toError(error: { code?: string; message: string }): ConfidantError {
  const code = (errorCodes as readonly string[]).includes(error.code ?? '')
    ? (error.code as ErrorCode)
    : 'INTERNAL';
  return new ConfidantError(code, error.message);
}

/** Runs a job in a worker thread. Cancelling ends the thread; a write it had begun rolls back on the next open. */
export function runJob<K extends JobName>(
  name: K,
  input: JobInput<K>,
  options: JobOptions,
): Promise<JobOutput<K>> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const worker = startWorker({ name, input });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', cancel);
      fn();
    };
    const cancel = () => {
      void worker.terminate();
      settle(() => reject(new ConfidantError('CANCELLED', 'Cancelled. Nothing was changed.')));
    };
    options.signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        const seconds = (Date.now() - started) / 1000;
        options.onProgress?.({
          jobId: options.jobId,
          phase: message.phase,
          done: message.done,
          total: message.total,
          rate: seconds > 0 ? message.done / seconds : undefined,
        });
      } else if (message.type === 'done') {
        options.onProgress?.({ jobId: options.jobId, phase: 'Done', done: 1, total: 1, finished: true });
        settle(() => resolve(message.value as JobOutput<K>));
        void worker.terminate();
      } else {
        settle(() => reject(toError(message.error)));
        void worker.terminate();
      }
    });
    worker.on('error', (error) => settle(() => reject(new ConfidantError('INTERNAL', error.message))));
    worker.on('exit', (code) =>
      settle(() =>
        reject(new ConfidantError('INTERNAL', `The background job stopped unexpectedly (exit ${code}).`)),
      ),
    );
  });
}
