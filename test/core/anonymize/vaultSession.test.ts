import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerArgs, HandlerName, HandlerResults } from '../../../shared/api';
import type { ErrorReport } from '../../../shared/errors';
import type { ImportKind } from '../../../shared/import';
import { keepInVault } from '../../../electron/core/import/importJob';
import { createEngine, type Engine } from '../../../electron/core/engine';
import type { PathPurpose } from '../../../electron/core/session';

const PROJECT_PASS = 'correct horse battery staple';
const VAULT_PASS = 'governance keeps this one apart';
const ROSTER = `Employee ID,Email,First name,Last name,Cohort,Role
E1001,amara.okafor@example.org,Amara,Okafor,2026 Spring,Mentee
E1002,ben.smith@example.org,Ben,Smith,2026 Spring,Mentor
`;
const SURVEY = `Email,Submitted,I feel confident at work
amara.okafor@example.org,2026-03-01,4
carl.new@example.org,2026-03-02,5
`;

let dir: string;
let engine: Engine;
let idle = 0;
const paths: Partial<Record<PathPurpose, string>> = {};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-vault-session-'));
  idle = 0;
  paths.create = path.join(dir, 'programme.confidant');
  paths.createVault = path.join(dir, 'programme.confidant-vault');
  paths.openVault = paths.createVault;
  engine = createEngine({
    choosePath: async (purpose) => paths[purpose] ?? null,
    settingsDir: path.join(dir, 'settings'),
    actor: 'test',
    idleSeconds: () => idle,
  });
});
afterEach(() => {
  engine.session.lock();
  rmSync(dir, { recursive: true, force: true });
});

async function ok<K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<HandlerResults[K]> {
  const outcome = await engine.call(name, args);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value as HandlerResults[K];
}
async function failure<K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<ErrorReport> {
  const outcome = await engine.call(name, args);
  if (outcome.ok) throw new Error(`${name} should have failed`);
  return outcome.error;
}
async function chosen(purpose: PathPurpose): Promise<string> {
  return (await ok('project.choosePath', { purpose })).path as string;
}
async function newProject(): Promise<void> {
  await ok('project.create', { path: await chosen('create'), passphrase: PROJECT_PASS });
}
async function newVault(): Promise<string> {
  const file = await chosen('createVault');
  await ok('vault.create', { path: file, passphrase: VAULT_PASS });
  return file;
}
async function importFile(name: string, content: string, kind: ImportKind) {
  const file = engine.session.grant(path.join(dir, name));
  writeFileSync(file, content);
  const preview = await ok('import.preview', { source: file });
  return ok('import.commit', {
    source: file,
    plan: {
      kind,
      columns: preview.columns.map(({ confidence: _c, reason: _r, ...column }) => column),
      ...(kind === 'survey'
        ? { window: 'Baseline', instrument: 'Confidence', addUnknownParticipants: true }
        : {}),
    },
  });
}
/** The project's pseudonyms, in the order participants were added. */
const pseudonyms = () =>
  engine.session
    .requireProject()
    .db.prepare('SELECT pseudonym FROM participant ORDER BY id')
    .pluck()
    .all() as string[];

