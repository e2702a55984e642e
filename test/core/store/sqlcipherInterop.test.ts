import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeProject, createProject, openProject } from '../../../electron/core/store/projectFile';

// Zetetic's own SQLCipher 4, built from source by @journeyapps/sqlcipher (node-sqlite3 API).
const require = createRequire(import.meta.url);
const sqlcipher = require('@journeyapps/sqlcipher') as {
  Database: new (file: string) => ZeteticDatabase;
};
interface ZeteticDatabase {
  exec(sql: string, done: (error: Error | null) => void): void;
  all(sql: string, done: (error: Error | null, rows: unknown[]) => void): void;
  close(done: (error: Error | null) => void): void;
}

function zetetic(file: string) {
  const db = new sqlcipher.Database(file);
  return {
    exec: (sql: string) => new Promise<void>((ok, fail) => db.exec(sql, (e) => (e ? fail(e) : ok()))),
    all: (sql: string) =>
      new Promise<unknown[]>((ok, fail) => db.all(sql, (e, rows) => (e ? fail(e) : ok(rows)))),
    close: () => new Promise<void>((ok, fail) => db.close((e) => (e ? fail(e) : ok()))),
  };
}

const PASS = "an evaluator's long passphrase";
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-interop-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLCipher 4 interoperability', () => {
  it('a Confidant project opens in Zetetic SQLCipher 4 with the passphrase', async () => {
    const file = path.join(dir, 'p.confidant');
    const project = createProject(file, PASS, 'test');
    project.db
      .prepare("INSERT INTO project_setting (key, value) VALUES ('probe', 'readable elsewhere')")
      .run();
    closeProject(project, 'test');

    const db = zetetic(file);
    await db.exec(`PRAGMA key = '${PASS.replaceAll("'", "''")}'`);
    expect(await db.all("SELECT value FROM project_setting WHERE key = 'probe'")).toEqual([
      { value: 'readable elsewhere' },
    ]);
    expect(await db.all('PRAGMA cipher_version')).toHaveLength(1);
    await db.close();
  });

  it('Zetetic SQLCipher 4 refuses the file with a wrong passphrase', async () => {
    const file = path.join(dir, 'p.confidant');
    closeProject(createProject(file, PASS, 'test'), 'test');
    const db = zetetic(file);
    await db.exec("PRAGMA key = 'something else entirely'");
    await expect(db.all('SELECT count(*) FROM sqlite_schema')).rejects.toThrow(/not a database/);
    await db.close();
  });

  it('a project re-keyed by Zetetic SQLCipher opens in Confidant under the new passphrase', async () => {
    const file = path.join(dir, 'p.confidant');
    closeProject(createProject(file, PASS, 'test'), 'test');
    const db = zetetic(file);
    await db.exec(`PRAGMA key = '${PASS.replaceAll("'", "''")}'`);
    await db.exec("PRAGMA rekey = 'rekeyed by another SQLCipher tool'");
    await db.close();
    const project = openProject(file, 'rekeyed by another SQLCipher tool', 'test');
    expect(project.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBeGreaterThan(0);
    closeProject(project, 'test');
  });
});
