/**
 * Debian's Chromium driven by playwright-core (no browser is ever downloaded), locked to loopback, and a page
 * that remembers every console error and failed request so a test can insist there were none (a CSP violation
 * is a console error).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repositoryRoot } from './harness';

export const CHROMIUM = process.env.CONFIDANT_CHROMIUM ?? '/usr/bin/chromium';
export const resultsDir = path.join(repositoryRoot, 'test-results');

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-extensions',
  // Never reach past loopback, whatever the environment's proxy says.
  '--no-proxy-server',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and failed requests, in order. */
  problems: string[];
}

export async function openPage(
  browser: Browser,
  url: string,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 800 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  // Anything not on the harness's own origin is refused before it leaves the browser.
  const origin = new URL(url).origin;
  await context.route(
    (target) => target.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // The event stream is cut when a page closes or reloads; that is not a failure of the page.
    if (!request.url().endsWith('/events')) problems.push(`request failed: ${request.url()}`);
  });
  await page.goto(url);
  return { context, page, problems };
}

/** Saves a full-page screenshot as test-results/<folder>/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, folder = ''): Promise<string> {
  const dir = path.join(resultsDir, folder);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^A-Za-z0-9-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
