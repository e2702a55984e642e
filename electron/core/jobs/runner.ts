import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConfidantError, errorCodes, type ErrorCode } from '../../../shared/errors';
import type { ProgressEvent } from '../../../shared/progress';
import type { JobInput, JobName, JobOutput, WorkerMessage } from './registry';

/**
 * Starts a worker thread. Bundled (dist-electron/*.cjs), every entry sits beside core/jobs/worker.cjs; run
 * from source (the tests), the worker is this folder's worker.ts, compiled on the fly by tsx.
 */
function startWorker(): Worker {
  const bundled = path.join(__dirname, 'core', 'jobs', 'worker.cjs');
  if (existsSync(bundled)) return new Worker(bundled);
  const source = path.join(__dirname, 'worker.ts');
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * A worker that has loaded the engine and waits for its next job. Loading the engine (its readers, the scan's
 * word lists) takes a second or more of CPU: paid for every job, it made a 30-row import take two seconds. So a
 * worker is started ahead of time (`prepareWorker`, when a project is unlocked) and kept between jobs; a job
 * that is cancelled, or fails in the thread itself, ends its worker, and the next job starts another. An idle
 * worker does not keep the process alive.
 */
let idle: Worker | undefined;

function forgetIfIdle(worker: Worker): void {
  if (idle === worker) idle = undefined;
}

export function prepareWorker(): void {
  if (idle) return;
  const worker = startWorker();
  worker.unref();
  worker.once('exit', () => forgetIfIdle(worker));
  worker.once('error', () => forgetIfIdle(worker));
  idle = worker;
}

function takeWorker(): Worker {
  prepareWorker();
  const worker = idle as Worker;
  idle = undefined;
  worker.ref();
  return worker;
}

/** After a job: kept for the next one, unless one is waiting already. */
function putBack(worker: Worker): void {
  worker.removeAllListeners('message');
  if (idle) {
    void worker.terminate();
    return;
  }
  worker.unref();
  idle = worker;
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
    const worker = takeWorker();
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
    const onError = (error: Error) => settle(() => reject(new ConfidantError('INTERNAL', error.message)));
    const onExit = (code: number) =>
      settle(() =>
        reject(new ConfidantError('INTERNAL', `The background job stopped unexpectedly (exit ${code}).`)),
      );
    /** The job has answered: the worker goes back to wait for the next one. */
    const finished = () => {
      worker.off('error', onError);
      worker.off('exit', onExit);
      putBack(worker);
    };
    worker.on('error', onError);
    worker.on('exit', onExit);
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
        finished();
      } else {
        settle(() => reject(toError(message.error)));
        finished();
      }
    });
    worker.postMessage({ name, input });
  });
}
