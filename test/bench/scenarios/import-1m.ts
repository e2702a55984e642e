import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { closeProject, createProject } from '../../../electron/core/store/projectFile';
import { previewSource } from '../../../electron/core/import/importJob';
import type { ColumnPlan, ImportSummary, SourcePreview } from '../../../shared/import';

/**
 * A 1,000,000-row x 30-column survey export (about 250 MB; ids, e-mails and names among the columns) into an
 * encrypted project with pseudonymisation on, against the baseline of the issue measured in the same run:
 * `sqlite3 plain.db ".mode csv" ".import big.csv t"` on the same file. Target: at most 1.5x its wall time, and
 * peak memory under 300 MB, of the process that imports (`confidant import`, a child of this one). Beside them,
 * the floor: what SQLite alone takes to write the rows plus the register this data model needs.
 * BENCH_IMPORT_ROWS scales the file down for a quick look.
 */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const PASS = 'benchmark passphrase number one';
const COMMENT_HEADING = 'What has changed for you?';
const FIRST = ['Amara', 'Ben', 'Chen', 'Dana', 'Eli', 'Fatima', 'George', 'Hana', 'Ivan', 'Joanna', 'Kwame'];
const LAST = [
  'Okafor',
  'Smith',
  'Wang',
  'Levi',
  'Cohen',
  'Khan',
  'Brown',
  'Sato',
  'Petrov',
  'Jones',
  'Mensah',
];
const AGREEMENT = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
const OPENINGS = [
  'More confident in meetings',
  'Not much yet, we only met twice',
  'I finally asked for the stretch project I wanted and got it',
  'Better at saying no',
  'Honestly the sessions kept getting cancelled, so very little has changed for me so far',
  'n/a',
  'I understand how promotions work here now',
  'We talked a lot about work-life balance; I leave on time most days',
];

/**
 * A survey comment as people write them: short or long, some empty, some naming their mentor (now and then in
 * lower case) or giving an e-mail address, so the free-text redaction is measured on realistic input.
 */
function comment(r: number): string {
  const opening = OPENINGS[(r * 5) % OPENINGS.length]!;
  const mentor = FIRST[(r * 3) % FIRST.length]!;
  switch (r % 10) {
    case 0:
      return '';
    case 1:
      return `${opening}. ${mentor} was a great listener and pushed me to apply for the team lead role.`;
    case 2:
      return `${opening} - thanks to ${mentor.toLowerCase()}, who met me ${r % 9} times.`;
    case 3:
      return `${opening}. Happy to talk more: ${mentor.toLowerCase()}.${LAST[r % LAST.length]!.toLowerCase()}@example.org`;
    case 4:
      return `${opening}. ${OPENINGS[(r + 3) % OPENINGS.length]!}. ${OPENINGS[(r + 5) % OPENINGS.length]!}.`;
    default:
      return opening;
  }
}

async function writeSurvey(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const heading = [
    'ResponseId',
    'Employee ID',
    'Email',
    'First name',
    'Last name',
    'Cohort',
    'Role',
    'Department',
  ];
  for (let q = 1; q <= 21; q++) heading.push(`Q${q}`);
  heading.push('What has changed for you?');
  let chunk = `${heading.join(',')}\n`;
  for (let r = 0; r < rows; r++) {
    const first = FIRST[r % FIRST.length]!;
    const last = LAST[(r * 7) % LAST.length]!;
    const cells = [`R_${r}`, `E${100000 + r}`, `${first}.${last}${r}@example.org`, first, last];
    cells.push(`Cohort ${r % 4}`, r % 2 ? 'Mentee' : 'Mentor', `Dept ${r % 12}`);
    for (let q = 1; q <= 21; q++)
      cells.push(q % 4 === 0 ? AGREEMENT[(r + q) % 5]! : String(1 + ((r + q) % 5)));
    cells.push(`"${comment(r)}"`);
    chunk += `${cells.join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function sqlite3(database: string, ...commands: string[]): number {
  const begin = performance.now();
  const result = spawnSync('sqlite3', [database, ...commands]);
  if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}`);
  return (performance.now() - begin) / 1000;
}

/**
 * The least any import into this data model can cost, done by SQLite itself: the file imported as the baseline
 * does it, then the register a pseudonymised survey needs written set-based in C, into a plain file: a
 * participant with a unique random code for each row, and the row's id and e-mail as 32-byte random keys in key
 * order, with the index by participant. No parsing, checking, hashing or encryption, so a true floor.
 */
