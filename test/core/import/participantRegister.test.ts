import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crockfordBase32 } from '../../../electron/core/anonymize/pseudonym';
import {
  IdentifierConflict,
  identityKey,
  ParticipantRegister,
  projectPseudonymKey,
} from '../../../electron/core/import/participantRegister';
import { closeProject, createProject, type Project } from '../../../electron/core/store/projectFile';

const PASS = 'correct horse battery staple';
let dir: string;
let project: Project;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-register-'));
  project = createProject(path.join(dir, 'p.confidant'), PASS, 'test');
});
afterEach(() => {
  closeProject(project, 'test');
  rmSync(dir, { recursive: true, force: true });
});

describe('participant register', () => {
  it('gives the same person the same readable pseudonym in every import, however the id was typed', () => {
    const firstImport = new ParticipantRegister(project.db);
    const first = firstImport.register([{ kind: 'id', value: 'E-100231' }]);
    firstImport.recordNewIdentifiers();
    expect(first).toMatchObject({ added: true });
    expect(first.pseudonym).toMatch(/^P-[0-9A-HJKMNP-TV-Z]{6}$/);
    const again = new ParticipantRegister(project.db).register([{ kind: 'id', value: ' e100231 ' }]);
    expect(again).toEqual({ ...first, added: false });
  });

  it('finds the roster participant from a survey keyed by e-mail alone', () => {
    const register = new ParticipantRegister(project.db);
    const fromRoster = register.register([
      { kind: 'id', value: 'E100231' },
      { kind: 'email', value: 'Amara.Okafor@Example.org' },
    ]);
    expect(register.find([{ kind: 'email', value: 'amara.okafor@example.org' }])).toEqual({
      ...fromRoster,
      added: false,
    });
    expect(register.find([{ kind: 'email', value: 'someone.else@example.org' }])).toBeUndefined();
  });

  it('refuses a row whose identifiers belong to two different participants', () => {
    const register = new ParticipantRegister(project.db);
    register.register([{ kind: 'id', value: 'E1' }]);
    register.register([{ kind: 'email', value: 'b@example.org' }]);
    expect(() =>
      register.register([
        { kind: 'id', value: 'E1' },
        { kind: 'email', value: 'b@example.org' },
      ]),
    ).toThrow(IdentifierConflict);
  });

  it('never matches on a name when the row has an id or e-mail, and stops trusting a shared name', () => {
    const register = new ParticipantRegister(project.db);
    const first = register.register([
      { kind: 'id', value: 'E1' },
      { kind: 'name', value: 'Sam Lee' },
    ]);
    expect(register.find([{ kind: 'name', value: 'sam lee' }])).toEqual({ ...first, added: false });
    const namesake = register.register([
      { kind: 'id', value: 'E2' },
      { kind: 'name', value: 'Sam Lee' },
    ]);
    expect(namesake).toMatchObject({ added: true });
    expect(namesake.id).not.toBe(first.id);
    expect(() => register.find([{ kind: 'name', value: 'Sam Lee' }])).toThrow(IdentifierConflict);
    expect(
      register.find([
        { kind: 'id', value: 'E2' },
        { kind: 'name', value: 'Sam Lee' },
      ]),
    ).toEqual({
      ...namesake,
      added: false,
    });
  });

  it('records a large import’s identifiers in one go and keeps the register’s indexes', () => {
    const indexes = () =>
      project.db
        .prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'participant_identifier'")
        .pluck()
        .all();
    const before = indexes();
    const register = new ParticipantRegister(project.db);
    // As an import does: everything in one transaction.
    const people = project.db.transaction(() => {
      const added = Array.from({ length: 12_000 }, (_, n) =>
        register.register([
          { kind: 'id', value: `E${n}` },
          { kind: 'email', value: `person${n}@example.org` },
        ]),
      );
      register.recordNewIdentifiers();
      return added;
    })();
    expect(indexes()).toEqual(before);
    expect(project.db.prepare('SELECT count(*) FROM participant_identifier').pluck().get()).toBe(24_000);
    const later = new ParticipantRegister(project.db);
    expect(later.find([{ kind: 'email', value: 'person11999@example.org' }])).toEqual({
      ...people[11_999],
      added: false,
    });
    expect(
      project.db
        .prepare('SELECT count(*) FROM participant_identifier WHERE participant_id = ?')
        .pluck()
        .get(people[5]!.id),
    ).toBe(2);
  });

  it('finds a survey respondent or adds them, recording a new one’s identifiers but not a known one’s', () => {
    const register = new ParticipantRegister(project.db);
    const known = register.register([{ kind: 'id', value: 'E1' }]);
    const again = register.findOrAdd([
      { kind: 'id', value: 'E1' },
      { kind: 'email', value: 'one@example.org' },
    ]);
    expect(again).toEqual({ ...known, added: false });
    expect(register.find([{ kind: 'email', value: 'one@example.org' }])).toBeUndefined();
    const added = register.findOrAdd([
      { kind: 'id', value: 'E2' },
      { kind: 'email', value: 'two@example.org' },
    ]);
    expect(added.added).toBe(true);
    register.recordNewIdentifiers();
    expect(register.find([{ kind: 'email', value: 'two@example.org' }])).toEqual({ ...added, added: false });
  });

  it('lengthens a code that clashes with another participant’s', () => {
    const key = projectPseudonymKey(project.db);
    const clashing = `P-${crockfordBase32(identityKey(key, { kind: 'id', value: 'E777' }), 6)}`;
    project.db.prepare('INSERT INTO participant (pseudonym) VALUES (?)').run(clashing);
    const registered = new ParticipantRegister(project.db).register([{ kind: 'id', value: 'E777' }]);
    expect(registered.pseudonym).toHaveLength(clashing.length + 1);
    expect(registered.pseudonym.startsWith(clashing)).toBe(true);
  });

  it('stores no identifier in the clear, and another project gives other pseudonyms', () => {
    const register = new ParticipantRegister(project.db);
    const here = register.register([{ kind: 'email', value: 'amara.okafor@example.org' }]);
    register.recordNewIdentifiers();
    const rows = JSON.stringify(project.db.prepare('SELECT * FROM participant_identifier').all());
    expect(rows).not.toContain('amara');
    const other = createProject(path.join(dir, 'other.confidant'), PASS, 'test');
    const there = new ParticipantRegister(other.db).register([
      { kind: 'email', value: 'amara.okafor@example.org' },
    ]);
    expect(there.pseudonym).not.toBe(here.pseudonym);
    closeProject(other, 'test');
    expect(readFileSync(path.join(dir, 'other.confidant')).includes('amara')).toBe(false);
  });
});
