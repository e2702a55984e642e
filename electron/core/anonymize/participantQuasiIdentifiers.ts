import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import type { AttributeKind, QuasiIdentifierInfo, QuasiIdentifierValue } from '../../../shared/disclosure';
import { ConfidantError } from '../../../shared/errors';
import { readTraitRoles } from '../import/participantTraits';

/**
 * The participant table's quasi-identifiers: the built-in columns (cohort, role, department, level, location,
 * gender, tenure) and every custom attribute a roster brought in (the JSON column `attributes`, named
 * `attributes.<key>`). Only attributes some participant has a value for are offered.
 */

interface BuiltInQuasiIdentifier {
  id: string;
  label: string;
  /** The column of `participant` a generalisation rewrites; none for the program's own structure. */
  column?: 'department' | 'level' | 'location' | 'gender' | 'tenure_band';
}

const BUILT_IN: readonly BuiltInQuasiIdentifier[] = [
  { id: 'cohort', label: 'Cohort' },
  { id: 'role', label: 'Role' },
  { id: 'department', label: 'Department', column: 'department' },
  { id: 'level', label: 'Level', column: 'level' },
  { id: 'location', label: 'Location', column: 'location' },
  { id: 'gender', label: 'Gender', column: 'gender' },
  { id: 'tenure', label: 'Tenure', column: 'tenure_band' },
];

const ATTRIBUTE_PREFIX = 'attributes.';

/** One participant as the risk panel sees them: their id, their quasi-identifiers, their stored attributes. */
export interface ParticipantQuasiIdentifiers {
  id: number;
  values: Record<string, QuasiIdentifierValue>;
  /** The JSON column as stored, parsed: what a generalisation of a custom attribute rewrites. */
  attributes: Record<string, unknown>;
}

interface ParticipantRow {
  id: number;
  cohort: string | null;
  role: string | null;
  department: string | null;
  level: string | null;
  location: string | null;
  gender: string | null;
  tenure: string | null;
  attributes: string;
}

/** An empty or blank value is a missing one; booleans read as words. */
export function recordedValue(value: unknown): QuasiIdentifierValue {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'string') return null;
  return value.trim() === '' ? null : value;
}

function parseAttributes(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * Every participant, in the order they were added. Attributes the import's column roles marked as free text
 * are left out: a sentence about someone is redacted text, not a trait an outsider could match on.
 */
export function readParticipantQuasiIdentifiers(db: Connection): ParticipantQuasiIdentifiers[] {
  const roles = readTraitRoles(db);
  const rows = db
    .prepare(
      `SELECT p.id, c.name AS cohort, p.role, p.department, p.level, p.location, p.gender,
              p.tenure_band AS tenure, p.attributes
       FROM participant p LEFT JOIN cohort c ON c.id = p.cohort_id ORDER BY p.id`,
    )
    .all() as ParticipantRow[];
  return rows.map((row) => {
    const attributes = parseAttributes(row.attributes);
    const values: Record<string, QuasiIdentifierValue> = {};
    for (const { id } of BUILT_IN) values[id] = recordedValue(row[id as keyof ParticipantRow]);
    for (const [key, value] of Object.entries(attributes)) {
      if (roles[key] !== 'free-text') values[ATTRIBUTE_PREFIX + key] = recordedValue(value);
    }
    return { id: row.id, values, attributes };
  });
}

/** "jobTitle" and "birth_date" read as "Job title" and "Birth date". */
export function attributeLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? key : words[0]!.toUpperCase() + words.slice(1);
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A number, or a string that is one ("34"); undefined otherwise. */
export function numberOf(value: QuasiIdentifierValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && PLAIN_NUMBER.test(value.trim())) return Number(value);
  return undefined;
}

/** An ISO date ("2021-03-17", with or without a time) as a UTC day; undefined otherwise. */
export function dateOf(value: QuasiIdentifierValue): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** Numbers when every recorded value is one, dates when every one is a date, categories otherwise. */
export function attributeKind(values: readonly QuasiIdentifierValue[]): AttributeKind {
  const recorded = values.filter((value) => value !== null);
  if (recorded.length === 0) return 'category';
  if (recorded.every((value) => numberOf(value) !== undefined)) return 'number';
  if (recorded.every((value) => dateOf(value) !== undefined)) return 'date';
  return 'category';
}

function describe(
  participants: readonly ParticipantQuasiIdentifiers[],
  id: string,
  label: string,
  generalisable: boolean,
): QuasiIdentifierInfo {
  const values = participants.map((participant) => participant.values[id] ?? null);
  const recorded = values.filter((value) => value !== null);
  return {
    id,
    label,
    kind: attributeKind(values),
    generalisable,
    participantsWithValue: recorded.length,
    distinctValues: new Set(recorded.map(String)).size,
  };
}

/** The quasi-identifiers some participant has a value for: built-in columns first, then custom attributes. */
export function availableQuasiIdentifiers(
  participants: readonly ParticipantQuasiIdentifiers[],
): QuasiIdentifierInfo[] {
  const custom = new Set<string>();
  for (const participant of participants)
    for (const id of Object.keys(participant.values))
      if (id.startsWith(ATTRIBUTE_PREFIX)) custom.add(id.slice(ATTRIBUTE_PREFIX.length));
  return [
    ...BUILT_IN.map(({ id, label, column }) => describe(participants, id, label, column !== undefined)),
    ...[...custom]
      .sort()
      .map((key) => describe(participants, ATTRIBUTE_PREFIX + key, attributeLabel(key), true)),
  ].filter((info) => info.participantsWithValue > 0);
}

/** Where a generalisation of an attribute is written: a column of `participant`, or a key of `attributes`. */
export type AttributeTarget = { column: NonNullable<BuiltInQuasiIdentifier['column']> } | { key: string };

export function attributeTarget(id: string): AttributeTarget {
  const builtIn = BUILT_IN.find((candidate) => candidate.id === id);
  if (builtIn?.column) return { column: builtIn.column };
  if (builtIn) {
    throw new ConfidantError(
      'INVALID_ARGUMENTS',
      `${builtIn.label} is part of the program's structure and cannot be generalised.`,
    );
  }
  if (id.startsWith(ATTRIBUTE_PREFIX) && id.length > ATTRIBUTE_PREFIX.length) {
    return { key: id.slice(ATTRIBUTE_PREFIX.length) };
  }
  throw unknownAttribute(id);
}

export function unknownAttribute(id: string): ConfidantError {
  return new ConfidantError(
    'INVALID_ARGUMENTS',
    `No participant has a value for the attribute “${id}”. Choose one of those the risk panel lists.`,
  );
}

/** Refuses attributes no participant has a value for, naming the first such. */
export function requireAvailable(available: readonly QuasiIdentifierInfo[], ids: readonly string[]): void {
  const missing = ids.find((id) => !available.some((info) => info.id === id));
  if (missing !== undefined) throw unknownAttribute(missing);
}

export function labelOf(available: readonly QuasiIdentifierInfo[], id: string): string {
  return available.find((info) => info.id === id)?.label ?? id;
}
