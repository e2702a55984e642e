import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import type { ColumnRole } from '../../../shared/import';
import {
  birthDateToAgeBand,
  dateToMonth,
  dateToQuarter,
  dateToYear,
  numberToBand,
  type BandOptions,
} from '../anonymize/generalise';
import { cohortId } from './programRecords';
import type { CellValue, CheckedRow, ColumnRule } from './validation';

/**
 * A roster's participant traits (department, level, location, gender, tenure, age, any other attribute), stored
 * as the evaluator's column roles say: a direct identifier is never stored (free text has lost its names and
 * contacts in the check, see freeTextColumns.ts), and a generalised quasi-identifier is coarsened first (a birth date is only ever kept as an
 * age band). Which traits are quasi-identifiers is remembered, so the disclosure-risk panel can offer them.
 */

/** Where a trait goes: a column of `participant`, or a key of its `attributes`. */
export type TraitTarget = { column: 'level' | 'location' | 'gender' | 'tenure_band' } | { attribute: string };

export interface TraitColumn {
  rule: ColumnRule;
  target: TraitTarget;
  /** The trait's name as the risk panel shows it. */
  name: string;
}

const PARTICIPANT_COLUMNS = {
  level: 'level',
  location: 'location',
  gender: 'gender',
  tenureBand: 'tenure_band',
} as const;

/** The age band width when the plan gives none: ten years, as most HR reporting does. */
export const DEFAULT_AGE_BAND: BandOptions = { width: 10 };

const ROLES_SETTING = 'participant_trait_roles';

function targetOf(rule: ColumnRule): TraitColumn | null {
  if (rule.field in PARTICIPANT_COLUMNS) {
    const column = PARTICIPANT_COLUMNS[rule.field as keyof typeof PARTICIPANT_COLUMNS];
    return { rule, target: { column }, name: column };
  }
  if (rule.field === 'birthDate' || rule.field === 'age')
    return { rule, target: { attribute: 'ageBand' }, name: 'ageBand' };
  if (rule.field === 'jobTitle') return { rule, target: { attribute: 'jobTitle' }, name: 'jobTitle' };
  // A date a form asked for ("On which day did you attend the workshop?") is a trait too: dates identify.
  if (rule.field === 'attribute' || rule.field === 'date') {
    const name = rule.heading.trim() || `Column ${rule.index + 1}`;
    return { rule, target: { attribute: name }, name };
  }
  return null;
}

/** The columns of a plan that hold traits to store: every trait column but the direct identifiers. */
export function traitColumns(columns: readonly ColumnRule[]): TraitColumn[] {
  return columns
    .filter((rule) => rule.role !== 'direct-identifier')
    .map(targetOf)
    .filter((trait): trait is TraitColumn => trait !== null);
}

function bandOptions(rule: ColumnRule): BandOptions {
  return rule.generalise?.to === 'bands'
    ? { width: rule.generalise.width, bottom: rule.generalise.bottom, top: rule.generalise.top }
    : DEFAULT_AGE_BAND;
}

/** The value as it is stored: coarsened as the column's generalisation says; ages and birth dates always banded. */
export function storedTraitValue(value: CellValue, rule: ColumnRule, importedOn: Date): string | null {
  if (value === null) return null;
  if (rule.field === 'birthDate')
    return birthDateToAgeBand(
      new Date(`${String(value).slice(0, 10)}T00:00:00Z`),
      importedOn,
      bandOptions(rule),
    );
  // An age band the form offered ("18-29") is kept as chosen: it is already coarse.
  if (rule.field === 'age')
    return typeof value === 'string' ? value : numberToBand(Number(value), bandOptions(rule));
  const generalise = rule.generalise;
  if (generalise?.to === 'bands') return numberToBand(Number(value), bandOptions(rule));
  if (generalise) {
    const date = new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
    return generalise.to === 'month'
      ? dateToMonth(date)
      : generalise.to === 'quarter'
        ? dateToQuarter(date)
        : dateToYear(date);
  }
  return String(value);
}

/** What one roster row's traits set: participant columns and attributes. */
export interface TraitValues {
  columns: Partial<Record<'level' | 'location' | 'gender' | 'tenure_band', string>>;
  attributes: Record<string, string>;
}

/** Reads a row's traits, ready for `UPDATE participant`; built once per import. */
export function traitReader(columns: readonly ColumnRule[], importedOn: Date) {
  const traits = traitColumns(columns);
  return (row: CheckedRow): TraitValues => {
    const values: TraitValues = { columns: {}, attributes: {} };
    for (const { rule, target } of traits) {
      const value = storedTraitValue(row.values.get(rule.index) ?? null, rule, importedOn);
      if (value === null) continue;
      if ('column' in target) values.columns[target.column] = value;
      else values.attributes[target.attribute] = value;
    }
    return values;
  };
}

/** Remembers the role of each trait this import stored (the latest import's word wins). */
export function recordTraitRoles(db: Connection, columns: readonly ColumnRule[]): void {
  const roles = readTraitRoles(db);
  for (const { rule, name } of traitColumns(columns)) roles[name] = rule.role ?? 'quasi-identifier';
  db.prepare(
    'INSERT INTO project_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(ROLES_SETTING, JSON.stringify(roles));
}

/** The role of each stored trait, by its name ("department", "ageBand", "Site code"). */
export function readTraitRoles(db: Connection): Record<string, ColumnRole> {
  const stored = db.prepare('SELECT value FROM project_setting WHERE key = ?').pluck().get(ROLES_SETTING) as
    string | undefined;
  return stored === undefined ? {} : (JSON.parse(stored) as Record<string, ColumnRole>);
}

/**
 * Writes a row's participant traits (cohort, role, department and the traits above) onto a participant, built
 * once per import. A roster's word replaces what was known (`replace`); a survey only fills in what the roster
 * left empty (`fill`), so a respondent's own answer never overwrites the roster's record, and an anonymous
 * respondent's answers become their traits.
 */
export function participantTraitWriter(
  db: Connection,
  columns: readonly ColumnRule[],
  mode: 'replace' | 'fill',
): (row: CheckedRow, participantId: number) => void {
  const set = (column: string) =>
    mode === 'replace' ? `${column} = coalesce(?, ${column})` : `${column} = coalesce(${column}, ?)`;
  const update = db.prepare(
    `UPDATE participant SET ${[
      'cohort_id',
      'role',
      'department',
      'level',
      'location',
      'gender',
      'tenure_band',
    ]
      .map(set)
      .join(
        ', ',
      )}, attributes = ${mode === 'replace' ? 'json_patch(attributes, ?)' : 'json_patch(?, attributes)'}
     WHERE id = ?`,
  );
  const traits = traitReader(columns, new Date());
  recordTraitRoles(db, columns);
  const field = (row: CheckedRow, name: string): CellValue => {
    const rule = columns.find((c) => c.field === name && c.role !== 'direct-identifier');
    return rule ? (row.values.get(rule.index) ?? null) : null;
  };
  return (row, participantId) => {
    const cohort = field(row, 'cohort');
    const { columns: values, attributes } = traits(row);
    update.run(
      cohort === null ? null : cohortId(db, String(cohort)),
      field(row, 'role'),
      field(row, 'department'),
      values.level ?? null,
      values.location ?? null,
      values.gender ?? null,
      values.tenure_band ?? null,
      JSON.stringify(attributes),
      participantId,
    );
  };
}
