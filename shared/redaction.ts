import { z } from 'zod';

/**
 * The redaction review: a document (transcript, journal, mentor note) waits until the evaluator has looked at
 * what the PII scan found in it, accepted or rejected each finding, marked what the scan missed, and applied the
 * review. Applying replaces the accepted findings in the text and deletes the original.
 *
 * Positions are Unicode code points, end exclusive, everywhere in this contract (as the store and
 * `confidant pii-scan` count them). The window never converts positions for display: a document arrives cut
 * into segments at the findings' edges, each with its code-point start, so a selection inside a segment is
 * that start plus the code points before the caret.
 */

/** Presidio's entity names: what a finding is. */
export const piiEntities = [
  'PERSON',
  'EMAIL_ADDRESS',
  'PHONE_NUMBER',
  'URL',
  'IP_ADDRESS',
  'MAC_ADDRESS',
  'IBAN_CODE',
  'CREDIT_CARD',
  'DATE_TIME',
  'LOCATION',
  'ORGANIZATION',
  'UK_POSTCODE',
  'POSTAL_CODE',
  'US_SSN',
  'UK_NHS',
  'UK_NINO',
  'ES_NIF',
  'IN_AADHAAR',
  'IN_PAN',
  'EMPLOYEE_ID',
] as const;
export type PiiEntityName = (typeof piiEntities)[number];

export const findingDecisions = ['pending', 'accepted', 'rejected'] as const;
export type FindingDecision = (typeof findingDecisions)[number];

export const dateGeneralisations = ['month', 'quarter', 'year'] as const;

/** What replaces an accepted finding: a typed tag ([PERSON-3]), [REDACTED], a mask, or a coarser date. */
export const redactionOperatorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tag') }).strict(),
  z.object({ kind: z.literal('redact') }).strict(),
  z
    .object({
      kind: z.literal('mask'),
      keepLast: z.number().int().min(0).max(4, 'A mask keeps at most the last 4 characters.').default(0),
    })
    .strict(),
  z.object({ kind: z.literal('generalise'), dateTo: z.enum(dateGeneralisations) }).strict(),
]);
export type RedactionOperator = z.output<typeof redactionOperatorSchema>;
export type RedactionOperatorKind = RedactionOperator['kind'];

/** One operator per kind of finding; a kind not named gets a tag. Only dates can be generalised. */
export const redactionOperatorsSchema = z
  .partialRecord(z.enum(piiEntities), redactionOperatorSchema)
  .default({})
  .refine(
    (operators) =>
      Object.entries(operators).every(
        ([entity, operator]) => operator.kind !== 'generalise' || entity === 'DATE_TIME',
      ),
    'Only dates and times can be generalised; choose a tag, redact or mask for the other kinds.',
  );
export type RedactionOperators = z.output<typeof redactionOperatorsSchema>;

const documentId = z.number().int().positive();
const position = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31);

export const redactionSchemas = {
  'anonymize.documents': z.object({}).strict(),
  'anonymize.document': z.object({ documentId }).strict(),
  'anonymize.decide': z
    .object({
      documentId,
      decision: z.enum(findingDecisions),
      /** One finding … */
      findingId: z.number().int().positive().optional(),
      /** … or every undecided finding of one kind in the document. */
      entity: z.enum(piiEntities).optional(),
    })
    .strict()
    .refine((a) => (a.findingId === undefined) !== (a.entity === undefined), {
      message: 'Name one finding (findingId) or one kind of finding (entity), not both.',
    })
    .refine((a) => a.entity === undefined || a.decision !== 'pending', {
      message:
        'Findings of a kind can be accepted or rejected together; a single finding can be undecided again.',
    }),
  'anonymize.addFinding': z
    .object({ documentId, start: position, end: position, entity: z.enum(piiEntities) })
    .strict()
    .refine((a) => a.end > a.start, { message: 'Select at least one character to mark.' }),
  'anonymize.preview': z.object({ documentId, operators: redactionOperatorsSchema }).strict(),
  'anonymize.apply': z
    .object({
      documentId,
      operators: redactionOperatorsSchema,
      /** "Accept the rest and apply": undecided findings are accepted instead of refusing. */
      acceptUndecided: z.boolean().default(false),
    })
    .strict(),
  'anonymize.rescan': z.object({}).strict(),
} as const;

export type AddFindingArgs = z.output<(typeof redactionSchemas)['anonymize.addFinding']>;
export type ApplyReviewArgs = z.output<(typeof redactionSchemas)['anonymize.apply']>;
export type DecideArgs = z.output<(typeof redactionSchemas)['anonymize.decide']>;

export type DocumentKind = 'transcript' | 'journal' | 'mentor_note' | 'survey_comment';
export type ReviewState = 'awaiting' | 'applied';

export interface FindingCounts {
  pending: number;
  accepted: number;
  rejected: number;
}

export interface EntityCounts extends FindingCounts {
  entity: PiiEntityName;
}

/** A document in the review list: no text, only what was found in it and how far the review has come. */
export interface DocumentUnderReview {
  id: number;
  kind: DocumentKind;
  title: string;
  review: ReviewState;
  /** ISO time the review was applied; null while it awaits review. */
  reviewedAt: string | null;
  /** Length of the text in characters (code points). */
  characters: number;
  counts: FindingCounts;
  /** By kind, in the order of `piiEntities`. */
  entities: EntityCounts[];
}

export interface ReviewFinding {
  id: number;
  start: number;
  end: number;
  entity: PiiEntityName;
  score: number;
  reason: string;
  /** Found by the scan, or marked by the evaluator. */
  origin: 'detected' | 'added';
  decision: FindingDecision;
  /** The words found. */
  text: string;
}

/** A piece of the text: a finding's words (findingId set) or the text between findings. */
export interface TextSegment {
  start: number;
  text: string;
  findingId: number | null;
}

export interface DocumentForReview {
  document: DocumentUnderReview;
  /** The whole text in order; an applied document is its anonymised text, with no findings. */
  segments: TextSegment[];
  findings: ReviewFinding[];
}

export interface DecisionResult {
  /** Findings whose decision changed. */
  changed: number;
}

export interface AddedFinding {
  findingId: number;
  /** Findings the new span covered in part or whole: it takes their place. */
  replaced: number;
}

export interface ReviewPreview {
  text: string;
  /** Accepted findings replaced in the preview. */
  replaced: number;
  /** Undecided findings, left as written in the preview. */
  undecided: number;
}

export interface AppliedReview {
  documentId: number;
  replaced: number;
  /** Undecided findings accepted because the evaluator asked to accept the rest. */
  acceptedUndecided: number;
}

export interface RescanResult {
  documents: number;
  findings: number;
  /** Findings whose earlier decision was kept because the scan found the same words as the same kind again. */
  keptDecisions: number;
  /** Spans the evaluator marked, kept as they were. */
  keptAdded: number;
}

export interface RedactionResults {
  'anonymize.documents': { documents: DocumentUnderReview[] };
  'anonymize.document': DocumentForReview;
  'anonymize.decide': DecisionResult;
  'anonymize.addFinding': AddedFinding;
  'anonymize.preview': ReviewPreview;
  'anonymize.apply': AppliedReview;
  'anonymize.rescan': RescanResult;
}
