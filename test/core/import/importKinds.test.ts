import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCsv } from '../../../electron/core/import/csvReader';
import { commitImport, type ImportSpec } from '../../../electron/core/import/importCommit';
import { suggestMapping } from '../../../electron/core/import/mappingSuggestion';
import type { ColumnRule } from '../../../electron/core/import/validation';
import { closeProject, createProject, type Project } from '../../../electron/core/store/projectFile';
import { tableCounts } from '../../../electron/core/store/projectInfo';

const PASS = 'correct horse battery staple';
const ROSTER = `Employee ID,Email,First name,Last name,Cohort,Role
E1001,amara.okafor@example.org,Amara,Okafor,2026 Spring,Mentee
E1002,ben.smith@example.org,Ben,Smith,2026 Spring,Mentor
E1003,chen.wang@example.org,Chen,Wang,2026 Spring,Mentee
E1004,dana.ruiz@example.org,Dana,Ruiz,2026 Spring,Mentor
`;
const PAIRINGS = `Mentor ID,Mentee email,Pairing start,Pairing end,Match score,Matching criteria,Pairing status
E1002,amara.okafor@example.org,2026-01-15,,85%,Career goals,Active
E1004,chen.wang@example.org,15/01/2026,30 Jun 2026,0.7,Leadership,Completed
`;
const HR = `Employee ID,Event,Effective date,Event details
E1001,Promoted,2026-05-01,Senior analyst
E1001,Lateral move,15/09/2026,Risk team
E1003,Left the company,3 Oct 2026,
`;
const ACTIVITY = `Mentor ID,Mentee ID,Meeting date,Duration,Topics
E1002,E1001,2026-02-01,45 min,Goals
E1002,E1001,15/02/2026,1h 30m,Presentation skills
,E1003,2026-02-03,1:00,Introductions
`;

let dir: string;
let project: Project;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-kinds-'));
  project = createProject(path.join(dir, 'p.confidant'), PASS, 'test');
});
afterEach(() => {
  closeProject(project, 'test');
  rmSync(dir, { recursive: true, force: true });
});

/** The mapping the wizard suggests for a file's content (from all of its rows). */
async function suggestedColumns(content: string): Promise<ColumnRule[]> {
  const file = path.join(dir, 'sample.csv');
  writeFileSync(file, content);
  const sample = await openCsv(file);
  const rows: string[][] = [];
  for await (const batch of sample.batches) rows.push(...batch.rows.map((row) => row.cells));
  return suggestMapping(sample.header, rows);
}

async function importFile(
  name: string,
  content: string,
  kind: ImportSpec['kind'],
  options: { columns?: ColumnRule[]; skipInvalidRows?: boolean } = {},
) {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  const columns = options.columns ?? (await suggestedColumns(content));
  return commitImport(project.db, await openCsv(file), {
    kind,
    sourceName: name,
    contentSha256: createHash('sha256').update(content).digest('hex'),
    columns,
    skipInvalidRows: options.skipInvalidRows ?? false,
    addUnknownParticipants: false,
    actor: 'test',
  });
}

const pseudonymOf = (employee: string) => {
  // The roster's row order is the participants' id order.
  const index = Number(employee.slice(1)) - 1000;
  return project.db.prepare('SELECT pseudonym FROM participant WHERE id = ?').pluck().get(index) as string;
};

async function withRosterAndPairings() {
  expect(await importFile('roster.csv', ROSTER, 'roster')).toMatchObject({ committed: true });
  expect(await importFile('pairings.csv', PAIRINGS, 'pairings')).toMatchObject({ committed: true });
}

