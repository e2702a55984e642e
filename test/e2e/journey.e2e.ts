/**
 * The foundation journey, in a real Chromium against the real engine: create a project, lock it, unlock it with
 * a wrong and then the right passphrase, and arrive at the project's home.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WRONG_PASSPHRASE_MESSAGE } from '../../shared/errors';
import { launchChromium, openPage } from './browser';
import { screenshotOnFailure } from './failureScreenshots';
import { startHarness, type Harness } from './harness';

const PASSPHRASE = 'lantern orbit quietly marmalade 42';

let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  harness = await startHarness();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

describe('an evaluator starts a project', () => {
  test('create, lock, unlock with the wrong then the right passphrase, and see the home screen', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'journey');

    await heading(page, 'Your evaluation projects').waitFor();
    await page.getByText('No recent projects yet').waitFor();
    await page.getByRole('button', { name: 'Create a new project…' }).click();

    // Create: the button waits for a passphrase the engine accepts, confirmed.
    await heading(page, 'Create a project').waitFor();
    const create = page.getByRole('button', { name: 'Create project' });
    const passphrase = page.getByLabel('Passphrase', { exact: true });
    const confirmation = page.getByLabel('Confirm passphrase', { exact: true });
    expect(await create.isDisabled()).toBe(true);

    await passphrase.fill('mentoring1');
    await expect.poll(() => page.locator('.strength strong').textContent()).toMatch(/Very weak|Weak|Fair/);
    await expect.poll(() => page.locator('#create-why').textContent()).toBe('Choose a stronger passphrase.');
    await confirmation.fill('mentoring1');
    expect(await create.isDisabled()).toBe(true);

    await passphrase.fill(PASSPHRASE);
    await expect.poll(() => page.locator('.strength strong').textContent()).toMatch(/^(Strong|Very strong)$/);
    await expect
      .poll(() => page.locator('#create-why').textContent())
      .toBe('The two passphrases are not the same.');
    expect(await create.isDisabled()).toBe(true);
    await confirmation.fill(PASSPHRASE);
    await expect.poll(() => create.isEnabled()).toBe(true);
    await create.click();

    // Home: the project is open and its file exists, encrypted, where the dialog said.
    await heading(page, 'journey').waitFor();
    await page.getByRole('navigation', { name: 'Project areas' }).waitFor();
    expect(existsSync(path.join(harness.dir, 'journey.confidant'))).toBe(true);

    // Lock: back to the unlock screen for this project.
    await page.getByRole('button', { name: 'Lock project' }).click();
    await heading(page, 'Unlock journey').waitFor();
    expect(harness.engine.session.status().state).toBe('locked');

    // A wrong passphrase: the engine's message, read out.
    const unlockField = page.getByLabel('Passphrase', { exact: true });
    await unlockField.fill('lantern orbit quietly marmalade 43');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(WRONG_PASSPHRASE_MESSAGE);
    expect(harness.engine.session.status().state).toBe('locked');

    // The right one, sent with Enter: home again.
    await unlockField.fill(PASSPHRASE);
    await unlockField.press('Enter');
    await heading(page, 'journey').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(harness.engine.session.status().state).toBe('open');

    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });
});
