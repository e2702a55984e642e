import type { CallOutcome, ConfidantBridge, HandlerArgs, HandlerName, HandlerResults } from '../shared/api';
import { ConfidantError } from '../shared/errors';
import type { ProgressListener } from '../shared/progress';

/**
 * The renderer's only way to the engine: `window.confidant` (the preload in the app, the loopback harness in
 * the end-to-end tests). Calls resolve to the engine's result or throw a ConfidantError with the engine's code
 * and its message for the evaluator.
 */
declare global {
  interface Window {
    confidant?: ConfidantBridge;
  }
}

export function unwrap<T>(outcome: CallOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new ConfidantError(outcome.error.code, outcome.error.message);
}

function bridge(): ConfidantBridge {
  const found = window.confidant;
  if (!found) throw new ConfidantError('INTERNAL', 'Confidant’s engine is not connected to this window.');
  return found;
}

export interface ConfidantApi {
  call<K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<HandlerResults[K]>;
  onProgress(listener: ProgressListener): () => void;
  onLocked(listener: () => void): () => void;
}

/** Builds the typed API over one bridge; `api` below is the one over window.confidant. */
export function createApi(getBridge: () => ConfidantBridge): ConfidantApi {
  return {
    async call(name, args) {
      let outcome;
      try {
        outcome = await getBridge().call(name, args);
      } catch (error) {
        if (error instanceof ConfidantError) throw error;
        throw new ConfidantError('INTERNAL', 'Confidant’s engine did not answer. Try again.');
      }
      return unwrap(outcome);
    },
    onProgress: (listener) => getBridge().onProgress(listener),
    onLocked: (listener) => getBridge().onLocked(listener),
  };
}

export const api = createApi(bridge);
export const call = api.call;

/** A person-readable message for anything a call threw. */
export function messageOf(error: unknown): string {
  if (error instanceof ConfidantError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function codeOf(error: unknown): string | undefined {
  return error instanceof ConfidantError ? error.code : undefined;
}

/** A job id for calls that stream progress (a rekey, a backup), in the shape the contract accepts. */
export function newJobId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
