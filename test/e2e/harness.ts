/**
 * The loopback harness of DESIGN.md ("Why the core is plain Node"): serves the built renderer on 127.0.0.1 with
 * the app's CSP (connect-src 'self' instead of 'none', since the bridge speaks HTTP), and implements
 * window.confidant over HTTP with the real engine on real encrypted files in a temp folder.
 *
 *   GET  /…                 dist/renderer, with the bridge script put into index.html
 *   GET  /confidant-bridge.js  bridge.ts, compiled
 *   POST /call              {name, args} → engine.call → CallOutcome (validated by the engine, as over IPC)
 *   GET  /events            Server-Sent Events: `progress` and `locked`
 */
import { build } from 'esbuild';
import { loadBundledEngine } from '../fixtures/engine/bundledEngine';
import { mkdtempSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Engine } from '../../electron/core/engine';
import type { PathPurpose } from '../../electron/core/session';

export const repositoryRoot = path.resolve(import.meta.dirname, '../..');
export const rendererDist = path.join(repositoryRoot, 'dist', 'renderer');
const engineDist = path.join(repositoryRoot, 'dist', 'e2e-engine');

/** The app's policy, except that the page may talk to its own origin (the bridge's fetch and EventSource). */
export const HARNESS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const MAX_BODY_BYTES = 1024 * 1024;
const BRIDGE_PATH = '/confidant-bridge.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface Harness {
  /** http://127.0.0.1:PORT/ */
  url: string;
  /** The temp folder the test owns: project files, backups and the settings folder live here. */
  dir: string;
  engine: Engine;
  /** What the Create dialog answers (default <dir>/journey.confidant; null = the evaluator cancels). */
  createPath: string | null;
  /** What the Open dialog answers (default: cancelled). */
  openPath: string | null;
  /** What the import wizard's Choose file dialog answers (default: cancelled). */
  importPath: string | null;
  /** What the vault's Create and Unlock dialogs answer (default <dir>/journey.confidant-vault). */
  vaultPath: string | null;
  /** Backups the Save dialog has handed out, in order. */
  readonly backupPaths: string[];
  /** The calls the window made, by handler name, in order (never their arguments: they hold passphrases). */
  readonly calls: string[];
  /** Locks the project as if it had been idle too long, so the window hears onLocked. */
  lockAsIfIdle(): void;
  close(): Promise<void>;
}

async function compileBridge(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no bridge script');
  return output.text;
}

function indexWithBridge(): string {
  const index = readFileSync(path.join(rendererDist, 'index.html'), 'utf8');
  if (!index.includes('<head>')) throw new Error('dist/renderer/index.html has no <head>');
  return index.replace('<head>', `<head>\n    <script src=".${BRIDGE_PATH}"></script>`);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Resolves a URL path inside dist/renderer, or undefined when it would leave it or names no file. */
function staticFile(urlPath: string): string | undefined {
  const relative = decodeURIComponent(urlPath).replace(/^\/+/, '');
  const file = path.resolve(rendererDist, relative);
  if (file !== rendererDist && !file.startsWith(rendererDist + path.sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(path.join(rendererDist, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDist}: run \`npx vite build\` first.`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'confidant-e2e-'));
  const bridgeScript = await compileBridge();
  const { createEngine } = await loadBundledEngine(engineDist);
  const index = indexWithBridge();
  const listeners = new Set<ServerResponse>();
  let lastCallAt = Date.now();
  let origin = '';

  const broadcast = (event: string, data: unknown) => {
    for (const response of listeners) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const harness: Harness = {
    url: '',
    dir,
    createPath: path.join(dir, 'journey.confidant'),
    openPath: null,
    importPath: null,
    vaultPath: path.join(dir, 'journey.confidant-vault'),
    backupPaths: [],
    calls: [],
    engine: undefined as unknown as Engine,
    lockAsIfIdle: () => harness.engine.session.lock(true),
    close: async () => {
      for (const response of listeners) response.end();
      harness.engine.session.lock();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      rmSync(dir, { recursive: true, force: true });
    },
  };

  const choosePath = async (purpose: PathPurpose): Promise<string | null> => {
    if (purpose === 'create') return harness.createPath;
    if (purpose === 'open') return harness.openPath;
    if (purpose === 'import') return harness.importPath;
    if (purpose === 'createVault' || purpose === 'openVault') return harness.vaultPath;
    const backup = path.join(dir, `backup-${harness.backupPaths.length + 1}.confidant`);
    harness.backupPaths.push(backup);
    return backup;
  };

  harness.engine = createEngine({
    choosePath,
    settingsDir: path.join(dir, 'settings'),
    actor: 'e2e-harness',
    idleSeconds: () => (Date.now() - lastCallAt) / 1000,
    onProgress: (event) => broadcast('progress', event),
    onLocked: () => broadcast('locked', {}),
  });

  const send = (response: ServerResponse, status: number, type: string, body: string | Buffer) => {
    response.writeHead(status, {
      'content-type': type,
      'content-security-policy': HARNESS_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'cross-origin-resource-policy': 'same-origin',
    });
    response.end(body);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    // Only this origin may talk to the engine: no other page in the browser, no rebound host name.
    if (request.headers.host !== new URL(origin).host) return send(response, 421, 'text/plain', 'wrong host');
    const url = new URL(request.url ?? '/', origin);

    if (request.method === 'POST' && url.pathname === '/call') {
      if (request.headers.origin !== origin) return send(response, 403, 'text/plain', 'wrong origin');
      if (!request.headers['content-type']?.startsWith('application/json')) {
        return send(response, 415, 'text/plain', 'expected JSON');
      }
      const { name, args } = JSON.parse(await readBody(request)) as { name?: unknown; args?: unknown };
      lastCallAt = Date.now();
      harness.calls.push(String(name));
      const outcome = await harness.engine.call(name, args);
      return send(response, 200, 'application/json', JSON.stringify(outcome));
    }
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'method not allowed');

    if (url.pathname === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return undefined;
    }
    if (url.pathname === BRIDGE_PATH) return send(response, 200, contentTypes['.js'] as string, bridgeScript);
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return send(response, 200, contentTypes['.html'] as string, index);
    }
    const file = staticFile(url.pathname);
    if (!file) return send(response, 404, 'text/plain', 'not found');
    const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
    return send(response, 200, type, readFileSync(file));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 400, 'text/plain', String(error));
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  harness.url = `${origin}/`;
  return harness;
}
