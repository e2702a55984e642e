import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfidantError } from '../../../shared/errors';
import { commitDocument } from '../../../electron/core/import/documentImport';
import { importIntoDatabase, previewSource } from '../../../electron/core/import/importJob';
import { readDocument } from '../../../electron/core/import/transcripts/readDocument';
import { closeProject, createProject, type Project } from '../../../electron/core/store/projectFile';
import {
  DAMAGES,
  damage,
  damageMember,
  generator,
  people,
  ROWS,
  rosterCsv,
  rosterXlsx,
} from '../../fixtures/import/damage';
import { writeSav } from '../../fixtures/import/savWriter';
import { fixtureFolder } from '../../fixtures/import/tempFiles';

/**
 * A few hundred damaged files (cut short, bytes flipped, bytes inserted, a workbook's ZIP member corrupted),
 * made from good ones by a seeded generator so a failure can be replayed, run through the same import the CLI and
 * the window run. Each must either import in full or fail with one line naming the file, and a failure must
 * leave the project as it was.
 */
const SEED = 20261206;
const PASS = 'correct horse battery staple';

function rosterSav(): Buffer {
  return writeSav({
    variables: [
      { name: 'EmpId', width: 8, label: 'Employee ID' },
      { name: 'Email', width: 40, label: 'Email' },
      { name: 'Cohort', width: 0, valueLabels: [[2026, '2026 intake']] },
    ],
    cases: people.map((p) => [p.id, p.email, 2026]),
    compressed: true,
  });
}

function transcriptVtt(): Buffer {
  const cues = ['WEBVTT', ''];
  for (let i = 0; i < 30; i++) {
    const start = `00:00:${String(i * 2).padStart(2, '0')}.000`;
    const end = `00:00:${String(i * 2 + 1).padStart(2, '0')}.500`;
    cues.push(
      `${i + 1}`,
      `${start} --> ${end}`,
      `<v ${i % 2 ? 'Interviewer' : 'Mentee'}>Answer number ${i} about goals.</v>`,
      '',
    );
  }
  return Buffer.from(cues.join('\n'));
}

/** Every row of every table, hashed: the project's content, to compare before and after a failed import. */
function projectDigest(project: Project): string {
  const hash = createHash('sha256');
  const tables = project.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(table);
    const rows = project.db
      .prepare(`SELECT * FROM "${table}"`)
      .raw()
      .all()
      .map((row) =>
        JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString('hex') : value)),
      );
    for (const row of rows.sort()) hash.update(row);
  }
  return hash.digest('hex');
}

/** A failure as the evaluator sees it: Confidant's own error, one line, naming the file. */
function expectOneLineNamingFile(error: unknown, file: string, label: string) {
  expect(error, `${label}: ${(error as Error)?.stack}`).toBeInstanceOf(ConfidantError);
  const { message, code } = error as ConfidantError;
  expect(code, `${label}: ${message}`).not.toBe('INTERNAL');
  expect(message, label).not.toContain('\n');
  expect(message, label).toContain(path.basename(file));
}

let folder: ReturnType<typeof fixtureFolder>;
let project: Project;
beforeAll(() => {
  folder = fixtureFolder('confidant-damaged-');
  project = createProject(path.join(folder.dir, 'p.confidant'), PASS, 'test');
});
afterAll(() => {
  closeProject(project, 'test');
  folder.remove();
});

/** The data rows of a roster CSV that still have all five cells. */
function wholeRows(bytes: Buffer): number {
  return bytes
    .toString('latin1')
    .split('\n')
    .slice(1)
    .filter((line) => line.split(',').length === 5).length;
}

/**
 * Imports a table file as a roster, as the CLI does (the preview's suggested columns), on the test project: a
 * success must bring `rows` rows.
 */
async function importTable(file: string, label: string, rows = ROWS) {
  const before = projectDigest(project);
  try {
    const preview = await previewSource(file);
    const columns = preview.columns.map(({ confidence: _c, reason: _r, ...column }) => column);
    const summary = await importIntoDatabase(
      project.db,
      {
        source: file,
        plan: { kind: 'roster', columns, skipInvalidRows: false, addUnknownParticipants: false, options: {} },
        actor: 'test',
      },
      () => undefined,
    );
    for (const problem of summary.problems) expect(problem.message, label).not.toContain('\n');
    if (summary.committed) {
      // Never partial: a damaged file that still imports brings every row, with no row in error.
      expect(summary.rowsImported, `${label}: ${JSON.stringify(summary.problems.slice(0, 3))}`).toBe(rows);
    } else {
      expect(projectDigest(project), label).toBe(before);
    }
    return summary.committed ? 'imported' : 'refused with problems';
  } catch (error) {
    expectOneLineNamingFile(error, file, label);
    expect(projectDigest(project), label).toBe(before);
    return 'refused';
  }
}

async function importTranscript(file: string, label: string) {
  const before = projectDigest(project);
  try {
    const transcript = await readDocument(file);
    commitDocument(project.db, transcript, {
      kind: 'transcript',
      title: 'Check-in',
      sourceName: path.basename(file),
      contentSha256: createHash('sha256').update(file).digest('hex'),
      actor: 'test',
    });
    return 'imported';
  } catch (error) {
    expectOneLineNamingFile(error, file, label);
    expect(projectDigest(project), label).toBe(before);
    return 'refused';
  }
}

describe('damaged files', () => {
  const random = generator(SEED);

  it.each([
    ['csv', 80],
    ['xlsx', 60],
    ['sav', 80],
  ] as const)(
    '%s: %i damaged copies each import in full or fail in one line, leaving the project as it was',
    async (kind, count) => {
      const original = kind === 'csv' ? rosterCsv() : kind === 'xlsx' ? await rosterXlsx() : rosterSav();
      const outcomes: Record<string, number> = {};
      for (let i = 0; i < count; i++) {
        const how = DAMAGES[random.below(DAMAGES.length)]!;
        const bytes = damage(original, how, random);
        const file = folder.write(`${kind}-${i}.${kind}`, bytes);
        // A text table cut just after a row's last cell is a shorter table, whole: nothing can tell the two apart.
        const rows = kind === 'csv' && how === 'cut short' ? wholeRows(bytes) : ROWS;
        if (process.env.FUZZ_TRACE) console.log(kind, i, how);
        const outcome = await importTable(file, `${kind} #${i} (${how}, seed ${SEED})`, rows);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
      expect(count - (outcomes.imported ?? 0)).toBeGreaterThan(0);
    },
    240_000,
  );

  it('xlsx: 60 workbooks with one ZIP member damaged each import in full or fail in one line', async () => {
    const original = await rosterXlsx();
    for (let i = 0; i < 60; i++) {
      const how = DAMAGES[random.below(DAMAGES.length)]!;
      const file = folder.write(`member-${i}.xlsx`, await damageMember(original, how, random));
      await importTable(file, `xlsx member #${i} (${how}, seed ${SEED})`);
    }
  }, 240_000);

  it('vtt: 60 damaged transcripts import or fail in one line, leaving the project as it was', async () => {
    const original = transcriptVtt();
    for (let i = 0; i < 60; i++) {
      const how = DAMAGES[random.below(DAMAGES.length)]!;
      const file = folder.write(`vtt-${i}.vtt`, damage(original, how, random));
      await importTranscript(file, `vtt #${i} (${how}, seed ${SEED})`);
    }
  }, 120_000);
});
