import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { App, CustomScheme, Session, WebContents } from 'electron';

/**
 * The walls around the window. Nothing the window does may reach the network, ask for a permission, navigate
 * away from the app, or open another window; the only origin it can load from is app://confidant, served from
 * the built renderer folder by the handler below. Every function takes the Electron objects it hardens, so the
 * unit tests pass fakes and check each rule without launching Electron.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'confidant';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The renderer's Content Security Policy: our own scripts, styles, images and fonts, nothing remote, no
 * inline script, no plugins, no forms posting anywhere, no framing. Sent on every app:// response by the
 * protocol handler and again by the session's header hook (hardenSession), which repeats this literal so the
 * static checker reads the policy itself; a unit test keeps the two identical.
 */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

/**
 * app:// is registered before the app is ready: standard (so relative URLs resolve and the page has a real
 * origin), secure (a secure context), fetch and CORS support (Vite emits `<script type="module" crossorigin>`,
 * which Chromium fetches in CORS mode; these are the privileges Electron apps serving a Vite build rely on);
 * no service workers, no CSP bypass.
 * CORS support does not open app:// to other origins: responses carry no Access-Control-Allow-Origin, carry
 * Cross-Origin-Resource-Policy: same-origin, and no other origin can load in the first place.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    corsEnabled: true,
    stream: false,
  },
};

export interface SecurityOptions {
  /** Development only: lets the DevTools front end load (devtools://). Never true in a packaged app. */
  allowDevTools: boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for app://confidant/... with no credentials and no port. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Which requests a session may make at all: app:// for the renderer, data: for inline images (they carry no
 * network), and devtools:// when developing. Every http, https, ws, wss, ftp and file request is cancelled.
 */
export function isRequestAllowed(url: string, options: SecurityOptions): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'data:') return true;
  return options.allowDevTools && parsed.protocol === 'devtools:';
}

type HeaderMap = Record<string, string[] | string>;

/** The response headers without any CSP the response carried (ours replaces it). */
export function withoutCsp(headers: HeaderMap | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  return result;
}

export type HardenableSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setSpellCheckerEnabled'
  | 'on'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'> };

/** Denies every permission and device, cancels every request that is not ours, and pins the CSP. */
export function hardenSession(session: HardenableSession, options: SecurityOptions): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // The spell checker downloads its dictionaries from a Google server: off.
  session.setSpellCheckerEnabled(false);
  // Exports are written by the main process after a save dialog; the window itself may not download files.
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, options) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) {
      callback({ responseHeaders: details.responseHeaders });
      return;
    }
    callback({
      responseHeaders: {
        ...withoutCsp(details.responseHeaders),
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
        ],
      },
    });
  });
}

export type HardenableWebContents = Pick<
  WebContents,
  'on' | 'setWindowOpenHandler' | 'setWebRTCIPHandlingPolicy'
>;

/** No new windows, no navigation or redirect away from app://confidant, no <webview>, no WebRTC UDP leaks. */
export function hardenWebContents(contents: HardenableWebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // WebRTC could otherwise send UDP (STUN) packets that no request hook sees.
  contents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp');
}

export type HardenableApp = Pick<App, 'enableSandbox' | 'on'>;

/** Sandboxes every renderer and hardens every web contents and session the app ever creates. */
export function hardenApp(app: HardenableApp, options: SecurityOptions): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('session-created', (session) => hardenSession(session, options));
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` an app:// URL names, or null when it names none: another scheme or host, a port or
 * credentials, a `.` or `..` segment, an encoded slash or backslash, a NUL, a drive letter or stream name.
 * The URL parser already folds `..` (and %2e%2e) away; decoding each segment and refusing separators in it
 * closes the encoded routes, and the final containment check is the backstop.
 */
export function rendererFileFor(root: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const { pathname } = new URL(requestUrl);
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

/** Headers on every app:// response, file or error. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
  };
}

export interface AppProtocolOptions {
  /** The built renderer folder (dist/renderer). */
  root: string;
  readFile?: (file: string) => Promise<Uint8Array>;
}

export interface AppRequest {
  url: string;
  method: string;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/** The app:// handler for protocol.handle: GET and HEAD of files under the renderer folder, nothing else. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: AppRequest) => Promise<Response> {
  const read = options.readFile ?? ((file: string) => readFile(file));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = rendererFileFor(options.root, request.url);
    if (file === null) return plain(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return plain(404, 'Not found');
      return plain(500, 'Could not read the file');
    }
    const headers = appResponseHeaders(contentTypeFor(file));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
