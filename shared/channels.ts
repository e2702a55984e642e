/**
 * The IPC channels: one invoke channel for every call, two event channels from the engine. A file of its own,
 * free of any library, so the sandboxed preload bundles nothing but these names.
 */
export const CALL_CHANNEL = 'confidant:call';
export const PROGRESS_CHANNEL = 'confidant:progress';
export const LOCKED_CHANNEL = 'confidant:locked';
