/**
 * The Anonymise area in a real Chromium against the real engine. Disclosure risk: a roster imported through
 * the engine, the evaluator ticks department, gender and location, sees how many participants are unique,
 * groups the rare departments into "Other" after a preview and a confirmation, and sees the uniques drop.
 * Settings: countries, an id pattern tried on sample text, minimum cell sizes and a name to look for, still
 * there after the window reloads.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DataRows } from '../../shared/data';
import type { AuditPage } from '../../shared/project';
import { expectAccessible } from './accessibility';
import { launchChromium, openPage } from './browser';
import { screenshotOnFailure } from './failureScreenshots';
import { engineCall, importThroughEngine } from './engineSetup';
import { startHarness, type Harness } from './harness';
import { createProject, heading, openArea } from './steps';

const PASSPHRASE = 'lantern orbit quietly marmalade 42';

/*
 * 29 people. On department × gender × location: Finance F Leeds 6, Finance M Leeds 6, Operations F York 6,
 * Operations M York 6, HR F York 2, and three alone: Legal F York, Facilities F York, Finance F Manchester.
 * Grouping departments held by fewer than 3 (HR, Legal, Facilities) into "Other" makes Other F York a group of
 * 4, leaving one participant unique.
 */
const PEOPLE = [
  ...Array.from({ length: 12 }, (_, i) => ['Finance', i % 2 ? 'M' : 'F', 'Leeds']),
  ...Array.from({ length: 12 }, (_, i) => ['Operations', i % 2 ? 'M' : 'F', 'York']),
  ['HR', 'F', 'York'],
  ['HR', 'F', 'York'],
  ['Legal', 'F', 'York'],
  ['Facilities', 'F', 'York'],
  ['Finance', 'F', 'Manchester'],
] as const;

