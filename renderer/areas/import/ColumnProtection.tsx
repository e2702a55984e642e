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

export const roleLabels: Record<ColumnRole, string> = {
  'quasi-identifier': 'Quasi-identifier',
  'sensitive-attribute': 'Sensitive attribute',
  other: 'Other',
  'free-text': 'Free text: redacted',
  'direct-identifier': 'Direct identifier: not stored',
};

/** How a trait can be coarsened before it is stored, as choices of one select. */
const generalisations: { id: string; label: string; rule: Generalisation | undefined }[] = [
  { id: 'none', label: 'Keep as it is', rule: undefined },
  { id: 'bands-5', label: 'Bands of 5', rule: { to: 'bands', width: 5 } },
  { id: 'bands-10', label: 'Bands of 10', rule: { to: 'bands', width: 10 } },
  { id: 'month', label: 'Month of the date', rule: { to: 'month' } },
  { id: 'quarter', label: 'Quarter of the date', rule: { to: 'quarter' } },
  { id: 'year', label: 'Year of the date', rule: { to: 'year' } },
];
const ageBands = generalisations.filter((choice) => choice.id.startsWith('bands'));

function generalisationId(rule: Generalisation | undefined, fallback: string): string {
  if (!rule) return fallback;
  return rule.to === 'bands' ? `bands-${rule.width}` : rule.to;
}

/** What happens to a column's values on the way in: the evaluator confirms the role and any coarsening. */
export function ColumnProtection({
  column,
  heading,
  roleReason,
  onChange,
}: {
  column: MappedColumn;
  heading: string;
  roleReason: string | undefined;
  onChange: (change: Partial<MappedColumn>) => void;
}) {
  if (IDENTIFIER_FIELDS.has(column.field))
    return <span className="protection">Pseudonymised; never stored</span>;
  if (ANSWER_FIELDS.has(column.field)) return <span className="protection">Stored for analysis</span>;
  if (!TRAIT_FIELDS.has(column.field)) return null;
  const role = column.role ?? 'quasi-identifier';
  const ageField = column.field === 'birthDate' || column.field === 'age';
  const choices = ageField ? ageBands : generalisations;
  return (
    <div className="protection">
      <select
        aria-label={`Role of “${heading}”`}
        value={role}
        onChange={(event) => onChange({ role: event.target.value as ColumnRole })}
      >
        {(Object.keys(roleLabels) as ColumnRole[]).map((choice) => (
          <option key={choice} value={choice}>
            {roleLabels[choice]}
          </option>
        ))}
      </select>
      {roleReason && <span className="reason">Suggested: {roleReason}</span>}
      {(role === 'quasi-identifier' || ageField) && role !== 'direct-identifier' && (
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
