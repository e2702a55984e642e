import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSchemas, type DataRowsQuery } from '../../../shared/data';
import { browsableTables } from '../../../electron/core/data/browsableTables';
import { listTables, readRows } from '../../../electron/core/data/dataRows';
import { openCsv } from '../../../electron/core/import/csvReader';
import { commitImport, type ImportSpec } from '../../../electron/core/import/importCommit';
import { suggestMapping } from '../../../electron/core/import/mappingSuggestion';
import { closeProject, createProject, type Project } from '../../../electron/core/store/projectFile';

const FILES: [string, ImportSpec['kind'], string][] = [
  [
    'roster.csv',
    'roster',
    `Employee ID,Email,First name,Last name,Cohort,Role,Department
E1001,amara.okafor@example.org,Amara,Okafor,2026 Spring,Mentee,Finance
E1002,ben.smith@example.org,Ben,Smith,2026 Spring,Mentor,Operations
E1003,chen.wang@example.org,Chen,Wang,2026 Autumn,Mentee,Finance
E1004,dana.ruiz@example.org,Dana,Ruiz,2026 Autumn,Mentor,
`,
  ],
  [
    'pairings.csv',
    'pairings',
    `Mentor ID,Mentee ID,Pairing start,Pairing end,Match score,Pairing status
E1002,E1001,2026-01-15,,85%,Active
E1004,E1003,2026-02-01,2026-06-30,0.6,Ended early
`,
  ],
  [
    'baseline.csv',
    'survey',
    `Email,I feel confident leading a team,Hours per week on development,What has changed for you?
amara.okafor@example.org,Agree,3,I led my first team meeting.
ben.smith@example.org,Strongly agree,1,Coaching has been rewarding.
chen.wang@example.org,Disagree,2,Too early to say.
`,
  ],
  [
    'hr.csv',
    'hr',
    `Employee ID,Event,Effective date\nE1001,Promoted,2026-05-01\nE1003,Left the company,2026-07-01\n`,
  ],
  [
    'meetings.csv',
    'activity',
    `Mentor ID,Mentee ID,Meeting date,Duration,Topics\nE1002,E1001,2026-02-01,45,Goals\nE1004,E1003,2026-02-10,1h,Feedback\n`,
  ],
];

let dir: string;
let project: Project;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-data-'));
  project = createProject(path.join(dir, 'p.confidant'), 'correct horse battery staple', 'test');
  for (const [name, kind, content] of FILES) {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    const sample = await openCsv(file);
    const rows: string[][] = [];
    for await (const batch of sample.batches) rows.push(...batch.rows.map((row) => row.cells));
    const summary = await commitImport(project.db, await openCsv(file), {
      kind,
      sourceName: name,
      contentSha256: createHash('sha256').update(content).digest('hex'),
      columns: suggestMapping(sample.header, rows),
      window: kind === 'survey' ? 'Baseline' : undefined,
      instrument: kind === 'survey' ? 'Confidence survey' : undefined,
      skipInvalidRows: false,
      addUnknownParticipants: false,
      actor: 'test',
    });
    expect(summary.committed, name).toBe(true);
  }
});
afterAll(() => {
  closeProject(project, 'test');
  rmSync(dir, { recursive: true, force: true });
});

const rows = (query: Partial<DataRowsQuery> & { table: string }) =>
  readRows(project.db, dataSchemas['data.rows'].parse(query));
const pseudonym = (participantId: number) =>
  project.db.prepare('SELECT pseudonym FROM participant WHERE id = ?').pluck().get(participantId) as string;

