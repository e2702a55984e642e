import type { Handlers } from '../../shared/api';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { Session, type EnginePorts } from './session';

export interface Engine {
  session: Session;
  handlers: Handlers;
  /** Validates and runs one call; never throws. */
  call: (name: unknown, args: unknown) => ReturnType<typeof dispatch>;
}

/** One engine per host: the Electron main process, the loopback test harness, or a CLI run. */
export function createEngine(ports: EnginePorts): Engine {
  const session = new Session(ports);
  const handlers = createHandlers(session);
  return { session, handlers, call: (name, args) => dispatch(handlers, name, args) };
}
