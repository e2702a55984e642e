import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run bench [NAME…]`: runs the named scenarios (all when none is named), one after another, and writes
 * their figures to bench-results/results.json. Each scenario is a module under scenarios/ whose default export
 * returns its figures; speed and memory targets are judged from these figures, never in timed tests.
 */
type Scenario = () => Promise<Record<string, number | string>>;

const scenarioDir = path.join(import.meta.dirname, 'scenarios');
const available = readdirSync(scenarioDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown scenario(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}

const results: Record<string, unknown> = {};
for (const name of wanted.length > 0 ? wanted : available) {
  const module = (await import(pathToFileURL(path.join(scenarioDir, `${name}.ts`)).href)) as {
    default: Scenario;
  };
  console.log(`▶ ${name}`);
  const started = Date.now();
  const figures = await module.default();
  results[name] = { ...figures, wallSeconds: (Date.now() - started) / 1000 };
  console.log(JSON.stringify(results[name], null, 2));
}

const out = path.resolve('bench-results');
mkdirSync(out, { recursive: true });
const report = { at: new Date().toISOString(), node: process.version, results };
writeFileSync(path.join(out, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`Figures written to ${path.join(out, 'results.json')}`);
