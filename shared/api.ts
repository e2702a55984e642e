import type { z } from 'zod';
import { anonymizeSchemas, type AnonymizeResults } from './anonymize';
import { dataSchemas, type DataResults } from './data';
import { disclosureSchemas, type DisclosureResults } from './disclosure';
import { documentImportSchemas, type DocumentImportResults } from './documentImport';
import { importSchemas, type ImportResults } from './import';
import { projectSchemas, type ProjectResults } from './project';
import { scanTermSchemas, type ScanTermResults } from './scanTerms';
import { redactionSchemas, type RedactionResults } from './redaction';
import { vaultSchemas, type VaultResults } from './vault';
import type { ErrorReport } from './errors';
import type { ProgressListener } from './progress';

/**
 * The contract between the renderer and the engine (the idea is Actual Budget's loot-core).
 * Each domain declares its argument schemas and result types in its own file; this map joins them.
 * Arguments are validated with these schemas at every boundary (IPC, the loopback harness, the CLI),
 * and the argument types are inferred from them, never written twice.
 */
export const handlerSchemas = {
  ...projectSchemas,
  ...importSchemas,
  ...dataSchemas,
  ...anonymizeSchemas,
  ...disclosureSchemas,
  ...scanTermSchemas,
  ...redactionSchemas,
  ...documentImportSchemas,
  ...vaultSchemas,
} as const;

export type HandlerName = keyof typeof handlerSchemas;
export type HandlerArgs<K extends HandlerName> = z.input<(typeof handlerSchemas)[K]>;
export type ValidHandlerArgs<K extends HandlerName> = z.output<(typeof handlerSchemas)[K]>;

export type HandlerResults = ProjectResults &
  ImportResults &
  DataResults &
  AnonymizeResults &
  DisclosureResults &
  ScanTermResults &
  RedactionResults &
  DocumentImportResults &
  VaultResults;

/** One object must satisfy this (`const handlers: Handlers = {...}`): a missing handler is a compile error. */
export type Handlers = {
  [K in HandlerName]: (args: ValidHandlerArgs<K>) => Promise<HandlerResults[K]>;
};

export const handlerNames = Object.keys(handlerSchemas) as HandlerName[];

export function isHandlerName(name: unknown): name is HandlerName {
  return typeof name === 'string' && Object.hasOwn(handlerSchemas, name);
}

/** What travels back over a channel: the result, or an error report for a person to read. */
export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: ErrorReport };

/**
 * The one object the renderer sees as `window.confidant` (preload in the app, the loopback harness in tests).
 * `call` resolves to an outcome rather than throwing, because an Error loses its code crossing contextBridge;
 * renderer/api.ts unwraps it into a ConfidantError.
 */
export interface ConfidantBridge {
  call<K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<CallOutcome<HandlerResults[K]>>;
  onProgress(listener: ProgressListener): () => void;
  /** Fired when the project locks itself (idle time, or the system is suspended). */
  onLocked(listener: () => void): () => void;
}
