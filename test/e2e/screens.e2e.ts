/**
 * Every screen once, in the light and the dark theme: each is reached the way an evaluator would, checked for
 * what it must show, and photographed into test-results/screens/ for a person to look at. The security panel's
 * actions (auto-lock, backup, new passphrase) and the project locking itself run against the real engine.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible } from './accessibility';
import { launchChromium, openPage, screenshot } from './browser';
import { screenshotOnFailure } from './failureScreenshots';
import { startHarness, type Harness } from './harness';
import { createProject, heading, openArea } from './steps';

const FIRST = 'lantern orbit quietly marmalade 42';
const SECOND = 'copper heron tangible walrus 77';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function snap(page: Page, scheme: string, name: string): Promise<void> {
  await screenshot(page, `${scheme}-${name}`, 'screens');
  await expectAccessible(page, name);
}

describe.each(['light', 'dark'] as const)('every screen in the %s theme', (scheme) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('start, create, home, the areas, audit log, security, locked by idleness, recent projects', async () => {
    const watched = await openPage(browser, harness.url, { colorScheme: scheme });
    const { page } = watched;
    screenshotOnFailure(page, `screens-${scheme}`);
    // The theme is applied by an effect once the app has mounted: wait for its first screen, then for the theme.
    await heading(page, 'Your evaluation projects').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme), { timeout: 5000 })
      .toBe(scheme);
    await snap(page, scheme, '01-start');

    await page.getByRole('button', { name: 'Create a new project…' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill('mentor2024');
    await expect.poll(() => page.locator('.strength-feedback li').count()).toBeGreaterThan(0);
    await snap(page, scheme, '02-create-weak');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await createProject(page, FIRST);
    await heading(page, 'journey').waitFor();
    await page.getByText('Locks after 10 minutes without activity').waitFor();
    await snap(page, scheme, '03-home');

    // The import wizard's first step.
    await openArea(page, 'Import');
    await page.getByRole('button', { name: 'Choose a file…' }).waitFor();
    await snap(page, scheme, '04-area-import');

    // Security: auto-lock, a backup, a new passphrase.
    await openArea(page, 'Security');
    await page.getByLabel('Minutes without activity (0 for never)').fill('5');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Now: Locks after 5 minutes without activity.').waitFor();
    await page.getByRole('button', { name: 'Make a backup…' }).click();
    await page.getByText('Backed up to').waitFor();
    expect(harness.backupPaths).toEqual([path.join(harness.dir, 'backup-1.confidant')]);
    expect(existsSync(path.join(harness.dir, 'backup-1.confidant'))).toBe(true);
    await page.getByLabel('Current passphrase', { exact: true }).fill(FIRST);
    await page.getByLabel('New passphrase', { exact: true }).fill(SECOND);
    await page.getByLabel('Confirm passphrase', { exact: true }).fill(SECOND);
    const change = page.getByRole('button', { name: 'Change passphrase' });
    await expect.poll(() => change.isEnabled()).toBe(true);
    // The rekey runs in a worker and streams progress over the event stream to the window.
    await page.evaluate(() => {
      const seen: unknown[] = [];
      Object.assign(window, { seenProgress: seen });
      window.confidant?.onProgress((event) => seen.push(event));
    });
    await change.click();
    await page.getByText('The passphrase is changed.').waitFor({ timeout: 60_000 });
    const seen = (await page.evaluate(
      () => (window as unknown as { seenProgress: unknown[] }).seenProgress,
    )) as {
      jobId: string;
      finished?: boolean;
    }[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)?.finished).toBe(true);
    expect(new Set(seen.map((event) => event.jobId)).size).toBe(1);
    await page.getByText('iterations').waitFor();
    await snap(page, scheme, '05-security');

    // The audit log lists what just happened, in the grid.
    await openArea(page, 'Audit log');
    const grid = page.getByRole('treegrid').or(page.getByRole('grid'));
    await grid.getByText('Project created', { exact: true }).waitFor();
    await grid.getByText('minutes: 5', { exact: true }).waitFor();
    for (const action of ['Auto-lock changed', 'Backup made', 'Passphrase changed']) {
      expect(await grid.getByText(action, { exact: true }).count()).toBeGreaterThan(0);
    }
    await page.getByText(/^Entries 1–\d+ of \d+$/).waitFor();
    await snap(page, scheme, '06-audit-log');

    // Idle too long: the engine locks the project and the window goes to its unlock screen.
    harness.lockAsIfIdle();
    await heading(page, 'Unlock journey').waitFor();
    await page.getByText('The project locked itself while you were away.').waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill(FIRST);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await snap(page, scheme, '07-unlock-wrong');
    await page.getByLabel('Passphrase', { exact: true }).fill(SECOND);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    // Unlocking returns to the area the evaluator was in.
    await heading(page, 'Audit log').waitFor();

    // Locked by hand, then back to the start: the project is among the recent ones.
    await page.getByRole('button', { name: 'Lock project' }).click();
    await page.getByRole('button', { name: 'Choose another project' }).click();
    // Named by what it shows, in the order it shows it (WCAG 2.5.3): its name, its path, when it was last opened.
    const recent = page.getByRole('button', { name: /^journey / });
    await recent.waitFor();
    expect(await recent.evaluate((button) => button.getAttribute('aria-label'))).toBeNull();
    expect(await page.locator('.recent-project').count()).toBe(1);
    await snap(page, scheme, '08-start-recent');

    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });
});

describe('keyboard', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('the skip link comes first, and an area opens from the keyboard alone', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'keyboard');
    await heading(page, 'Your evaluation projects').waitFor();
    await createProject(page, FIRST);
    await heading(page, 'journey').waitFor();

    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    // Start the keyboard from the top of the document, as on arriving in the window.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to main content');
    await screenshot(page, 'keyboard-skip-link', 'screens');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // From the main area, the first control is the first area card; Enter opens it.
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^Import/);
    await page.keyboard.press('Enter');
    await heading(page, 'Import').waitFor();
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });
});
