import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfidantError } from '../../../shared/errors';
import { applyPassphrase } from '../../../electron/core/store/cipher';
import { migrate, schemaVersion } from '../../../electron/core/store/migrate';
import { APP_SCHEMA_VERSION, migrations } from '../../../electron/core/store/migrations';
import {
  closeProject,
  createProject,
  openProject,
  PROJECT_KIND,
} from '../../../electron/core/store/projectFile';

const PASS = 'correct horse battery staple';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('numbers migrations 1, 2, 3… with no gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('brings a new database to the app schema and records it in user_version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations, PROJECT_KIND.applicationId)).toBe(APP_SCHEMA_VERSION);
    expect(schemaVersion(db)).toBe(APP_SCHEMA_VERSION);
    expect(migrate(db, migrations, PROJECT_KIND.applicationId)).toBe(APP_SCHEMA_VERSION);
  });

  it('runs pending migrations in one transaction: a failing one leaves the schema as it was', () => {
    const db = new Database(':memory:');
    const broken = [
      ...migrations,
      { version: migrations.length + 1, name: 'broken', up: 'CREATE TABLE x (a); NOT SQL' },
    ];
    expect(() => migrate(db, broken, PROJECT_KIND.applicationId)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'").pluck().get()).toBe(0);
  });

  it('brings a schema-2 project with documents forward: each document awaits review, none is lost', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 2), PROJECT_KIND.applicationId);
    db.prepare(
      "INSERT INTO document (kind, title, body) VALUES ('transcript', 'Interview 1', 'Hello')",
    ).run();
    expect(migrate(db, migrations, PROJECT_KIND.applicationId)).toBe(APP_SCHEMA_VERSION);
    expect(db.prepare('SELECT title, body, review FROM document').get()).toEqual({
      title: 'Interview 1',
      body: 'Hello',
      review: 'awaiting',
    });
  });

  it('refuses a project from a newer Confidant with a clear message and does not touch the file', () => {
    const file = path.join(dir, 'future.confidant');
    closeProject(createProject(file, PASS, 'test'), 'test');
    const db = new Database(file);
    applyPassphrase(db, PASS);
    db.pragma(`user_version = ${APP_SCHEMA_VERSION + 5}`);
    db.close();
    const before = readFileSync(file);
    let error: unknown;
    try {
      openProject(file, PASS, 'test');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfidantError);
    expect((error as ConfidantError).code).toBe('PROJECT_TOO_NEW');
    expect((error as ConfidantError).message).toMatch(/newer version of Confidant/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('calls a SQLCipher database of another application "not a Confidant project"', () => {
    const file = path.join(dir, 'other.db');
    const db = new Database(file);
    applyPassphrase(db, PASS);
    db.exec('CREATE TABLE notes (text)');
    db.close();
    expect(() => openProject(file, PASS, 'test')).toThrow('wrong passphrase or not a Confidant project');
  });

  it('calls a plain text file "not a Confidant project"', () => {
    const file = path.join(dir, 'notes.confidant');
    rmSync(file, { force: true });
    writeFileSync(file, 'just some notes, not a database at all '.repeat(200));
    expect(() => openProject(file, PASS, 'test')).toThrow('wrong passphrase or not a Confidant project');
  });
});
