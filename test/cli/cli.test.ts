import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveAnonymisationSettings } from '../../electron/core/anonymize/anonymisationSettings';
import { closeProject, openProject } from '../../electron/core/store/projectFile';

// The built CLI, exactly as `confidant` runs from package.json's bin (npm run build:electron makes it).
const CLI = path.resolve('dist-electron/cli.cjs');
const PASS = 'correct horse battery staple';
const NEXT = 'violet tramway quietly sings';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function confidant(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    input,
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
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('confidant CLI', () => {
  it('init creates an encrypted file: grep finds none of what was written, plain sqlite3 cannot read it', () => {
    const created = confidant(['init', 'p.confidant'], { CONFIDANT_PASSPHRASE: PASS });
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ state: 'open', name: 'p' });
    const file = path.join(dir, 'p.confidant');
    for (const plaintext of [
      'project.create',
      'audit_log',
      'CREATE TABLE',
      'created_at',
      'SQLite format 3',
    ]) {
      expect(spawnSync('grep', ['-c', '-a', plaintext, file]).status, plaintext).toBe(1);
    }
    const sqlite = spawnSync('sqlite3', [file, 'SELECT count(*) FROM audit_log'], { encoding: 'utf8' });
    if (sqlite.error === undefined) expect(sqlite.stderr).toMatch(/not a database/);
  });

  it('info prints schema version, table counts and encryption settings as JSON', () => {
    confidant(['init', 'p.confidant'], { CONFIDANT_PASSPHRASE: PASS });
    const info = confidant(['info', 'p.confidant'], { CONFIDANT_PASSPHRASE: PASS });
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout);
    expect(parsed).toMatchObject({
      schemaVersion: parsed.appSchemaVersion,
      encryption: { cipher: 'sqlcipher', legacy: 4, kdfIterations: 256000, pageSize: 4096 },
    });
    expect(parsed.tableCounts.audit_log).toBeGreaterThan(0);
  });

  it('a wrong passphrase exits non-zero with the message and leaves the file byte-identical', () => {
    confidant(['init', 'p.confidant'], { CONFIDANT_PASSPHRASE: PASS });
    const before = sha(path.join(dir, 'p.confidant'));
    for (const command of [
      ['info', 'p.confidant'],
      ['passwd', 'p.confidant'],
      ['backup', 'p.confidant', 'b.confidant'],
    ]) {
      const attempt = confidant(command, {
        CONFIDANT_PASSPHRASE: 'not the passphrase',
        CONFIDANT_NEW_PASSPHRASE: NEXT,
      });
      expect(attempt.code, command[0]).not.toBe(0);
      expect(attempt.stderr).toContain('wrong passphrase or not a Confidant project');
      expect(attempt.stdout).toBe('');
    }
    expect(sha(path.join(dir, 'p.confidant'))).toBe(before);
  });

  it('passwd re-keys: the old passphrase stops working, the new one opens it', () => {
    confidant(['init', 'p.confidant'], { CONFIDANT_PASSPHRASE: PASS });
    expect(
      confidant(['passwd', 'p.confidant'], { CONFIDANT_PASSPHRASE: PASS, CONFIDANT_NEW_PASSPHRASE: NEXT })
        .code,
    ).toBe(0);
    expect(confidant(['info', 'p.confidant'], { CONFIDANT_PASSPHRASE: PASS }).code).toBe(1);
    expect(confidant(['info', 'p.confidant'], { CONFIDANT_PASSPHRASE: NEXT }).code).toBe(0);
  });

  it('asks for passphrases on standard input when the environment gives none', () => {
    const mismatch = confidant(['init', 'p.confidant'], {}, `${PASS}\nsomething else\n`);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('The two passphrases differ');
    expect(confidant(['init', 'p.confidant'], {}, `${PASS}\n${PASS}\n`).code).toBe(0);
    expect(confidant(['passwd', 'p.confidant'], {}, `${PASS}\n${NEXT}\n${NEXT}\n`).code).toBe(0);
    expect(confidant(['info', 'p.confidant'], {}, `${NEXT}\n`).code).toBe(0);
  });

  it('backup writes an encrypted copy that opens with the same passphrase and refuses to overwrite', () => {
    confidant(['init', 'p.confidant'], { CONFIDANT_PASSPHRASE: PASS });
    const backup = confidant(['backup', 'p.confidant', 'copy.confidant'], { CONFIDANT_PASSPHRASE: PASS });
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout).sizeBytes).toBeGreaterThan(0);
    expect(spawnSync('grep', ['-c', '-a', 'audit_log', path.join(dir, 'copy.confidant')]).status).toBe(1);
    expect(confidant(['info', 'copy.confidant'], { CONFIDANT_PASSPHRASE: PASS }).code).toBe(0);
    const again = confidant(['backup', 'p.confidant', 'copy.confidant'], { CONFIDANT_PASSPHRASE: PASS });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('pii-scan prints findings with code-point offsets, from stdin or a file, using a roster', () => {
    const text = '😀 Ask Oluwaseun at oluwaseun.adeyemi@example.org; Oluwaseun’s mentor agreed.';
    const scan = confidant(['pii-scan', '-'], {}, text);
    expect(scan.code).toBe(0);
    const findings = JSON.parse(scan.stdout) as {
      start: number;
      end: number;
      entity: string;
      score: number;
    }[];
    const email = findings.find((finding) => finding.entity === 'EMAIL_ADDRESS');
    const codePoints = [...text];
    expect(email && codePoints.slice(email.start, email.end).join('')).toBe('oluwaseun.adeyemi@example.org');

    writeFileSync(path.join(dir, 'roster.csv'), 'first_name,last_name\nOluwaseun,Adeyemi\n');
    writeFileSync(path.join(dir, 'comment.txt'), text);
    const withRoster = confidant(['pii-scan', 'comment.txt', '--roster', 'roster.csv']);
    const people = (JSON.parse(withRoster.stdout) as { start: number; end: number; entity: string }[])
      .filter((finding) => finding.entity === 'PERSON')
      .map((finding) => codePoints.slice(finding.start, finding.end).join(''));
    expect(people).toEqual(expect.arrayContaining(['Oluwaseun']));
    expect(people.length).toBeGreaterThanOrEqual(2);
  });

  it('import brings in a roster, then a Qualtrics export as a survey wave, and recognises a repeat', () => {
    const env = { CONFIDANT_PASSPHRASE: PASS };
    confidant(['init', 'p.confidant'], env);
    writeFileSync(
      path.join(dir, 'roster.csv'),
      'Employee ID,Email,First name,Last name,Cohort,Role\nE1,amara@example.org,Amara,Okafor,2026,Mentee\nE2,ben@example.org,Ben,Smith,2026,Mentor\n',
    );
    const roster = confidant(['import', 'p.confidant', 'roster.csv', '--as', 'roster'], env);
    expect(roster.code).toBe(0);
    expect(JSON.parse(roster.stdout)).toMatchObject({
      committed: true,
      rowsImported: 2,
      participantsAdded: 2,
    });

    writeFileSync(
      path.join(dir, 'qualtrics.csv'),
      [
        'StartDate,EndDate,ResponseId,RecipientEmail,Q1,Q2',
        'Start Date,End Date,Response ID,Recipient Email,I feel confident leading a team,What has changed?',
        '{"ImportId":"startDate"},{"ImportId":"endDate"},{"ImportId":"_recordId"},{"ImportId":"recipientEmail"},{"ImportId":"QID1"},{"ImportId":"QID2_TEXT"}',
        '2026-03-01 10:00:00,2026-03-01 10:05:00,R_1,amara@example.org,Agree,I chair meetings now.',
        '2026-03-01 11:00:00,2026-03-01 11:04:00,R_2,ben@example.org,Strongly agree,More patience.',
      ].join('\n'),
    );
    const wave = [
      'import',
      'p.confidant',
      'qualtrics.csv',
      '--as',
      'survey',
      '--window',
      'Baseline',
      '--instrument',
      'Pulse',
    ];
    const first = confidant(wave, env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      committed: true,
      rowsRead: 2,
      rowsImported: 2,
      participantsAdded: 0,
    });
    expect(JSON.parse(confidant(wave, env).stdout)).toMatchObject({
      committed: false,
      alreadyImported: true,
    });
    const info = JSON.parse(confidant(['info', 'p.confidant'], env).stdout);
    expect(info.tableCounts).toMatchObject({ participant: 2, response_set: 2, import_batch: 2 });
  });

  it('import of a file with problems commits nothing, lists each problem and exits non-zero', () => {
    const env = { CONFIDANT_PASSPHRASE: PASS };
    confidant(['init', 'p.confidant'], env);
    writeFileSync(path.join(dir, 'roster.csv'), 'Employee ID,Role\nE1,Mentee\nE1,Mentor\nE3,Sponsor-ish\n');
    const before = JSON.parse(confidant(['info', 'p.confidant'], env).stdout).tableCounts;
    const result = confidant(['import', 'p.confidant', 'roster.csv', '--as', 'roster'], env);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ committed: false, rowsImported: 0 });
    expect(
      summary.problems.map((problem: { row: number; column: string }) => [problem.row, problem.column]),
    ).toEqual([
      [3, 'Employee ID'],
      [4, 'Role'],
    ]);
    const after = JSON.parse(confidant(['info', 'p.confidant'], env).stdout).tableCounts;
    expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
  });

  it('demo builds an example project from a made-up program, every file imported without a problem', () => {
    const demo = confidant(['demo', 'out']);
    expect(demo.code).toBe(0);
    const result = JSON.parse(demo.stdout);
    expect(result.imports.map((entry: { file: string }) => entry.file)).toEqual([
      'roster.csv',
      'pairings.csv',
      'baseline-survey.csv',
      'meetings.csv',
      'career-moves.csv',
      'end-of-program-survey.csv',
    ]);
    for (const entry of result.imports) {
      expect(entry.problems, entry.file).toBe(0);
      expect(entry.rowsImported, entry.file).toBeGreaterThan(0);
    }
    expect(result.info.tableCounts).toMatchObject({ participant: 40, collection_window: 2, pairing: 26 });
    expect(result.info.tableCounts.meeting).toBeGreaterThan(0);
    expect(result.info.tableCounts.progression_event).toBeGreaterThan(0);
    // One made-up interview transcript waits in the Anonymise area for review.
    expect(result.documents).toEqual([
      { file: 'interview-E1002.txt', documentId: 1, findings: expect.any(Number), awaitingReview: true },
    ]);
    expect(result.documents[0].findings).toBeGreaterThanOrEqual(4);
    expect(result.info.tableCounts).toMatchObject({ document: 1 });
    const project = path.join(dir, 'out', 'example.confidant');
    for (const name of ['Okafor', 'amara', 'E1001']) {
      expect(spawnSync('grep', ['-c', '-a', '-i', name, project]).status, name).toBe(1);
    }
  });

  it('pii-scan --project finds the names of that project’s roster', () => {
    const env = { CONFIDANT_PASSPHRASE: PASS };
    confidant(['init', 'p.confidant'], env);
    writeFileSync(path.join(dir, 'roster.csv'), 'Employee ID,First name,Last name\nE1,Oluwaseun,Adeyemi\n');
    expect(confidant(['import', 'p.confidant', 'roster.csv', '--as', 'roster'], env).code).toBe(0);
    writeFileSync(path.join(dir, 'note.txt'), 'Spoke with oluwaseun about the panel.');
    const scan = confidant(['pii-scan', 'note.txt', '--project', 'p.confidant'], env);
    expect(scan.code).toBe(0);
    const people = (JSON.parse(scan.stdout) as { start: number; end: number; entity: string }[])
      .filter((finding) => finding.entity === 'PERSON')
      .map((finding) =>
        [...'Spoke with oluwaseun about the panel.'].slice(finding.start, finding.end).join(''),
      );
    expect(people).toEqual(['oluwaseun']);
    const without = JSON.parse(confidant(['pii-scan', 'note.txt']).stdout) as { entity: string }[];
    expect(without.filter((finding) => finding.entity === 'PERSON')).toEqual([]);
  });

  it('pii-scan --project looks for the staff-number patterns saved in that project', () => {
    const env = { CONFIDANT_PASSPHRASE: PASS };
    confidant(['init', 'p.confidant'], env);
    const project = openProject(path.join(dir, 'p.confidant'), PASS, 'test');
    saveAnonymisationSettings(
      project.db,
      {
        countries: ['GB'],
        identifierMasks: [{ mask: 'EMP-####' }],
        minimumCellSize: { counts: 5, quotes: 10 },
      },
      'test',
    );
    closeProject(project, 'test');
    writeFileSync(path.join(dir, 'note.txt'), 'Her staff number is EMP-0412.');
    const entities = (out: string) => (JSON.parse(out) as { entity: string }[]).map((f) => f.entity);
    expect(entities(confidant(['pii-scan', 'note.txt', '--project', 'p.confidant'], env).stdout)).toEqual([
      'EMPLOYEE_ID',
    ]);
    expect(entities(confidant(['pii-scan', 'note.txt']).stdout)).toEqual([]);
  });

  it('explains weak passphrases, missing files and wrong usage on stderr', () => {
    const weak = confidant(['init', 'p.confidant'], { CONFIDANT_PASSPHRASE: 'short' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('at least 12 characters');
    const missing = confidant(['info', 'nowhere.confidant'], { CONFIDANT_PASSPHRASE: PASS });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no Confidant project at');
    const usage = confidant(['backup', 'p.confidant']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: confidant');
    expect(confidant(['frobnicate']).code).toBe(2);
  });
});
