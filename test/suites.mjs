// `npm test`: every check the project holds itself to, in order, each run even when an earlier one fails.
// Prints each suite's result and, last, one line "N passed, N failed" summed over the suites; exits non-zero
// when anything failed. CI runs exactly this (see .ci/run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
mkdirSync(results, { recursive: true });

const vitestJson = (file) => () => {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const failedSuites = report.testResults.filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
  );
  return { passed: report.numPassedTests, failed: report.numFailedTests + failedSuites.length };
};
const oneCheck = (status) => (status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
const summaryLine = (output, status) => {
  const match = [...output.matchAll(/^(\d+) passed, (\d+) failed/gm)].at(-1);
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : oneCheck(status);
};

const suites = [
  { name: 'lint', command: 'npx eslint . --max-warnings=0' },
  { name: 'format', command: 'npx prettier --check .' },
  { name: 'typecheck', command: 'npx tsc --noEmit' },
  { name: 'build', command: 'npm run build --silent' },
  {
    name: 'unit and integration (vitest)',
    command: `npx vitest run --reporter=default --reporter=json --outputFile.json=${results}/unit.json`,
    count: vitestJson(`${results}/unit.json`),
  },
  {
    name: 'end-to-end (Chromium)',
    command: `npx vitest run --config test/e2e/vitest.config.ts --reporter=default --reporter=json --outputFile.json=${results}/e2e.json`,
    count: vitestJson(`${results}/e2e.json`),
  },
  { name: 'electronegativity', command: 'node test/security/electronegativity.mjs', parse: true },
];

let passed = 0;
let failed = 0;
for (const suite of suites) {
  for (const file of ['unit.json', 'e2e.json'])
    if (suite.count) rmSync(`${results}/${file}`, { force: true });
  console.log(`\n=== ${suite.name}: ${suite.command}`);
  const run = spawnSync(suite.command, {
    shell: true,
    stdio: suite.parse ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
  });
  if (suite.parse) process.stdout.write(run.stdout ?? '');
  const status = run.status ?? 1;
  const counts = suite.count
    ? suite.count()
    : suite.parse
      ? summaryLine(run.stdout ?? '', status)
      : oneCheck(status);
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  console.log(`=== ${suite.name}: ${counts.passed} passed, ${counts.failed} failed`);
  passed += counts.passed;
  failed += counts.failed;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
