/**
 * The demo's own program files through the import wizard in Chromium: after the roster, its pairings, meetings
 * and career moves. Each is taken for the right kind of file from its columns, its suggested columns pass the
 * mapping step, it is checked and imported, and the Data area then holds it. An HR file sent to the roster is
 * stopped at the mapping step, before anything is read. Screenshots at 1024 px go to test-results/program-files/.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleProgram } from '../../electron/core/demo/exampleProgram';
import { launchChromium, openPage } from './browser';
import { importThroughEngine } from './engineSetup';
import { screenshotOnFailure } from './failureScreenshots';
import { startHarness, type Harness } from './harness';
import { heading, openArea, screenState } from './steps';

const PASSPHRASE = 'lantern orbit quietly marmalade 42';
const SHOTS = 'program-files';
const files = exampleProgram();
const demoFile = (name: string) => files.find((file) => file.name === name)!;
const dataRows = (name: string) => demoFile(name).content.trim().split('\n').length - 1;

let browser: Browser;
let harness: Harness;
beforeAll(async () => {
  [browser, harness] = await Promise.all([launchChromium(), startHarness()]);
  const chosen = await harness.engine.call('project.choosePath', { purpose: 'create' });
  const projectPath = chosen.ok ? (chosen.value as { path: string }).path : '';
  const created = await harness.engine.call('project.create', { path: projectPath, passphrase: PASSPHRASE });
  expect(created.ok).toBe(true);
  // The roster has its own wizard tests; here it is only what the other files refer to.
  await importThroughEngine(harness, 'roster.csv', demoFile('roster.csv').content, 'roster');
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const step = (page: Page, number: number, name: string) =>
  page.getByRole('heading', { level: 2, name: `Step ${number} of 7: ${name}` }).waitFor({ timeout: 60_000 });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** From the Import area's first step to the kind of file, the demo's file chosen. */
async function chooseDemoFile(page: Page, name: string): Promise<void> {
  const file = path.join(harness.dir, name);
  writeFileSync(file, demoFile(name).content);
  harness.importPath = file;
  await openArea(page, 'Import');
  await step(page, 1, 'Choose a file');
  await button(page, 'Choose a file…').click();
  await step(page, 2, 'Preview');
  await button(page, 'Next: what the file is').click();
  await step(page, 3, 'What the file is');
}

