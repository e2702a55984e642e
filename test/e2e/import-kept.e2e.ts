/**
 * The import wizard keeps its place while the evaluator works elsewhere in the project: a 200,000-row import
 * left running while the Data area is open shows its progress and Cancel on the way back (and "Import" is
 * marked in the navigation meanwhile); a small import's summary waits until the evaluator starts another; the
 * document wizard's choice and a half-done table wizard are kept too; and locking the project lets it all go.
 * Screenshots go to test-results/import-kept/.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, openPage } from './browser';
import { screenshotOnFailure } from './failureScreenshots';
import { startHarness, type Harness } from './harness';
import { heading, openArea, screenState } from './steps';

const PASSPHRASE = 'lantern orbit quietly marmalade 42';
const SHOTS = 'import-kept';

let browser: Browser;
let harness: Harness;
beforeAll(async () => {
  [browser, harness] = await Promise.all([launchChromium(), startHarness()]);
  const chosen = await harness.engine.call('project.choosePath', { purpose: 'create' });
  const projectPath = chosen.ok ? (chosen.value as { path: string }).path : '';
  const created = await harness.engine.call('project.create', { path: projectPath, passphrase: PASSPHRASE });
  expect(created.ok).toBe(true);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const step = (page: Page, number: number, name: string) =>
  page.getByRole('heading', { level: 2, name: `Step ${number} of 7: ${name}` }).waitFor({ timeout: 60_000 });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
/** The Import button in the navigation, and what it says is under way there. */
const importInNavigation = (page: Page) =>
  page
    .getByRole('navigation', { name: 'Project areas' })
    .getByRole('button', { name: 'Import', exact: true });
const importDescription = async (page: Page) => {
  const id = await importInNavigation(page).getAttribute('aria-describedby');
  return id === null ? null : page.locator(`[id="${id}"]`).textContent();
};
const rowCount = (table: string) =>
  harness.engine.session.requireProject().db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** Choose the file, take the suggested columns, send it to the roster and check it. */
async function checkRoster(page: Page, file: string, rows: number): Promise<void> {
  harness.importPath = file;
  await openArea(page, 'Import');
  await step(page, 1, 'Choose a file');
  await button(page, 'Choose a file…').click();
  await step(page, 2, 'Preview');
  await button(page, 'Next: what the file is').click();
  await page.getByLabel('A roster of participants').check();
  await button(page, 'Next: match the columns').click();
  await button(page, 'Check the file').click();
  await step(page, 5, 'Check');
  const count = rows.toLocaleString('en-GB');
  await page
    .getByText(`No problems found: ${count} rows of ${count} can go in.`)
    .waitFor({ timeout: 300_000 });
}

describe('the import wizard kept across areas', () => {
  test('a running import: away to Data and back, its progress and Cancel are still there', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'import-kept-running');
    await heading(page, 'journey').waitFor();
    const file = path.join(harness.dir, 'big-roster.csv');
    const out = createWriteStream(file);
    out.write('Employee ID,Email,Cohort,Role\n');
    for (let i = 0; i < 200_000; i++) out.write(`X${i},person${i}@example.org,2027 Autumn,Mentee\n`);
    await new Promise((resolve) => out.end(resolve));

    await checkRoster(page, file, 200_000);
    expect(await importDescription(page)).toBeNull();
    await button(page, 'Import 200,000 rows').click();
    await step(page, 6, 'Import');
    await page.getByText(/rows read · [\d,]+ rows\/s/).waitFor({ timeout: 60_000 });

    // Away to Data: the import goes on, and the navigation says where it is.
    await openArea(page, 'Data');
    expect(await importDescription(page)).toBe('An import is running');
    await screenState(page, '01-data-while-importing', SHOTS);

    // Back: the same step, rows still counting, and Cancel.
    await openArea(page, 'Import');
    await step(page, 6, 'Import');
    const rowsRead = async () =>
      Number(
        (await page.getByText(/rows read · [\d,]+ rows\/s/).textContent())
          ?.match(/^([\d,]+) rows read/)?.[1]
          ?.replaceAll(',', ''),
      );
    const first = await rowsRead();
    expect(first).toBeGreaterThan(0);
    await expect.poll(rowsRead, { timeout: 30_000 }).toBeGreaterThan(first);
    await screenState(page, '02-back-to-the-import', SHOTS);
    const cancels = () => harness.calls.filter((name) => name === 'import.cancel').length;
    await button(page, 'Cancel').click();
    await page.getByText('Cancelled. Nothing was imported; the project is exactly as it was.').waitFor();
    expect(cancels()).toBe(1);
    await expect.poll(() => importDescription(page)).toBeNull();
    await expect.poll(() => harness.engine.session.status().state).toBe('open');
    expect(rowCount('participant')).toBe(0);

    // The cancelled import is kept too, until the evaluator starts again.
    await openArea(page, 'Data');
    await openArea(page, 'Import');
    await page.getByText('Cancelled. Nothing was imported; the project is exactly as it was.').waitFor();
    await button(page, 'Start again').click();
    await step(page, 1, 'Choose a file');
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  }, 600_000);

  test('a finished import: its summary waits until the next import; locking lets it go', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'import-kept-summary');
    await heading(page, 'journey').waitFor();
    const file = path.join(harness.dir, 'small-roster.csv');
    writeFileSync(
      file,
      'Employee ID,Email,Cohort,Role\nE1,amara.okafor@example.org,2026 Spring,Mentee\nE2,ben.smith@example.org,2026 Spring,Mentor\nE3,chen.wang@example.org,2026 Spring,Mentee\n',
    );

    await checkRoster(page, file, 3);
    await button(page, 'Import 3 rows').click();
    await step(page, 7, 'Summary');
    const summary = page.getByText('small-roster.csv is in. Stored: 3 participants (3 new).');
    await summary.waitFor();

    await openArea(page, 'Data');
    expect(await importDescription(page)).toBeNull();
    await openArea(page, 'Import');
    await step(page, 7, 'Summary');
    await summary.waitFor();
    await screenState(page, '03-summary-kept', SHOTS);

    // Until the evaluator starts another import.
    await button(page, 'Import another file').click();
    await step(page, 1, 'Choose a file');
    expect(await summary.count()).toBe(0);

    // The document wizard is kept too: the choice of a transcript survives a visit to Data.
    await page.getByLabel('An interview transcript').check();
    const documentStep = page.getByRole('heading', { level: 2, name: 'Step 1 of 5: Choose a file' });
    await documentStep.waitFor();
    await openArea(page, 'Data');
    await openArea(page, 'Import');
    await documentStep.waitFor();
    expect(await page.getByLabel('An interview transcript').isChecked()).toBe(true);
    await page.getByLabel(/^A table/).check();
    await step(page, 1, 'Choose a file');

    // Mid-way through the wizard is kept as well; locking lets it go, and after unlocking the wizard is new.
    await button(page, 'Choose a file…').click();
    await step(page, 2, 'Preview');
    await openArea(page, 'Data');
    await openArea(page, 'Import');
    await step(page, 2, 'Preview');
    await page.getByRole('button', { name: 'Lock project' }).click();
    await heading(page, 'Unlock journey').waitFor();
    const passphrase = page.getByLabel('Passphrase', { exact: true });
    await passphrase.fill(PASSPHRASE);
    await passphrase.press('Enter');
    // Back in the area the evaluator was in, with a new wizard.
    await heading(page, 'Import').waitFor();
    await step(page, 1, 'Choose a file');
    expect(await page.getByText('small-roster.csv').count()).toBe(0);
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });
});
