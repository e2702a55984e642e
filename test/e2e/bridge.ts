/**
 * window.confidant for the end-to-end tests: the same ConfidantBridge the preload gives the app, spoken over
 * HTTP to the loopback harness (POST ./call for calls, Server-Sent Events at ./events for progress and locks).
 * The harness compiles this file and serves it as a classic script before the renderer's module.
 */
import type {
  CallOutcome,
  ConfidantBridge,
  HandlerArgs,
  HandlerName,
  HandlerResults,
} from '../../shared/api';
import type { ProgressEvent, ProgressListener } from '../../shared/progress';

const progressListeners = new Set<ProgressListener>();
const lockedListeners = new Set<() => void>();

const events = new EventSource('./events');
events.addEventListener('progress', (message) => {
  const event = JSON.parse((message as MessageEvent<string>).data) as ProgressEvent;
  for (const listener of progressListeners) listener(event);
});
events.addEventListener('locked', () => {
  for (const listener of lockedListeners) listener();
});

function unanswered(): CallOutcome<never> {
  return { ok: false, error: { code: 'IO_ERROR', message: 'The test harness did not answer.' } };
}

async function call<K extends HandlerName>(
  name: K,
  args: HandlerArgs<K>,
): Promise<CallOutcome<HandlerResults[K]>> {
  try {
    const response = await fetch('./call', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, args }),
    });
    return (await response.json()) as CallOutcome<HandlerResults[K]>;
  } catch {
    return unanswered();
  }
}

const bridge: ConfidantBridge = {
  call,
  onProgress(listener) {
    progressListeners.add(listener);
    return () => progressListeners.delete(listener);
  },
  onLocked(listener) {
    lockedListeners.add(listener);
    return () => lockedListeners.delete(listener);
  },
};

Object.defineProperty(window, 'confidant', { value: Object.freeze(bridge), enumerable: true });
