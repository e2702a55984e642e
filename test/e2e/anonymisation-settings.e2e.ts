/**
 * What the scan of free text looks for, in Anonymise → Settings: six kinds in plain words, all on by default;
 * one switched off is saved in the project, shown off again after a reload, and read by the next scan.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AnonymisationSettings } from '../../shared/anonymize';
import { launchChromium, openPage, screenshot } from './browser';
import { engineCall } from './engineSetup';
import { screenshotOnFailure } from './failureScreenshots';
import { startHarness, type Harness } from './harness';
import { createProject, heading, openArea } from './steps';

const PASSPHRASE = 'lantern orbit quietly marmalade 42';

let browser: Browser;
let harness: Harness;
beforeAll(async () => {
  [browser, harness] = await Promise.all([launchChromium(), startHarness()]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe('what to look for in free text', () => {
  test('six kinds in plain words, all on; one switched off is saved and stays off', async () => {
    const { page } = await openPage(browser, harness.url);
    screenshotOnFailure(page, 'anonymisation-settings');
    await page.setViewportSize({ width: 1024, height: 900 });
    await heading(page, 'Your evaluation projects').waitFor();
    await createProject(page, PASSPHRASE);
    await heading(page, 'journey').waitFor();
    await openArea(page, 'Anonymise');
    await page.getByRole('tab', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'What to look for in free text' });
    await section.waitFor();
    const kinds = ['Names of people', 'Places', 'Organisations', 'Dates', 'Ages', 'User names'];
    for (const kind of kinds)
      expect(await section.getByRole('checkbox', { name: kind }).isChecked()).toBe(true);
    await section.getByText('Names on the roster are always found, even with this off.').waitFor();
    await screenshot(page, '01-look-for', 'anonymisation-settings');

    await section.getByRole('checkbox', { name: 'Ages' }).uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const saved = (await engineCall(harness, 'anonymize.settings', {})) as AnonymisationSettings;
    expect(saved.lookFor).toEqual({
      people: true,
      places: true,
      organisations: true,
      dates: true,
      ages: false,
      usernames: true,
    });

    await page.reload();
    await openArea(page, 'Anonymise');
    await page.getByRole('tab', { name: 'Settings' }).click();
    const again = page.getByRole('region', { name: 'What to look for in free text' });
    await again.waitFor();
    expect(await again.getByRole('checkbox', { name: 'Ages' }).isChecked()).toBe(false);
    expect(await again.getByRole('checkbox', { name: 'User names' }).isChecked()).toBe(true);
  });
});
