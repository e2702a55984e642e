/**
 * The data browser in a real Chromium against the real engine: a roster and a survey wave imported through
 * the engine (as the import wizard would commit them), then the Data area pages, sorts and filters Participants
 * and Responses in the engine, and the column chooser hides a column.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DataRowsQuery } from '../../shared/data';
import { expectAccessible } from './accessibility';
import { launchChromium, openPage } from './browser';
import { screenshotOnFailure } from './failureScreenshots';
import { importThroughEngine } from './engineSetup';
import { startHarness, type Harness } from './harness';
import { createProject, heading, openArea } from './steps';

const PASSPHRASE = 'lantern orbit quietly marmalade 42';
const PEOPLE = 230;
const RESPONDENTS = 30;
const DEPARTMENTS = ['Finance', 'Operations', 'HR', 'IT'];

let browser: Browser;
let harness: Harness;
beforeAll(async () => {
  [browser, harness] = await Promise.all([launchChromium(), startHarness()]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const person = (n: number) => ({
  id: `E${String(n).padStart(4, '0')}`,
  email: `person.${n}@example.org`,
  department: DEPARTMENTS[n % DEPARTMENTS.length]!,
});

/** A file granted to the engine and committed with the mapping the engine suggests for it. */
async function engineRows(query: Partial<DataRowsQuery> & { table: string }) {
  const outcome = await harness.engine.call('data.rows', query);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value as { total: number; rows: Record<string, string | number | null>[] };
}

/** The text of one column in the rows the grid shows, top to bottom (it draws only the rows in view). */
function shownColumn(page: Page, colId: string): Promise<string[]> {
  return page.evaluate(
    (id) =>
      [...document.querySelectorAll('.data-grid .ag-row[row-index]')]
        .map(
          (row) =>
            [
              Number(row.getAttribute('row-index')),
              row.querySelector(`[col-id="${id}"]`)?.textContent ?? '',
            ] as const,
        )
        .sort((a, b) => a[0] - b[0])
        .map(([, text]) => text),
    colId,
  );
}

/** Waits until the grid shows the first rows of what the engine gives for the same query. */
async function expectShown(page: Page, colId: string, expected: (string | number | null | undefined)[]) {
  const wanted = expected.map((value) => String(value ?? ''));
  let shown: string[] = [];
  try {
    await expect
      .poll(async () => {
        shown = await shownColumn(page, colId);
        return shown.length >= Math.min(5, wanted.length) && shown.every((text, i) => text === wanted[i]);
      })
      .toBe(true);
  } catch {
    expect(shown, `the grid's ${colId} column`).toEqual(wanted.slice(0, shown.length));
    throw new Error(`The grid shows only ${shown.length} rows.`);
  }
}

const status = (page: Page) => page.locator('.data-toolbar [role="status"]');

