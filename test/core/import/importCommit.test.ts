import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRosterMatcher } from '../../../electron/core/anonymize/rosterNameStore';
import { openCsv } from '../../../electron/core/import/csvReader';
import { commitImport, type ImportSpec } from '../../../electron/core/import/importCommit';
import { suggestMapping } from '../../../electron/core/import/mappingSuggestion';
import { closeProject, createProject, type Project } from '../../../electron/core/store/projectFile';
import { tableCounts } from '../../../electron/core/store/projectInfo';

const PASS = 'correct horse battery staple';
const ROSTER = `Employee ID,Email,First name,Last name,Cohort,Role,Department
E1001,amara.okafor@example.org,Amara,Okafor,2026 Spring,Mentee,Finance
E1002,ben.smith@example.org,Ben,Smith,2026 Spring,Mentor,Operations
E1003,chen.wang@example.org,Chen,Wang,2026 Spring,Mentee,Finance
`;
const WAVE = `Email,I feel confident leading a team,Hours per week on development,What has changed for you?
amara.okafor@example.org,Agree,3,I led my first team meeting.
ben.smith@example.org,Strongly agree,"1,5",Coaching Amara has been rewarding.
`;

let dir: string;
let project: Project;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-commit-'));
  project = createProject(path.join(dir, 'p.confidant'), PASS, 'test');
});
afterEach(() => {
  closeProject(project, 'test');
  rmSync(dir, { recursive: true, force: true });
});

/** The mapping the wizard suggests for a file (from all of its rows). */
async function suggestedColumns(name: string, content: string) {
  const file = path.join(dir, `sample-${name}`);
  writeFileSync(file, content);
  const sample = await openCsv(file);
  const rows: string[][] = [];
  for await (const batch of sample.batches) rows.push(...batch.rows.map((row) => row.cells));
  return suggestMapping(sample.header, rows);
}

/** Imports `content` with the mapping suggested for it, or for `mappedLike` (the wave the mapping was saved from). */
async function importFile(
  name: string,
  content: string,
  kind: ImportSpec['kind'],
  options: Partial<ImportSpec> = {},
  mappedLike = content,
) {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  const columns = await suggestedColumns(name, mappedLike);
  const table = await openCsv(file);
  return commitImport(project.db, table, {
    kind,
    sourceName: name,
    contentSha256: createHash('sha256').update(content).digest('hex'),
    columns,
    window: kind === 'survey' ? 'Baseline' : undefined,
    instrument: kind === 'survey' ? 'Confidence survey' : undefined,
    skipInvalidRows: false,
    addUnknownParticipants: false,
    actor: 'test',
    ...options,
  });
}

function everyStoredValue(): string {
  const tables = Object.keys(tableCounts(project));
  return tables
    .map((table) => JSON.stringify(project.db.prepare(`SELECT * FROM "${table}"`).all()))
    .join('\n');
}