let browser: Browser;
let harness: Harness;
beforeAll(async () => {
  [browser, harness] = await Promise.all([launchChromium(), startHarness()]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

/** The roster committed through the engine as the import wizard would, with the roles it suggests. */
async function importRoster(): Promise<void> {
  const roster = [
    'Employee ID,Email,Department,Gender,Location',
    ...PEOPLE.map(
      ([department, gender, location], i) =>
        `E${1000 + i},person.${i}@example.org,${department},${gender},${location}`,
    ),
  ].join('\n');
  const summary = await importThroughEngine(harness, 'roster.csv', roster, 'roster');
  expect(summary).toMatchObject({ committed: true, rowsImported: PEOPLE.length });
}

const figure = (page: Page, label: string) =>
  page
    .locator('.risk-figure')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

describe('the Anonymise area', () => {
  test('shows the uniques on department, gender and location, and drops them by grouping rare departments', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'disclosure-risk');
    await heading(page, 'Your evaluation projects').waitFor();
    await createProject(page, PASSPHRASE);
    await heading(page, 'journey').waitFor();
    await importRoster();

    await openArea(page, 'Anonymise');
    await openTab(page, 'Disclosure risk');
    await expect.poll(() => figure(page, 'Participants').textContent()).toBe(String(PEOPLE.length));
    for (const attribute of ['Department', 'Gender', 'Location']) {
      await page.getByRole('checkbox', { name: new RegExp(`^${attribute}`) }).check();
    }
    await expect.poll(() => figure(page, 'Unique participants').textContent()).toBe('3');
    expect(await figure(page, 'Smallest group (k)').textContent()).toBe('1');
    await expect
      .poll(() => page.locator('.risk-grid .ag-row[row-index="0"] [col-id="size"]').textContent())
      .toBe('1');
    await page.screenshot({ path: 'test-results/screens/disclosure-risk.png' });
    await expectAccessible(page, 'Anonymise: disclosure risk');

    // Generalise: departments held by fewer than 3 into "Other", previewed first.
    expect(await page.getByLabel('Attribute', { exact: true }).inputValue()).toBe('department');
    await page.getByLabel('Group values held by fewer than').fill('3');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.locator('.generalise-preview');
    await expect
      .poll(() => preview.locator('p').textContent())
      .toBe('4 participants would change. Unique participants: 3 → 1. Smallest group (k): 1 → 1.');
    expect(await preview.getByRole('listitem').allTextContents()).toEqual([
      'HR → Other (2 participants)',
      'Facilities → Other (1 participant)',
      'Legal → Other (1 participant)',
    ]);
    // Nothing is written until the evaluator confirms.
    expect(await figure(page, 'Unique participants').textContent()).toBe('3');
    const activeText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    const generalise = page.getByRole('button', { name: 'Generalise Department…' });
    await generalise.click();
    const confirm = page.getByRole('group', { name: 'Confirm the generalisation' });
    await confirm.getByText('cannot be undone').waitFor();
    await expectAccessible(page, 'Anonymise: a generalisation previewed and to confirm');
    // Cancelled, focus is back on the button that asked; confirmed, it is on the result.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(activeText).toBe('Generalise Department…');
    await page.keyboard.press('Enter');
    await expect.poll(activeText).toBe('Generalise');
    await confirm.getByRole('button', { name: 'Generalise', exact: true }).click();
    await page.getByText('Department generalised: 4 participants changed.').waitFor();
    await expect.poll(activeText).toBe('Department generalised: 4 participants changed.');
    await expect.poll(() => figure(page, 'Unique participants').textContent()).toBe('1');

    await page.getByLabel('Theme').selectOption('dark');
    await page.screenshot({ path: 'test-results/screens/disclosure-risk-dark.png', fullPage: true });

    const others = await engineCall<DataRows>(harness, 'data.rows', {
      table: 'participants',
      filters: [{ column: 'department', op: 'equals', value: 'Other' }],
    });
    expect(others.total).toBe(4);
    const audit = await engineCall<AuditPage>(harness, 'project.audit', { offset: 0, limit: 5 });
    expect(audit.entries[0]).toMatchObject({ action: 'anonymize.generalise', objectId: 'department' });
    expect(JSON.parse(audit.entries[0]!.detail!)).toEqual({
      rule: 'groupRare',
      threshold: 3,
      participantsChanged: 4,
    });

    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });

  test('keeps countries, id patterns, cell sizes and names to look for across a reload', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'anonymisation-settings');
    await heading(page, 'journey').waitFor();
    await openArea(page, 'Anonymise');
    await openTab(page, 'Settings');

    const countries = page.getByLabel('Countries whose national ids to look for');
    await expect.poll(() => countries.inputValue()).toBe('GB, US');
    await countries.fill('gb, ie');
    await page.getByLabel('Smallest group a number may describe').fill('7');
    await page.getByRole('button', { name: 'Add an id pattern' }).click();
    await page.getByLabel('Pattern 1', { exact: true }).fill('EMP-######');
    await page.getByLabel('What it is (optional)').fill('staff number');
    await page.getByLabel('Try the patterns on sample text').fill('Ask EMP-004211 or EMP-12 about it.');
    await page.getByRole('button', { name: 'Try the patterns' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'What the patterns find' }).textContent())
      .toBe('EMP-######: finds “EMP-004211”');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();

    await page.getByLabel('Other names participants go by, one a line').fill('Bartholomew\nZeph Quill');
    await page.getByRole('button', { name: 'Add names' }).click();
    await page.getByText('Added: 3 new words.').waitFor();
    await page.screenshot({ path: 'test-results/screens/anonymisation-settings.png' });
    await expectAccessible(page, 'Anonymise: settings');

    await page.reload();
    await heading(page, 'journey').waitFor();
    await openArea(page, 'Anonymise');
    await openTab(page, 'Settings');
    await expect.poll(() => countries.inputValue()).toBe('GB, IE');
    expect(await page.getByLabel('Smallest group a number may describe').inputValue()).toBe('7');
    expect(await page.getByLabel('Smallest group a quote may be attributed to').inputValue()).toBe('10');
    expect(await page.getByLabel('Pattern 1', { exact: true }).inputValue()).toBe('EMP-######');
    expect(await page.getByLabel('What it is (optional)').inputValue()).toBe('staff number');
    await page.getByText('and 3 words you added.').waitFor();
    // The names are counted, never shown again.
    expect(await page.getByLabel('Other names participants go by, one a line').inputValue()).toBe('');
    expect(await page.locator('main').textContent()).not.toContain('Bartholomew');

    // The keyboard moves between the tabs.
    await page.getByRole('tab', { name: 'Settings' }).press('ArrowLeft');
    await page.getByRole('heading', { level: 2, name: 'Disclosure risk' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Disclosure risk');

    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });
});