describe('importing a pairing list', () => {
  it('pairs roster participants, with dates in mixed formats, scores, criteria and statuses', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const columns = await suggestedColumns(PAIRINGS);
    expect(columns.map((column) => column.field)).toEqual([
      'mentorId',
      'menteeId',
      'pairingStart',
      'pairingEnd',
      'matchScore',
      'matchingCriteria',
      'pairingStatus',
    ]);
    expect(columns.slice(0, 2).map((column) => column.identifierKind)).toEqual(['id', 'email']);
    const summary = await importFile('pairings.csv', PAIRINGS, 'pairings');
    expect(summary).toMatchObject({ committed: true, rowsRead: 2, rowsImported: 2, problemCount: 0 });
    const pairings = project.db
      .prepare(
        `SELECT mentor.pseudonym AS mentor, mentee.pseudonym AS mentee, c.name AS cohort, pairing.starts_on,
                pairing.ends_on, match_score, matching_criteria, status
         FROM pairing JOIN participant mentor ON mentor.id = mentor_id JOIN participant mentee ON mentee.id = mentee_id
         LEFT JOIN cohort c ON c.id = pairing.cohort_id ORDER BY pairing.id`,
      )
      .all();
    expect(pairings).toEqual([
      {
        mentor: pseudonymOf('E1002'),
        mentee: pseudonymOf('E1001'),
        cohort: '2026 Spring',
        starts_on: '2026-01-15',
        ends_on: null,
        match_score: 0.85,
        matching_criteria: 'Career goals',
        status: 'active',
      },
      {
        mentor: pseudonymOf('E1004'),
        mentee: pseudonymOf('E1003'),
        cohort: '2026 Spring',
        starts_on: '2026-01-15',
        ends_on: '2026-06-30',
        match_score: 0.7,
        matching_criteria: 'Leadership',
        status: 'completed',
      },
    ]);
  });

  it('finds people by name too, and finds a pairing imported again already present (with or without a start)', async () => {
    await withRosterAndPairings();
    const again = `${PAIRINGS}E1004,amara.okafor@example.org,,,,,\n`;
    const summary = await importFile('pairings-2.csv', again, 'pairings');
    expect(summary).toMatchObject({ committed: true, rowsImported: 1, rowsAlreadyPresent: 2 });
    const once = `Mentor,Mentee\nDana Ruiz,Amara Okafor\n`;
    // Nothing new: the file is not marked as imported, and the summary says every row was there already.
    expect(await importFile('pairings-3.csv', once, 'pairings')).toMatchObject({
      committed: false,
      alreadyImported: true,
      rowsImported: 0,
      rowsAlreadyPresent: 1,
      nothingStored: expect.stringMatching(/already in the project/),
    });
    expect(project.db.prepare('SELECT count(*) FROM pairing').pluck().get()).toBe(3);
  });

  it('names every bad row, column and expectation, and imports none of the list', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const before = tableCounts(project);
    const bad = [
      'Mentor ID,Mentee email,Pairing start,Pairing end,Match score,Pairing status',
      'E1002,amara.okafor@example.org,2026-01-15,,85%,Active',
      'E9999,chen.wang@example.org,2026-01-15,,0.5,Active',
      'E1002,ben.smith@example.org,2026-01-15,,0.5,Active',
      'E1004,nobody@example.org,2026-01-15,,0.5,Active',
      'E1004,chen.wang@example.org,2026-01-15,,150,Great',
      'E1004,chen.wang@example.org,2026-03-01,2026-02-01,0.5,Active',
    ].join('\n');
    const summary = await importFile('bad-pairings.csv', bad, 'pairings');
    expect(summary).toMatchObject({ committed: false, rowsImported: 0, rowsSkipped: 6 });
    expect(
      summary.problems.map(({ row, column, expected, message }) => ({ row, column, expected, message })),
    ).toEqual([
      {
        row: 6,
        column: 'Match score',
        expected: 'a match score from 0 to 1, or from 0 to 100 (a percentage)',
        message: expect.stringMatching(/^Row 6, Match score: “150” is above 100/),
      },
      {
        row: 6,
        column: 'Pairing status',
        expected: 'proposed, active, completed, ended early or paused',
        message: expect.stringContaining('“Great” is not a pairing status'),
      },
      {
        row: 3,
        column: 'Mentor ID',
        expected: "a mentor on the project's roster",
        message:
          'Row 3, Mentor ID: the mentor “E9999” is not on the roster (looked up as id); import the roster first or correct the mentor.',
      },
      {
        row: 4,
        column: 'Mentee email',
        expected: 'a mentee other than the mentor',
        message: `Row 4, Mentee email: names the same person (${pseudonymOf('E1002')}) as mentor and as mentee.`,
      },
      {
        row: 5,
        column: 'Mentee email',
        expected: "a mentee on the project's roster",
        message: expect.stringContaining(
          'the mentee “nobody@example.org” is not on the roster (looked up as e-mail)',
        ),
      },
      {
        row: 7,
        column: 'Pairing end',
        expected: 'an end date on or after the start date',
        message: 'Row 7, Pairing end: the pairing ends (2026-02-01) before it starts (2026-03-01).',
      },
    ]);
    expect(summary.problems.every((problem) => problem.file === 'bad-pairings.csv')).toBe(true);
    expect(tableCounts(project)).toEqual(before);
  });

  it('asks for the date order of a column whose dates could be read two ways, and reads them once told', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const mixed = `Mentor ID,Mentee ID,Pairing start\nE1002,E1001,2026-01-15\nE1004,E1003,03/04/2026\n`;
    const columns = await suggestedColumns(mixed);
    const ambiguous = await importFile('mixed.csv', mixed, 'pairings', { columns });
    expect(ambiguous.committed).toBe(false);
    expect(ambiguous.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Pairing start',
        value: '03/04/2026',
        message: expect.stringContaining('could be day 3 of month 4 or month 3 day 4'),
      }),
    ]);
    const told = columns.map((column) =>
      column.field === 'pairingStart' ? { ...column, dateStyle: { order: 'dmy' as const } } : column,
    );
    expect(await importFile('mixed.csv', mixed, 'pairings', { columns: told })).toMatchObject({
      committed: true,
      rowsImported: 2,
    });
    expect(project.db.prepare('SELECT starts_on FROM pairing ORDER BY id').pluck().all()).toEqual([
      '2026-01-15',
      '2026-04-03',
    ]);
  });

  it('gives a pairing without a status column one from its dates, and checks an e-mail column holds e-mails', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const list = `Mentor ID,Mentee ID,Pairing start,Pairing end\nE1002,E1001,2026-01-01,2026-06-30\nE1004,E1003,2026-01-01,\n`;
    expect(await importFile('dated.csv', list, 'pairings')).toMatchObject({
      committed: true,
      rowsImported: 2,
    });
    expect(project.db.prepare('SELECT status FROM pairing ORDER BY id').pluck().all()).toEqual([
      'completed',
      'active',
    ]);
    const byEmail = 'Mentor e-mail,Mentee e-mail\nben.smith@example.org,E1003\n';
    const summary = await importFile('emails.csv', byEmail, 'pairings');
    expect(summary.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'Mentee e-mail', expected: 'an e-mail address' }),
    ]);
  });

  it('refuses a mentor named by a name two roster participants share', async () => {
    const roster = `${ROSTER}E1005,sam.lee@example.org,Sam,Lee,2026 Spring,Mentor\nE1006,sam.lee2@example.org,Sam,Lee,2026 Spring,Mentor\n`;
    await importFile('roster.csv', roster, 'roster');
    const summary = await importFile('by-name.csv', 'Mentor,Mentee\nSam Lee,Amara Okafor\n', 'pairings');
    expect(summary.committed).toBe(false);
    expect(summary.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Mentor',
        value: 'Sam Lee',
        message: expect.stringContaining(
          'Row 2, Mentor: the mentor “Sam Lee” names a participant by a name several participants share',
        ),
      }),
    ]);
  });

  it('refuses a list without a mentee column, saying which column it needs', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const before = tableCounts(project);
    await expect(importFile('half.csv', 'Mentor ID\nE1002\n', 'pairings')).rejects.toThrow(
      'A pairing list needs a column for the mentee; map one of the file',
    );
    expect(tableCounts(project)).toEqual(before);
    expect(project.db.inTransaction).toBe(false);
  });
});

