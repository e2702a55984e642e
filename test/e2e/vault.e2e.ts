/**
 * The re-identification vault in a real Chromium against the real engine: created in Anonymise → Settings with
 * a passphrase of its own, a roster committed through the engine while it is unlocked, a pseudonym looked up in
 * the window to show the participant's e-mail (and the lookup audited without it); locking the project locks
 * the vault, and unlocking the project leaves it locked.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImportSummary } from '../../shared/import';
import type { AuditPage } from '../../shared/project';
import { expectAccessible } from './accessibility';
import { launchChromium, openPage } from './browser';
import { screenshotOnFailure } from './failureScreenshots';
import { engineCall, importThroughEngine } from './engineSetup';
import { startHarness, type Harness } from './harness';
import { createProject, heading, openArea } from './steps';

const PASSPHRASE = 'lantern orbit quietly marmalade 42';
const VAULT_PASSPHRASE = 'safeguarding lead keeps walnut ferry';
const ROSTER = `Employee ID,Email,First name,Last name,Cohort,Role
E1001,amara.okafor@example.org,Amara,Okafor,2026 Spring,Mentee
E1002,ben.smith@example.org,Ben,Smith,2026 Spring,Mentor
`;

let browser: Browser;
let harness: Harness;
beforeAll(async () => {
  [browser, harness] = await Promise.all([launchChromium(), startHarness()]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

/** The roster committed through the engine as the import wizard would. */
function importRoster(): Promise<ImportSummary> {
  return importThroughEngine(harness, 'roster.csv', ROSTER, 'roster');
}

async function openSettings(page: Page): Promise<void> {
  await openArea(page, 'Anonymise');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 3, name: 'Re-identification vault' }).waitFor();
}

describe('the re-identification vault', () => {
  test('created in Settings, keeps a roster, shows who a pseudonym is, and locks with the project', async () => {
    const watched = await openPage(browser, harness.url);
    const { page } = watched;
    screenshotOnFailure(page, 'vault');
    await heading(page, 'Your evaluation projects').waitFor();
    await createProject(page, PASSPHRASE);
    await heading(page, 'journey').waitFor();

    // Off by default: explained, and nothing unlocked.
    await openSettings(page);
    const vault = page.getByRole('region', { name: 'Re-identification vault' });
    await vault.getByText('This project has no vault unlocked.').waitFor();
    await vault.getByText(/The project file never holds identities/).waitFor();

    // Create: the dialog, then the vault's own passphrase twice.
    await vault.getByRole('button', { name: 'Create a vault…' }).click();
    const form = vault.getByRole('form', { name: 'Create a vault' });
    await form.getByLabel('Vault passphrase', { exact: true }).fill(VAULT_PASSPHRASE);
    await form.getByLabel('Confirm passphrase', { exact: true }).fill(VAULT_PASSPHRASE);
    await expectAccessible(page, 'Anonymise: Create a vault');
    const create = form.getByRole('button', { name: 'Create the vault' });
    await expect.poll(() => create.isEnabled()).toBe(true);
    await create.click();
    await vault.getByText(/is unlocked\./).waitFor();
    expect(harness.engine.session.vaultStatus()).toEqual({ state: 'open', path: harness.vaultPath });

    // A roster imported while the vault is unlocked keeps its identities there.
    expect(await importRoster()).toMatchObject({ committed: true, identitiesKept: 6 });
    const amara = harness.engine.session
      .requireProject()
      .db.prepare('SELECT pseudonym FROM participant ORDER BY id')
      .pluck()
      .get() as string;

    const lookup = vault.getByRole('form', { name: 'Look up a pseudonym' });
    await lookup.getByLabel('Pseudonym').fill(amara.toLowerCase());
    await lookup.getByRole('button', { name: 'Look up' }).click();
    const identities = lookup.getByRole('definition');
    await expect
      .poll(() => identities.allTextContents())
      .toEqual(['amara.okafor@example.org', 'E1001', 'Amara Okafor']);
    await lookup.getByText(/Every lookup is recorded in the project’s audit log/).waitFor();
    await page.screenshot({ path: 'test-results/screens/vault.png' });
    await expectAccessible(page, 'Anonymise: the vault, a pseudonym looked up');

    const audit = await engineCall<AuditPage>(harness, 'project.audit', { offset: 0, limit: 100 });
    expect(audit.entries.find((entry) => entry.action === 'vault.lookup')).toMatchObject({
      objectId: amara,
    });
    expect(JSON.stringify(audit.entries)).not.toMatch(/okafor|E1001/i);

    // Locking the project locks the vault; unlocking the project leaves the vault locked.
    await page.getByRole('button', { name: 'Lock project' }).click();
    await heading(page, 'Unlock journey').waitFor();
    expect(harness.engine.session.vaultForJob()).toBeUndefined();
    const unlockField = page.getByLabel('Passphrase', { exact: true });
    await unlockField.fill(PASSPHRASE);
    await unlockField.press('Enter');
    await heading(page, 'Anonymise').waitFor();
    await openSettings(page);
    await vault.getByText(/is locked\./).waitFor();
    expect(await vault.getByRole('form', { name: 'Look up a pseudonym' }).count()).toBe(0);

    // Unlocked again with its passphrase: the lookup is back.
    await vault.getByLabel('Vault passphrase', { exact: true }).fill(VAULT_PASSPHRASE);
    await vault.getByRole('button', { name: 'Unlock the vault' }).click();
    await vault.getByText(/is unlocked\./).waitFor();

    expect(watched.problems).toEqual([]);
    await watched.context.close();
  });
});
