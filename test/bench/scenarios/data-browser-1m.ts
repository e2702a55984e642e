import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { listTables, readRows } from '../../../electron/core/data/dataRows';
import { closeProject, createProject } from '../../../electron/core/store/projectFile';
import { dataSchemas } from '../../../shared/data';

/**
 * The data browser on a project of 100,000 participants who each answered a 10-item survey: 1,000,000 answers
 * in the Responses table. Each figure is the median of three calls of one page (100 rows) as the grid asks for
 * it: the first page, a page half-way through, sorted by answer, filtered by item, and the table list.
 */
const PARTICIPANTS = Number(process.env.BENCH_DATA_PARTICIPANTS ?? 100_000);
const ITEMS = 10;

function fill(file: string) {
  const project = createProject(file, 'benchmark passphrase number one', 'bench');
  const { db } = project;
  db.transaction(() => {
    db.prepare("INSERT INTO collection_window (name, kind) VALUES ('Baseline', 'baseline')").run();
    db.prepare("INSERT INTO instrument (name) VALUES ('Confidence survey')").run();
    const item = db.prepare(
      "INSERT INTO item (instrument_id, code, text, type, position) VALUES (1, ?, ?, 'number', ?)",
    );
    for (let i = 0; i < ITEMS; i++) item.run(`Q${i + 1}`, `Question ${i + 1}`, i);
    const participant = db.prepare('INSERT INTO participant (pseudonym, department) VALUES (?, ?)');
    const answers = db.prepare(
      'INSERT INTO response_set (participant_id, window_id, instrument_id, answers) VALUES (?, 1, 1, ?)',
    );
    for (let n = 1; n <= PARTICIPANTS; n++) {
      participant.run(
        `P-${n.toString(32).toUpperCase().padStart(6, '0')}`,
        ['Finance', 'HR', 'IT', 'Ops'][n % 4],
      );
      answers.run(n, JSON.stringify(Array.from({ length: ITEMS }, (_, k) => ((n + k) % 5) + 1)));
    }
  })();
  return project;
}

function medianMs(fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const begin = performance.now();
    fn();
    samples.push(performance.now() - begin);
  }
  return Math.round(samples.sort((a, b) => a - b)[1] as number);
}

export default async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), 'confidant-bench-'));
  const project = fill(path.join(dir, 'data.confidant'));
  try {
    const page = (query: object) => () => readRows(project.db, dataSchemas['data.rows'].parse(query));
    const answers = PARTICIPANTS * ITEMS;
    return {
      answers,
      tablesMs: medianMs(() => listTables(project.db)),
      firstPageMs: medianMs(page({ table: 'responses', limit: 100 })),
      middlePageMs: medianMs(page({ table: 'responses', offset: answers / 2, limit: 100 })),
      sortedByAnswerMs: medianMs(
        page({ table: 'responses', limit: 100, sort: [{ column: 'value', direction: 'desc' }] }),
      ),
      filteredByItemMs: medianMs(
        page({ table: 'responses', limit: 100, filters: [{ column: 'item', op: 'equals', value: 'Q3' }] }),
      ),
      participantsSortedLastPageMs: medianMs(
        page({
          table: 'participants',
          offset: PARTICIPANTS - 100,
          limit: 100,
          sort: [{ column: 'department', direction: 'asc' }],
        }),
      ),
    };
  } finally {
    closeProject(project, 'bench');
    rmSync(dir, { recursive: true, force: true });
  }
}
