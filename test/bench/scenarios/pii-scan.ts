import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  scoreByEntity,
  type EvaluationCase,
  type ScoredSpan,
} from '../../../electron/core/anonymize/evaluation';
import { piiScanCommand } from '../../../electron/core/anonymize/piiScanCommand';
import {
  buildRosterNameIndex,
  createRosterMatcher,
  parseRosterCsv,
} from '../../../electron/core/anonymize/rosterNames';
import { scanForPii, type ScanOptions } from '../../../electron/core/anonymize/scan';
import type { LabelledSentence } from '../../fixtures/pii/buildCorpus';

/**
 * Benchmark of the PII scan: throughput on transcript-style text (MB/s on one core) and quality on the
 * labelled corpus (per-entity precision, recall and F2, span IoU >= 0.75 as presidio-research scores).
 * Roster names and other names are scored apart: a predicted PERSON overlapping a roster name counts for
 * the roster, any other for "other names".
 *   npx tsx test/bench/scenarios/pii-scan.ts
 */

const FIXTURES = new URL('../../fixtures/pii/', import.meta.url);
const THROUGHPUT_MB = 8;

function load(name: string): LabelledSentence[] {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as LabelledSentence[];
}

function scanOptions(): ScanOptions {
  const key = Buffer.alloc(32, 1);
  const people = parseRosterCsv(readFileSync(new URL('roster.csv', FIXTURES), 'utf8'));
  return {
    countries: ['GB', 'US'],
    roster: createRosterMatcher(key, buildRosterNameIndex(key, people)),
    identifierMasks: [{ mask: 'EMP-######', label: 'staff number' }],
  };
}

function personClass(span: ScoredSpan, gold: ReadonlyArray<ScoredSpan & { roster?: boolean }>): string {
  if (span.entity !== 'PERSON') return span.entity;
  const onRoster = gold.some((g) => g.roster && g.start < span.end && span.start < g.end);
  return onRoster ? 'PERSON_ROSTER' : 'PERSON_OTHER';
}

export function evaluateCorpus(
  sentences: readonly LabelledSentence[],
  options: ScanOptions,
): EvaluationCase[] {
  return sentences.map((sentence) => {
    const gold = sentence.spans.map((g) => ({
      ...g,
      entity: g.entity === 'PERSON' ? (g.roster ? 'PERSON_ROSTER' : 'PERSON_OTHER') : g.entity,
    }));
    const predicted = scanForPii(sentence.text, options).map((f) => ({
      start: f.start,
      end: f.end,
      entity: personClass(f, sentence.spans),
    }));
    return { gold, predicted };
  });
}

/** Transcript-style text: corpus sentences as speaker turns, mostly plain talk, repeated to `megabytes`. */
export function transcriptText(megabytes: number): string {
  const sentences = [...load('corpus.json'), ...load('heldout.json')].map((s) => s.text);
  const filler = [
    'Yeah, I think so. It took a while to get going but once we had a rhythm it was really useful.',
    'Um, we talked a lot about confidence, and about how to push back when the workload gets silly.',
    'So the first few sessions were mostly getting to know each other, which in hindsight was fine.',
    'I would say the biggest change is that I ask for feedback now instead of waiting for the appraisal.',
    'It was hard to find time, to be honest, with the restructure going on and everything.',
  ];
  const turns: string[] = [];
  let size = 0;
  let i = 0;
  while (size < megabytes * 1024 * 1024) {
    const speaker = i % 2 === 0 ? 'Interviewer' : `P${(i % 17) + 1}`;
    const body = i % 3 === 0 ? sentences[i % sentences.length]! : filler[i % filler.length]!;
    const turn = `${speaker}: ${body}\n`;
    turns.push(turn);
    size += Buffer.byteLength(turn);
    i += 1;
  }
  return turns.join('');
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export default async function run(): Promise<Record<string, number>> {
  const metrics: Record<string, number> = {};
  const options = scanOptions();

  const text = transcriptText(THROUGHPUT_MB);
  const bytes = Buffer.byteLength(text);
  scanForPii(text.slice(0, 1024 * 1024), options); // warm up the lexicons and the JIT
  const runs: number[] = [];
  let findings = 0;
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    findings = scanForPii(text, options).length;
    runs.push((performance.now() - started) / 1000);
  }
  const median = [...runs].sort((a, b) => a - b)[1]!;
  metrics['scan_mb_per_s'] = round(bytes / 1024 / 1024 / median);
  metrics['scan_findings_per_mb'] = Math.round(findings / (bytes / 1024 / 1024));

  const cliStarted = performance.now();
  await piiScanCommand({ text: text.slice(0, 2 * 1024 * 1024), countries: ['GB', 'US'] });
  metrics['pii_scan_command_mb_per_s'] = round(2 / ((performance.now() - cliStarted) / 1000));

  for (const [set, file] of [
    ['dev', 'corpus.json'],
    ['heldout', 'heldout.json'],
  ] as const) {
    for (const [entity, score] of scoreByEntity(evaluateCorpus(load(file), options))) {
      metrics[`${set}_${entity}_precision`] = round(score.precision);
      metrics[`${set}_${entity}_recall`] = round(score.recall);
      metrics[`${set}_${entity}_f2`] = round(score.f2);
      metrics[`${set}_${entity}_support`] = score.truePositives + score.falseNegatives;
    }
  }
  return metrics;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const metrics = await run();
  for (const [name, value] of Object.entries(metrics)) console.log(`${name.padEnd(44)} ${value}`);
}
