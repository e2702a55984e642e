import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeVault,
  createVault,
  identitiesOf,
  openVault,
  recordIdentities,
} from '../../../electron/core/anonymize/vault';
import { closeProject, createProject, openProject } from '../../../electron/core/store/projectFile';

const PROJECT_PASS = 'correct horse battery staple';
const VAULT_PASS = 'a different passphrase for governance';
const PROJECT_ID = 'c0ffee00-0000-4000-8000-000000000001';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-vault-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('re-identification vault', () => {
  it('maps pseudonyms back to identities, encrypted under its own passphrase', () => {
    const file = path.join(dir, 'programme.confidant-vault');
    const vault = createVault(file, VAULT_PASS, PROJECT_ID);
    expect(
      recordIdentities(vault, [
        { pseudonym: 'P-7K3Q9', domain: 'participant', identity: 'amara.okafor@example.org' },
        { pseudonym: 'P-7K3Q9', domain: 'employee_id', identity: 'E100231' },
        { pseudonym: 'P-2M8XZ', domain: 'participant', identity: 'ben.smith@example.org' },
      ]),
    ).toBe(3);
    closeVault(vault);
    expect(readFileSync(file).includes('amara.okafor')).toBe(false);

    const again = openVault(file, VAULT_PASS, PROJECT_ID);
    expect(identitiesOf(again, 'P-7K3Q9')).toEqual([
      { pseudonym: 'P-7K3Q9', domain: 'employee_id', identity: 'E100231' },
      { pseudonym: 'P-7K3Q9', domain: 'participant', identity: 'amara.okafor@example.org' },
    ]);
    expect(identitiesOf(again, 'P-UNKNOWN')).toEqual([]);
    closeVault(again);
  });

  it('keeps the latest identity when a pseudonym is recorded again', () => {
    const vault = createVault(path.join(dir, 'v.confidant-vault'), VAULT_PASS, PROJECT_ID);
    recordIdentities(vault, [{ pseudonym: 'P-1', domain: 'participant', identity: 'old@example.org' }]);
    recordIdentities(vault, [{ pseudonym: 'P-1', domain: 'participant', identity: 'new@example.org' }]);
    expect(identitiesOf(vault, 'P-1').map((entry) => entry.identity)).toEqual(['new@example.org']);
    closeVault(vault);
  });

  it('is not a project and a project is not a vault, even under the same passphrase', () => {
    const vaultFile = path.join(dir, 'v.confidant-vault');
    const projectFile = path.join(dir, 'p.confidant');
    closeVault(createVault(vaultFile, PROJECT_PASS, PROJECT_ID));
    closeProject(createProject(projectFile, PROJECT_PASS, 'test'), 'test');
    expect(() => openProject(vaultFile, PROJECT_PASS, 'test')).toThrow(
      'wrong passphrase or not a Confidant project',
    );
    expect(() => openVault(projectFile, PROJECT_PASS, PROJECT_ID)).toThrow(
      'wrong passphrase or not a Confidant re-identification vault',
    );
  });

  it('refuses the project passphrase on a vault that has its own', () => {
    const file = path.join(dir, 'v.confidant-vault');
    closeVault(createVault(file, VAULT_PASS, PROJECT_ID));
    expect(() => openVault(file, PROJECT_PASS, PROJECT_ID)).toThrow(/wrong passphrase/);
  });
});
