/**
 * The main flows with the keyboard alone, as an evaluator who cannot use a mouse takes them: create and unlock a
 * project, import a table, browse the data, read the audit log, review a document, change the passphrase. Each
 * step counts the Tab presses between two controls (a grid is one stop: the arrow keys move inside it) and checks
 * where focus lands when a view opens (its heading) and when a dialog closes (the control that opened it).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { storeDocumentForReview } from '../../electron/core/anonymize/documentsForReview';
import { launchChromium, openPage } from './browser';
import { importThroughEngine } from './engineSetup';
import { screenshotOnFailure } from './failureScreenshots';
import { startHarness, type Harness } from './harness';
import { heading } from './steps';

const PASSPHRASE = 'lantern orbit quietly marmalade 42';
const NEW_PASSPHRASE = 'copper heron tangible walrus 77';

let browser: Browser;
let harness: Harness;
beforeAll(async () => {
  [browser, harness] = await Promise.all([launchChromium(), startHarness()]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

interface Focused {
  /** The tag, and the role when it has one: "h1", "button", "gridcell"… */
  kind: string;
  /** Its text, or its label. */
  text: string;
  /** Whether it is inside a grid's headings and cells (its paging bar is outside). */
  inGrid: boolean;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { kind: 'body', text: '', inGrid: false };
    const label =
      element.getAttribute('aria-label') ??
      (element instanceof HTMLInputElement || element instanceof HTMLSelectElement
        ? (element.labels?.[0]?.textContent ?? '')
        : (element.textContent ?? ''));
    return {
      kind: element.getAttribute('role') ?? element.tagName.toLowerCase(),
      text: label.replace(/\s+/g, ' ').trim(),
      inGrid: element.closest('[role="grid"], [role="treegrid"]') !== null,
    };
  });
}

const show = (stop: Focused) =>
  `${stop.kind} "${stop.text.slice(0, 40)}"${stop.inGrid ? ' (in a grid)' : ''}`;

/**
 * Presses Tab (Shift+Tab when `backwards`) until focus is on what `reached` accepts, and returns the stops on the
 * way (the last is the one reached). Fails, listing the stops, after `limit` presses.
 */
async function tabTo(
  page: Page,
  reached: (stop: Focused) => boolean,
  { limit = 40, backwards = false } = {},
): Promise<Focused[]> {
  const stops: Focused[] = [];
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const stop = await focused(page);
    stops.push(stop);
    if (reached(stop)) return stops;
  }
  throw new Error(`Not reached in ${limit} Tab presses; the stops were:\n${stops.map(show).join('\n')}`);
}

const isButton = (text: string) => (stop: Focused) => stop.kind === 'button' && stop.text === text;
/** How many of the stops were inside a grid. */
const gridStops = (stops: Focused[]) => stops.filter((stop) => stop.inGrid).length;

async function expectFocusOn(page: Page, kind: string, text: string | RegExp): Promise<void> {
  await expect.poll(async () => (await focused(page)).kind).toBe(kind);
  const { text: shown } = await focused(page);
  if (typeof text === 'string') expect(shown).toBe(text);
  else expect(shown).toMatch(text);
}

/**
 * The ring around the focused element: a cell's outline, or the frame ag-grid draws after a heading. The app's
 * own ring is 3 px solid.
 */
function focusRing(page: Page): Promise<{ width: string; style: string }> {
  return page.evaluate(() => {
    const element = document.activeElement!;
    const own = getComputedStyle(element);
    if (own.outlineStyle !== 'none') return { width: own.outlineWidth, style: own.outlineStyle };
    const after = getComputedStyle(element, '::after');
    return { width: after.borderTopWidth, style: after.borderTopStyle };
  });
}

/** Opens an area from the navigation with the keyboard: Tab to its button from the heading, Enter. */
async function openAreaByKeyboard(page: Page, area: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Project areas' })
    .getByRole('button', { name: area, exact: true })
    .focus();
  await page.keyboard.press('Enter');
  await heading(page, area).waitFor();
  await expectFocusOn(page, 'h1', area);
}

