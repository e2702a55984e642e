/**
 * What the import wizard needs from the engine beyond preview and commit: the sheets of a workbook, the answer
 * scales, the mapping saved for files with the same headings, the windows and instruments already there, a
 * dry run that keeps nothing, and a cancel that leaves the project exactly as it was.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPlan, ImportSummary, ImportTargets, SourcePreview } from '../../../shared/import';
import type { ProgressEvent } from '../../../shared/progress';
import { createEngine, type Engine } from '../../../electron/core/engine';
import { headerSignature } from '../../../electron/core/import/savedMappings';

const PASS = 'correct horse battery staple';
let dir: string;
let engine: Engine;
let importPath: string | null = null;
const progress: ProgressEvent[] = [];

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-wizard-'));
  progress.length = 0;
  engine = createEngine({
    choosePath: async (purpose) => (purpose === 'create' ? path.join(dir, 'p.confidant') : importPath),
    settingsDir: path.join(dir, 'settings'),
    actor: 'test',
    idleSeconds: () => 0,
    onProgress: (event) => progress.push(event),
  });
  await ok('project.create', { path: await chosen('create'), passphrase: PASS });
});
afterEach(() => {
  engine.session.lock();
  rmSync(dir, { recursive: true, force: true });
});

async function ok<T = Record<string, unknown>>(name: string, args: unknown = {}): Promise<T> {
  const outcome = await engine.call(name, args);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value as T;
}
async function chosen(purpose: 'create' | 'import'): Promise<string> {
  return (await ok<{ path: string }>('project.choosePath', { purpose })).path;
}
/** Writes a file into the temp folder and grants it as the import dialog would. */
async function importFile(name: string, content: string): Promise<string> {
  importPath = path.join(dir, name);
  writeFileSync(importPath, content);
  return chosen('import');
}

