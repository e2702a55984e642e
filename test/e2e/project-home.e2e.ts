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
beforeAll(async () => {
  [browser, harness] = await Promise.all([launchChromium(), startHarness()]);
  // The project is created through the engine, as the window would: these tests start at its home.
  const chosen = await harness.engine.call('project.choosePath', { purpose: 'create' });
  const path = chosen.ok ? (chosen.value as { path: string }).path : '';
  const created = await harness.engine.call('project.create', { path, passphrase: PASSPHRASE });
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
});
