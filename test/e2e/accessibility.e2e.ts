/**
 * The gate itself: on pages made to break one rule each, expectAccessible fails and says which rule, where; on a
 * clean page it passes. (Every other e2e file calls it on the app's real screens.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible } from './accessibility';
import { launchChromium } from './browser';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
});

const document = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Gate</title></head><body><main><h1>Gate</h1>${body}</main></body></html>`;

describe('the accessibility gate', () => {
  test('passes a clean page', async () => {
    await page.setContent(document('<button type="button">Save</button>'));
    await expectAccessible(page, 'a clean page');
  });

  test('fails a name that leaves out the words it shows (WCAG 2.5.3), and names where', async () => {
    await page.setContent(
      document(
        '<button type="button" aria-label="Participants, 29 rows"><span>Participants</span><span>29</span></button>',
      ),
    );
    await expect(expectAccessible(page, 'a mislabelled button')).rejects.toThrow(
      /a mislabelled button \(light\) breaks WCAG 2\.2 AA in 1 rule\(s\):\n- label-content-name-mismatch \(serious\) at button/,
    );
  });

  test('reports a best practice without failing', async () => {
    await page.setContent(document('<h3>A heading two levels down</h3>'));
    await expectAccessible(page, 'a skipped heading level');
  });

  test('fails a page wider than the window, and a form that scrolls sideways in its box (WCAG 1.4.10)', async () => {
    await page.setContent(document('<p style="white-space: nowrap">' + 'words '.repeat(140) + '</p>'));
    await expect(expectAccessible(page, 'a long line')).rejects.toThrow(
      /a long line at 1024 x 768: the page is \d+ px wider than the window/,
    );
    await page.setContent(
      document('<div class="form-box" style="overflow-x: auto"><div style="width: 900px">fields</div></div>'),
    );
    await expect(expectAccessible(page, 'a scrolling form')).rejects.toThrow(
      /a scrolling form at 640 x 400: div\.form-box scrolls sideways by \d+ px/,
    );
  });
});
