import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeProject, createProject } from '../../../electron/core/store/projectFile';
import type { ImportSummary } from '../../../shared/import';

/**
 * A 1,000,000-row x 30-column survey export (about 210 MB; ids, e-mails and names among the columns) into an
 * encrypted project with pseudonymisation on, against the baseline of the issue measured in the same run:
 * `sqlite3 plain.db ".mode csv" ".import big.csv t"` on the same file. Target: at most 1.5x its wall time, and
 * peak memory under 300 MB, of the process that imports (a child of this one). BENCH_IMPORT_ROWS scales the file
 * down for a quick look.
 */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const PASS = 'benchmark passphrase number one';
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

function sqliteImportSeconds(dir: string, csv: string): number {
  const begin = performance.now();
  const result = spawnSync('sqlite3', [path.join(dir, 'plain.db'), '.mode csv', `.import ${csv} t`]);
  if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}`);
  return (performance.now() - begin) / 1000;
}

/** The import runs in a child process (see importInChild.ts), whose own peak resident memory is reported. */
function confidantImport(dir: string, csv: string) {
  const project = path.join(dir, 'bench.confidant');
  closeProject(createProject(project, PASS, 'bench'), 'bench');
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, '..', 'importInChild.ts'), csv, project, PASS],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`the import process failed: ${child.stderr}`);
  const { seconds, peakMB, summary } = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
    seconds: number;
    peakMB: number;
    summary: ImportSummary;
  };
  if (!summary.committed || summary.rowsImported !== ROWS) {
    throw new Error(`the import did not go through: ${JSON.stringify(summary)}`);
  }
  return { seconds, peakMB, projectMB: Math.round(statSync(project).size / 1e6) };
}

export default async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), 'confidant-bench-import-'));
  try {
    const csv = path.join(dir, 'big.csv');
    await writeSurvey(csv, ROWS);
    const baselineSeconds = sqliteImportSeconds(dir, csv);
    const ours = confidantImport(dir, csv);
    return {
      rows: ROWS,
      csvMB: Math.round(statSync(csv).size / 1e6),
      sqlite3ImportSeconds: Math.round(baselineSeconds * 100) / 100,
      confidantImportSeconds: Math.round(ours.seconds * 100) / 100,
      ratioToSqlite3: Math.round((ours.seconds / baselineSeconds) * 100) / 100,
      rowsPerSecond: Math.round(ROWS / ours.seconds),
      peakRssMBOfImportProcess: ours.peakMB,
      projectMB: ours.projectMB,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
