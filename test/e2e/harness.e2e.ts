/**
 * The harness itself: it serves the renderer under the app's CSP, speaks the contract exactly as the engine
 * does over IPC (validation included), and answers nobody but its own page.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HARNESS_CSP, startHarness, type Harness } from './harness';

let harness: Harness;
let origin: string;
beforeAll(async () => {
  harness = await startHarness();
  origin = new URL(harness.url).origin;
});
afterAll(async () => {
  await harness?.close();
});

function callFromPage(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${origin}/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, ...headers },
    body: JSON.stringify(body),
  });
}

describe('the loopback harness', () => {
  test('serves index.html with the CSP and the bridge script before the renderer', async () => {
    const response = await fetch(harness.url);
    expect(response.headers.get('content-security-policy')).toBe(HARNESS_CSP);
    expect(HARNESS_CSP).toContain("script-src 'self'");
    expect(HARNESS_CSP).not.toContain('unsafe');
    const html = await response.text();
    const bridgeAt = html.indexOf('<script src="./confidant-bridge.js"></script>');
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bridgeAt).toBeLessThan(html.indexOf('type="module"'));
    const bridge = await fetch(`${origin}/confidant-bridge.js`);
    expect(await bridge.text()).toContain('confidant');
  });

  test('answers calls with the engine’s outcomes, validated', async () => {
    const status = await callFromPage({ name: 'project.status', args: {} });
    expect(await status.json()).toEqual({ ok: true, value: { state: 'none' } });
    const unknown = await callFromPage({ name: 'project.format', args: {} });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
    const invalid = await callFromPage({ name: 'project.audit', args: { limit: 10_000 } });
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    // A path the evaluator never chose cannot be opened, as in the app.
    const ungranted = await callFromPage({
      name: 'project.open',
      args: { path: '/etc/passwd', passphrase: 'x' },
    });
    expect(await ungranted.json()).toMatchObject({ ok: false, error: { code: 'PATH_NOT_GRANTED' } });
  });

  test('refuses other origins, other host names and paths outside the built renderer', async () => {
    const foreign = await callFromPage(
      { name: 'project.status', args: {} },
      { origin: 'http://evil.example' },
    );
    expect(foreign.status).toBe(403);
    const notJson = await fetch(`${origin}/call`, { method: 'POST', headers: { origin }, body: 'x' });
    expect(notJson.status).toBe(415);

    const rebound = await new Promise<number>((resolve, reject) => {
      const url = new URL(harness.url);
      const req = request(
        { host: '127.0.0.1', port: url.port, path: '/', headers: { host: `evil.example:${url.port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(421);

    const traversal = await fetch(`${origin}/..%2f..%2fpackage.json`);
    expect(traversal.status).toBe(404);
  });
});
