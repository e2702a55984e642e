import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLargeCsv } from '../../fixtures/import/largeCsv';
import { fixtureFolder } from '../../fixtures/import/tempFiles';

/**
 * The reader must stream: a 2 GB file cannot be committed, so we generate a ~50 MB one and read it in a child
 * process whose heap is capped at 64 MB. Holding the file (a 50 MB string) and its 8 million cells crashes
 * such a process (checked: papaparse on the whole file runs out of heap at 64 MB); streaming reads it through. The 1M-row x 30-column, 185 MB benchmark is
 * test/fixtures/import/readCsvFile.ts run on writeLargeCsv(file, 1_000_000) (see the import README).
 */
const run = promisify(execFile);
let folder: ReturnType<typeof fixtureFolder>;
let file: string;
let bytes: number;
const ROWS = 270_000;

beforeAll(async () => {
  folder = fixtureFolder('confidant-stream-');
  file = path.join(folder.dir, 'large.csv');
  bytes = await writeLargeCsv(file, ROWS);
}, 120_000);
afterAll(() => folder.remove());

describe('CSV streaming', () => {
  it('reads a ~50 MB file with a 64 MB heap', async () => {
    expect(bytes).toBeGreaterThan(45 * 1024 * 1024);
    const script = path.resolve('test/fixtures/import/readCsvFile.ts');
    const { stdout } = await run(
      process.execPath,
      ['--max-old-space-size=64', '--import', 'tsx', script, file],
      {
        timeout: 110_000,
      },
    );
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      rows: number;
      cells: number;
      problems: number;
    };
    expect(result).toMatchObject({ rows: ROWS, cells: ROWS * 30, problems: 0 });
  }, 120_000);
});