const REGISTER_SQL = `
  CREATE TABLE participant (id INTEGER PRIMARY KEY, pseudonym TEXT NOT NULL);
  CREATE TABLE participant_identifier (identity_key BLOB PRIMARY KEY, participant_id INTEGER NOT NULL,
    kind TEXT NOT NULL) WITHOUT ROWID;
  BEGIN;
  INSERT INTO participant (id, pseudonym) SELECT rowid, 'P-' || hex(randomblob(8)) FROM t;
  CREATE UNIQUE INDEX participant_pseudonym ON participant (pseudonym);
  INSERT INTO participant_identifier
    SELECT key, id, kind FROM (SELECT randomblob(32) AS key, id, 'id' AS kind FROM participant
      UNION ALL SELECT randomblob(32), id, 'email' FROM participant) ORDER BY key;
  CREATE INDEX participant_identifier_by_participant ON participant_identifier (participant_id);
  COMMIT;`;

/**
 * The import as an evaluator runs it: `confidant import` from the built bundle (the engine in its worker
 * thread), the comments mapped as free text, new respondents added. Its peak resident memory is that process's
 * own (peakMemory.mjs), and its time includes opening the project.
 */
async function confidantImport(dir: string, csv: string) {
  const project = path.join(dir, 'bench.confidant');
  closeProject(createProject(project, PASS, 'bench'), 'bench');
  const preview = await previewSource(csv);
  const mapping = path.join(dir, 'mapping.json');
  writeFileSync(mapping, JSON.stringify(preview.columns.map(asPlanned)));
  const begin = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      pathToFileURL(path.join(import.meta.dirname, '..', 'peakMemory.mjs')).href,
      path.join(import.meta.dirname, '..', '..', '..', 'dist-electron', 'cli.cjs'),
      'import',
      project,
      csv,
      '--as',
      'survey',
      '--window',
      'Baseline',
      '--instrument',
      'Pulse survey',
      '--add-participants',
      '--mapping',
      mapping,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      env: { ...process.env, CONFIDANT_PASSPHRASE: PASS, CONFIDANT_SETTINGS_DIR: path.join(dir, 'settings') },
    },
  );
  const seconds = (performance.now() - begin) / 1000;
  if (child.status !== 0) throw new Error(`the import failed: ${child.stderr}${child.stdout}`);
  const summary = JSON.parse(child.stdout) as ImportSummary;
  if (!summary.committed || summary.rowsImported !== ROWS) {
    throw new Error(`the import did not go through: ${JSON.stringify({ ...summary, problems: [] })}`);
  }
  const { peakMB } = JSON.parse(child.stderr.trim().split('\n').at(-1)!) as { peakMB: number };
  return { seconds, peakMB, projectMB: Math.round(statSync(project).size / 1e6) };
}

/** The comments are free text, whatever their first rows suggest: they are redacted on the way in. */
function asPlanned({ confidence: _c, reason: _r, ...column }: SourcePreview['columns'][number]): ColumnPlan {
  if (column.heading !== COMMENT_HEADING) return column;
  const { scaleId: _scale, ...rest } = column;
  return { ...rest, field: 'freeText', role: 'free-text' };
}

const round = (value: number) => Math.round(value * 100) / 100;

export default async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), 'confidant-bench-import-'));
  try {
    const csv = path.join(dir, 'big.csv');
    await writeSurvey(csv, ROWS);
    const plain = path.join(dir, 'plain.db');
    const baselineSeconds = sqlite3(plain, '.mode csv', `.import ${csv} t`);
    const registerSeconds = sqlite3(plain, REGISTER_SQL);
    const ours = await confidantImport(dir, csv);
    return {
      rows: ROWS,
      csvMB: Math.round(statSync(csv).size / 1e6),
      sqlite3ImportSeconds: round(baselineSeconds),
      confidantImportSeconds: round(ours.seconds),
      ratioToSqlite3: round(ours.seconds / baselineSeconds),
      rowsPerSecond: Math.round(ROWS / ours.seconds),
      peakRssMBOfImportProcess: ours.peakMB,
      projectMB: ours.projectMB,
      sqlite3WithRegisterSeconds: round(baselineSeconds + registerSeconds),
      floorRatioToSqlite3: round((baselineSeconds + registerSeconds) / baselineSeconds),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