describe('the data browser’s tables', () => {
  it('lists every table in the evaluator’s words, with its columns and row count', () => {
    const tables = listTables(project.db);
    expect(tables.map((table) => [table.label, table.rowCount])).toEqual([
      ['Participants', 4],
      ['Cohorts', 2],
      ['Pairings', 2],
      ['Collection windows', 1],
      ['Instruments', 1],
      ['Items', 3],
      ['Responses', 9],
      ['Progression events', 2],
      ['Meetings', 2],
      ['Imports', 5],
    ]);
    expect(tables[2]!.columns.map((column) => column.label)).toEqual([
      'Mentor',
      'Mentee',
      'Cohort',
      'Started',
      'Ended',
      'Match score',
      'Matched on',
      'Status',
      'Meetings',
    ]);
    for (const table of tables) expect(table.rowCount, table.name).toBe(rows({ table: table.name }).total);
  });

  it('shows pairings by pseudonym, with their scores, statuses and meeting counts', () => {
    expect(rows({ table: 'pairings' }).rows).toEqual([
      {
        mentor: pseudonym(2),
        mentee: pseudonym(1),
        cohort: '2026 Spring',
        startsOn: '2026-01-15',
        endsOn: null,
        matchScore: 0.85,
        matchingCriteria: null,
        status: 'active',
        meetings: 1,
      },
      {
        mentor: pseudonym(4),
        mentee: pseudonym(3),
        cohort: '2026 Autumn',
        startsOn: '2026-02-01',
        endsOn: '2026-06-30',
        matchScore: 0.6,
        matchingCriteria: null,
        status: 'ended early',
        meetings: 1,
      },
    ]);
  });

  it('shows responses from the response view: pseudonym, window, instrument, item, answer and a rating’s label', () => {
    const answers = rows({
      table: 'responses',
      filters: [{ column: 'pseudonym', op: 'equals', value: pseudonym(2) }],
    });
    expect(answers).toEqual({
      total: 3,
      rows: [
        {
          pseudonym: pseudonym(2),
          window: 'Baseline',
          instrument: 'Confidence survey',
          item: 'I feel confident leading a team',
          value: 5,
          answerLabel: 'Strongly agree',
        },
        {
          pseudonym: pseudonym(2),
          window: 'Baseline',
          instrument: 'Confidence survey',
          item: 'Hours per week on development',
          value: 1,
          answerLabel: null,
        },
        {
          pseudonym: pseudonym(2),
          window: 'Baseline',
          instrument: 'Confidence survey',
          item: 'What has changed for you?',
          value: 'Coaching has been rewarding.',
          answerLabel: null,
        },
      ],
    });
  });

  it('sorts either way with empty cells last, and filters by contains, equals, greater, less and blank', () => {
    const departments = (direction: 'asc' | 'desc') =>
      rows({ table: 'participants', sort: [{ column: 'department', direction }] }).rows.map(
        (row) => row.department,
      );
    expect(departments('asc')).toEqual(['Finance', 'Finance', 'Operations', null]);
    expect(departments('desc')).toEqual(['Operations', 'Finance', 'Finance', null]);

    const pseudonyms = (table: string, filters: DataRowsQuery['filters'], column = 'pseudonym') =>
      rows({ table, filters }).rows.map((row) => row[column]);
    expect(pseudonyms('participants', [{ column: 'department', op: 'contains', value: 'FIN' }])).toEqual([
      pseudonym(1),
      pseudonym(3),
    ]);
    expect(
      pseudonyms('participants', [
        { column: 'department', op: 'contains', value: 'fin' },
        { column: 'cohort', op: 'equals', value: '2026 autumn' },
      ]),
    ).toEqual([pseudonym(3)]);
    expect(pseudonyms('participants', [{ column: 'department', op: 'blank' }])).toEqual([pseudonym(4)]);
    expect(pseudonyms('pairings', [{ column: 'matchScore', op: 'gt', value: 0.7 }], 'mentee')).toEqual([
      pseudonym(1),
    ]);
    expect(pseudonyms('pairings', [{ column: 'matchScore', op: 'lt', value: '0.7' }], 'mentee')).toEqual([
      pseudonym(3),
    ]);
    expect(pseudonyms('meetings', [{ column: 'heldOn', op: 'gt', value: '2026-02-01' }], 'mentee')).toEqual([
      pseudonym(3),
    ]);
    expect(
      pseudonyms('meetings', [{ column: 'heldOn', op: 'equals', value: '2026-02-01' }], 'mentee'),
    ).toEqual([pseudonym(1)]);
    expect(pseudonyms('progressionEvents', [{ column: 'kind', op: 'equals', value: 'exit' }])).toEqual([
      pseudonym(3),
    ]);
    expect(rows({ table: 'responses', filters: [{ column: 'value', op: 'gt', value: 3 }] }).total).toBe(2);
    expect(rows({ table: 'pairings', filters: [{ column: 'endsOn', op: 'blank' }] }).total).toBe(1);
  });

  it('pages a large table in stable slices of at most 500 rows, whatever the sort', () => {
    const insert = project.db.prepare("INSERT INTO participant (pseudonym, department) VALUES (?, 'Bulk')");
    project.db.transaction(() => {
      for (let n = 0; n < 1234; n++) insert.run(`Q-${String(n).padStart(5, '0')}`);
    })();
    try {
      const query = { table: 'participants', sort: [{ column: 'department', direction: 'asc' as const }] };
      const seen: string[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = rows({ ...query, offset, limit: 500 });
        expect(page.total).toBe(1238);
        expect(page.rows.length).toBeLessThanOrEqual(500);
        seen.push(...page.rows.map((row) => String(row.pseudonym)));
        if (page.rows.length < 500) break;
      }
      expect(seen.length).toBe(1238);
      expect(new Set(seen).size).toBe(1238);
      expect(seen.slice(0, 3)).toEqual(['Q-00000', 'Q-00001', 'Q-00002']);
      expect(() => dataSchemas['data.rows'].parse({ table: 'participants', limit: 501 })).toThrow();
    } finally {
      project.db.prepare("DELETE FROM participant WHERE pseudonym LIKE 'Q-%'").run();
    }
  });

  it('refuses tables and columns that are not browsable, and values of the wrong type', () => {
    for (const table of ['participant_identifier', 'project_secret', 'participant', 'sqlite_schema'])
      expect(() => rows({ table }), table).toThrow(/There is no table called/);
    expect(() =>
      rows({ table: 'participants', sort: [{ column: 'identity_key', direction: 'asc' }] }),
    ).toThrow('Participants have no column called "identity_key"');
    expect(() =>
      rows({ table: 'participants', filters: [{ column: 'attributes', op: 'contains', value: 'x' }] }),
    ).toThrow(/no column called "attributes"/);
    expect(() =>
      rows({ table: 'pairings', filters: [{ column: 'matchScore', op: 'gt', value: 'high' }] }),
    ).toThrow('Match score holds numbers; "high" is not one.');
    expect(() =>
      rows({ table: 'meetings', filters: [{ column: 'heldOn', op: 'lt', value: 'soon' }] }),
    ).toThrow('Date holds dates; "soon" is not a date such as 2026-03-01.');
    expect(() => rows({ table: 'meetings', filters: [{ column: 'topics', op: 'equals' }] })).toThrow(
      'needs a value',
    );
    // Names that are not plain words never reach the engine.
    const injected = dataSchemas['data.rows'].safeParse({
      table: 'participants',
      sort: [{ column: 'pseudonym; DROP TABLE participant', direction: 'asc' }],
    });
    expect(injected.success).toBe(false);
  });

  it('never shows identity keys, the project key, or any identifier in the clear', () => {
    const keys = [
      ...(project.db
        .prepare('SELECT hex(identity_key) FROM participant_identifier')
        .pluck()
        .all() as string[]),
      project.db.prepare('SELECT hex(pseudonym_key) FROM project_secret').pluck().get() as string,
    ].map((hex) => hex.toLowerCase());
    for (const table of browsableTables) {
      expect(table.from, table.name).not.toMatch(/participant_identifier|project_secret/);
      for (const column of table.columns)
        expect(column.sql).not.toMatch(/identity_key|pseudonym_key|participant_identifier/);
      const everything = rows({ table: table.name, limit: 500 }).rows;
      for (const row of everything)
        for (const value of Object.values(row))
          expect(typeof value === 'object' && value !== null).toBe(false);
      const shown = JSON.stringify(everything).toLowerCase();
      for (const secret of [...keys, 'amara', 'okafor', 'e1001', 'example.org', 'smith']) {
        expect(shown, `${table.name} shows ${secret}`).not.toContain(secret);
      }
    }
  });
});
