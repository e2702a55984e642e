import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The built CLI, exactly as `confidant` runs from package.json's bin (npm run build:electron makes it).
const CLI = path.resolve('dist-electron/cli.cjs');
const env = { CONFIDANT_PASSPHRASE: 'correct horse battery staple' };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-cli-kinds-'));
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
      ...env,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function importAs(kind: string, name: string, content: string) {
  writeFileSync(path.join(dir, name), content);
  const result = confidant(['import', 'p.confidant', name, '--as', kind]);
  return { ...result, summary: result.stdout ? JSON.parse(result.stdout) : null };
}

const counts = () =>
  JSON.parse(confidant(['info', 'p.confidant']).stdout).tableCounts as Record<string, number>;

function projectWithRoster() {
  expect(confidant(['init', 'p.confidant']).code).toBe(0);
  const roster = importAs(
    'roster',
    'roster.csv',
    'Employee ID,Email,Cohort,Role\nE1,amara@example.org,2026,Mentee\nE2,ben@example.org,2026,Mentor\nE3,chen@example.org,2026,Mentee\n',
  );
  expect(roster.summary).toMatchObject({ committed: true, rowsImported: 3 });
}

describe('confidant import --as pairings|hr|activity', () => {
  it('imports a pairing list, HR records and an activity log, each with a JSON summary', () => {
    projectWithRoster();
    const pairings = importAs(
      'pairings',
      'pairings.csv',
      'Mentor ID,Mentee email,Match date,Match score,Pairing status\nE2,amara@example.org,2026-01-10,92%,Active\nE2,chen@example.org,10 Jan 2026,0.6,On hold\n',
    );
    expect(pairings.code).toBe(0);
    expect(pairings.summary).toMatchObject({
      committed: true,
      rowsRead: 2,
      rowsImported: 2,
      problemCount: 0,
    });

    const hr = importAs(
      'hr',
      'hr.csv',
      'Employee ID,Change type,Effective date\nE1,Promoted,2026-06-01\nE1,Expanded responsibilities,2026-09-01\nE3,Left the company,2026-07-31\n',
    );
    expect(hr.code).toBe(0);
    expect(hr.summary).toMatchObject({ committed: true, rowsRead: 3, rowsImported: 3 });

    const activity = importAs(
      'activity',
      'meetings.csv',
      'Mentor ID,Mentee ID,Meeting date,Duration,Topics\nE2,E1,2026-01-20,1h 15m,Goals\nE2,E3,2026-01-21,50,Feedback\n',
    );
    expect(activity.code).toBe(0);
    expect(activity.summary).toMatchObject({ committed: true, rowsImported: 2 });
    expect(counts()).toMatchObject({
      participant: 3,
      pairing: 2,
      progression_event: 3,
      meeting: 2,
      import_batch: 4,
    });
  });

  it('lists each bad row with its column and expectation, exits 1 and commits nothing', () => {
    projectWithRoster();
    const before = counts();
    const pairings = importAs(
      'pairings',
      'bad.csv',
      'Mentor ID,Mentee ID,Match score\nE2,E1,0.8\nE9,E1,0.5\nE2,E2,0.5\nE2,E3,250\n',
    );
    expect(pairings.code).toBe(1);
    expect(pairings.summary).toMatchObject({ committed: false, rowsRead: 4, rowsImported: 0 });
    expect(
      pairings.summary.problems.map((p: { row: number; column: string; expected: string }) => [
        p.row,
        p.column,
        p.expected,
      ]),
    ).toEqual([
      [5, 'Match score', 'a match score from 0 to 1, or from 0 to 100 (a percentage)'],
      [3, 'Mentor ID', "a mentor on the project's roster"],
      [4, 'Mentee ID', 'a mentee other than the mentor'],
    ]);

    const hr = importAs('hr', 'bad-hr.csv', 'Employee ID,Event,Effective date\nE1,Sabbatical,2026-06-01\n');
    expect(hr.code).toBe(1);
    expect(hr.summary.problems[0]).toMatchObject({
      file: 'bad-hr.csv',
      row: 2,
      column: 'Event',
      value: 'Sabbatical',
      message: expect.stringContaining('is not a kind of progression event'),
    });

    const activity = importAs(
      'activity',
      'bad-meetings.csv',
      'Mentor ID,Mentee ID,Meeting date,Duration\nE2,E1,2026-01-20,ninety\nE2,E1,2026-01-21,30\n',
    );
    expect(activity.code).toBe(1);
    expect(activity.summary.problems.map((p: { message: string }) => p.message)).toEqual([
      'Row 2, Duration: “ninety” is not a duration; expected a duration such as 45, 45 min, 1h 30m, 1.5 hours or 1:30.',
      expect.stringMatching(/^Row 3, Mentor ID: there is no pairing of P-\w+ and P-\w+ in the project/),
    ]);
    const after = counts();
    expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
  });

  it('says which column a kind needs when the file lacks it, and refuses an unknown kind', () => {
    projectWithRoster();
    const missing = importAs('activity', 'dates.csv', 'Mentor ID,Duration\nE2,45\n');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('An activity log needs a column for the mentee');
    const unknown = importAs('meetings', 'dates.csv', 'Mentor ID,Duration\nE2,45\n');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/roster|pairings|activity/);
  });

  it('refuses an HR file imported as a roster before reading it: its columns would be dropped', () => {
    projectWithRoster();
    const before = counts();
    const hr = importAs(
      'roster',
      'career-moves.csv',
      'Employee ID,Change type,Effective date\nE1,Promoted,2026-06-01\nE3,Lateral move,2026-07-31\n',
    );
    expect(hr.code).not.toBe(0);
    expect(hr.stdout).toBe('');
    expect(hr.stderr).toContain(
      'career-moves.csv: A roster does not keep “Change type” and “Effective date”: leave them out, or import the file as HR progression records. Nothing was imported.',
    );
    expect({ ...counts(), audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
  });
});
