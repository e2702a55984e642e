import { z } from 'zod';
import { handlerSchemas, isHandlerName, type CallOutcome, type Handlers } from '../../shared/api';
import { ConfidantError } from '../../shared/errors';

/** Turns any failure into something a person can read; internal details stay out of the window. */
export function errorReport(error: unknown): CallOutcome<never> {
  if (error instanceof ConfidantError) return { ok: false, error: error.toReport() };
  console.error(error);
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: 'Something went wrong inside Confidant. Nothing was saved from this step.',
    },
  };
}

/**
 * The one way into the engine from outside (IPC, the loopback harness, the CLI): the handler name is checked
 * against the contract and the arguments against its schema before any handler runs.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  args: unknown,
): Promise<CallOutcome<unknown>> {
  if (!isHandlerName(name)) {
    return {
      ok: false,
      error: { code: 'UNKNOWN_HANDLER', message: `There is no action called ${String(name)}.` },
    };
  }
  const parsed = handlerSchemas[name].safeParse(args ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'INVALID_ARGUMENTS', message: `${name}: ${z.prettifyError(parsed.error)}` },
    };
  }
  try {
    const handler = handlers[name] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return errorReport(error);
  }
}
