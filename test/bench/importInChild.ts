import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { importIntoProject, previewSource } from '../../electron/core/import/importJob';
import type { ColumnPlan } from '../../shared/import';

/**
 * The Confidant side of the import-1m scenario, run in a process of its own so its peak memory is the import's
 * alone (the scenario's process holds the generator): `node --import tsx importInChild.ts CSV PROJECT PASS`.
 * Prints one line of JSON: the import's summary, its wall time from preview to commit, and the process's peak
 * resident memory (VmHWM).
 */
const COMMENT_HEADING = 'What has changed for you?';
const [csv, projectPath, passphrase] = process.argv.slice(2) as [string, string, string];

function peakResidentMB(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kib * 1024) / 1e6);
}

/** The comments are free text, whatever their first rows suggest: they are redacted on the way in. */
function planned(column: ColumnPlan): ColumnPlan {
  if (column.heading !== COMMENT_HEADING) return column;
  const { scaleId: _scale, ...rest } = column;
  return { ...rest, field: 'freeText', role: 'free-text' };
}

const begin = performance.now();
const preview = await previewSource(csv);
const summary = await importIntoProject(
  {
    projectPath,
    passphrase,
    source: csv,
    actor: 'bench',
    plan: {
      kind: 'survey',
      columns: preview.columns.map(({ confidence: _c, reason: _r, ...column }) => planned(column)),
      window: 'Baseline',
      instrument: 'Pulse survey',
      skipInvalidRows: false,
      addUnknownParticipants: true,
      options: {},
    },
  },
  () => undefined,
);
const seconds = (performance.now() - begin) / 1000;
console.log(
  JSON.stringify({
    seconds,
    peakMB: peakResidentMB(),
    summary: { ...summary, problems: summary.problems.slice(0, 3) },
  }),
);