describe('importing HR progression records', () => {
  it('records each event of a participant, several per person, kinds read from HR words', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const summary = await importFile('hr.csv', HR, 'hr');
    expect(summary).toMatchObject({ committed: true, rowsRead: 3, rowsImported: 3, problemCount: 0 });
    expect(
      project.db
        .prepare('SELECT participant_id, kind, occurred_on, detail FROM progression_event ORDER BY id')
        .all(),
    ).toEqual([
      { participant_id: 1, kind: 'promotion', occurred_on: '2026-05-01', detail: 'Senior analyst' },
      { participant_id: 1, kind: 'lateral_move', occurred_on: '2026-09-15', detail: 'Risk team' },
      { participant_id: 3, kind: 'exit', occurred_on: '2026-10-03', detail: null },
    ]);
    const updated = `${HR}E1002,Role change,2026-11-01,Head of operations\n`;
    expect(await importFile('hr-2.csv', updated, 'hr')).toMatchObject({
      committed: true,
      rowsImported: 1,
      rowsAlreadyPresent: 3,
    });
  });

  it('names an unknown event kind, an unknown person and an impossible date, and imports nothing', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const before = tableCounts(project);
    const bad = `${HR}E1002,Pay rise,2026-05-01,\nE9999,Promotion,2026-05-01,\nE1004,Promotion,31/02/2026,\n`;
    const summary = await importFile('bad-hr.csv', bad, 'hr');
    expect(summary.committed).toBe(false);
    expect(summary.problems.map(({ row, column, value }) => ({ row, column, value }))).toEqual([
      { row: 5, column: 'Event', value: 'Pay rise' },
      { row: 7, column: 'Effective date', value: '31/02/2026' },
      { row: 6, column: 'Employee ID', value: null },
    ]);
    expect(summary.problems[0]!.message).toContain('is not a kind of progression event');
    expect(summary.problems[1]!.message).toContain('there is no day 31 in month 2 of 2026');
    expect(summary.problems[2]!.message).toContain('not on the roster');
    expect(tableCounts(project)).toEqual(before);
  });
});

