import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The built CLI, exactly as `confidant` runs from package.json's bin (npm run build:electron makes it).
const CLI = path.resolve('dist-electron/cli.cjs');
const FIXTURES = path.resolve('test/fixtures/transcripts');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-cli-documents-'));
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
      CONFIDANT_PASSPHRASE: 'correct horse battery staple',
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

function projectWithRoster() {
  expect(confidant(['init', 'p.confidant']).code).toBe(0);
  writeFileSync(
    path.join(dir, 'roster.csv'),
    'Employee ID,Email,First name,Last name,Role\nE7,priya.raman@example.org,Priya,Raman,Mentee\nE2,tom.okafor@example.org,Tom,Okafor,Mentor\n',
  );
  expect(confidant(['import', 'p.confidant', 'roster.csv', '--as', 'roster']).code).toBe(0);
}

describe('confidant import --as transcript|journal|mentor-note', () => {
  it('imports a transcript for review and prints its findings by entity', () => {
    projectWithRoster();
    copyFileSync(path.join(FIXTURES, 'interview.txt'), path.join(dir, 'interview.txt'));
    const imported = confidant([
      'import',
      'p.confidant',
      'interview.txt',
      '--as',
      'transcript',
      '--title',
      'Mid-programme interview 7',
      '--participant',
      'E7',
      '--window',
      'Mid-programme',
    ]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const summary = json(imported.stdout);
    expect(summary).toMatchObject({
      documentId: 1,
      duplicate: false,
      kind: 'transcript',
      awaitingReview: true,
      findingsByEntity: { EMAIL_ADDRESS: 1, PHONE_NUMBER: 1 },
    });
    const counts = json(confidant(['info', 'p.confidant']).stdout).tableCounts;
    expect(counts).toMatchObject({ document: 1, pii_finding: summary.findings, collection_window: 1 });

    // The same file again is recognised: same document, nothing added.
    const again = confidant(['import', 'p.confidant', 'interview.txt', '--as', 'transcript']);
    expect(json(again.stdout)).toMatchObject({ documentId: 1, duplicate: true });
    expect(json(confidant(['info', 'p.confidant']).stdout).tableCounts).toMatchObject({ document: 1 });
  });

  it('takes a title from the file name, and reads WebVTT and SubRip as mentor notes and journals', () => {
    expect(confidant(['init', 'p.confidant']).code).toBe(0);
    copyFileSync(path.join(FIXTURES, 'interview.vtt'), path.join(dir, 'check-in_2026-03.vtt'));
    copyFileSync(path.join(FIXTURES, 'interview.srt'), path.join(dir, 'goals.srt'));
    const vtt = confidant(['import', 'p.confidant', 'check-in_2026-03.vtt', '--as', 'mentor-note']);
    expect(json(vtt.stdout)).toMatchObject({
      kind: 'mentor_note',
      title: 'Check in 2026 03',
      awaitingReview: true,
    });
    const srt = confidant(['import', 'p.confidant', 'goals.srt', '--as', 'journal']);
    expect(json(srt.stdout)).toMatchObject({ kind: 'journal', title: 'Goals', documentId: 2 });
  });

  it('fails with a specific message, and writes nothing, when the participant or the file is wrong', () => {
    projectWithRoster();
    const before = json(confidant(['info', 'p.confidant']).stdout).tableCounts;
    copyFileSync(path.join(FIXTURES, 'journal.txt'), path.join(dir, 'journal.txt'));
    const nobody = confidant([
      'import',
      'p.confidant',
      'journal.txt',
      '--as',
      'journal',
      '--participant',
      'E99',
    ]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('No participant in this project has the participant id you typed.');
    writeFileSync(path.join(dir, 'broken.srt'), '1\n00:00:01,000 --> 00:00:0X,000\nHello\n');
    const broken = confidant(['import', 'p.confidant', 'broken.srt', '--as', 'transcript']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken.srt, cue 1 (line 2): the timing');
    const after = json(confidant(['info', 'p.confidant']).stdout).tableCounts as Record<string, number>;
    expect({ ...after, audit_log: 0 }).toEqual({ ...(before as Record<string, number>), audit_log: 0 });
  });

  it('refuses --title for a table import', () => {
    const refused = confidant(['import', 'p.confidant', 'roster.csv', '--as', 'roster', '--title', 'Roster']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      '--title and --participant are for a transcript, journal or mentor-note.',
    );
  });
});
