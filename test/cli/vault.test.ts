import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../electron/core/store/projectFile';

// The built CLI, exactly as `confidant` runs from package.json's bin (npm run build:electron makes it).
const CLI = path.resolve('dist-electron/cli.cjs');
const PASS = 'correct horse battery staple';
const VAULT_PASS = 'governance keeps this one apart';
const ROSTER = `Employee ID,Email,First name,Last name,Cohort,Role
E1001,amara.okafor@example.org,Amara,Okafor,2026 Spring,Mentee
E1002,ben.smith@example.org,Ben,Smith,2026 Spring,Mentor
`;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-cli-vault-'));
  writeFileSync(path.join(dir, 'roster.csv'), ROSTER);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function confidant(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      CONFIDANT_SETTINGS_DIR: path.join(dir, 'settings'),
      CONFIDANT_PASSPHRASE: PASS,
      CONFIDANT_VAULT_PASSPHRASE: VAULT_PASS,
      ...env,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('confidant vault', () => {
  it("vault init creates the project's vault; import --vault keeps a roster's identifiers there; a mistyped pseudonym is refused", () => {
    expect(confidant(['init', 'p.confidant']).code).toBe(0);
    const init = confidant(['vault', 'init', 'p.confidant-vault', '--project', 'p.confidant']);
    expect(init.stderr).toBe('');
    expect(JSON.parse(init.stdout)).toEqual({ state: 'open', path: path.join(dir, 'p.confidant-vault') });
    expect(readFileSync(path.join(dir, 'p.confidant-vault')).includes('CREATE TABLE')).toBe(false);

    const imported = confidant([
      'import',
      'p.confidant',
      'roster.csv',
      '--as',
      'roster',
      '--vault',
      'p.confidant-vault',
    ]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ committed: true, identitiesKept: 6 });

    const mistyped = confidant(['vault', 'lookup', 'p.confidant-vault', 'P-0', '--project', 'p.confidant']);
    expect(mistyped.code).toBe(1);
    expect(mistyped.stderr).toMatch(/A pseudonym looks like P-7K3Q9X/);
  });

  it('looks a pseudonym up, refuses the wrong vault passphrase and a vault of another project', () => {
    confidant(['init', 'p.confidant']);
    confidant(['vault', 'init', 'p.confidant-vault', '--project', 'p.confidant']);
    const summary = JSON.parse(
      confidant(['import', 'p.confidant', 'roster.csv', '--as', 'roster', '--vault', 'p.confidant-vault'])
        .stdout,
    ) as { importId: number };
    expect(summary.importId).toBe(1);
    const pseudonym = pseudonymOfFirstParticipant();

    const found = confidant(['vault', 'lookup', 'p.confidant-vault', pseudonym, '--project', 'p.confidant']);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout)).toEqual({
      pseudonym,
      identities: [
        { kind: 'email', identity: 'amara.okafor@example.org' },
        { kind: 'id', identity: 'E1001' },
        { kind: 'name', identity: 'Amara Okafor' },
      ],
    });

    const before = readFileSync(path.join(dir, 'p.confidant-vault'));
    const wrong = confidant(['vault', 'lookup', 'p.confidant-vault', pseudonym, '--project', 'p.confidant'], {
      CONFIDANT_VAULT_PASSPHRASE: 'not the vault passphrase at all',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/wrong passphrase or not a Confidant re-identification vault/);
    expect(readFileSync(path.join(dir, 'p.confidant-vault')).equals(before)).toBe(true);

    confidant(['init', 'other.confidant']);
    const other = confidant([
      'vault',
      'lookup',
      'p.confidant-vault',
      pseudonym,
      '--project',
      'other.confidant',
    ]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/belongs to another project/);
  });

  it("refuses the project's passphrase for the vault, --vault on a survey, and a vault without --project", () => {
    confidant(['init', 'p.confidant']);
    const same = confidant(['vault', 'init', 'v.confidant-vault', '--project', 'p.confidant'], {
      CONFIDANT_VAULT_PASSPHRASE: PASS,
    });
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/passphrase of its own/);
    const survey = confidant([
      'import',
      'p.confidant',
      'roster.csv',
      '--as',
      'survey',
      '--vault',
      'v.confidant-vault',
    ]);
    expect(survey.code).toBe(2);
    expect(survey.stderr).toMatch(/--vault is for a roster/);
    expect(confidant(['vault', 'init', 'v.confidant-vault']).stderr).toMatch(/--project FILE/);
  });
});

/** The roster's first participant's pseudonym, as the window's data browser shows it. */
function pseudonymOfFirstParticipant(): string {
  const project = openProject(path.join(dir, 'p.confidant'), PASS, 'test');
  try {
    return project.db.prepare('SELECT pseudonym FROM participant ORDER BY id').pluck().get() as string;
  } finally {
    closeProject(project, 'test');
  }
}
