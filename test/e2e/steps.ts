/** Steps several journeys share, written as an evaluator would take them. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from './accessibility';
import { screenshot } from './browser';

export const heading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name, exact: true });

/** From the start screen: Create a new project…, a passphrase typed twice, Create project. */
export async function createProject(page: Page, passphrase: string): Promise<void> {
  await page.getByRole('button', { name: 'Create a new project…' }).click();
  await heading(page, 'Create a project').waitFor();
  await expectAccessible(page, 'Create a project');
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm passphrase', { exact: true }).fill(passphrase);
  const create = page.getByRole('button', { name: 'Create project' });
  await expect.poll(() => create.isEnabled()).toBe(true);
  await create.click();
}

export async function openArea(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Project areas' })
    .getByRole('button', { name, exact: true })
    .click();
  await heading(page, name).waitFor();
  await expectAccessible(page, `${name} area`);
}

/** A screen state a person should see and axe should pass: photographed into test-results/<folder>/, then audited. */
export async function screenState(page: Page, name: string, folder = 'screens'): Promise<void> {
  await screenshot(page, name, folder);
  await expectAccessible(page, name);
}