describe('the demo program’s files through the wizard', () => {
  test('pairings, meetings and career moves are taken for what they are, imported and found in Data', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    await page.setViewportSize({ width: 1024, height: 768 });
    screenshotOnFailure(page, 'program-files');
    await heading(page, 'journey').waitFor();

    const cases = [
      { name: 'pairings.csv', kind: 'Mentoring pairs', stored: 'pairings', table: 'Pairings' },
      { name: 'meetings.csv', kind: 'An activity log', stored: 'meetings', table: 'Meetings' },
      {
        name: 'career-moves.csv',
        kind: 'HR progression records',
        stored: 'career events',
        table: 'Progression events',
      },
    ];
    for (const [n, each] of cases.entries()) {
      const rows = dataRows(each.name);
      await chooseDemoFile(page, each.name);
      expect(await page.getByLabel(each.kind, { exact: false }).isChecked()).toBe(true);
      await button(page, 'Next: match the columns').click();
      await step(page, 4, 'Match columns');
      expect(await page.locator('.issues').count()).toBe(0);
      await screenState(page, `${n + 1}-${each.name}-columns`, SHOTS);
      // A form, not a table: at 1024 px and at 640 px every control is on screen, with no sideways scroll.
      for (const width of [1024, 640]) {
        await page.setViewportSize({ width, height: 768 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const boxes = await page
          .locator('.mapping-column select, .mapping-column input')
          .evaluateAll((controls) => controls.map((control) => control.getBoundingClientRect().right));
        expect(Math.max(...boxes)).toBeLessThanOrEqual(width);
        if (n === 0) await screenState(page, `${n + 1}-${each.name}-columns-${width}`, SHOTS);
      }
      await page.setViewportSize({ width: 1024, height: 768 });
      await button(page, 'Check the file').click();
      await step(page, 5, 'Check');
      await page
        .getByText(`No problems found: ${rows} rows of ${rows} can go in.`)
        .waitFor({ timeout: 60_000 });
      await button(page, `Import ${rows} rows`).click();
      await step(page, 7, 'Summary');
      await page
        .getByText(`${each.name} is in. Stored: ${rows} ${each.stored}, 0 new participants.`)
        .waitFor();
      await button(page, 'Import another file').click();
    }

    await openArea(page, 'Data');
    const tables = page.getByRole('navigation', { name: 'Tables' });
    for (const each of cases)
      await expect
        .poll(() => tables.getByRole('button', { name: new RegExp(`^${each.table}`) }).textContent())
        .toBe(`${each.table} ${dataRows(each.name)} rows`);
    await tables.getByRole('button', { name: /^Meetings/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Meetings' }).waitFor();
    await expect
      .poll(() => page.locator('.data-toolbar [role="status"]').textContent())
      .toBe(`${dataRows('meetings.csv')} rows`);
    await screenState(page, '4-data-meetings', SHOTS);

    // The Overview now says what the project holds and what to do next.
    await page
      .getByRole('navigation', { name: 'Project areas' })
      .getByRole('button', { name: 'Overview', exact: true })
      .click();
    const holds = page.locator('.holdings');
    await holds.waitFor();
    for (const words of ['40 participants', '26 pairings', '78 meetings', '14 career events'])
      expect(await holds.innerText()).toContain(words);
    await page.getByText('Import a survey wave, such as the baseline survey', { exact: false }).waitFor();
    await screenState(page, '4-overview', SHOTS);

    // The audit log names each imported file and what it was imported as.
    await openArea(page, 'Audit log');
    await page.getByLabel('Search what happened').fill('imported');
    await page
      .getByText('File imported: “career-moves.csv” as HR progression records', { exact: true })
      .waitFor();
    await page.getByText('File imported: “pairings.csv” as a pairing list', { exact: true }).waitFor();
    await screenState(page, '4-audit', SHOTS);
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });

  test('an HR file sent to the roster is stopped at the columns, before anything is read', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    await page.setViewportSize({ width: 1024, height: 768 });
    screenshotOnFailure(page, 'program-files-hr-as-roster');
    await heading(page, 'journey').waitFor();
    await chooseDemoFile(page, 'career-moves.csv');
    await page.getByLabel('A roster of participants').check();
    await button(page, 'Next: match the columns').click();
    await step(page, 4, 'Match columns');
    await page
      .getByText(
        'A roster does not keep “Change type” and “Effective date”: leave them out, or import the file as HR progression records.',
      )
      .waitFor();
    expect(await button(page, 'Check the file').isDisabled()).toBe(true);
    await screenState(page, '5-hr-as-roster', SHOTS);
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });

  test('a PNG renamed .csv is called an image by its own file name, and an open quote is warned of at once', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    await page.setViewportSize({ width: 1024, height: 768 });
    screenshotOnFailure(page, 'program-files-messy');
    await heading(page, 'journey').waitFor();
    const png = path.join(harness.dir, 'attendance export.csv');
    writeFileSync(
      png,
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600, 3)]),
    );
    harness.importPath = png;
    await openArea(page, 'Import');
    await button(page, 'Choose a file…').click();
    const error = page.getByRole('alert');
    await error.waitFor();
    // innerText is the text as shown, after any CSS text-transform.
    expect(await error.innerText()).toBe(
      'attendance export.csv: this looks like a PNG image, not a spreadsheet: export it from its program as CSV or XLSX.',
    );
    await screenState(page, '6-png-as-csv', SHOTS);

    const quoted = path.join(harness.dir, 'comments.csv');
    writeFileSync(quoted, 'Email,Comment\namara.okafor@example.org,"Helpful\nben.smith@example.org,Fine\n');
    harness.importPath = quoted;
    await button(page, 'Choose a file…').click();
    await step(page, 2, 'Preview');
    const warning = page.locator('.preview-problems');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('the check will report it too');
    expect(await warning.innerText()).toContain(
      'Row 2, Comment: a quoted answer opens here and does not close before the end of the file',
    );
    await screenState(page, '7-open-quote', SHOTS);
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });
});