describe('importing an activity log', () => {
  it('files meetings under their pairing, from mentor and mentee or the mentee’s one pairing', async () => {
    await withRosterAndPairings();
    const summary = await importFile('activity.csv', ACTIVITY, 'activity');
    expect(summary).toMatchObject({ committed: true, rowsImported: 3, problemCount: 0 });
    expect(
      project.db
        .prepare('SELECT pairing_id, held_on, duration_minutes, topics FROM meeting ORDER BY id')
        .all(),
    ).toEqual([
      { pairing_id: 1, held_on: '2026-02-01', duration_minutes: 45, topics: 'Goals' },
      { pairing_id: 1, held_on: '2026-02-15', duration_minutes: 90, topics: 'Presentation skills' },
      { pairing_id: 2, held_on: '2026-02-03', duration_minutes: 60, topics: 'Introductions' },
    ]);
    const more = `${ACTIVITY}E1002,E1001,2026-03-01,30,Feedback\n`;
    expect(await importFile('activity-2.csv', more, 'activity')).toMatchObject({
      rowsImported: 1,
      rowsAlreadyPresent: 3,
    });
  });

  it('names a meeting of no pairing, a bad duration and an unknown mentee, and imports none of the log', async () => {
    await withRosterAndPairings();
    const before = tableCounts(project);
    const bad = `${ACTIVITY}E1004,E1001,2026-02-01,30,Goals\nE1002,E1001,2026-02-20,an hour,Goals\n,E7777,2026-02-01,30,x\n`;
    const summary = await importFile('bad-activity.csv', bad, 'activity');
    expect(summary.committed).toBe(false);
    expect(summary.problems.map(({ row, column }) => [row, column])).toEqual([
      [6, 'Duration'],
      [5, 'Mentor ID'],
      [7, 'Mentee ID'],
    ]);
    expect(summary.problems[0]!.message).toBe(
      'Row 6, Duration: “an hour” is not a duration; expected a duration such as 45, 45 min, 1h 30m, 1.5 hours or 1:30.',
    );
    expect(summary.problems[1]!.message).toBe(
      `Row 5, Mentor ID: there is no pairing of ${pseudonymOf('E1004')} and ${pseudonymOf('E1001')} in the project; import the pairings first.`,
    );
    expect(summary.problems[2]!.message).toContain('the mentee “E7777” is not on the roster');
    expect(tableCounts(project)).toEqual(before);
  });

  it('skips only the bad rows when the evaluator chooses to', async () => {
    await withRosterAndPairings();
    const bad = `${ACTIVITY}E1004,E1001,2026-02-01,30,Goals\n`;
    expect(await importFile('some.csv', bad, 'activity', { skipInvalidRows: true })).toMatchObject({
      committed: true,
      rowsImported: 3,
      rowsSkipped: 1,
      problemCount: 1,
    });
  });
});