/** Every row of every table, the audit log included: "exactly as before" means this is unchanged. */
function projectContents(): string {
  const db = engine.session.requireProject().db;
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return JSON.stringify(
    tables.map((table) => [
      table,
      db
        .prepare(`SELECT * FROM "${table}"`)
        .raw()
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

const ROSTER = `Employee ID,Email,First name,Last name,Cohort,Role
E1,amara@example.org,Amara,Okafor,2026 Spring,Mentee
E2,ben@example.org,Ben,Smith,2026 Spring,Mentor
`;
const WAVE = `Email,I feel confident leading a team,What has changed?
amara@example.org,Agree,I led my first team meeting last week with help.
ben@example.org,Very much so,Coaching has been rewarding in many ways for me.
nobody@example.org,Disagree,I have not had the time to meet my mentor yet.
`;

async function planFor(source: string, kind: ImportPlan['kind']): Promise<ImportPlan> {
  const preview = await ok<SourcePreview>('import.preview', { source });
  return {
    kind,
    columns: preview.columns.map(({ confidence: _c, reason: _r, ...column }) => column),
    skipInvalidRows: false,
    addUnknownParticipants: false,
    options: {},
    ...(kind === 'survey' ? { window: 'Baseline', instrument: 'Confidence survey' } : {}),
  };
}

describe('the wizard’s preview', () => {
  it('lists an Excel workbook’s sheets and the answer scales with their labels', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Roster').addRows([
      ['Employee ID', 'Email'],
      ['E1', 'amara@example.org'],
    ]);
    workbook.addWorksheet('Notes').addRow(['Nothing here']);
    importPath = path.join(dir, 'roster.xlsx');
    await workbook.xlsx.writeFile(importPath);
    const source = await chosen('import');
    const preview = await ok<SourcePreview>('import.preview', { source });
    expect(preview.sheets?.map((sheet) => sheet.name)).toEqual(['Roster', 'Notes']);
    expect(preview.rows).toEqual([['E1', 'amara@example.org']]);
    const notes = await ok<SourcePreview>('import.preview', { source, options: { sheet: 'Notes' } });
    expect(notes.header).toEqual(['Nothing here']);
    const agreement = preview.answerScales.find((scale) => scale.id === 'agreement-5');
    expect(agreement?.labels.at(-1)).toBe('Strongly agree');
    expect(preview.savedMapping).toBeNull();
  });

  it('a CSV has no sheets', async () => {
    const preview = await ok<SourcePreview>('import.preview', { source: await importFile('r.csv', ROSTER) });
    expect(preview.sheets).toBeUndefined();
  });
});

describe('saved mappings', () => {
  it('signs a heading list independently of case and punctuation, but not of order', () => {
    expect(headerSignature(['Employee ID', 'E-mail'])).toBe(headerSignature(['employee_id', 'e mail']));
    expect(headerSignature(['Email', 'Employee ID'])).not.toBe(headerSignature(['Employee ID', 'Email']));
  });

  it('offers the saved mapping for the next file with the same headings, replacing an older one, audited', async () => {
    const source = await importFile('roster.csv', ROSTER);
    const plan = await planFor(source, 'roster');
    const preview = await ok<SourcePreview>('import.preview', { source });
    const edited = plan.columns.map((column) =>
      column.heading === 'Cohort' ? { ...column, field: 'ignore' as const } : column,
    );
    await ok('import.saveMapping', {
      kind: 'roster',
      header: preview.header,
      name: 'HR roster',
      columns: edited,
    });
    await ok('import.saveMapping', {
      kind: 'roster',
      header: preview.header,
      name: 'HR export',
      columns: edited,
    });

    const next = await importFile(
      'roster-autumn.csv',
      ROSTER.replace('Employee ID', 'employee_id') + 'E3,c@x.org,C,D,2026 Spring,Mentee\n',
    );
    const again = await ok<SourcePreview>('import.preview', { source: next });
    expect(again.savedMapping).toMatchObject({ kind: 'roster', name: 'HR export' });
    expect(again.savedMapping?.columns.find((c) => c.heading === 'Cohort')?.field).toBe('ignore');

    const other = await importFile('wave.csv', WAVE);
    expect((await ok<SourcePreview>('import.preview', { source: other })).savedMapping).toBeNull();

    const db = engine.session.requireProject().db;
    expect(db.prepare('SELECT count(*) FROM saved_mapping').pluck().get()).toBe(1);
    const audited = db
      .prepare("SELECT detail FROM audit_log WHERE action = 'import.saveMapping'")
      .pluck()
      .all() as string[];
    expect(audited).toHaveLength(2);
    expect(audited[0]).not.toContain('Employee');
  });

  it('refuses a mapping without a name', async () => {
    const outcome = await engine.call('import.saveMapping', {
      kind: 'roster',
      header: ['Email'],
      name: '  ',
      columns: [{ index: 0, heading: 'Email', field: 'email' }],
    });
    expect(outcome.ok).toBe(false);
  });
});

describe('the dry run (the Check step)', () => {
  it('lists every problem, counts what would go in, and keeps nothing', async () => {
    const roster = await importFile('roster.csv', ROSTER);
    await ok('import.commit', { source: roster, plan: await planFor(roster, 'roster') });
    const wave = await importFile('wave.csv', WAVE);
    const suggested = await planFor(wave, 'survey');
    // Two answers of three on the scale are too few for a suggestion; the evaluator says what the column is.
    const plan = {
      ...suggested,
      columns: suggested.columns.map((column) =>
        column.index === 1 ? { ...column, field: 'likertItem' as const, scaleId: 'agreement-5' } : column,
      ),
    };
    const before = projectContents();

    const check = await ok<ImportSummary>('import.commit', {
      source: wave,
      plan,
      dryRun: true,
      jobId: 'check-1',
    });
    expect(check).toMatchObject({ committed: false, alreadyImported: false, rowsRead: 3, rowsImported: 1 });
    expect(check.rowsSkipped).toBe(2);
    const found = check.problems.map(({ row, column }) => [row, column]);
    expect(found).toEqual(
      expect.arrayContaining([
        [3, 'I feel confident leading a team'],
        [4, 'Email'],
      ]),
    );
    expect(projectContents()).toBe(before);
    expect(progress.some((event) => event.jobId === 'check-1' && event.phase === 'Importing rows')).toBe(
      true,
    );

    // The check leaves no trace, so the import itself is not mistaken for a repeat.
    const summary = await ok<ImportSummary>('import.commit', {
      source: wave,
      plan: { ...plan, skipInvalidRows: true },
    });
    expect(summary).toMatchObject({
      committed: true,
      alreadyImported: false,
      rowsImported: 1,
      rowsSkipped: 2,
    });
    const targets = await ok<ImportTargets>('import.targets');
    expect(targets).toEqual({
      windows: [{ name: 'Baseline', kind: 'baseline' }],
      instruments: [{ name: 'Confidence survey' }],
    });

    // Checking the same file again says it is already in, and still changes nothing.
    const after = projectContents();
    const repeat = await ok<ImportSummary>('import.commit', { source: wave, plan, dryRun: true });
    expect(repeat).toMatchObject({ alreadyImported: true, committed: false });
    expect(projectContents()).toBe(after);
  });
});

describe('cancelling an import', () => {
  it('stops a long import mid-way and leaves the project exactly as it was', async () => {
    const roster = await importFile('roster.csv', ROSTER);
    await ok('import.commit', { source: roster, plan: await planFor(roster, 'roster') });
    importPath = path.join(dir, 'big.csv');
    const out = createWriteStream(importPath);
    out.write('Employee ID,Email,Cohort,Role\n');
    for (let i = 0; i < 200_000; i++) out.write(`X${i},p${i}@example.org,2027 Autumn,Mentee\n`);
    await new Promise((resolve) => out.end(resolve));
    const source = await chosen('import');
    const plan = await planFor(source, 'roster');
    const before = projectContents();

    const running = engine.call('import.commit', { source, plan, jobId: 'big-1' });
    await expect
      .poll(() => progress.some((e) => e.jobId === 'big-1' && e.phase === 'Importing rows'), {
        timeout: 60_000,
      })
      .toBe(true);
    const rowsWhenCancelled = progress.filter((e) => e.jobId === 'big-1').at(-1)?.done ?? 0;
    expect(rowsWhenCancelled).toBeLessThan(200_000);
    expect(await ok('import.cancel', { jobId: 'big-1' })).toEqual({ cancelled: true });
    const outcome = await running;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('CANCELLED');
    expect(projectContents()).toBe(before);
    // A job that is over cannot be cancelled.
    expect(await ok('import.cancel', { jobId: 'big-1' })).toEqual({ cancelled: false });
  }, 120_000);
});
