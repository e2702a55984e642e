/**
 * The import wizard in Chromium against the real engine: an Excel roster, a Qualtrics survey wave with a bad
 * answer that the check lists and the evaluator skips, the same files again (already imported, nothing
 * changes), and cancelling a 200,000-row import (nothing kept). Screenshots of each step go to
 * test-results/import-wizard/.
 */
import ExcelJS from 'exceljs';
import { createWriteStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, openPage } from './browser';
import { screenshotOnFailure } from './failureScreenshots';
import { startHarness, type Harness } from './harness';
import { heading, openArea, screenState } from './steps';

const PASSPHRASE = 'lantern orbit quietly marmalade 42';
const SHOTS = 'import-wizard';

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

const PEOPLE = [
  ['E1001', 'amara.okafor@example.org', 'Amara', 'Okafor', '2026 Spring', 'Mentee', 'Finance'],
  ['E1002', 'ben.smith@example.org', 'Ben', 'Smith', '2026 Spring', 'Mentor', 'Operations'],
  ['E1003', 'chen.wang@example.org', 'Chen', 'Wang', '2026 Spring', 'Mentee', 'Finance'],
  ['E1004', 'dana.ruiz@example.org', 'Dana', 'Ruiz', '2026 Spring', 'Mentor', 'Legal'],
  ['E1005', 'eli.novak@example.org', 'Eli', 'Novak', '2026 Spring', 'Mentee', 'Sales'],
];

async function writeRosterWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Read me').addRows([['Roster of the 2026 Spring cohort, exported from HR']]);
  workbook
    .addWorksheet('Roster')
    .addRows([
      ['Employee ID', 'Email', 'First name', 'Last name', 'Cohort', 'Role', 'Department'],
      ...PEOPLE,
    ]);
  await workbook.xlsx.writeFile(file);
}

const csvLine = (cells: string[]) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',');
/** A Qualtrics export: names, questions and import ids, then one row per response; row 6 answers "7". */
function qualtricsExport(): string {
  const answers: [string, string, string][] = [
    ['Agree', 'Strongly agree', 'I chaired my first project meeting and it went well.'],
    ['Strongly agree', 'Agree', 'Talking decisions through with my mentor has made me calmer.'],
    ['7', 'Agree', 'I have a clearer idea of where I want my career to go.'],
    ['Disagree', 'Neither agree nor disagree', 'We have only met twice so far, so it is early days.'],
    ['Agree', 'Agree', 'I now ask for feedback on my work much more often than before.'],
  ];
  return [
    csvLine(['StartDate', 'EndDate', 'Status', 'ResponseId', 'RecipientEmail', 'Q1', 'Q2', 'Q3']),
    csvLine([
      'Start Date',
      'End Date',
      'Response Type',
      'Response ID',
      'Recipient Email',
      'I feel confident leading a team',
      'My mentor helps me think through decisions',
      'What has changed for you since the programme began?',
    ]),
    csvLine(
      ['startDate', 'endDate', 'status', '_recordId', 'recipientEmail', 'QID1', 'QID2', 'QID3_TEXT'].map(
        (id) => `{"ImportId":"${id}"}`,
      ),
    ),
    ...answers.map((answer, i) =>
      csvLine([
        '2026-03-02 09:00:00',
        '2026-03-02 09:07:00',
        'IP Address',
        `R_${i + 1}aBcD`,
        PEOPLE[i]![1]!,
        ...answer,
      ]),
    ),
  ].join('\r\n');
}

