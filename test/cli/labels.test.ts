import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../electron/core/store/projectFile';

// The built CLI, exactly as `confidant` runs from package.json's bin (npm run build:electron makes it).
const CLI = path.resolve('dist-electron/cli.cjs');
const PASS = 'correct horse battery staple';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-cli-labels-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function confidant(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      CONFIDANT_SETTINGS_DIR: path.join(dir, 'settings'),
      CONFIDANT_PASSPHRASE: PASS,
    },
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('confidant import and the names of things', () => {
  it('keeps no roster name, e-mail address or id from file names, titles, windows and instruments', () => {
    confidant(['init', 'p.confidant']);
    writeFileSync(
      path.join(dir, 'roster Amara Okafor amara.okafor@example.org.csv'),
      'Employee ID,Email,First name,Last name\nE1002,amara.okafor@example.org,Amara,Okafor\n',
    );
    confidant([
      'import',
      'p.confidant',
      'roster Amara Okafor amara.okafor@example.org.csv',
      '--as',
      'roster',
    ]);
    writeFileSync(path.join(dir, 'wave_E1002.csv'), 'Employee ID,Confidence\nE1002,4\n');
    confidant([
      'import',
      'p.confidant',
      'wave_E1002.csv',
      '--as',
      'survey',
      '--window',
      'Check-in with Amara',
      '--instrument',
      'Pulse amara.okafor@example.org',
    ]);
    writeFileSync(
      path.join(dir, 'Interview with Amara Okafor.txt'),
      'Interviewer: How was it?\nMentee: Good.\n',
    );
    const document = confidant([
      'import',
      'p.confidant',
      'Interview with Amara Okafor.txt',
      '--as',
      'transcript',
      '--title',
      'Interview E1002 (Amara)',
    ]);
    expect(document.title).toBe('Interview [EMPLOYEE_ID-1] ([PERSON-1])');

    const project = openProject(path.join(dir, 'p.confidant'), PASS, 'test', { audit: false });
    try {
      const tables = project.db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .all() as string[];
      const texts = tables.flatMap((table) =>
        (project.db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).flatMap((row) =>
          row.map((cell) => (Buffer.isBuffer(cell) ? cell.toString('latin1') : String(cell)).toLowerCase()),
        ),
      );
      for (const word of ['amara', 'okafor', 'e1002'])
        expect(
          texts.filter((text) => text.includes(word)),
          word,
        ).toEqual([]);
    } finally {
      closeProject(project, 'test');
    }
  }, 120_000);
});
