import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RENDERER_CSP, createAppProtocolHandler, rendererFileFor } from '../../electron/security';

let base: string;
let root: string;
let serve: ReturnType<typeof createAppProtocolHandler>;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'confidant-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Confidant</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(path.join(base, 'secret.txt'), 'SECRET OUTSIDE THE RENDERER');
  serve = createAppProtocolHandler({ root });
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string) => serve({ url, method: 'GET' });

describe('the app:// protocol', () => {
  it('serves the renderer files with their content type and the CSP', async () => {
    const index = await get('app://confidant/index.html');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Confidant</title>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(index.headers.get('access-control-allow-origin')).toBeNull();

    const script = await get('app://confidant/assets/index-abc.js');
    expect(script.status).toBe(200);
    expect(await script.text()).toBe('console.log(1)');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://confidant/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get('app://confidant/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('serves index.html for the bare origin and ignores query and fragment', async () => {
    expect(await (await get('app://confidant/')).text()).toContain('Confidant');
    expect(await (await get('app://confidant')).text()).toContain('Confidant');
    expect((await get('app://confidant/assets/index-abc.js?v=2#top')).status).toBe(200);
  });

  it('refuses to climb out of the renderer folder, however the climb is spelled', async () => {
    for (const url of [
      'app://confidant/../secret.txt',
      'app://confidant/assets/../../secret.txt',
      'app://confidant/%2e%2e/secret.txt',
      'app://confidant/..%2fsecret.txt',
      'app://confidant/..%2Fsecret.txt',
      'app://confidant/assets/..%5c..%5csecret.txt',
      'app://confidant/..\\secret.txt',
      'app://confidant/%2e%2e%2f%2e%2e%2fsecret.txt',
      `app://confidant/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
      'app://confidant/C:%5cWindows%5cwin.ini',
      'app://confidant/index.html%00.js',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('SECRET');
      expect(response.headers.get('content-security-policy'), url).toBe(RENDERER_CSP);
    }
  });

  it('refuses other hosts, schemes, ports and credentials', async () => {
    for (const url of [
      'app://evil/index.html',
      'app://confidant.example/index.html',
      'app://confidant:81/index.html',
      'app://me@confidant/index.html',
      'https://confidant/index.html',
      'file:///index.html',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('answers 404 for missing files and folders, 405 for anything but GET and HEAD', async () => {
    expect((await get('app://confidant/missing.js')).status).toBe(404);
    expect((await get('app://confidant/assets')).status).toBe(404);
    expect((await serve({ url: 'app://confidant/index.html', method: 'POST' })).status).toBe(405);
    const head = await serve({ url: 'app://confidant/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('names files only inside the root', () => {
    expect(rendererFileFor(root, 'app://confidant/assets/index-abc.js')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(rendererFileFor(root, 'app://confidant/')).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor(root, 'app://confidant/%E0%A4%A')).toBeNull();
    expect(rendererFileFor(root, 'app://confidant/./index.html')).toBe(path.join(root, 'index.html'));
  });

  it('reports a read failure without its details', async () => {
    const failing = createAppProtocolHandler({
      root,
      readFile: async () => {
        throw Object.assign(new Error(`EACCES: permission denied, open '${root}/index.html'`), {
          code: 'EACCES',
        });
      },
    });
    const response = await failing({ url: 'app://confidant/index.html', method: 'GET' });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain(root);
  });
});
