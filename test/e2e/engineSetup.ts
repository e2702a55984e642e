/**
 * Setting up a test's project straight through the harness's engine, as the window would through
 * `window.confidant`: a call that must succeed, and a file committed with the mapping the wizard suggests.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportPlan, ImportSummary, SourcePreview } from '../../shared/import';
import type { Harness } from './harness';

export async function engineCall<T>(harness: Harness, name: string, args: unknown): Promise<T> {
  const outcome = await harness.engine.call(name, args);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  return outcome.value as T;
}

type PlanColumn = ImportPlan['columns'][number];

/**
 * Writes `content` to `name` in the test's folder and commits it with the suggested mapping, each column passed
 * through `change` first (to map a column the suggestion leaves out, say); `extra` adds to the plan. Throws
 * unless the file went in.
 */
export async function importThroughEngine(
  harness: Harness,
  name: string,
  content: string,
  kind: ImportPlan['kind'],
  extra: Partial<ImportPlan> = {},
  change: (column: PlanColumn) => PlanColumn = (column) => column,
): Promise<ImportSummary> {
  const file = path.join(harness.dir, name);
  writeFileSync(file, content);
  const source = harness.engine.session.grant(file);
  const preview = await engineCall<SourcePreview>(harness, 'import.preview', { source });
  const columns = preview.columns.map(({ confidence: _c, reason: _r, ...column }) => change(column));
  const summary = await engineCall<ImportSummary>(harness, 'import.commit', {
    source,
    plan: { kind, columns, ...extra },
  });
  if (!summary.committed) throw new Error(`${name} was not imported: ${JSON.stringify(summary.problems)}`);
  return summary;
}
