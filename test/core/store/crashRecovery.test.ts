import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WRONG_PASSPHRASE_MESSAGE } from '../../../shared/errors';
import { hasHotJournal, journalOf } from '../../../electron/core/store/encryptedFile';
import { closeProject, createProject, openProject } from '../../../electron/core/store/projectFile';

const PASS = 'correct horse battery staple';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-crash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * A process that starts a large write with a tiny page cache (so SQLite has begun changing the file itself and
 * the journal is hot), then kills itself with SIGKILL before it commits: what kill -9 or a crash leaves behind.
 */
function dieMidWrite(file: string, key: string | null) {
  const script = `
    const Database = require('better-sqlite3-multiple-ciphers');
    const db = new Database(process.argv[1]);
    if (process.argv[2]) { db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.key(Buffer.from(process.argv[2])); }
    db.pragma('journal_mode = DELETE');
    db.pragma('cache_size = 5');
    db.exec('BEGIN');
    db.exec('CREATE TABLE filler (text TEXT)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(500) + i);
    db.prepare("UPDATE project_setting SET value = 'changed' WHERE key = 'created_at'").run();
    process.kill(process.pid, 'SIGKILL');`;
  const result = spawnSync(process.execPath, ['-e', script, file, key ?? ''], { cwd: process.cwd() });
  expect(result.signal).toBe('SIGKILL');
  expect(hasHotJournal(file)).toBe(true);
}

describe('a project whose last write was cut short', () => {
  it('opens with the right passphrase, rolled back to its last complete state', () => {
    const file = path.join(dir, 'p.confidant');
    const project = createProject(file, PASS, 'test');
    const createdAt = project.db
      .prepare("SELECT value FROM project_setting WHERE key = 'created_at'")
      .pluck()
      .get();
    closeProject(project, 'test');
    dieMidWrite(file, PASS);

    const again = openProject(file, PASS, 'test');
    expect(existsSync(journalOf(file))).toBe(false);
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(again.db.prepare("SELECT value FROM project_setting WHERE key = 'created_at'").pluck().get()).toBe(
      createdAt,
    );
    expect(again.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'filler'").pluck().get()).toBe(
      0,
    );
    closeProject(again, 'test');
  });

  it('a wrong passphrase changes neither the file nor its journal', () => {
    const file = path.join(dir, 'p.confidant');
    closeProject(createProject(file, PASS, 'test'), 'test');
    dieMidWrite(file, PASS);
    const before = [sha(file), sha(journalOf(file))];
    expect(() => openProject(file, 'violet tramway quietly sings', 'test')).toThrow(WRONG_PASSPHRASE_MESSAGE);
    expect([sha(file), sha(journalOf(file))]).toEqual(before);
    openProject(file, PASS, 'test').db.close();
  });

  it('a database that is not a Confidant project is refused and its journal is not rolled back', () => {
    const file = path.join(dir, 'other.db');
    const setUp = spawnSync(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3-multiple-ciphers'); const db = new D(process.argv[1]);
         db.exec("CREATE TABLE project_setting (key TEXT, value TEXT); INSERT INTO project_setting VALUES ('created_at', 'then')");
         db.close();`,
        file,
      ],
      { cwd: process.cwd() },
    );
    expect(setUp.status).toBe(0);
    dieMidWrite(file, null);
    const before = [sha(file), sha(journalOf(file))];
    expect(() => openProject(file, PASS, 'test')).toThrow(WRONG_PASSPHRASE_MESSAGE);
    expect([sha(file), sha(journalOf(file))]).toEqual(before);
  });
});
