import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  changePassphrase,
  closeProject,
  createProject,
  openProject,
} from '../../../electron/core/store/projectFile';

/**
 * Open + unlock a project holding 1,000,000 audit rows, and change its passphrase. The baseline in the same run
 * is the same two steps on an empty project: unlocking must not grow with the project (the KDF dominates);
 * a rekey rewrites every page, so it grows with the file.
 */
const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 1_000_000);
const PASS = 'benchmark passphrase number one';
const NEXT = 'benchmark passphrase number two';

function fill(file: string, rows: number): void {
  const project = createProject(file, PASS, 'bench');
  const insert = project.db.prepare(
    'INSERT INTO audit_log (at, actor, action, object_type, object_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const start = Date.parse('2026-01-01T00:00:00Z');
  project.db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      insert.run(
        new Date(start + i * 1000).toISOString(),
        'app',
        'coding.applyCode',
        'segment',
        String(i),
        '{"code":12}',
      );
    }
  })();
  closeProject(project, 'bench');
}

function medianMs(times: number, fn: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const begin = performance.now();
    fn();
    samples.push(performance.now() - begin);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

function measure(file: string) {
  const unlockMs = medianMs(3, () =>
    closeProject(openProject(file, PASS, 'bench', { audit: false }), 'bench'),
  );
  const begin = performance.now();
  changePassphrase(file, PASS, NEXT, 'bench');
  const rekeyMs = performance.now() - begin;
  changePassphrase(file, NEXT, PASS, 'bench');
  return { unlockMs, rekeyMs, sizeBytes: statSync(file).size };
}

export default async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), 'confidant-bench-'));
  try {
    const empty = path.join(dir, 'empty.confidant');
    fill(empty, 0);
    const full = path.join(dir, 'audit-1m.confidant');
    const fillBegin = performance.now();
    fill(full, ROWS);
    const fillSeconds = (performance.now() - fillBegin) / 1000;
    const baseline = measure(empty);
    const loaded = measure(full);
    return {
      auditRows: ROWS,
      fileMB: Math.round(loaded.sizeBytes / 1e5) / 10,
      fillRowsPerSecond: Math.round(ROWS / fillSeconds),
      unlockMs: Math.round(loaded.unlockMs),
      unlockEmptyMs: Math.round(baseline.unlockMs),
      unlockRatioVsEmpty: Math.round((loaded.unlockMs / baseline.unlockMs) * 100) / 100,
      rekeyMs: Math.round(loaded.rekeyMs),
      rekeyEmptyMs: Math.round(baseline.rekeyMs),
      rekeyMBPerSecond: Math.round((loaded.sizeBytes / 1e6 / (loaded.rekeyMs / 1000)) * 10) / 10,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
