import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawKey } from '../../../electron/core/store/cipher';
import { closeProject, createProject, openProject } from '../../../electron/core/store/projectFile';

const PASS = 'correct horse battery staple';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-rawkey-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the raw key a background job keys its connection with', () => {
  it('is the key SQLCipher derives from the passphrase: it opens the project, one of another passphrase does not', () => {
    const file = path.join(dir, 'p.confidant');
    closeProject(createProject(file, PASS, 'test'), 'test');
    const key = rawKey(file, PASS);
    expect(key).toMatch(/^x'[0-9a-f]{96}'$/);
    const project = openProject(file, key, 'test');
    expect(project.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBeGreaterThan(0);
    closeProject(project, 'test');
    expect(() => openProject(file, rawKey(file, 'violet tramway quietly sings'), 'test')).toThrow(
      /wrong passphrase/,
    );
  });

  it('differs between two projects of the same passphrase (each file has its own salt)', () => {
    const [first, second] = ['a.confidant', 'b.confidant'].map((name) => path.join(dir, name));
    for (const file of [first!, second!]) closeProject(createProject(file, PASS, 'test'), 'test');
    expect(rawKey(first!, PASS)).not.toBe(rawKey(second!, PASS));
  });
});
