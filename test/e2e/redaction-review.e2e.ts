/**
 * The redaction review in a real Chromium against the real engine: a transcript stored awaiting review (as the
 * transcript import stores it), then in the Anonymise area the evaluator opens it, rejects a false positive with
 * the keyboard, accepts every person, marks words the scan missed by selecting them, chooses to redact
 * e-mails, previews, and applies. The text then shows tags, and the original words are nowhere in the project.
 */
import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { storeDocumentForReview } from '../../electron/core/anonymize/documentsForReview';
import { expectAccessible } from './accessibility';
import { launchChromium, openPage } from './browser';
import { screenshotOnFailure } from './failureScreenshots';
import { startHarness, type Harness } from './harness';
import { createProject, heading, openArea } from './steps';

const PASSPHRASE = 'lantern orbit quietly marmalade 42';
const TRANSCRIPT =
  'Interviewer: Thanks for joining, Priya.\n' +
  'Priya Raman: Happy to. We used the Kanban board every week. My mentor Tom Baker helped a lot.\n' +
  'Reach me at priya.raman@example.org or 07911 123456. We met on 12 March 2025 in Leeds.\n' +
  'Priya said the Finance team was great.';

let browser: Browser;
let harness: Harness;
beforeAll(async () => {
  [browser, harness] = await Promise.all([launchChromium(), startHarness()]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

/** Every table and column of the project that holds the words. */
function whereTheWordsAre(db: Connection, words: string): string[] {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  return tables.flatMap((table) =>
    (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).filter(
      (column) =>
        (db
          .prepare(`SELECT count(*) FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), ?) > 0`)
          .pluck()
          .get(words) as number) > 0,
    ),
  );
}

/** Selects words in the document's text as a mouse drag would. */
async function selectInText(page: Page, words: string): Promise<void> {
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.querySelector('.review-text')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the text`);
  }, words);
}

const findingButton = (page: Page, words: string, nth = 0) =>
  page.getByRole('region', { name: 'Findings' }).locator('.finding-words', { hasText: words }).nth(nth);

describe('the redaction review', () => {
  test('rejects a false positive, accepts every person, marks missed words, applies; the original is gone', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'redaction-review');
    await heading(page, 'Your evaluation projects').waitFor();
    await createProject(page, PASSPHRASE);
    await heading(page, 'journey').waitFor();

    const { db } = harness.engine.session.requireProject();
    db.transaction(() =>
      storeDocumentForReview(
        db,
        { kind: 'transcript', title: 'Interview 4', body: TRANSCRIPT },
        { countries: ['GB'] },
      ),
    )();

    await openArea(page, 'Anonymise');
    await page.getByRole('tab', { name: 'Review', selected: true }).waitFor();
    await page.getByText('1 document, 1 awaiting review').waitFor();
    await expectAccessible(page, 'Anonymise: the review list');
    await page.getByRole('button', { name: 'Interview 4' }).click();
    const text = page.getByRole('document', { name: 'Text of Interview 4' });
    await text.waitFor();
    expect(await text.locator('mark[data-entity="EMAIL_ADDRESS"]').textContent()).toBe(
      'priya.raman@example.org',
    );
    await expectAccessible(page, 'Anonymise: a document under review');

    // "Kanban" is no person: reach it with the keyboard in the findings list and reject it.
    await findingButton(page, 'Priya').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => findingButton(page, 'Kanban').getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('r');
    await expect
      .poll(() => text.locator('mark', { hasText: 'Kanban' }).getAttribute('data-decision'))
      .toBe('rejected');
    expect(await text.locator('mark', { hasText: 'Kanban' }).getAttribute('data-label')).toBe('PERSON ✗');

    await page.getByRole('button', { name: 'Accept the 4 undecided: Person' }).click();
    await page.getByText('0 undecided, 4 accepted, 1 rejected').waitFor();
    expect(await text.locator('mark[data-entity="PERSON"][data-decision="accepted"]').count()).toBe(4);

    // The scan missed the team: select it in the text and mark it.
    await selectInText(page, 'Finance team');
    await expect.poll(() => page.getByLabel('Words the scan missed').inputValue()).toBe('Finance team');
    await page.getByLabel('Mark as').selectOption({ label: 'Organisation' });
    await page.getByRole('button', { name: 'Mark the selection' }).click();
    await text.locator('mark[data-entity="ORGANIZATION"]', { hasText: 'Finance team' }).waitFor();

    await page.getByLabel('Replace e-mail address with').selectOption({ label: 'Redact: [REDACTED]' });
    await page.getByRole('button', { name: 'Preview of the result' }).click();
    const preview = page.getByRole('document', { name: 'Preview of Interview 4' });
    await preview.waitFor();
    const previewed = await preview.textContent();
    expect(previewed).toContain('[PERSON-1]: Happy to. We used the Kanban board');
    expect(previewed).toContain('[ORGANIZATION-1] was great');
    expect(previewed).toContain('priya.raman@example.org'); // still undecided, so still as written
    await expectAccessible(page, 'Anonymise: the preview of a review');

    await page.getByRole('button', { name: 'Apply the review…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Apply the review of “Interview 4”?' });
    await dialog
      .getByText('The original text will be deleted from the project and cannot be recovered.')
      .waitFor();
    await dialog.getByText('4 findings are still undecided.').waitFor();
    await expectAccessible(page, 'Anonymise: the Apply dialog');
    const applyButton = dialog.getByRole('button', { name: 'Apply and delete the original' });
    expect(await applyButton.isDisabled()).toBe(true);
    await dialog.getByLabel('Accept the undecided findings too').check();
    await applyButton.click();

    await page
      .getByText(
        'Applied: 9 findings replaced (4 of them accepted on applying). The original text is deleted.',
      )
      .waitFor();
    const result = await text.textContent();
    expect(result).toBe(
      'Interviewer: Thanks for joining, [PERSON-1].\n' +
        '[PERSON-1]: Happy to. We used the Kanban board every week. My mentor [PERSON-2] helped a lot.\n' +
        'Reach me at [REDACTED] or [PHONE_NUMBER-1]. We met on [DATE_TIME-1] in [LOCATION-1].\n' +
        '[PERSON-1] said the [ORGANIZATION-1] was great.',
    );
    await expectAccessible(page, 'Anonymise: a review applied');
    for (const words of ['priya.raman@example.org', 'Priya', 'Tom Baker', '07911 123456', 'Finance team']) {
      expect(whereTheWordsAre(db, words), words).toEqual([]);
    }

    await page.getByRole('button', { name: '← All documents' }).click();
    await page.getByText('1 document, 0 awaiting review').waitFor();
    expect(watched.problems).toEqual([]);
  });
});
