import { onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser';

/** Call at the start of a test: if the test fails, the page as it was is saved under test-results/. */
export function screenshotOnFailure(page: Page, name: string): void {
  onTestFailed(async () => {
    if (page.isClosed()) return;
    const file = await screenshot(page, `failed-${name}`);
    console.error(`Screenshot of the failed test: ${file}`);
  });
}
