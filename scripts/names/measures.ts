import type { PiiFinding } from '../../electron/core/anonymize/finding';
import type { LabelledSpan, LabelledText } from './corpora';

/**
 * What the name evaluation reports for one labelled set, in the terms:
 * - masked: a labelled span at least half covered by findings of any kind (what keeps it out of a quote);
 * - PERSON typed precision: PERSON findings at least half inside a labelled person;
 * - PERSON findings touching no name: PERSON findings that overlap no labelled person at all.
 */

export const KINDS = ['PERSON', 'LOCATION', 'STREET', 'ORGANIZATION', 'DATE', 'AGE', 'USERNAME'] as const;

export interface SetMeasures {
  texts: number;
  /** Per labelled kind: [masked, total]. */
  masked: Record<string, [number, number]>;
  personFindings: number;
  personInsideName: number;
  personTouchingNoName: number;
}

function covered(
  span: { start: number; end: number },
  by: readonly { start: number; end: number }[],
): number {
  // Findings never overlap one another (the scan merges them); gold spans rarely do: count each position once.
  let inside = 0;
  for (let i = span.start; i < span.end; i += 1) if (by.some((b) => b.start <= i && i < b.end)) inside += 1;
  return inside;
}

export function measure(
  texts: readonly LabelledText[],
  detect: (text: string) => readonly PiiFinding[],
): SetMeasures {
  const out: SetMeasures = {
    texts: texts.length,
    masked: {},
    personFindings: 0,
    personInsideName: 0,
    personTouchingNoName: 0,
  };
  for (const kind of KINDS) out.masked[kind] = [0, 0];
  for (const { text, spans } of texts) {
    const findings = detect(text);
    for (const gold of spans) {
      const counts = out.masked[gold.entity]!;
      counts[1] += 1;
      if (covered(gold, findings) * 2 >= gold.end - gold.start) counts[0] += 1;
    }
    const people: LabelledSpan[] = spans.filter((s) => s.entity === 'PERSON');
    for (const f of findings) {
      if (f.entity !== 'PERSON') continue;
      out.personFindings += 1;
      if (covered(f, people) * 2 >= f.end - f.start) out.personInsideName += 1;
      if (!people.some((p) => p.start < f.end && f.start < p.end)) out.personTouchingNoName += 1;
    }
  }
  return out;
}

function percent(n: number, d: number): string {
  return d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`;
}

export function summaryRow(name: string, m: SetMeasures): string {
  const cell = (kind: string) => {
    const [n, d] = m.masked[kind]!;
    return d === 0 ? '—' : `${percent(n, d)} (${d})`;
  };
  return [
    name,
    cell('PERSON'),
    m.personFindings === 0 ? '—' : (m.personInsideName / m.personFindings).toFixed(2),
    percent(m.personTouchingNoName, m.personFindings),
    cell('LOCATION'),
    cell('STREET'),
    cell('ORGANIZATION'),
    cell('DATE'),
    cell('AGE'),
    cell('USERNAME'),
  ].join(' | ');
}

export const SUMMARY_HEADER = [
  'set',
  'people masked',
  'PERSON typed precision',
  'PERSON findings touching no name',
  'places masked',
  'street addresses',
  'organisations',
  'dates',
  'ages',
  '@handles',
].join(' | ');
