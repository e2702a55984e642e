/**
 * No personal data reaches the project through the names of things: a file's name, a sheet's, a document's
 * title, a saved mapping's name, a collection window's and an instrument's name all pass the label scan. Files
 * named after a person on the roster, their e-mail address and their staff number are imported through the
 * engine as the wizard imports them; then every text and blob of every table of the decrypted project is
 * searched for those words.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../../shared/import';
import { redactFileName, redactLabel } from '../../../electron/core/anonymize/projectLabels';
import { openTestProject, type TestProject } from '../anonymize/openProject';

const ROSTER = `Employee ID,Email,First name,Last name,Cohort
E1002,amara.okafor@example.org,Amara,Okafor,2026 Spring
E1007,priya.raman@example.org,Priya,Raman,2026 Spring
`;
/** What must not be found anywhere in the project, in any case. */
const PERSONAL = ['amara', 'okafor', 'e1002', 'amara.okafor@example.org', 'raman', 'e1007'];

let project: TestProject;
let dir: string;
beforeEach(async () => {
  project = await openTestProject();
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-labels-'));
});
afterEach(() => {
  project.close();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const written = path.join(dir, name);
  writeFileSync(written, content);
  return project.engine.session.grant(written);
}

async function importTable(
  source: string,
  plan: Omit<ImportPlan, 'columns' | 'skipInvalidRows' | 'addUnknownParticipants' | 'options'> &
    Partial<ImportPlan>,
) {
  const preview = await project.call('import.preview', { source, options: plan.options ?? {} });
  const columns = preview.columns.map(({ confidence: _c, reason: _r, ...column }) => column);
  const summary = await project.call('import.commit', {
    source,
    plan: { skipInvalidRows: false, addUnknownParticipants: false, options: {}, ...plan, columns },
  });
  expect(summary.committed, source).toBe(true);
  return { columns, header: preview.header };
}

/** Every text and blob of every table, as lower-case text: what anyone with the passphrase could read. */
function everyCell(db: Connection): string[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return tables.flatMap((table) =>
    (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).flatMap((row) =>
      row.flatMap((cell) =>
        typeof cell === 'string'
          ? [cell.toLowerCase()]
          : Buffer.isBuffer(cell)
            ? [cell.toString('latin1').toLowerCase()]
            : [],
      ),
    ),
  );
}

describe('the names of things in the project', () => {
  it('keep no roster name, e-mail address or staff number from file names, sheets, titles, mappings, windows and instruments', async () => {
    await importTable(file('roster Amara Okafor E1002 amara.okafor@example.org.csv', ROSTER), {
      kind: 'roster',
    });
    await importTable(
      file(
        'check-in_amara-okafor_E1002.csv',
        'Email,Confidence\namara.okafor@example.org,4\npriya.raman@example.org,5\n',
      ),
      {
        kind: 'survey',
        window: 'Check-in with Amara Okafor',
        instrument: 'Pulse for E1002 and amara.okafor@example.org',
      },
    );
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Priya Raman E1007');
    sheet.addRows([
      ['Email', 'Confidence'],
      ['priya.raman@example.org', 3],
    ]);
    const xlsx = path.join(dir, 'Raman follow-up.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const { columns, header } = await importTable(project.engine.session.grant(xlsx), {
      kind: 'survey',
      window: 'Follow-up',
      instrument: 'Pulse',
      options: { sheet: 'Priya Raman E1007' },
    });
    await project.call('import.saveMapping', {
      kind: 'survey',
      header,
      name: 'Mapping from Amara Okafor (E1002, amara.okafor@example.org)',
      columns,
    });
    const transcript = file(
      'Interview with Amara Okafor.txt',
      'Interviewer: How did it go?\nMentee: Well.\n',
    );
    const suggested = await project.call('import.previewDocument', { source: transcript });
    expect(suggested.titleSuggestion).toBe('Interview with');
    const document = await project.call('import.document', {
      source: transcript,
      kind: 'transcript',
      title: 'Interview E1002 amara.okafor@example.org',
    });
    expect(document.title).not.toMatch(/E1002|amara/i);
    const e1007 = file('interview_E1007.txt', 'Interviewer: And you?\nMentor: Fine.\n');
    expect((await project.call('import.previewDocument', { source: e1007 })).titleSuggestion).toBe(
      'Interview',
    );

    const db = project.engine.session.requireProject().db;
    const cells = everyCell(db);
    for (const word of PERSONAL)
      expect(
        cells.filter((cell) => cell.includes(word)),
        word,
      ).toEqual([]);
    const imports = db.prepare('SELECT source_name FROM import_batch ORDER BY id').pluck().all();
    expect(imports).toEqual([
      'roster [PERSON-1] [EMAIL_ADDRESS-1].csv',
      'check-in_[PERSON-1].csv',
      '[PERSON-1] follow-up.xlsx',
      'Interview with [PERSON-1].txt',
    ]);
  }, 180_000);
});

describe('a label', () => {
  const known = (word: string) => word === 'E1002';
  it('keeps what names nobody: dates, waves, ordinary words, a year after letters', () => {
    for (const label of ['Baseline', 'Mid-point check-in', 'Follow-up March 2026', 'FY2026 survey', 'Sheet1'])
      expect(redactLabel(label, {}, known)).toBe(label);
    expect(redactFileName('survey_wave-2.csv', {}, known)).toBe('survey_wave-2.csv');
    expect(redactFileName('HR moves 2025-26.xlsx', {}, known)).toBe('HR moves 2025-26.xlsx');
  });

  it('loses a name, an e-mail address, a registered id and a word shaped like a staff number', () => {
    expect(redactLabel('Interview E1002', {}, known)).toBe('Interview [EMPLOYEE_ID-1]');
    expect(redactLabel('Notes EMP-0042', {}, () => false)).toBe('Notes [EMPLOYEE_ID-1]');
    expect(redactFileName('roster amara.okafor@example.org.csv', {}, known)).toBe(
      'roster [EMAIL_ADDRESS-1].csv',
    );
    expect(redactFileName('interview_priya-raman_2026-03.vtt', {}, known)).toBe(
      'interview_[PERSON-1]_2026-03.vtt',
    );
  });
});
