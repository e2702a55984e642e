import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBundledEngine } from '../../fixtures/engine/bundledEngine';
import type { ImportPlan } from '../../../shared/import';

/**
 * A small file as an evaluator imports it in the app: a 100-row roster, then a 100-row survey wave, each
 * previewed, checked (the wizard's Check step: a dry run) and imported, on an open project, by the engine as the
 * app bundles it (the import in its worker thread). Figures are the milliseconds from the click to the answer,
 * the median of RUNS files of each kind (a different file each time, as the same file again is recognised).
 * Target: under 300 ms from Import to the summary.
 */
const ROWS = Number(process.env.BENCH_SMALL_ROWS ?? 100);
const RUNS = Number(process.env.BENCH_SMALL_RUNS ?? 5);
const PASS = 'benchmark passphrase number one';

function roster(run: number): string {
  const lines = ['Employee ID,Email,First name,Last name,Cohort,Role'];
  for (let r = 0; r < ROWS; r++)
    lines.push(`E${run}${1000 + r},p${run}x${r}@example.org,Given${r},Family${r},2026 Spring,Mentee`);
  return `${lines.join('\n')}\n`;
}

function survey(run: number): string {
  const lines = ['Employee ID,I feel confident at work,What has changed for you?'];
  for (let r = 0; r < ROWS; r++) lines.push(`E${run}${1000 + r},Agree,More confident in meetings ${r % 7}`);
  return `${lines.join('\n')}\n`;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]!);
};

export default async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), 'confidant-bench-small-'));
  // Inside the repository, so the bundle finds the native SQLite module in node_modules.
  const { createEngine } = await loadBundledEngine(path.resolve('dist', 'bench-engine'));
  const engine = createEngine({
    choosePath: async () => path.join(dir, 'bench.confidant'),
    settingsDir: path.join(dir, 'settings'),
    actor: 'bench',
    idleSeconds: () => 0,
    onProgress: () => undefined,
  });
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const outcome = await engine.call(name, args);
    if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
    return outcome.value as T;
  };
  const timed = async <T>(into: number[], work: () => Promise<T>): Promise<T> => {
    const begin = performance.now();
    const value = await work();
    into.push(performance.now() - begin);
    return value;
  };
  const figures = { preview: [] as number[], check: [] as number[], import: [] as number[] };
  try {
    await call('project.create', {
      path: engine.session.grant(path.join(dir, 'bench.confidant')),
      passphrase: PASS,
    });
    for (let run = 0; run < RUNS; run++) {
      for (const [kind, content] of [
        ['roster', roster(run)],
        ['survey', survey(run)],
      ] as const) {
        const source = engine.session.grant(path.join(dir, `${kind}-${run}.csv`));
        writeFileSync(source, content);
        const preview = await timed(figures.preview, () =>
          call<{ columns: (ImportPlan['columns'][number] & { confidence: string; reason: string })[] }>(
            'import.preview',
            { source },
          ),
        );
        const plan = {
          kind,
          columns: preview.columns.map(({ confidence: _c, reason: _r, ...column }) => column),
          ...(kind === 'survey' ? { window: 'Baseline', instrument: 'Pulse' } : {}),
        };
        await timed(figures.check, () => call('import.commit', { source, plan, dryRun: true }));
        const summary = await timed(figures.import, () =>
          call<{ committed: boolean; rowsImported: number }>('import.commit', { source, plan }),
        );
        if (!summary.committed || summary.rowsImported !== ROWS)
          throw new Error(`the ${kind} import did not go through: ${JSON.stringify(summary)}`);
      }
    }
    return {
      rows: ROWS,
      files: RUNS * 2,
      previewMs: median(figures.preview),
      checkMs: median(figures.check),
      importMs: median(figures.import),
      slowestImportMs: Math.round(Math.max(...figures.import)),
    };
  } finally {
    engine.session.lock();
    rmSync(dir, { recursive: true, force: true });
  }
}
