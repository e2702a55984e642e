/**
 * The project home beyond the first journey: the audit log pages through a long history, the theme choice is
 * remembered, and a reloaded window comes back to the open project (the engine, not the window, holds it).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, openPage } from './browser';
import { screenshotOnFailure } from './failureScreenshots';
import { startHarness, type Harness } from './harness';
import { heading, openArea } from './steps';

const PASSPHRASE = 'lantern orbit quietly marmalade 42';

let browser: Browser;
let harness: Harness;
let projectPath: string;
beforeAll(async () => {
  [browser, harness] = await Promise.all([launchChromium(), startHarness()]);
  // The project is created through the engine, as the window would: these tests start at its home.
  const chosen = await harness.engine.call('project.choosePath', { purpose: 'create' });
  projectPath = chosen.ok ? (chosen.value as { path: string }).path : '';
  const created = await harness.engine.call('project.create', { path: projectPath, passphrase: PASSPHRASE });
  expect(created.ok).toBe(true);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe('the project home', () => {
  test('the audit log pages through a history longer than one page', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'audit-pages');
    await heading(page, 'journey').waitFor();

    // 60 changes of the auto-lock setting, made through the engine as the window would make them.
    for (let minutes = 1; minutes <= 60; minutes += 1) {
      const outcome = await harness.engine.call('project.setAutoLock', { minutes });
      expect(outcome.ok).toBe(true);
    }

    await openArea(page, 'Audit log');
    await page.getByText('Entries 1–50 of 61', { exact: true }).waitFor();
    const rows = page.locator('[role="row"]:has([role="gridcell"])');
    // Newest first: the last change is at the top of the first page.
    await page.getByText('minutes: 60', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Entries 51–61 of 61', { exact: true }).waitFor();
    await page.getByText('Project created', { exact: true }).waitFor();
    await expect.poll(() => rows.count()).toBe(11);
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.getByText('Entries 1–50 of 61', { exact: true }).waitFor();

    // Search in words and narrow by kind: the engine pages only the matching entries.
    await page.getByLabel('Search what happened').fill('created');
    await page.getByText('Entries 1–1 of 1', { exact: true }).waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.innerText()).toContain('Project created');
    await page.getByLabel('Search what happened').fill('');
    await page.getByLabel('Show', { exact: true }).selectOption('vault');
    await page.getByText('No entries match.', { exact: true }).waitFor();
    await page.getByLabel('Show', { exact: true }).selectOption('project');
    await page.getByText('Entries 1–50 of 61', { exact: true }).waitFor();
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });

  test('the theme choice is remembered, and a reloaded window returns to the open project', async () => {
    const watched = await openPage(browser, harness.url, { colorScheme: 'light' });
    const { page } = watched;
    screenshotOnFailure(page, 'theme-reload');
    await heading(page, 'journey').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');

    await page.getByLabel('Theme').selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(17, 21, 28)');

    await page.reload();
    await heading(page, 'journey').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getByLabel('Theme').inputValue()).toBe('dark');
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });

  test('repeated wrong passphrases slow down and say so; Open a project file… finds the project again', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'slow-unlock');
    await heading(page, 'journey').waitFor();
    await page.getByRole('button', { name: 'Lock project' }).click();
    await heading(page, 'Unlock journey').waitFor();

    const field = page.getByLabel('Passphrase', { exact: true });
    const unlock = page.getByRole('button', { name: 'Unlock', exact: true });
    const hint = page.getByText('each attempt waits a little longer', { exact: false });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await field.fill(`not the passphrase ${attempt}`);
      // Wait for the engine's answer to this attempt, not for the alert an earlier attempt left on screen.
      const answered = page.waitForResponse(
        (response) =>
          new URL(response.url()).pathname === '/call' &&
          (response.request().postDataJSON() as { name?: string } | null)?.name === 'project.open',
      );
      await unlock.click();
      await answered;
      await page.getByRole('alert').waitFor();
      await expect.poll(() => hint.count()).toBe(attempt < 3 ? 0 : 1);
    }

    // The fourth attempt waits (the engine's throttle); the window shows it is working and accepts no repeat.
    await field.fill('not the passphrase 4');
    const started = Date.now();
    await unlock.click();
    const working = page.getByRole('button', { name: 'Unlocking…' });
    await working.waitFor();
    expect(await working.isDisabled()).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('alert').waitFor();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    // Back to the start; the Open dialog (the harness's) answers with the project's file.
    await page.getByRole('button', { name: 'Choose another project' }).click();
    await heading(page, 'Your evaluation projects').waitFor();
    // Cancelling the dialog leaves the start screen as it was.
    harness.openPath = null;
    const dialogs = () => harness.calls.filter((name) => name === 'project.choosePath').length;
    const before = dialogs();
    await page.getByRole('button', { name: 'Open a project file…' }).click();
    await expect.poll(dialogs).toBe(before + 1);
    await heading(page, 'Your evaluation projects').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    harness.openPath = projectPath;
    await page.getByRole('button', { name: 'Open a project file…' }).click();
    await heading(page, 'Unlock journey').waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await heading(page, 'journey').waitFor({ timeout: 30_000 });
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });
});