describe('the data browser', () => {
  test('pages, sorts and filters participants and responses in the engine, and hides a column', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'data-view');
    await heading(page, 'Your evaluation projects').waitFor();
    await createProject(page, PASSPHRASE);
    await heading(page, 'journey').waitFor();

    const people = Array.from({ length: PEOPLE }, (_, i) => person(i + 1));
    const roster = [
      'Employee ID,Email,Cohort,Role,Department',
      ...people.map(
        (p, i) =>
          `${p.id},${p.email},${i % 2 ? '2026 Autumn' : '2026 Spring'},${i % 3 ? 'Mentee' : 'Mentor'},${p.department}`,
      ),
    ].join('\n');
    expect(await importThroughEngine(harness, 'roster.csv', roster, 'roster')).toMatchObject({
      committed: true,
      rowsImported: PEOPLE,
    });
    const wave = [
      'Email,I feel confident leading a team,I know where my career is going',
      ...people
        .slice(0, RESPONDENTS)
        .map((p, i) => `${p.email},${i % 2 ? 'Agree' : 'Disagree'},Strongly agree`),
    ].join('\n');
    expect(
      await importThroughEngine(harness, 'baseline.csv', wave, 'survey', {
        window: 'Baseline',
        instrument: 'Confidence',
      }),
    ).toMatchObject({ committed: true, rowsImported: RESPONDENTS });

    // Participants: the first table, counted, and paged 100 rows at a time from the engine.
    await openArea(page, 'Data');
    const tables = page.getByRole('navigation', { name: 'Tables' });
    expect(await tables.getByRole('button', { name: /^Participants/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    // Named by what they show, in that order (WCAG 2.5.3): "Responses 60", then the unit.
    await tables.getByRole('button', { name: `Responses ${RESPONDENTS * 2} rows`, exact: true }).waitFor();
    await tables.getByRole('button', { name: `Participants ${PEOPLE} rows`, exact: true }).waitFor();
    expect(await tables.getByRole('button').evaluateAll((all) => all.map((b) => b.ariaLabel))).not.toContain(
      expect.any(String),
    );
    await expect.poll(() => status(page).textContent()).toBe(`${PEOPLE} rows`);
    const firstPage = await engineRows({ table: 'participants', limit: 100 });
    await expectShown(
      page,
      'pseudonym',
      firstPage.rows.map((row) => row.pseudonym),
    );
    await page.getByText('1 to 100 of 230', { exact: true }).waitFor();
    await expectAccessible(page, 'Data: Participants, the first page');
    await page.getByRole('button', { name: 'Next Page' }).click();
    await page.getByText('101 to 200 of 230', { exact: true }).waitFor();
    const secondPage = await engineRows({ table: 'participants', offset: 100, limit: 100 });
    await expectShown(
      page,
      'pseudonym',
      secondPage.rows.map((row) => row.pseudonym),
    );
    await page.getByRole('button', { name: 'First Page' }).click();

    // Sort by department, one way and the other: the grid shows what the engine sorts.
    const departmentHeader = page.locator('.ag-header-cell[col-id="department"] .ag-header-cell-label');
    await departmentHeader.click();
    const ascending = await engineRows({
      table: 'participants',
      limit: 100,
      sort: [{ column: 'department', direction: 'asc' }],
    });
    expect(ascending.rows[0]!.department).toBe('Finance');
    await expectShown(
      page,
      'pseudonym',
      ascending.rows.map((row) => row.pseudonym),
    );
    await departmentHeader.click();
    const descending = await engineRows({
      table: 'participants',
      limit: 100,
      sort: [{ column: 'department', direction: 'desc' }],
    });
    expect(descending.rows[0]!.department).toBe('Operations');
    await expectShown(
      page,
      'pseudonym',
      descending.rows.map((row) => row.pseudonym),
    );

    // Filter: department contains "fin".
    await page.getByRole('textbox', { name: 'Department Filter Input' }).fill('fin');
    const inFinance = people.filter((p) => p.department === 'Finance').length;
    await expect
      .poll(() => status(page).textContent())
      .toBe(`${inFinance} of ${PEOPLE} rows match the filters`);
    expect(new Set(await shownColumn(page, 'department'))).toEqual(new Set(['Finance']));

    // Responses: the answers from the response view, filtered by item and sorted by answer.
    await tables.getByRole('button', { name: /^Responses/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Responses' }).waitFor();
    await expect.poll(() => status(page).textContent()).toBe(`${RESPONDENTS * 2} rows`);
    await page.getByRole('textbox', { name: 'Item Filter Input' }).fill('confident');
    await expect
      .poll(() => status(page).textContent())
      .toBe(`${RESPONDENTS} of ${RESPONDENTS * 2} rows match the filters`);
    await page.locator('.ag-header-cell[col-id="value"] .ag-header-cell-label').click();
    const byAnswer = await engineRows({
      table: 'responses',
      limit: 100,
      sort: [{ column: 'value', direction: 'asc' }],
      filters: [{ column: 'item', op: 'contains', value: 'confident' }],
    });
    expect(byAnswer.rows[0]!.value).toBe(2);
    await expectShown(
      page,
      'value',
      byAnswer.rows.map((row) => row.value),
    );
    await expectShown(
      page,
      'pseudonym',
      byAnswer.rows.map((row) => row.pseudonym),
    );
    await page.screenshot({ path: 'test-results/screens/data-responses.png' });
    // A rating's label beside its code.
    await expect
      .poll(async () => (await shownColumn(page, 'answerLabel')).slice(0, 2))
      .toEqual(byAnswer.rows.slice(0, 2).map(() => 'Disagree'));
    await expectAccessible(page, 'Data: Responses filtered and sorted');

    // The column chooser hides the instrument column, and shows it again.
    const instrumentHeader = page.locator('.ag-header-cell:not(.ag-floating-filter)[col-id="instrument"]');
    expect(await instrumentHeader.count()).toBe(1);
    await page.getByText('Columns (6 of 6 shown)').click();
    await page.getByRole('checkbox', { name: 'Instrument' }).uncheck();
    await expect.poll(() => instrumentHeader.count()).toBe(0);
    await page.getByText('Columns (5 of 6 shown)').waitFor();
    await page.getByRole('checkbox', { name: 'Instrument' }).check();
    await expect.poll(() => instrumentHeader.count()).toBe(1);

    // Imports: the survey wave is taken back after a dialog that says what goes; focus returns to the list.
    await tables.getByRole('button', { name: /^Imports/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Imports' }).waitFor();
    await page.getByRole('button', { name: 'Remove this import: baseline.csv' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the import of “baseline.csv”?' });
    await dialog.getByText(`${RESPONDENTS} survey responses`).waitFor();
    await page.screenshot({ path: 'test-results/screens/data-remove-import.png' });
    await expectAccessible(page, 'Data: Remove an import, the dialog');
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Remove this import: baseline.csv');
    await page.getByRole('button', { name: 'Remove this import: baseline.csv' }).click();
    await dialog.getByRole('button', { name: 'Remove this import' }).click();
    await page.getByText(/^Removed the import of baseline.csv: 30 survey responses/).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Take an import back');
    expect((await engineRows({ table: 'responses' })).total).toBe(0);
    await tables.getByRole('button', { name: /^Responses 0 rows/ }).waitFor();

    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });
});