/** A staff survey export of 29 rows and 10 columns, as the Preview step had. */
function surveyFile(): string {
  const header = ['Employee ID', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Comment'];
  const rows = Array.from({ length: 29 }, (_, i) => [
    `E${2000 + i}`,
    ...Array.from({ length: 8 }, (__, q) => String(((i + q) % 5) + 1)),
    'Fine',
  ]);
  const file = path.join(harness.dir, 'staff-survey.csv');
  writeFileSync(file, [header, ...rows].map((row) => row.join(',')).join('\n'));
  return file;
}

describe('the keyboard alone', () => {
  test('create and unlock, import a table, browse the data and the audit log, review, change the passphrase', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'keyboard-flows');
    await heading(page, 'Your evaluation projects').waitFor();

    // Create: the button, then the form starts in its first field (a form of one task, as the unlock screen);
    // the passphrase twice; Enter submits.
    await tabTo(page, isButton('Create a new project…'), { limit: 5 });
    await page.keyboard.press('Enter');
    await heading(page, 'Create a project').waitFor();
    await expectFocusOn(page, 'input', /^Passphrase/);
    await page.keyboard.type(PASSPHRASE);
    await tabTo(page, (stop) => stop.kind === 'input' && stop.text.startsWith('Confirm passphrase'));
    await page.keyboard.type(PASSPHRASE);
    // The strength check runs as the evaluator types; Enter counts once it has passed.
    const create = page.getByRole('button', { name: 'Create project' });
    await expect.poll(() => create.isEnabled()).toBe(true);
    await page.keyboard.press('Enter');
    await heading(page, 'journey').waitFor();
    await expectFocusOn(page, 'h1', 'journey');

    // Lock, then unlock: the unlock screen starts in its passphrase field; home starts at its heading.
    await page.getByRole('button', { name: 'Lock project' }).focus();
    await page.keyboard.press('Enter');
    await heading(page, 'Unlock journey').waitFor();
    await expectFocusOn(page, 'input', /^Passphrase/);
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await heading(page, 'journey').waitFor();
    await expectFocusOn(page, 'h1', 'journey');

    // Import a table: from the Preview step's heading to Next is a few stops, the grid one of them.
    harness.importPath = surveyFile();
    await openAreaByKeyboard(page, 'Import');
    await tabTo(page, isButton('Choose a file…'), { limit: 5 });
    await page.keyboard.press('Enter');
    const preview = page.getByRole('heading', { level: 2, name: 'Step 2 of 7: Preview' });
    await preview.waitFor();
    await expectFocusOn(page, 'h2', 'Step 2 of 7: Preview');
    await page.locator('.import-grid [role="gridcell"]', { hasText: 'E2000' }).waitFor();
    const toNext = await tabTo(page, isButton('Next: what the file is'), { limit: 15 });
    expect(gridStops(toNext), toNext.map(show).join('\n')).toBe(1);
    expect(toNext.find((stop) => stop.inGrid)?.kind).toBe('columnheader');
    // Inside the grid the arrow keys move: back into it, then down a row and along a column.
    const intoGrid = await tabTo(page, (stop) => stop.inGrid, { backwards: true, limit: 5 });
    expect(intoGrid).toHaveLength(toNext.length - 1 - toNext.findIndex((stop) => stop.inGrid));
    expect(await focusRing(page)).toEqual({ width: '3px', style: 'solid' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await focused(page)).kind).toBe('gridcell');
    expect((await focused(page)).inGrid).toBe(true);
    // The focused cell wears the app's 3 px ring (WCAG 2.4.7), as the heading did when Tab entered the grid.
    expect(await focusRing(page)).toEqual({ width: '3px', style: 'solid' });
    // And Tab leaves it, for the control after it.
    await tabTo(page, isButton('Next: what the file is'), { limit: 3 });
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'h2', 'Step 3 of 7: What the file is');

    // Browse the data: the table buttons, then the grid as one stop, then its paging bar.
    await importThroughEngine(
      harness,
      'roster.csv',
      [
        'Employee ID,Email,Department',
        ...Array.from({ length: 120 }, (_, i) => `E${3000 + i},p${i}@example.org,Finance`),
      ].join('\n'),
      'roster',
    );
    await openAreaByKeyboard(page, 'Data');
    await page.getByText('1 to 100 of 120', { exact: true }).waitFor();
    const toGrid = await tabTo(page, (stop) => stop.inGrid, { limit: 30 });
    expect(toGrid.at(-2)?.text).toMatch(/^Columns/);
    const throughGrid = await tabTo(page, (stop) => !stop.inGrid, { limit: 10 });
    expect(throughGrid, throughGrid.map(show).join('\n')).toHaveLength(1);
    await expect.poll(async () => (await focused(page)).text).toMatch(/Page|Next|First/);

    // The audit log: a page of 50 entries is one stop between Next page and whatever follows.
    await openAreaByKeyboard(page, 'Audit log');
    await page.getByText(/^Entries 1–\d+ of \d+$/).waitFor();
    const toAudit = await tabTo(page, (stop) => stop.inGrid, { limit: 6 });
    expect(toAudit.at(-1)?.inGrid).toBe(true);
    const pastAudit = await tabTo(page, (stop) => !stop.inGrid, { limit: 6 });
    expect(pastAudit).toHaveLength(1);

    // Review a document: the list is one stop; Enter opens the document and focus is on its title.
    const { db } = harness.engine.session.requireProject();
    db.transaction(() =>
      storeDocumentForReview(
        db,
        {
          kind: 'transcript',
          title: 'Interview 7',
          body: 'Interviewer: Thanks, Priya Raman. Tom Baker said hi.',
        },
        { countries: ['GB'] },
      ),
    )();
    await openAreaByKeyboard(page, 'Anonymise');
    await page.getByText('1 document, 1 awaiting review').waitFor();
    await tabTo(page, isButton('Scan again with the current settings'), { limit: 5 });
    const toList = await tabTo(page, (stop) => stop.inGrid, { limit: 3 });
    expect(toList).toHaveLength(1);
    // Down from the headings to the document's row, then Enter.
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused(page)).text).toContain('Interview 7');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Interview 7' }).waitFor();
    await expectFocusOn(page, 'h2', 'Interview 7');

    // The Apply dialog: Escape closes it and focus is back on the button that opened it.
    const apply = page.getByRole('button', { name: 'Apply the review…' });
    await apply.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expectFocusOn(page, 'button', 'Apply the review…');
    // Cancel does the same.
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expectFocusOn(page, 'button', 'Apply the review…');

    // Back to the list: focus returns to the document's row.
    await page.getByRole('button', { name: '← All documents' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => show(await focused(page))).toBe('gridcell "Interview 7" (in a grid)');

    // Change the passphrase: the three fields, Enter; when it is done, focus is on the result.
    await openAreaByKeyboard(page, 'Security');
    await page.getByLabel('Current passphrase', { exact: true }).focus();
    await page.keyboard.type(PASSPHRASE);
    await tabTo(page, (stop) => stop.kind === 'input' && stop.text.startsWith('New passphrase'), {
      limit: 3,
    });
    await page.keyboard.type(NEW_PASSPHRASE);
    await tabTo(page, (stop) => stop.kind === 'input' && stop.text.startsWith('Confirm passphrase'));
    await page.keyboard.type(NEW_PASSPHRASE);
    const change = page.getByRole('button', { name: 'Change passphrase' });
    await expect.poll(() => change.isEnabled()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('The passphrase is changed.').waitFor({ timeout: 60_000 });
    await expectFocusOn(page, 'status', 'The passphrase is changed. Use the new one from now on.');

    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });
});
