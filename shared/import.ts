import { z } from 'zod';

/**
 * The import domain: preview a source file (and recognise the survey tool that wrote it), then commit it with
 * the column mapping the evaluator confirmed. The plan is plain data, so the wizard can save it and reuse it
 * for the next export from the same source, and the CLI can read it from a JSON file.
 */

/** What a column of a source file holds, in the data model's words. */
export const importFields = [
  'participantId',
  'email',
  'fullName',
  'givenName',
  'familyName',
  'cohort',
  'role',
  'department',
  'jobTitle',
  // More of the participant's traits (quasi-identifiers): stored generalised where the plan says so.
  'level',
  'location',
  'gender',
  'tenureBand',
  'birthDate',
  'age',
  /** Any other trait of the participant, kept under its heading. */
  'attribute',
  'responseId',
  /**
   * An anonymous respondent's own code (a self-generated code: initials of their mother, birth month...): kept
   * only as a keyed hash, which links the respondent's waves without identifying anyone.
   */
  'respondentCode',
  'submittedAt',
  'date',
  'likertItem',
  'numericItem',
  'choiceItem',
  'freeText',
  // Pairings: each person by an id, e-mail or name already on the roster (see `identifierKind`).
  'mentorId',
  'menteeId',
  'pairingStart',
  'pairingEnd',
  'matchScore',
  'matchingCriteria',
  'pairingStatus',
  // HR progression records (the person by participantId, email or name).
  'eventKind',
  'eventDate',
  'eventDetail',
  // Activity logs: meetings of a pairing (found from mentorId and menteeId).
  'meetingDate',
  'durationMinutes',
  'topics',
  'ignore',
] as const;

export type ImportField = (typeof importFields)[number];

/** Fields that identify a person directly: pseudonymised on the way in, never stored in the clear. */
export const directIdentifierFields: readonly ImportField[] = [
  'participantId',
  'email',
  'fullName',
  'givenName',
  'familyName',
  'respondentCode',
  'mentorId',
  'menteeId',
];

/** The participant's traits a roster stores, each with the role the evaluator confirms. */
export const participantTraitFields: readonly ImportField[] = [
  'cohort',
  'role',
  'department',
  'jobTitle',
  'level',
  'location',
  'gender',
  'tenureBand',
  'birthDate',
  'age',
  'attribute',
];

/**
 * What a column is for anonymisation, suggested from its heading and values and confirmed by the evaluator:
 *  - direct identifier: names a person on its own (name, e-mail, employee id): pseudonymised, never stored;
 *  - quasi-identifier: harmless alone, identifying in combination (department, level, age, gender, location,
 *    tenure, dates): generalised, and the traits the re-identification risk is measured on;
 *  - sensitive attribute: what must not be learned about a known person (health, ethnicity, ratings, answers);
 *  - free text: scanned for names and contacts, which are replaced by tags;
 *  - other: kept as it is.
 */
export const columnRoles = [
  'direct-identifier',
  'quasi-identifier',
  'sensitive-attribute',
  'free-text',
  'other',
] as const;
export type ColumnRole = (typeof columnRoles)[number];

/**
 * How a quasi-identifier is coarsened before it is stored: a birth date or an age into age bands, a number
 * into bands with optional bottom and top codes, a date into its month, quarter or year.
 */
export const generalisationSchema = z.discriminatedUnion('to', [
  z
    .object({
      to: z.literal('bands'),
      width: z.number().int().min(1).max(100),
      bottom: z.number().optional(),
      top: z.number().optional(),
    })
    .strict(),
  z.object({ to: z.enum(['month', 'quarter', 'year']) }).strict(),
]);
export type Generalisation = z.infer<typeof generalisationSchema>;

export const importKinds = ['roster', 'pairings', 'survey', 'hr', 'activity'] as const;
export type ImportKind = (typeof importKinds)[number];

/** Each kind of file in the evaluator's words, as a message says it ("a roster does not keep …"). */
export const kindWords: Record<ImportKind, string> = {
  roster: 'a roster',
  pairings: 'a pairing list',
  survey: 'a survey wave',
  hr: 'HR progression records',
  activity: 'an activity log',
};

