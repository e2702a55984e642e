import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  RENDERER_CSP,
  hardenApp,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isRequestAllowed,
  type HardenableApp,
  type HardenableSession,
  type HardenableWebContents,
} from '../../electron/security';
import { FakeSession, FakeWebContents, preventableEvent } from './fakes';

const production = { allowDevTools: false };
const developing = { allowDevTools: true };

function hardened(options = production): FakeSession {
  const session = new FakeSession();
  hardenSession(session as unknown as HardenableSession, options);
  return session;
}

function hardenedContents(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as HardenableWebContents);
  return contents;
}

describe('isAppUrl', () => {
  it('accepts only app://confidant', () => {
    expect(isAppUrl('app://confidant/index.html')).toBe(true);
    expect(isAppUrl('app://confidant/assets/index-abc.js?x=1#y')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://confidant.evil.example/index.html')).toBe(false);
    expect(isAppUrl('app://confidant:8080/index.html')).toBe(false);
    expect(isAppUrl('app://user:pass@confidant/index.html')).toBe(false);
    expect(isAppUrl('https://confidant/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('the session walls', () => {
  it('cancels every http, https, ws, wss, ftp and file request', () => {
    const session = hardened();
    for (const url of [
      'http://example.org/',
      'https://example.org/track.gif',
      'ws://127.0.0.1:9000/',
      'wss://example.org/socket',
      'ftp://example.org/file',
      'file:///etc/passwd',
      'http://localhost:5173/',
      'app://evil/index.html',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/x.js',
    ]) {
      expect(session.cancels(url), url).toBe(true);
    }
  });

  it('lets the app load its own files and inline data: images', () => {
    const session = hardened();
    expect(session.cancels('app://confidant/index.html')).toBe(false);
    expect(session.cancels('app://confidant/assets/index.css')).toBe(false);
    expect(session.cancels('data:image/png;base64,AAAA')).toBe(false);
  });

  it('lets the DevTools front end load only while developing', () => {
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', developing)).toBe(true);
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', production)).toBe(false);
    expect(hardened(developing).cancels('https://chrome-devtools-frontend.appspot.com/x')).toBe(true);
  });

  it('denies every permission request and check, and every device', () => {
    const session = hardened();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'hid',
    ]) {
      let granted: boolean | undefined;
      session.permissionRequestHandler?.({}, permission, (answer) => (granted = answer), {});
      expect(granted, permission).toBe(false);
      expect(session.permissionCheckHandler?.({}, permission, 'app://confidant', {}), permission).toBe(false);
    }
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('turns the spell checker off (it downloads dictionaries) and refuses downloads', () => {
    const session = hardened();
    expect(session.spellChecker).toBe(false);
    const download = preventableEvent();
    session.emit('will-download', download, {}, {});
    expect(download.defaultPrevented).toBe(true);
  });

  it('puts the renderer CSP on app:// responses, replacing any other', () => {
    const session = hardened();
    const headers = session.headersFor('app://confidant/index.html', {
      'content-security-policy': ["default-src *; script-src 'unsafe-inline' https://cdn.example"],
      'Content-Type': ['text/html'],
    });
    expect(headers?.['Content-Security-Policy']).toEqual([RENDERER_CSP]);
    expect(headers?.['content-security-policy']).toBeUndefined();
    expect(headers?.['Content-Type']).toEqual(['text/html']);
  });

  it('leaves headers of anything else alone (it is cancelled before it loads)', () => {
    const session = hardened(developing);
    const original = { 'Content-Type': ['text/html'] };
    expect(session.headersFor('devtools://devtools/bundled/inspector.html', original)).toEqual(original);
  });
});

describe('the renderer CSP', () => {
  it('allows no remote source, no inline script, no eval, no plugins, no framing', () => {
    const directives = new Map(
      RENDERER_CSP.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(RENDERER_CSP).not.toMatch(/https?:|wss?:|\*|unsafe-|blob:/);
  });

  it('registers app:// as a standard secure scheme that cannot bypass the CSP or host service workers', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      allowServiceWorkers: false,
    });
  });
});

describe('the web contents walls', () => {
  it('prevents navigation and redirects away from app://confidant, in any frame', () => {
    const contents = hardenedContents();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
      for (const url of [
        'https://example.org/',
        'http://127.0.0.1:8000/',
        'file:///home/evaluator/project.confidant',
        'app://evil/index.html',
        'javascript:alert(1)',
        'data:text/html,<script>1</script>',
      ]) {
        expect(contents.navigate(event, url), `${event} ${url}`).toBe(true);
      }
      expect(contents.navigate(event, 'app://confidant/index.html'), event).toBe(false);
    }
  });

  it('denies window.open and every new window', () => {
    const contents = hardenedContents();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://confidant/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview> and keeps WebRTC off the network', () => {
    const contents = hardenedContents();
    const attach = preventableEvent();
    contents.emit('will-attach-webview', attach, {}, { src: 'https://example.org' });
    expect(attach.defaultPrevented).toBe(true);
    expect(contents.webRTCPolicy).toBe('disable_non_proxied_udp');
  });
});

describe('hardenApp', () => {
  it('sandboxes every renderer and hardens every web contents and session created later', () => {
    const app = new EventEmitter() as EventEmitter & { sandboxed: boolean; enableSandbox(): void };
    app.sandboxed = false;
    app.enableSandbox = () => {
      app.sandboxed = true;
    };
    hardenApp(app as unknown as HardenableApp, production);
    expect(app.sandboxed).toBe(true);

    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('will-navigate', 'https://example.org/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });

    const session = new FakeSession();
    app.emit('session-created', session);
    expect(session.cancels('https://example.org/')).toBe(true);
  });
});
