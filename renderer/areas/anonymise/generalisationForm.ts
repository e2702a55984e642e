import type {
  AttributeKind,
  GeneralisationKind,
  GeneralisationRule,
  QuasiIdentifierValue,
} from '../../../shared/disclosure';

/** The generalisation form of the risk panel: which rules fit an attribute, and the rule its fields make. */

export const ruleLabels: Record<GeneralisationKind, string> = {
  groupRare: 'Group rare values into “Other”',
  bands: 'Bands of equal width',
  topBottom: 'Top and bottom coding',
  dates: 'Month, quarter or year',
};

/** Categories can only be grouped; numbers can be banded or coded too, dates coarsened. */
export function rulesFor(kind: AttributeKind): GeneralisationKind[] {
  if (kind === 'number') return ['bands', 'topBottom', 'groupRare'];
  if (kind === 'date') return ['dates', 'groupRare'];
  return ['groupRare'];
}

export type DatePrecision = 'month' | 'quarter' | 'year';

/** The form's fields as typed. */
export interface RuleFields {
  kind: GeneralisationKind;
  threshold: string;
  width: string;
  bottom: string;
  top: string;
  precision: DatePrecision;
}

export const INITIAL_RULE_FIELDS: RuleFields = {
  kind: 'groupRare',
  threshold: '5',
  width: '10',
  bottom: '',
  top: '',
  precision: 'quarter',
};

type Parsed<T> = { value: T } | { problem: string };

function numberField(text: string, name: string, optional: boolean): Parsed<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return optional ? { value: undefined } : { problem: `Enter the ${name}.` };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { value } : { problem: `The ${name} must be a number.` };
}

/** The rule the fields describe, or what is wrong with them; the engine checks the rule again. */
export function ruleFromFields(fields: RuleFields): Parsed<GeneralisationRule> {
  switch (fields.kind) {
    case 'groupRare': {
      const threshold = numberField(fields.threshold, 'smallest group to keep', false);
      if ('problem' in threshold) return threshold;
      if (!Number.isInteger(threshold.value) || threshold.value! < 2) {
        return { problem: 'The smallest group to keep is a whole number of at least 2.' };
      }
      return { value: { kind: 'groupRare', threshold: threshold.value! } };
    }
    case 'bands':
    case 'topBottom': {
      const width = numberField(fields.width, 'band width', fields.kind === 'topBottom');
      const bottom = numberField(fields.bottom, 'bottom code', true);
      const top = numberField(fields.top, 'top code', true);
      for (const parsed of [width, bottom, top]) if ('problem' in parsed) return parsed;
      const [w, b, t] = [width, bottom, top].map((parsed) => ('value' in parsed ? parsed.value : undefined));
      if (b !== undefined && t !== undefined && b >= t) {
        return { problem: 'The bottom code must be below the top code.' };
      }
      if (fields.kind === 'topBottom') {
        if (b === undefined && t === undefined) return { problem: 'Give a bottom code, a top code or both.' };
        return { value: { kind: 'topBottom', bottom: b, top: t } };
      }
      if (!(w! > 0)) return { problem: 'A band width must be more than 0.' };
      return { value: { kind: 'bands', width: w!, bottom: b, top: t } };
    }
    case 'dates':
      return { value: { kind: 'dates', precision: fields.precision } };
  }
}

/** A value as the panel shows it; a missing one says so. */
export function describeValue(value: QuasiIdentifierValue): string {
  return value === null ? '(none recorded)' : String(value);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