/** What one row of each kind becomes in the project, one and many ("6 career events"). */
export const kindRecords: Record<ImportKind, [string, string]> = {
  roster: ['participant', 'participants'],
  pairings: ['pairing', 'pairings'],
  survey: ['response', 'responses'],
  hr: ['career event', 'career events'],
  activity: ['meeting', 'meetings'],
};

const personFields: readonly ImportField[] = [
  'participantId',
  'email',
  'fullName',
  'givenName',
  'familyName',
];
const answerFields: readonly ImportField[] = ['likertItem', 'numericItem', 'choiceItem', 'freeText'];

/**
 * The fields each kind of file stores or uses. A column mapped to any other field would be read and then
 * dropped, so it is refused before anything is read (`kindProblems`): the evaluator leaves it out or chooses
 * the kind that keeps it.
 */
export const kindFields: Record<ImportKind, readonly ImportField[]> = {
  // A date the file gives about a person (a start date, say) is kept as one of their traits.
  roster: [...personFields, ...participantTraitFields, 'date'],
  // The response id is not stored: it finds the same response twice in a file. A respondent's own code links
  // their waves; the traits a survey asks (gender, age band, a date) are kept as the respondent's traits.
  survey: [
    ...personFields,
    'respondentCode',
    'responseId',
    'submittedAt',
    ...answerFields,
    ...participantTraitFields,
    'date',
  ],
  pairings: [
    'mentorId',
    'menteeId',
    'pairingStart',
    'date',
    'pairingEnd',
    'cohort',
    'matchScore',
    'matchingCriteria',
    'pairingStatus',
  ],
  hr: [...personFields, 'eventKind', 'eventDate', 'date', 'eventDetail'],
  activity: ['mentorId', 'menteeId', 'meetingDate', 'date', 'durationMinutes', 'topics'],
};

/** A column each row of a kind cannot do without: one of `anyOf` (or all of `allOf`), described as `what`. */
interface KindNeed {
  what: string;
  anyOf: readonly ImportField[];
  /** Another way to meet the need: all of these together (a first and a last name). */
  allOf?: readonly ImportField[];
}

const thePerson: KindNeed = {
  what: 'a participant id, e-mail address or full name (or a first and a last name), so each row can be matched to a participant',
  anyOf: ['participantId', 'email', 'fullName'],
  allOf: ['givenName', 'familyName'],
};

const kindNeeds: Record<ImportKind, readonly KindNeed[]> = {
  roster: [thePerson],
  // A survey without a person's id, e-mail or name is a wave of anonymous respondents.
  survey: [{ what: 'at least one question’s answers', anyOf: answerFields }],
  pairings: [
    { what: 'the mentor', anyOf: ['mentorId'] },
    { what: 'the mentee', anyOf: ['menteeId'] },
  ],
  hr: [
    thePerson,
    { what: 'the kind of career event (promotion, role change …)', anyOf: ['eventKind'] },
    { what: 'the date of the event', anyOf: ['eventDate', 'date'] },
  ],
  activity: [
    { what: 'the mentee', anyOf: ['menteeId'] },
    { what: 'the meeting date', anyOf: ['meetingDate', 'date'] },
  ],
};

/** The kind a file's columns say it is: a survey tool's export is a survey; else the kind keeping most columns. */
export function suggestKind(
  columns: readonly Pick<ColumnPlan, 'field'>[],
  tool: string = 'plain',
): ImportKind {
  if (tool !== 'plain') return 'survey';
  const mapped = columns.filter((column) => column.field !== 'ignore');
  const kept = (kind: ImportKind) =>
    mapped.filter((column) => kindFields[kind].includes(column.field)).length;
  // Ties go to the kind first in this list: a roster before a survey, a pairing list before an activity log.
  const order: ImportKind[] = ['roster', 'survey', 'pairings', 'hr', 'activity'];
  return order.reduce((best, kind) => (kept(kind) > kept(best) ? kind : best), order[0]!);
}

