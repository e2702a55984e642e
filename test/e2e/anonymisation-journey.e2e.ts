/**
 * The anonymisation issue's whole journey in a real Chromium against the real engine: a roster (names, e-mails,
 * phone numbers) and a survey wave with comments go in; a transcript naming roster people, with their e-mail and
 * phone number, is imported through the wizard, reviewed in the Anonymise area and applied; it comes out tagged.
 * Then every text of every table of the decrypted project is searched for each roster name, e-mail and phone
 * number, and none is there. Screenshots go to test-results/anonymisation-journey/.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, openPage } from './browser';
import { screenshotOnFailure } from './failureScreenshots';
import { engineCall, importThroughEngine } from './engineSetup';
import { startHarness, type Harness } from './harness';
import { heading, openArea, screenState } from './steps';

const PASSPHRASE = 'lantern orbit quietly marmalade 42';
const SHOTS = 'anonymisation-journey';
const ROSTER = [
  { id: 'E2001', email: 'sam.patel@example.org', first: 'Sam', last: 'Patel', phone: '07911 123456' },
  { id: 'E2002', email: 'dana.levi@example.org', first: 'Dana', last: 'Levi', phone: '07700 123457' },
  { id: 'E2003', email: 'kwame.mensah@example.org', first: 'Kwame', last: 'Mensah', phone: '07911 223344' },
];
const TRANSCRIPT = [
  'Interviewer: Thanks for making time today. How has the mentoring gone?',
  'Sam Patel: Really well. dana and I met every fortnight, and Dana Levi introduced me to Kwame in Finance.',
  'Interviewer: How can the programme team reach you?',
  'Sam Patel: E-mail me at sam.patel@example.org or call me on 07911 123456.',
  '',
].join('\n');

let browser: Browser;
let harness: Harness;

beforeAll(async () => {
  [browser, harness] = await Promise.all([launchChromium(), startHarness()]);
  const { path: projectPath } = await engineCall<{ path: string }>(harness, 'project.choosePath', {
    purpose: 'create',
  });
  await engineCall(harness, 'project.create', { path: projectPath, passphrase: PASSPHRASE });
  await importThroughEngine(
    harness,
    'roster.csv',
    [
      'Employee ID,Email,First name,Last name,Mobile,Department',
      ...ROSTER.map((p) => `${p.id},${p.email},${p.first},${p.last},${p.phone},Finance`),
    ].join('\n'),
    'roster',
    {},
    (column) => (column.heading === 'Mobile' ? { ...column, field: 'attribute' } : column),
  );
  await importThroughEngine(
    harness,
    'wave.csv',
    [
      'Email,What has changed for you?',
      'sam.patel@example.org,"Meeting Dana every other week gave me the confidence to apply for a new role."',
      'kwame.mensah@example.org,"I finally understood the budget process; write to me at kwame.mensah@example.org."',
    ].join('\n'),
    'survey',
    { window: 'Baseline', instrument: 'Pulse' },
    (column) => (column.index === 1 ? { ...column, field: 'freeText' } : column),
  );
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

/** Every text in every table of the (decrypted) project, one string per cell. */
function everyText(db: Connection): string[] {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  return tables.flatMap((table) =>
    (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).flatMap((row) =>
      row.filter((cell): cell is string => typeof cell === 'string'),
    ),
  );
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const step = (page: Page, number: number, name: string) =>
  page.getByRole('heading', { level: 2, name: `Step ${number} of 5: ${name}` }).waitFor({ timeout: 60_000 });

describe('the anonymisation journey', () => {
  test('a transcript is imported, reviewed and comes out tagged; no roster name or contact is left anywhere', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'anonymisation-journey');
    await heading(page, 'journey').waitFor();

    harness.importPath = path.join(harness.dir, 'interview-03.txt');
    writeFileSync(harness.importPath, TRANSCRIPT);
    await openArea(page, 'Import');
    await page.getByLabel('An interview transcript').check();
    await step(page, 1, 'Choose a file');
    await button(page, 'Choose a file…').click();
    await step(page, 2, 'Preview');
    await button(page, 'Next: details').click();
    await step(page, 3, 'Details');
    await page.getByLabel('Participant (optional)').fill('E2001');
    await button(page, 'Import the document').click();
    await step(page, 5, 'Summary');
    await page.getByText('the document awaits review in Anonymise.', { exact: false }).waitFor();
    await screenState(page, '01-imported', SHOTS);

    await button(page, 'Review it in Anonymise').click();
    await heading(page, 'Anonymise').waitFor();
    await page.getByRole('tab', { name: 'Review', selected: true }).waitFor();
    await page.getByText('1 document, 1 awaiting review').waitFor();
    await page.getByRole('button', { name: 'Interview 03' }).click();
    const text = page.getByRole('document', { name: 'Text of Interview 03' });
    await text.waitFor();
    for (const words of ['Sam Patel', 'Dana Levi', 'dana', 'sam.patel@example.org', '07911 123456'])
      await text.locator('mark', { hasText: words }).first().waitFor();
    await screenState(page, '02-review', SHOTS);

    await page.getByRole('button', { name: /^Accept the \d+ undecided: Person$/ }).click();
    await button(page, 'Apply the review…').click();
    const dialog = page.getByRole('dialog', { name: 'Apply the review of “Interview 03”?' });
    await dialog.getByLabel('Accept the undecided findings too').check();
    await dialog.getByRole('button', { name: 'Apply and delete the original' }).click();
    await page.getByText('The original text is deleted.', { exact: false }).waitFor({ timeout: 60_000 });
    await screenState(page, '03-applied', SHOTS);
    await button(page, '← All documents').click();
    await page.getByText('1 document, 0 awaiting review').waitFor();

    const db = harness.engine.session.requireProject().db;
    const body = db.prepare('SELECT body FROM document').pluck().get() as string;
    expect(body).toContain('[PERSON-1]: E-mail me at [EMAIL_ADDRESS-1] or call me on [PHONE_NUMBER-1].');
    expect(body).toMatch(
      /\[PERSON-\d\] and I met every fortnight, and \[PERSON-\d\] introduced me to \[PERSON-\d\]/,
    );

    const texts = everyText(db);
    const secrets = ROSTER.flatMap((p) => [p.first, p.last, p.email, p.phone]);
    for (const secret of secrets) {
      const word = new RegExp(`(^|[^\\p{L}])${secret.replace(/[.]/g, '\\.')}($|[^\\p{L}])`, 'iu');
      expect(
        texts.filter((cell) => word.test(cell)),
        `“${secret}” is still in the project`,
      ).toEqual([]);
    }
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });
});
