import { z } from 'zod';

/**
 * Disclosure risk of the participant table, and generalisation of its quasi-identifiers: the values that name
 * nobody alone (department, gender, location, age) but can single a person out together. The evaluator picks
 * quasi-identifiers, sees how many participants are unique on them (k-anonymity, as ARX and sdcMicro report
 * it), and coarsens an attribute until few or none are. These figures are for the evaluator, inside the app.
 */

/**
 * A quasi-identifier: a built-in participant column (`department`, `gender`, `location`, `level`, `tenure`,
 * `cohort`, `role`) or a custom attribute imported with the roster (`attributes.<name>`).
 */
const quasiIdentifier = z
  .string()
  .trim()
  .min(1, 'Name a participant attribute.')
  .max(100, 'An attribute name is at most 100 characters.');

export const MAX_QUASI_IDENTIFIERS = 12;

const quasiIdentifiers = z
  .array(quasiIdentifier)
  .max(MAX_QUASI_IDENTIFIERS, `Choose at most ${MAX_QUASI_IDENTIFIERS} attributes at a time.`)
  .refine((list) => new Set(list).size === list.length, 'Choose each attribute once.');

const threshold = z
  .number()
  .int('The group size is a whole number.')
  .min(2, 'A category to keep needs at least 2 participants.')
  .max(1000, 'A category to keep needs at most 1,000 participants.');
const limit = z.number().finite().min(-1e12).max(1e12);

const bottomBelowTop = (rule: { bottom?: number; top?: number }) =>
  rule.bottom === undefined || rule.top === undefined || rule.bottom < rule.top;
const BOTTOM_BELOW_TOP = 'The bottom code must be below the top code.';

export const generalisationRuleSchema = z.discriminatedUnion('kind', [
  /** Categories held by fewer than `threshold` participants become "Other". */
  z.object({ kind: z.literal('groupRare'), threshold }).strict(),
  /** Numbers to bands of `width` (30–39), with values below `bottom` / from `top` coded "<18" / "65+". */
  z
    .object({
      kind: z.literal('bands'),
      width: z.number().positive('A band width must be more than 0.').max(1e9),
      bottom: limit.optional(),
      top: limit.optional(),
    })
    .strict()
    .refine(bottomBelowTop, BOTTOM_BELOW_TOP),
  /** Extreme numbers only: below `bottom` becomes "<bottom", from `top` becomes "top+". */
  z
    .object({ kind: z.literal('topBottom'), bottom: limit.optional(), top: limit.optional() })
    .strict()
    .refine(
      (rule) => rule.bottom !== undefined || rule.top !== undefined,
      'Give a bottom code, a top code or both.',
    )
    .refine(bottomBelowTop, BOTTOM_BELOW_TOP),
  /** Dates to their month (2021-03), quarter (2021-Q1) or year (2021). */
  z.object({ kind: z.literal('dates'), precision: z.enum(['month', 'quarter', 'year']) }).strict(),
]);

export type GeneralisationRule = z.output<typeof generalisationRuleSchema>;
export type GeneralisationKind = GeneralisationRule['kind'];

const generalisation = z
  .object({ attribute: quasiIdentifier, rule: generalisationRuleSchema, quasiIdentifiers })
  .strict();

export const disclosureSchemas = {
  'anonymize.risk': z.object({ quasiIdentifiers }).strict(),
  'anonymize.previewGeneralisation': generalisation,
  'anonymize.generalise': generalisation,
} as const;

/** What the values of an attribute are: which generalisations fit it. */
export type AttributeKind = 'category' | 'number' | 'date';

export interface QuasiIdentifierInfo {
  id: string;
  label: string;
  kind: AttributeKind;
  /** Cohort and role shape the program itself and are not rewritten. */
  generalisable: boolean;
  /** Participants with a value recorded. */
  participantsWithValue: number;
  distinctValues: number;
}

export type QuasiIdentifierValue = string | number | null;

export interface EquivalenceClassRow {
  /** One value per chosen quasi-identifier, in the order chosen; null where none is recorded. */
  values: QuasiIdentifierValue[];
  size: number;
}

export interface ClassSizeBand {
  label: string;
  /** Combinations of values held by this many participants. */
  classes: number;
  participants: number;
}

/** The risk figures of one choice of quasi-identifiers (sdcMicro's print(sdc, 'risk'), ARX's k). */
export interface RiskSummary {
  participants: number;
  /** Participants alone in their combination: unique on the chosen quasi-identifiers. */
  uniques: number;
  /** The smallest combination's size (0 without participants). */
  k: number;
  /** Distinct combinations of values. */
  classCount: number;
  /** Participants in combinations smaller than 2, 3 and 5 ("observations violating k-anonymity"). */
  violating: { 2: number; 3: number; 5: number };
}

export interface RiskReport extends RiskSummary {
  available: QuasiIdentifierInfo[];
  quasiIdentifiers: string[];
  /** Participants missing at least one chosen value (a missing value counts as a value of its own). */
  participantsWithMissing: number;
  classSizes: ClassSizeBand[];
  /** The smallest combinations first, at most SMALLEST_CLASSES_SHOWN of them. */
  smallestClasses: EquivalenceClassRow[];
}

export const SMALLEST_CLASSES_SHOWN = 200;

export interface GeneralisationChange {
  from: QuasiIdentifierValue;
  to: QuasiIdentifierValue;
  participants: number;
}

export interface GeneralisationPreview {
  attribute: string;
  label: string;
  participantsChanged: number;
  /** What becomes what, most participants first (at most 50). */
  changes: GeneralisationChange[];
  before: RiskSummary;
  after: RiskSummary;
}

export interface GeneralisationResult {
  participantsChanged: number;
  report: RiskReport;
}

export interface DisclosureResults {
  'anonymize.risk': RiskReport;
  'anonymize.previewGeneralisation': GeneralisationPreview;
  'anonymize.generalise': GeneralisationResult;
}
