import { onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser';

/** Call at the start of a test: if the test fails, the page as it was is saved under test-results/. */
export function screenshotOnFailure(page: () => Page | undefined, name: string): void {
  onTestFailed(async () => {
    const current = page();
    if (!current || current.isClosed()) return;
    const file = await screenshot(current, `failed-${name}`);
    console.error(`Screenshot of the failed test: ${file}`);
  });
}
