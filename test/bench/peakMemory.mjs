// Preloaded into a benchmarked process (`node --import peakMemory.mjs …`): on exit it writes the process's
// peak resident memory (VmHWM, every thread included) to standard error as one line of JSON.
import { readFileSync } from 'node:fs';

process.on('exit', () => {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  process.stderr.write(`${JSON.stringify({ peakMB: Math.round((kib * 1024) / 1e6) })}\n`);
});