describe('the re-identification vault in a session', () => {
  it('is off by default, opens beside the project and closes when the project locks', async () => {
    await newProject();
    expect(await ok('vault.status', {})).toEqual({ state: 'none' });
    const file = await newVault();
    expect(await ok('vault.status', {})).toEqual({ state: 'open', path: file });

    engine.session.lock();
    expect(engine.session.vaultForJob()).toBeUndefined();
    await ok('project.open', { path: paths.create!, passphrase: PROJECT_PASS });
    expect(await ok('vault.status', {})).toEqual({ state: 'locked', path: file });
    expect((await failure('vault.lookup', { pseudonym: 'P-7K3Q9X' })).code).toBe('NO_VAULT_OPEN');

    await ok('vault.open', { path: file, passphrase: VAULT_PASS });
    expect(await ok('vault.close', {})).toEqual({ state: 'locked', path: file });
  });

  it('closes with the project when the project locks itself', async () => {
    await newProject();
    await newVault();
    idle = 3600;
    engine.session.autoLock.check();
    expect(engine.session.status().state).toBe('locked');
    expect(engine.session.vaultForJob()).toBeUndefined();
  });

  it("refuses a weak passphrase and the project's own", async () => {
    await newProject();
    const file = await chosen('createVault');
    expect((await failure('vault.create', { path: file, passphrase: 'vault' })).code).toBe('WEAK_PASSPHRASE');
    const same = await failure('vault.create', { path: file, passphrase: PROJECT_PASS });
    expect(same).toMatchObject({ code: 'WEAK_PASSPHRASE', message: expect.stringMatching(/of its own/) });
    expect(await ok('vault.status', {})).toEqual({ state: 'none' });
  });

  it('refuses a wrong passphrase with the careful message and leaves the vault byte-identical', async () => {
    await newProject();
    const file = await newVault();
    await ok('vault.close', {});
    const before = readFileSync(file);
    const wrong = await failure('vault.open', { path: file, passphrase: 'not the vault passphrase at all' });
    expect(wrong).toEqual({
      code: 'WRONG_PASSPHRASE',
      message: 'wrong passphrase or not a Confidant re-identification vault',
    });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses another project's vault", async () => {
    await newProject();
    const file = await newVault();
    paths.create = path.join(dir, 'another.confidant');
    await newProject();
    const refused = await failure('vault.open', { path: await chosen('openVault'), passphrase: VAULT_PASS });
    expect(refused.code).toBe('VAULT_OF_ANOTHER_PROJECT');
    expect(refused.message).toMatch(/belongs to another project/);
    expect(await ok('vault.status', {})).toEqual({ state: 'none' });
    expect(file).toBe(paths.openVault);
  });

  it('keeps the identifiers of a roster committed while it is open, and a lookup is audited without them', async () => {
    await newProject();
    await newVault();
    const summary = await importFile('roster.csv', ROSTER, 'roster');
    expect(summary).toMatchObject({ committed: true, identitiesKept: 6 });
    expect(summary.vaultNotUpdated).toBeUndefined();

    const amara = pseudonyms()[0]!;
    const found = await ok('vault.lookup', { pseudonym: amara.toLowerCase() });
    expect(found).toEqual({
      pseudonym: amara,
      identities: [
        { kind: 'email', identity: 'amara.okafor@example.org' },
        { kind: 'id', identity: 'E1001' },
        { kind: 'name', identity: 'Amara Okafor' },
      ],
    });
    const audit = await ok('project.audit', { offset: 0, limit: 100 });
    const lookup = audit.entries.find((entry) => entry.action === 'vault.lookup');
    expect(lookup).toMatchObject({ objectType: 'participant', objectId: amara });
    expect(lookup?.detail).toContain('"identitiesShown":3');
    expect(JSON.stringify(audit.entries)).not.toMatch(/Okafor|amara\.okafor|E1001/i);
  });

  it('keeps nothing from a survey wave, nor from a roster imported while the vault is locked', async () => {
    await newProject();
    await newVault();
    const survey = await importFile('survey.csv', SURVEY, 'survey');
    expect(survey.committed).toBe(true);
    expect(survey.identitiesKept).toBeUndefined();
    const [, carl] = pseudonyms();
    expect((await ok('vault.lookup', { pseudonym: carl! })).identities).toEqual([]);

    await ok('vault.close', {});
    const roster = await importFile('roster.csv', ROSTER, 'roster');
    expect(roster.committed).toBe(true);
    expect(roster.identitiesKept).toBeUndefined();
  });

  it('leaves the roster imported and says why when the vault cannot be written', () => {
    const summary = {
      committed: true,
      alreadyImported: false,
      importId: 1,
      rowsRead: 1,
      rowsImported: 1,
      rowsSkipped: 0,
      rowsAlreadyPresent: 0,
      participantsAdded: 1,
      problemCount: 0,
      problems: [],
    };
    const kept = keepInVault(
      summary,
      { path: path.join(dir, 'moved.confidant-vault'), passphrase: VAULT_PASS },
      'x',
      [{ pseudonym: 'P-AAAAAA', domain: 'email', identity: 'a@example.org' }],
    );
    expect(kept).toMatchObject({ committed: true, rowsImported: 1, identitiesKept: 0 });
    expect(kept.vaultNotUpdated).toMatch(
      /roster was imported.*not kept.*There is no Confidant re-identification vault/,
    );
  });
});
