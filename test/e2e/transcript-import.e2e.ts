/**
 * A transcript through the import wizard in Chromium against the real engine: the evaluator picks "An
 * interview transcript", chooses a WebVTT file, sees who speaks and the first turns, gives it a title and the
 * participant's e-mail (first mistyped: nothing is imported and the message says why), imports it, reads how
 * many possible identifiers were found, and goes on to Anonymise. Screenshots go to test-results/transcript-import/.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, openPage } from './browser';
import { screenshotOnFailure } from './failureScreenshots';
import { engineCall, importThroughEngine } from './engineSetup';
import { startHarness, type Harness } from './harness';
import { heading, openArea, screenState } from './steps';

const PASSPHRASE = 'lantern orbit quietly marmalade 42';
const SHOTS = 'transcript-import';

let browser: Browser;
let harness: Harness;

beforeAll(async () => {
  [browser, harness] = await Promise.all([launchChromium(), startHarness()]);
  const { path: projectPath } = await engineCall<{ path: string }>(harness, 'project.choosePath', {
    purpose: 'create',
  });
  await engineCall(harness, 'project.create', { path: projectPath, passphrase: PASSPHRASE });
  // The roster the transcript's participant is on.
  await importThroughEngine(
    harness,
    'roster.csv',
    'Employee ID,Email,First name,Last name,Role\nE1101,sam.patel@example.org,Sam,Patel,Mentee\nE1102,dana.levi@example.org,Dana,Levi,Mentor\n',
    'roster',
  );
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const db = () => harness.engine.session.requireProject().db;
const step = (page: Page, number: number, of: number, name: string) =>
  page
    .getByRole('heading', { level: 2, name: `Step ${number} of ${of}: ${name}` })
    .waitFor({ timeout: 60_000 });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

describe('importing a transcript', () => {
  test('a WebVTT interview: previewed, linked to its participant, imported, and sent for review', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'transcript-import');
    await heading(page, 'journey').waitFor();
    harness.importPath = path.join(harness.dir, 'check-in_2026-03.vtt');
    copyFileSync(path.resolve('test/fixtures/transcripts/interview.vtt'), harness.importPath);

    await openArea(page, 'Import');
    await step(page, 1, 7, 'Choose a file');
    await page.getByLabel('An interview transcript').check();
    await step(page, 1, 5, 'Choose a file');
    // The keyboard stays on the choice when the wizard changes under it.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(
      'transcript',
    );
    await button(page, 'Choose a file…').click();

    await step(page, 2, 5, 'Preview');
    await page.getByText('Read as WebVTT captions: 4 turns', { exact: false }).waitFor();
    const speakers = page.getByRole('list', { name: '2 speakers' });
    expect(await speakers.getByRole('listitem').allInnerTexts()).toEqual(['Interviewer', 'Sam Patel']);
    const turns = page.getByRole('list', { name: 'Every turn' }).getByRole('listitem');
    expect(await turns.count()).toBe(4);
    expect(await turns.nth(1).innerText()).toMatch(
      /^Sam Patel\s+00:05\s+It went well\. Dana Levi was really generous with her time & contacts\.$/,
    );
    await screenState(page, '01-preview', SHOTS);

    await button(page, 'Next: details').click();
    await step(page, 3, 5, 'Details');
    expect(await page.getByLabel('An interview transcript').isChecked()).toBe(true);
    expect(await page.getByLabel('Title').inputValue()).toBe('Check in 2026 03');
    await page.getByLabel('Title').fill('');
    await page.getByText('Give the document a title.').waitFor();
    expect(await button(page, 'Import the document').isDisabled()).toBe(true);
    await page.getByLabel('Title').fill('Mentee check-in, March');
    await page.getByLabel('Participant (optional)').fill('sam.patel@example.com');
    await page.getByLabel('Collection window (optional)').fill('Mid-programme');
    await screenState(page, '02-details', SHOTS);

    // A mistyped e-mail matches nobody: nothing is imported, and the message says what to do.
    await button(page, 'Import the document').click();
    await page
      .getByRole('alert')
      .getByText('No participant in this project has the e-mail address you typed.', { exact: false })
      .waitFor({ timeout: 60_000 });
    expect(db().prepare('SELECT count(*) FROM document').pluck().get()).toBe(0);
    await button(page, 'Back').click();
    await step(page, 3, 5, 'Details');
    expect(await page.getByLabel('Title').inputValue()).toBe('Mentee check-in, March');
    await page.getByLabel('Participant (optional)').fill('sam.patel@example.org');
    await button(page, 'Import the document').click();

    await step(page, 5, 5, 'Summary');
    await page.getByText('check-in_2026-03.vtt is in, as “Mentee check-in, March”.').waitFor();
    const stored = db()
      .prepare(
        `SELECT d.id, d.review, d.title, p.pseudonym, w.name AS window,
                (SELECT count(*) FROM pii_finding f WHERE f.document_id = d.id) AS findings
         FROM document d JOIN participant p ON p.id = d.participant_id JOIN collection_window w ON w.id = d.window_id`,
      )
      .get() as { review: string; title: string; window: string; findings: number };
    expect(stored).toMatchObject({
      review: 'awaiting',
      title: 'Mentee check-in, March',
      window: 'Mid-programme',
    });
    expect(stored.findings).toBeGreaterThanOrEqual(3);
    await page
      .getByText(`${stored.findings} possible identifiers found; the document awaits review in Anonymise.`)
      .waitFor();
    const kinds = await page.getByRole('list', { name: 'Possible identifiers found' }).innerText();
    expect(kinds).toContain('1 phone number');
    expect(kinds).toMatch(/\d names? of (a )?people|name of a person/);
    await screenState(page, '03-summary', SHOTS);

    await button(page, 'Review it in Anonymise').click();
    await heading(page, 'Anonymise').waitFor();
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });

  test('the same file again is recognised, and the table wizard is one choice away', async () => {
    const watched = await openPage(browser, harness.url, { colorScheme: 'dark' });
    const { page } = watched;
    screenshotOnFailure(page, 'transcript-again');
    await heading(page, 'journey').waitFor();
    await openArea(page, 'Import');
    await page.getByLabel('A mentor’s notes').check();
    await step(page, 1, 5, 'Choose a file');
    await button(page, 'Choose a file…').click();
    await step(page, 2, 5, 'Preview');
    await button(page, 'Next: details').click();
    await step(page, 3, 5, 'Details');
    expect(await page.getByLabel('A mentor’s notes').isChecked()).toBe(true);
    await button(page, 'Import the document').click();
    await step(page, 5, 5, 'Summary');
    await page.getByText('Already imported.', { exact: false }).waitFor();
    await page
      .getByText('is in this project already, as “Mentee check-in, March”. Nothing was changed.', {
        exact: false,
      })
      .waitFor();
    expect(db().prepare('SELECT count(*) FROM document').pluck().get()).toBe(1);
    await screenState(page, '04-already-imported-dark', SHOTS);

    await button(page, 'Import another file').click();
    await step(page, 1, 5, 'Choose a file');
    await page
      .getByLabel('A table: a roster, pairings, a survey wave, HR records or an activity log')
      .check();
    await step(page, 1, 7, 'Choose a file');
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });
});
