import {
  directIdentifierFields,
  participantTraitFields,
  type ColumnRole,
  type Generalisation,
  type ImportField,
} from '../../../shared/import';
import type { MappedColumn } from './wizardState';

const TRAIT_FIELDS = new Set<ImportField>(participantTraitFields);
const IDENTIFIER_FIELDS = new Set<ImportField>(directIdentifierFields);
const ANSWER_FIELDS = new Set<ImportField>(['likertItem', 'numericItem', 'choiceItem']);
const REDACTED = 'Names and contacts in it are replaced by tags';
/** What happens to the columns that are neither identifiers, answers nor traits (the engine's free-text fields). */
const OTHER_FIELDS: Partial<Record<ImportField, string>> = {
  ignore: 'Not read',
  responseId: 'Used to spot a response given twice; not stored',
  freeText: REDACTED,
  topics: REDACTED,
  eventDetail: REDACTED,
  matchingCriteria: REDACTED,
};

export const roleLabels: Record<ColumnRole, string> = {
  'quasi-identifier': 'Quasi-identifier',
  'sensitive-attribute': 'Sensitive attribute',
  other: 'Other',
  'free-text': 'Free text: redacted',
  'direct-identifier': 'Direct identifier: not stored',
};

/** What each role means, in a sentence, shown under the choice. */
export const roleMeanings: Record<ColumnRole, string> = {
  'quasi-identifier':
    'Harmless alone, but together with other traits it can single a person out: kept, and can be coarsened.',
  'sensitive-attribute':
    'Something that must not be learned about a known person: kept for analysis, shown only for groups large enough.',
  other: 'Kept as it is.',
  'free-text':
    'Names, e-mail addresses and other identifiers in it are replaced by tags before it is stored.',
  'direct-identifier': 'Names a person on its own: it is not stored.',
};

type Choice = { id: string; label: string; rule: Generalisation | undefined };

/** How a trait can be coarsened before it is stored: numbers into bands, dates into a month, quarter or year. */
const keepAsItIs: Choice = { id: 'none', label: 'Keep as it is', rule: undefined };
const numberBands: Choice[] = [
  { id: 'bands-5', label: 'Bands of 5', rule: { to: 'bands', width: 5 } },
  { id: 'bands-10', label: 'Bands of 10', rule: { to: 'bands', width: 10 } },
];
const dateParts: Choice[] = [
  { id: 'month', label: 'Month of the date', rule: { to: 'month' } },
  { id: 'quarter', label: 'Quarter of the date', rule: { to: 'quarter' } },
  { id: 'year', label: 'Year of the date', rule: { to: 'year' } },
];

const NUMBER = /^-?\d+([.,]\d+)?$/;
const DATE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})([ T].*)?$/;

/** The coarsenings that fit a column's values: bands for numbers, parts of the date for dates, none for text. */
export function generalisationsFor(samples: readonly string[]): Choice[] {
  const values = samples.map((value) => value.trim()).filter((value) => value !== '');
  if (values.length === 0) return [keepAsItIs];
  if (values.every((value) => NUMBER.test(value))) return [keepAsItIs, ...numberBands];
  if (values.every((value) => DATE.test(value))) return [keepAsItIs, ...dateParts];
  return [keepAsItIs];
}

function generalisationId(rule: Generalisation | undefined, fallback: string): string {
  if (!rule) return fallback;
  return rule.to === 'bands' ? `bands-${rule.width}` : rule.to;
}

/** What happens to a column's values on the way in: the evaluator confirms the role and any coarsening. */
export function ColumnProtection({
  column,
  heading,
  samples,
  roleReason,
  onChange,
}: {
  column: MappedColumn;
  heading: string;
  /** The column's values in the preview, to offer only the coarsenings that fit them. */
  samples: readonly string[];
  roleReason: string | undefined;
  onChange: (change: Partial<MappedColumn>) => void;
}) {
  if (IDENTIFIER_FIELDS.has(column.field))
    return <span className="protection">Pseudonymised; never stored</span>;
  if (ANSWER_FIELDS.has(column.field)) return <span className="protection">Stored for analysis</span>;
  if (!TRAIT_FIELDS.has(column.field))
    return <span className="protection">{OTHER_FIELDS[column.field] ?? 'Stored as it is'}</span>;
  const role = column.role ?? 'quasi-identifier';
  const ageField = column.field === 'birthDate' || column.field === 'age';
  const choices = ageField ? numberBands : generalisationsFor(samples);
  const meaning = `role-meaning-${column.index}`;
  return (
    <div className="protection">
      <select
        aria-label={`Role of “${heading}”`}
        aria-describedby={meaning}
        value={role}
        onChange={(event) => onChange({ role: event.target.value as ColumnRole })}
      >
        {(Object.keys(roleLabels) as ColumnRole[]).map((choice) => (
          <option key={choice} value={choice}>
            {roleLabels[choice]}
          </option>
        ))}
      </select>
      <span className="reason role-meaning" id={meaning}>
        {roleMeanings[role]}
      </span>
      {roleReason && <span className="reason">Suggested: {roleReason}</span>}
      {(role === 'quasi-identifier' || ageField) && role !== 'direct-identifier' && choices.length > 1 && (
        <select
          aria-label={`Generalise “${heading}”`}
          value={generalisationId(column.generalise, ageField ? 'bands-10' : 'none')}
          onChange={(event) =>
            onChange({ generalise: choices.find((choice) => choice.id === event.target.value)?.rule })
          }
        >
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {ageField ? `Age in ${choice.label.toLowerCase()} years` : choice.label}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