describe('committing an import', () => {
  it('brings a roster in as pseudonymous participants; no name or e-mail is stored', async () => {
    const summary = await importFile('roster.csv', ROSTER, 'roster');
    expect(summary).toMatchObject({
      committed: true,
      rowsRead: 3,
      rowsImported: 3,
      participantsAdded: 3,
      problemCount: 0,
    });
    const participants = project.db
      .prepare(
        'SELECT p.pseudonym, p.role, p.department, c.name AS cohort FROM participant p JOIN cohort c ON c.id = p.cohort_id ORDER BY p.id',
      )
      .all();
    expect(participants).toEqual([
      {
        pseudonym: expect.stringMatching(/^P-/),
        role: 'mentee',
        department: 'Finance',
        cohort: '2026 Spring',
      },
      {
        pseudonym: expect.stringMatching(/^P-/),
        role: 'mentor',
        department: 'Operations',
        cohort: '2026 Spring',
      },
      {
        pseudonym: expect.stringMatching(/^P-/),
        role: 'mentee',
        department: 'Finance',
        cohort: '2026 Spring',
      },
    ]);
    const stored = everyStoredValue();
    for (const identifier of ['Amara', 'Okafor', 'amara.okafor', 'E1001', 'Smith', 'Chen']) {
      expect(stored, identifier).not.toContain(identifier);
    }
    expect(
      project.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'import.commit'").pluck().get(),
    ).toBe(1);
  });

  it('keeps the roster’s names only as keyed token hashes, which the free-text scan can match', async () => {
    const roster = `Employee ID,First name,Last name\nE1,Oluwaseun,Adeyemi-Brown\nE2,Precious,Mbeki\n`;
    await importFile('names.csv', roster, 'roster');
    const tokens = project.db.prepare('SELECT hash, part FROM roster_name_token ORDER BY part').all();
    expect(tokens.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(tokens)).not.toMatch(/oluwaseun|adeyemi|precious|mbeki/i);
    const text = 'I told oluwaseun and Precious about the Adeyemi-Brown report.';
    const found = projectRosterMatcher(project.db)
      .find(text)
      .map((finding) => text.slice(finding.start, finding.end));
    expect(found).toEqual(expect.arrayContaining(['oluwaseun', 'Precious', 'Adeyemi-Brown']));
  });

  it('recognises the same file imported again and changes nothing', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const before = tableCounts(project);
    const again = await importFile('roster-copy.csv', ROSTER, 'roster');
    expect(again).toMatchObject({ committed: false, alreadyImported: true, rowsImported: 0 });
    expect(tableCounts(project)).toEqual(before);
  });

  it('files a survey wave under the roster’s participants, Likert labels scored', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const wave = await importFile('baseline.csv', WAVE, 'survey');
    expect(wave).toMatchObject({ committed: true, rowsImported: 2, participantsAdded: 0 });
    const answers = project.db
      .prepare(
        `SELECT i.code, r.value FROM response r JOIN item i ON i.id = r.item_id
         JOIN participant p ON p.id = r.participant_id ORDER BY p.id, i.position`,
      )
      .all();
    expect(answers).toEqual([
      { code: 'I feel confident leading a team', value: 4 },
      { code: 'Hours per week on development', value: 3 },
      { code: 'What has changed for you?', value: 'I led my first team meeting.' },
      { code: 'I feel confident leading a team', value: 5 },
      { code: 'Hours per week on development', value: 1.5 },
      // Two different short answers are open answers, not choices: scanned, and the roster's name tagged.
      { code: 'What has changed for you?', value: 'Coaching [PERSON-1] has been rewarding.' },
    ]);
    expect(project.db.prepare('SELECT kind FROM collection_window').pluck().all()).toEqual(['baseline']);
  });

  it('replaces names and contacts in free-text answers with tags before they are stored', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const comments = `Email,What has changed for you?
amara.okafor@example.org,"Talking with ben every month helped me, thank you so much for this."
chen.wang@example.org,"I now email chen.private@gmail.com or call 07911 123456 less often, which is good."
`;
    const wave = await importFile('comments.csv', comments, 'survey');
    expect(wave).toMatchObject({ committed: true, rowsImported: 2 });
    const answers = project.db.prepare('SELECT value FROM response ORDER BY participant_id').pluck().all();
    expect(answers).toEqual([
      'Talking with [PERSON-1] every month helped me, thank you so much for this.',
      'I now email [EMAIL_ADDRESS-1] or call [PHONE_NUMBER-1] less often, which is good.',
    ]);
  });

  it('adds only the new responses of an updated export', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    await importFile('baseline.csv', WAVE, 'survey');
    const updated = `${WAVE}chen.wang@example.org,Disagree,2,Too early to say.\n`;
    const summary = await importFile('baseline-updated.csv', updated, 'survey');
    expect(summary).toMatchObject({ committed: true, rowsImported: 1, rowsAlreadyPresent: 2 });
    expect(project.db.prepare('SELECT count(*) FROM response_set').pluck().get()).toBe(3);
  });

  it('imports nothing while a row has a problem, and says which row and column', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const before = tableCounts(project);
    const bad = `${WAVE}chen.wang@example.org,Sometimes,2,ok\nnobody@example.org,Agree,1,hi\n`;
    const summary = await importFile('bad.csv', bad, 'survey', {}, WAVE);
    expect(summary.committed).toBe(false);
    expect(summary.rowsImported).toBe(0);
    expect(summary.problems).toEqual([
      expect.objectContaining({ row: 4, column: 'I feel confident leading a team', value: 'Sometimes' }),
      expect.objectContaining({
        row: 5,
        column: 'Email',
        message: expect.stringContaining('not on the roster'),
      }),
    ]);
    expect(tableCounts(project)).toEqual(before);
  });

  it('skips the rows with problems when the evaluator chooses to, and imports the rest', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const bad = `${WAVE}chen.wang@example.org,Sometimes,2,ok\n`;
    const summary = await importFile('bad.csv', bad, 'survey', { skipInvalidRows: true }, WAVE);
    expect(summary).toMatchObject({
      committed: true,
      rowsRead: 3,
      rowsImported: 2,
      rowsSkipped: 1,
      problemCount: 1,
    });
  });

  it('adds respondents who are not on the roster when asked to', async () => {
    const summary = await importFile('baseline.csv', WAVE, 'survey', { addUnknownParticipants: true });
    expect(summary).toMatchObject({ committed: true, rowsImported: 2, participantsAdded: 2 });
  });

  it('leaves the project as it was when the import fails part-way', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const before = readFileSync(path.join(dir, 'p.confidant'));
    const counts = tableCounts(project);
    const file = path.join(dir, 'baseline.csv');
    writeFileSync(file, WAVE);
    const columns = suggestMapping(
      [
        'Email',
        'I feel confident leading a team',
        'Hours per week on development',
        'What has changed for you?',
      ],
      [['amara.okafor@example.org', 'Agree', '3', 'text here and there']],
    );
    await expect(
      commitImport(
        project.db,
        await openCsv(file),
        {
          kind: 'survey',
          sourceName: 'baseline.csv',
          contentSha256: 'x',
          columns,
          window: 'Baseline',
          instrument: 'Survey',
          skipInvalidRows: false,
          addUnknownParticipants: false,
          actor: 'test',
        },
        () => {
          throw new Error('the machine lost power');
        },
      ),
    ).rejects.toThrow('the machine lost power');
    expect(tableCounts(project)).toEqual(counts);
    expect(project.db.inTransaction).toBe(false);
    expect(readFileSync(path.join(dir, 'p.confidant')).length).toBe(before.length);
  });
});
