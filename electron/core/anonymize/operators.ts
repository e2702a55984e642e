import { codePointToUtf16Offsets } from './codePoints';
import type { PiiEntity } from './finding';
import { dateToMonth, dateToQuarter, dateToYear, parseWrittenDate } from './generalise';

/**
 * What happens to each accepted finding when a text is anonymised:
 *  - tag:        "[PERSON-3]": a typed placeholder, the same for the same person throughout the document
 *  - redact:     "[REDACTED]" (or a chosen word): type and identity both gone
 *  - mask:       "•••••••0132": characters hidden, the last few kept if asked
 *  - generalise: a coarser value: dates to month, quarter or year; other entities fall back to a tag
 */
export type Operator =
  | { kind: 'tag' }
  | { kind: 'redact'; replacement?: string }
  | { kind: 'mask'; character?: string; keepLast?: number }
  | { kind: 'generalise'; dateTo?: 'month' | 'quarter' | 'year'; monthFirst?: boolean };

export interface AcceptedFinding {
  start: number;
  end: number;
  entity: PiiEntity | string;
}

export interface AnonymiseOptions {
  /** Per-entity operator; entities not listed get `default`. */
  operators?: Partial<Record<string, Operator>>;
  default?: Operator;
  /** Units of start/end: code points (what scanForPii returns, the default) or UTF-16 indexes. */
  offsets?: 'codePoints' | 'utf16';
}

export interface Replacement {
  /** In the units of the input findings. */
  start: number;
  end: number;
  entity: string;
  original: string;
  replacement: string;
}

export interface AnonymisedText {
  text: string;
  replacements: Replacement[];
}

function normaliseSurface(surface: string): string {
  return surface
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Numbers for tags, consistent within one document: the same surface form gets the same number, and a
 * single word that is part of exactly one longer name of the same entity ("Priya" in "Priya Raman") gets
 * that name's number. Numbered in order of first appearance.
 */
export function tagNumbers(surfaces: ReadonlyArray<{ entity: string; surface: string }>): number[] {
  const wordOwners = new Map<string, Set<string>>();
  for (const { entity, surface } of surfaces) {
    const norm = normaliseSurface(surface);
    const words = norm.split(' ');
    if (words.length < 2) continue;
    for (const word of words) {
      const key = `${entity}\u0000${word}`;
      const owners = wordOwners.get(key) ?? new Set<string>();
      owners.add(norm);
      wordOwners.set(key, owners);
    }
  }
  const counters = new Map<string, number>();
  const numbers = new Map<string, number>();
  return surfaces.map(({ entity, surface }) => {
    const norm = normaliseSurface(surface);
    let group = norm;
    if (!norm.includes(' ')) {
      const owners = wordOwners.get(`${entity}\u0000${norm}`);
      if (owners && owners.size === 1) group = [...owners][0]!;
    }
    const key = `${entity}\u0000${group}`;
    let n = numbers.get(key);
    if (n === undefined) {
      n = (counters.get(entity) ?? 0) + 1;
      counters.set(entity, n);
      numbers.set(key, n);
    }
    return n;
  });
}

function mask(original: string, operator: { character?: string; keepLast?: number }): string {
  const chars = [...original];
  const keep = Math.min(operator.keepLast ?? 0, chars.length);
  const hidden = chars.length - keep;
  return chars
    .map((ch, i) => (i < hidden && /[\p{L}\p{N}]/u.test(ch) ? (operator.character ?? '•') : ch))
    .join('');
}

function generalise(
  original: string,
  entity: string,
  operator: { dateTo?: 'month' | 'quarter' | 'year'; monthFirst?: boolean },
): string | null {
  if (entity !== 'DATE_TIME') return null;
  const date = parseWrittenDate(original, operator.monthFirst);
  if (!date) return null;
  const to = operator.dateTo ?? 'month';
  const value = to === 'year' ? dateToYear(date) : to === 'quarter' ? dateToQuarter(date) : dateToMonth(date);
  return `[${value}]`;
}

/** Applies the operators to the accepted findings. Overlapping findings: the first (by start) wins. */
export function anonymiseText(
  text: string,
  findings: readonly AcceptedFinding[],
  options: AnonymiseOptions = {},
): AnonymisedText {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const accepted: AcceptedFinding[] = [];
  let lastEnd = -1;
  for (const f of sorted) {
    if (f.start >= lastEnd && f.end > f.start) {
      accepted.push(f);
      lastEnd = f.end;
    }
  }
  const units =
    options.offsets === 'utf16'
      ? accepted.flatMap((f) => [f.start, f.end])
      : codePointToUtf16Offsets(
          text,
          accepted.flatMap((f) => [f.start, f.end]),
        );
  const originals = accepted.map((_, i) => text.slice(units[2 * i], units[2 * i + 1]));
  const numbers = tagNumbers(accepted.map((f, i) => ({ entity: f.entity, surface: originals[i]! })));
  const replacements: Replacement[] = [];
  let out = '';
  let cursor = 0;
  accepted.forEach((f, i) => {
    const start = units[2 * i]!;
    const end = units[2 * i + 1]!;
    const original = originals[i]!;
    const operator = options.operators?.[f.entity] ?? options.default ?? { kind: 'tag' };
    const tag = `[${f.entity}-${numbers[i]}]`;
    let replacement: string;
    switch (operator.kind) {
      case 'tag':
        replacement = tag;
        break;
      case 'redact':
        replacement = operator.replacement ?? '[REDACTED]';
        break;
      case 'mask':
        replacement = mask(original, operator);
        break;
      case 'generalise':
        replacement = generalise(original, f.entity, operator) ?? tag;
        break;
    }
    out += text.slice(cursor, start) + replacement;
    cursor = end;
    replacements.push({ start: f.start, end: f.end, entity: f.entity, original, replacement });
  });
  out += text.slice(cursor);
  return { text: out, replacements };
}