/** Every row of every table, the audit log included: "changes nothing" means this stays the same. */
function projectContents(): string {
  const db = harness.engine.session.requireProject().db;
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return JSON.stringify(
    tables.map((table) => [
      table,
      db
        .prepare(`SELECT * FROM "${table}"`)
        .raw()
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}
const count = (sql: string) =>
  harness.engine.session.requireProject().db.prepare(sql).pluck().get() as number;

const step = (page: Page, number: number, name: string) =>
  page.getByRole('heading', { level: 2, name: `Step ${number} of 7: ${name}` }).waitFor({ timeout: 60_000 });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function chooseFile(page: Page, file: string): Promise<void> {
  harness.importPath = file;
  await openArea(page, 'Import');
  await step(page, 1, 'Choose a file');
  await button(page, 'Choose a file…').click();
  await step(page, 2, 'Preview');
}

describe('the import wizard', () => {
  test('an Excel roster: another sheet, the columns matched and saved, checked, imported', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'import-roster');
    await heading(page, 'journey').waitFor();
    const file = path.join(harness.dir, 'roster.xlsx');
    await writeRosterWorkbook(file);

    await chooseFile(page, file);
    await page.getByText('Read as a plain table: one heading row').waitFor();
    // The first sheet is a note; the evaluator picks the roster's sheet.
    await page.getByLabel('Sheet').selectOption('Roster');
    await page.locator('.import-grid [role="gridcell"]', { hasText: 'amara.okafor@example.org' }).waitFor();
    expect(await page.getByLabel('Sheet').inputValue()).toBe('Roster');
    await screenState(page, '01-roster-preview', SHOTS);

    await button(page, 'Next: what the file is').click();
    await step(page, 3, 'What the file is');
    expect(await page.getByLabel('A roster of participants').isChecked()).toBe(true);
    await button(page, 'Next: match the columns').click();
    await step(page, 4, 'Match columns');
    expect(await page.getByLabel('What “Employee ID” holds').inputValue()).toBe('participantId');
    expect(await page.getByLabel('What “Email” holds').inputValue()).toBe('email');
    expect(await page.getByLabel('What “Role” holds').inputValue()).toBe('role');
    // The evaluator leaves the department out, and saves the mapping for next term's export.
    await page.getByLabel('What “Department” holds').selectOption('ignore');
    await page.getByLabel('Name for this mapping').fill('HR roster');
    await button(page, 'Save this mapping for files like this').click();
    await page.getByText('Saved as HR roster.').waitFor();
    await screenState(page, '02-roster-columns', SHOTS);

    await button(page, 'Check the file').click();
    await step(page, 5, 'Check');
    await page.getByText('No problems found: 5 rows of 5 can go in.').waitFor({ timeout: 60_000 });
    expect(count('SELECT count(*) FROM participant')).toBe(0);
    await screenState(page, '03-roster-check', SHOTS);

    await button(page, 'Import 5 rows').click();
    await step(page, 7, 'Summary');
    await page.getByText('roster.xlsx is in. Stored: 5 participants (5 new).').waitFor();
    const summary = page.locator('.import-summary');
    expect(await summary.innerText()).toMatch(/Participants added\s+5/);
    await screenState(page, '04-roster-summary', SHOTS);
    expect(count('SELECT count(*) FROM participant')).toBe(5);
    expect(count('SELECT count(*) FROM participant WHERE department IS NOT NULL')).toBe(0);
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });

  test('a Qualtrics wave: the bad answer is listed by row and column, skipped, the rest imported', async () => {
    const watched = await openPage(browser, harness.url, { colorScheme: 'dark' });
    const { page } = watched;
    screenshotOnFailure(page, 'import-qualtrics');
    await heading(page, 'journey').waitFor();
    const file = path.join(harness.dir, 'baseline-qualtrics.csv');
    writeFileSync(file, qualtricsExport());

    await chooseFile(page, file);
    await page.getByText('Recognised: Qualtrics export: three heading rows', { exact: false }).waitFor();
    await page.getByText('The data start at row 4.', { exact: false }).waitFor();
    await screenState(page, '05-qualtrics-preview', SHOTS);

    await button(page, 'Next: what the file is').click();
    await step(page, 3, 'What the file is');
    expect(await page.getByLabel('A survey wave', { exact: false }).isChecked()).toBe(true);
    // Nothing to match until the wave has its window and survey.
    expect(await button(page, 'Next: match the columns').isDisabled()).toBe(true);
    await page.getByLabel('Collection window', { exact: true }).fill('Baseline');
    await page.getByLabel('Survey (instrument)', { exact: true }).fill('Confidence survey');
    await screenState(page, '07-qualtrics-destination', SHOTS);
    await button(page, 'Next: match the columns').click();
    await step(page, 4, 'Match columns');
    expect(await page.getByLabel('What “RecipientEmail” holds').inputValue()).toBe('email');
    expect(await page.getByLabel('What “StartDate” holds').inputValue()).toBe('ignore');
    expect(await page.getByLabel('What “Q1” holds').inputValue()).toBe('likertItem');
    expect(await page.getByLabel('Answer scale of “Q1”').inputValue()).toBe('agreement-5');
    expect(await page.getByLabel('What “Q3” holds').inputValue()).toBe('freeText');
    await page.getByText('1 = Strongly disagree, 2 = Disagree', { exact: false }).first().waitFor();
    await screenState(page, '06-qualtrics-columns', SHOTS);
    await button(page, 'Check the file').click();

    await step(page, 5, 'Check');
    await page.getByText('1 problem in 1 row; 4 rows of 5 can go in.').waitFor({ timeout: 60_000 });
    const problemRows = page.locator('[aria-label="Problems found"] [role="row"]:has([role="gridcell"])');
    await expect.poll(() => problemRows.count()).toBe(1);
    expect(await problemRows.locator('[col-id="row"]').innerText()).toBe('6');
    expect(await problemRows.locator('[col-id="column"]').innerText()).toBe('Q1');
    expect(await problemRows.locator('[col-id="value"]').innerText()).toBe('7');
    expect(await problemRows.locator('[col-id="message"]').innerText()).toContain(
      'outside the 5-point agreement',
    );
    expect(count('SELECT count(*) FROM response_set')).toBe(0);
    const importButton = button(page, 'Import 4 rows');
    expect(await importButton.isDisabled()).toBe(true);
    await screenState(page, '08-qualtrics-check', SHOTS);

    await page.getByLabel('Skip the 1 row with problems and import the rest').check();
    await importButton.click();
    await step(page, 7, 'Summary');
    await page.getByText('baseline-qualtrics.csv is in. Stored: 4 responses, 0 new participants.').waitFor();
    const summary = await page.locator('.import-summary').innerText();
    expect(summary).toMatch(/Rows skipped\s+1/);
    expect(summary).toMatch(/Participants added\s+0/);
    await page.getByText('Q1: 1 row, expected a 5-point agreement answer', { exact: false }).waitFor();
    await screenState(page, '09-qualtrics-summary', SHOTS);

    expect(count('SELECT count(*) FROM response_set')).toBe(4);
    expect(count('SELECT count(*) FROM participant')).toBe(5);
    expect(count("SELECT count(*) FROM item WHERE type = 'likert' AND scale_id IS NOT NULL")).toBe(2);
    expect(count('SELECT count(*) FROM response WHERE value = 5')).toBe(2);
    // The items carry the questions as the respondents saw them, not Qualtrics' column names.
    const items = harness.engine.session
      .requireProject()
      .db.prepare('SELECT code, text, type FROM item ORDER BY position')
      .all();
    expect(items).toEqual([
      { code: 'Q1', text: 'I feel confident leading a team', type: 'likert' },
      { code: 'Q2', text: 'My mentor helps me think through decisions', type: 'likert' },
      { code: 'Q3', text: 'What has changed for you since the programme began?', type: 'text' },
    ]);
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });

  test('the same files again are recognised as already imported and change nothing', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'import-again');
    await heading(page, 'journey').waitFor();
    const before = projectContents();

    // The survey wave, into the window and survey it went into before (now offered as existing ones).
    await chooseFile(page, path.join(harness.dir, 'baseline-qualtrics.csv'));
    await button(page, 'Next: what the file is').click();
    await step(page, 3, 'What the file is');
    await page.getByLabel('Collection window', { exact: true }).selectOption('Baseline');
    await page.getByLabel('Survey (instrument)', { exact: true }).selectOption('Confidence survey');
    await button(page, 'Next: match the columns').click();
    await button(page, 'Check the file').click();
    await step(page, 7, 'Summary');
    await page.getByText('Already imported.').waitFor();
    await screenState(page, '10-already-imported', SHOTS);
    expect(projectContents()).toBe(before);

    // The roster: its saved mapping is offered at once, and it too is recognised.
    await button(page, 'Import another file').click();
    harness.importPath = path.join(harness.dir, 'roster.xlsx');
    await button(page, 'Choose a file…').click();
    await step(page, 2, 'Preview');
    await page.getByLabel('Sheet').selectOption('Roster');
    await page.locator('.import-grid [role="gridcell"]', { hasText: 'ben.smith@example.org' }).waitFor();
    await button(page, 'Next: what the file is').click();
    await button(page, 'Next: match the columns').click();
    await page.getByText('Using the mapping saved as HR roster', { exact: false }).waitFor();
    expect(await page.getByLabel('What “Department” holds').inputValue()).toBe('ignore');
    await screenState(page, '11-saved-mapping', SHOTS);
    await button(page, 'Check the file').click();
    await step(page, 7, 'Summary');
    await page.getByText('Already imported.').waitFor();
    expect(projectContents()).toBe(before);
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });

  test('cancelling a 200,000-row import leaves the project exactly as it was', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'import-cancel');
    await heading(page, 'journey').waitFor();
    const file = path.join(harness.dir, 'big-roster.csv');
    const out = createWriteStream(file);
    out.write('Employee ID,Email,Cohort,Role\n');
    for (let i = 0; i < 200_000; i++) out.write(`X${i},person${i}@example.org,2027 Autumn,Mentee\n`);
    await new Promise((resolve) => out.end(resolve));
    const before = projectContents();

    await chooseFile(page, file);
    await button(page, 'Next: what the file is').click();
    await page.getByLabel('A roster of participants').check();
    await button(page, 'Next: match the columns').click();
    await button(page, 'Check the file').click();
    await step(page, 5, 'Check');
    await page
      .getByText('No problems found: 200,000 rows of 200,000 can go in.')
      .waitFor({ timeout: 300_000 });

    await button(page, 'Import 200,000 rows').click();
    await step(page, 6, 'Import');
    // Progress with rows per second, then Cancel while rows are still coming in.
    await page.getByText(/rows read · [\d,]+ rows\/s/).waitFor({ timeout: 60_000 });
    await screenState(page, '12-import-progress', SHOTS);
    const cancels = () => harness.calls.filter((name) => name === 'import.cancel').length;
    await button(page, 'Cancel').click();
    await page.getByText('Cancelled. Nothing was imported; the project is exactly as it was.').waitFor();
    expect(cancels()).toBe(1);
    await screenState(page, '13-import-cancelled', SHOTS);
    await expect.poll(() => harness.engine.session.status().state).toBe('open');
    expect(projectContents()).toBe(before);
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  }, 600_000);
});