const quoteList = (headings: readonly string[]) => {
  const quoted = headings.map((heading) => `“${heading}”`);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)!}`;
};

/**
 * What stands between a column mapping and a kind of file, in the evaluator's words: a column the kind cannot
 * do without, or columns it would not keep. Empty when the mapping fits. The wizard shows these on its mapping
 * step; the engine refuses a plan that has any, so a file's columns are never read and then dropped.
 */
export function kindProblems(
  kind: ImportKind,
  columns: readonly Pick<ColumnPlan, 'field' | 'heading' | 'index'>[],
): string[] {
  const fields = new Set(columns.map((column) => column.field));
  const problems: string[] = [];
  const what = kindWords[kind];
  const What = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
  for (const need of kindNeeds[kind]) {
    const met =
      need.anyOf.some((field) => fields.has(field)) || need.allOf?.every((field) => fields.has(field));
    if (!met)
      problems.push(`${What} needs a column for ${need.what}: match one of the file’s columns to it.`);
  }
  const unkept = columns.filter(
    (column) => column.field !== 'ignore' && !kindFields[kind].includes(column.field),
  );
  if (unkept.length > 0) {
    const headings = unkept.map((column) => column.heading.trim() || `Column ${column.index + 1}`);
    const better = suggestKind(columns);
    const instead = better === kind ? '' : `, or import the file as ${kindWords[better]}`;
    problems.push(
      `${What} does not keep ${quoteList(headings)}: leave ${unkept.length === 1 ? 'it' : 'them'} out${instead}.`,
    );
  }
  return problems;
}

/** The widest table an import takes, and the longest column heading: the contract's limits, told to the evaluator. */
export const MAX_COLUMNS = 100_000;
export const MAX_HEADING_CHARS = 2000;

export const filePath = z.string().min(1).max(4096);
export const jobId = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'A job id is 1 to 64 letters, digits or dashes.');

export const sourceOptionsSchema = z
  .object({
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'macintosh']).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    sheet: z.string().max(200).optional(),
  })
  .strict();

export const columnPlanSchema = z
  .object({
    index: z.number().int().min(0).max(MAX_COLUMNS),
    heading: z.string().max(MAX_HEADING_CHARS),
    field: z.enum(importFields),
    required: z.boolean().optional(),
    /** Likert items: the id of the answer scale their labels belong to ("agreement-5"). */
    scaleId: z.string().max(100).optional(),
    dateOrder: z.enum(['dmy', 'mdy']).optional(),
    /**
     * mentorId and menteeId columns: which of a person's identifiers the column holds. Without it the value
     * decides: an e-mail address is looked up as an e-mail, anything else as an id and then as a name.
     */
    identifierKind: z.enum(['id', 'email', 'name']).optional(),
    decimal: z.enum(['.', ',']).optional(),
    /** Multiple-choice questions with several answers a respondent: what joins the chosen options. */
    multiSelect: z.enum([',', ';']).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** The evaluator's confirmed role of the column (participant traits only; identifiers are always direct). */
    role: z.enum(columnRoles).optional(),
    generalise: generalisationSchema.optional(),
  })
  .strict();

export type ColumnPlan = z.infer<typeof columnPlanSchema>;

export const importPlanSchema = z
  .object({
    kind: z.enum(importKinds),
    columns: z.array(columnPlanSchema).min(1).max(MAX_COLUMNS),
    window: z.string().min(1).max(200).optional(),
    instrument: z.string().min(1).max(200).optional(),
    skipInvalidRows: z.boolean().default(false),
    addUnknownParticipants: z.boolean().default(false),
    options: sourceOptionsSchema.default({}),
  })
  .strict()
  .refine((plan) => plan.kind !== 'survey' || (plan.window !== undefined && plan.instrument !== undefined), {
    message: 'A survey wave needs its collection window and its instrument.',
  });

export type ImportPlan = z.infer<typeof importPlanSchema>;

export const importSchemas = {
  'import.preview': z.object({ source: filePath, options: sourceOptionsSchema.default({}) }).strict(),
  /**
   * Runs the import. With `dryRun` it reads, checks and writes everything in the transaction as a real import
   * would, then ALWAYS rolls back: the wizard's Check step, which lists every problem before anything is kept.
   */
  'import.commit': z
    .object({
      source: filePath,
      plan: importPlanSchema,
      jobId: jobId.optional(),
      dryRun: z.boolean().optional(),
    })
    .strict(),
  /** Stops a running import; nothing of it is kept. */
  'import.cancel': z.object({ jobId }).strict(),
  /** The collection windows and instruments already in the project, for the wizard to offer. */
  'import.targets': z.object({}).strict(),
  /** Keeps a column mapping for the next file with the same headings (one per kind and heading list). */
  'import.saveMapping': z
    .object({
      kind: z.enum(importKinds),
      header: z.array(z.string().max(MAX_HEADING_CHARS)).min(1).max(MAX_COLUMNS),
      name: z.string().trim().min(1).max(200),
      columns: z.array(columnPlanSchema).min(1).max(MAX_COLUMNS),
    })
    .strict(),
} as const;

/** A rating scale the mapping step offers for Likert columns: labels in order, the first scores 1. */
export interface AnswerScaleChoice {
  id: string;
  name: string;
  labels: string[];
}

/** A mapping the evaluator saved for files with these headings. */
export interface SavedMapping {
  kind: ImportKind;
  name: string;
  savedAt: string;
  columns: ColumnPlan[];
}

export interface ImportTargets {
  windows: { name: string; kind: string }[];
  instruments: { name: string }[];
}

/** One thing wrong with an imported file: which file, row (header = row 1), column, value, what was expected. */
export interface ImportProblemReport {
  file: string;
  /** Row as a spreadsheet user counts it; null when the problem is about the whole file. */
  row: number | null;
  /** The column's heading (or its letter when it has none); null when the problem is about a row or the file. */
  column: string | null;
  value: string | null;
  expected: string;
  message: string;
  /** An error keeps the row out of the import; a warning is shown but the row goes in. */
  severity: 'error' | 'warning';
}

export interface SourcePreview {
  /** The survey tool that wrote the file, or 'plain'. */
  tool: string;
  reason: string;
  dataStartRow: number;
  header: string[];
  /** The question behind each column, as the respondent saw it. */
  questions: string[];
  /** The suggested plan columns (with their suggested roles), one per column. */
  columns: (ColumnPlan & { confidence: 'high' | 'medium' | 'low'; reason: string })[];
  /** Why each column's role was suggested, by column position. */
  roleReasons: string[];
  /** The first rows of data, for the preview grid. Shown on screen only; nothing of it is stored. */
  rows: string[][];
  /** What reading those rows found wrong (an unclosed quote, undecodable bytes): the check will report it. */
  problems: ImportProblemReport[];
  /** Excel workbooks: the sheets, so the evaluator can pick another. */
  sheets?: { name: string; position: number; hidden: boolean }[];
  /** The mapping saved earlier for files with the same headings, newest first (null when there is none). */
  savedMapping: SavedMapping | null;
  /** The answer scales a Likert column can be read on. */
  answerScales: AnswerScaleChoice[];
  /** No row of the preview names a participant (no id, e-mail or name): a survey's rows are anonymous respondents. */
  anonymous: boolean;
  /** Date columns whose dates could be day-first or month-first (03/02/2026): the evaluator says which. */
  ambiguousDates: number[];
}

/** How a survey wave's rows found their respondents. */
export interface RespondentMatching {
  /** Rows matched to a participant already in the project, by id, e-mail or name. */
  matched: number;
  /** Rows whose participant was added to the project (new participants allowed). */
  added: number;
  /** Rows with no id, e-mail or name: anonymous respondents of the wave, kept apart from the roster. */
  anonymous: number;
  /** Anonymous rows whose respondent's own code linked them to that respondent's other waves. */
  byOwnCode: number;
  /** The same, in one sentence for the summary. */
  sentence: string;
}

export interface ImportSummary {
  committed: boolean;
  alreadyImported: boolean;
  importId: number | null;
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: number;
  rowsAlreadyPresent: number;
  participantsAdded: number;
  problemCount: number;
  problems: ImportProblemReport[];
  /** A survey wave: how its rows found their respondents, in numbers and in one sentence. */
  respondents?: RespondentMatching;
  /** Every column of the file that was not stored as it is, and why (identifiers, the tool's own columns...). */
  columnsNotStored?: { column: string; reason: string }[];
  /** Why nothing was kept, when nothing was (a file that stored no row is never marked as imported). */
  nothingStored?: string;
  /** A roster committed while the re-identification vault was open: the identifiers kept there. */
  identitiesKept?: number;
  /** Why the vault was not updated, when the roster went into the project but its identities could not be kept. */
  vaultNotUpdated?: string;
}

export interface ImportResults {
  'import.preview': SourcePreview;
  'import.commit': ImportSummary;
  'import.cancel': { cancelled: boolean };
  'import.targets': ImportTargets;
  'import.saveMapping': { saved: true; signature: string };
}
