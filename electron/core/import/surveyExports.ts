import { suggestColumn, type ColumnSuggestion, type ImportField } from './mappingSuggestion';

/**
 * Recognising the exports of the survey tools evaluators use, from a file's first rows, so the wizard can skip
 * the questions the tool already answers: where the data start, what each column is, what each question said.
 */
export type SurveyTool = 'qualtrics' | 'surveymonkey' | 'google-forms' | 'microsoft-forms' | 'plain';

export interface SurveyColumn {
  index: number;
  /** A short, unique name for the column (Qualtrics' Q5_1, or the heading). */
  name: string;
  /** The question as the respondent saw it (with the sub-answer for a SurveyMonkey grid). */
  question: string;
}

export interface SurveyExport {
  tool: SurveyTool;
  /** Rows 1 .. dataStartRow-1 are headings. */
  dataStartRow: number;
  columns: SurveyColumn[];
  /** Column names, one per column: the header to import with. */
  header: string[];
  /** A field for every column: the tool's own columns preset, the questions suggested from their answers. */
  mapping: ColumnSuggestion[];
  reason: string;
}

const cell = (rows: readonly (readonly string[])[], r: number, c: number) => (rows[r]?.[c] ?? '').trim();
const lower = (row: readonly string[] | undefined) => (row ?? []).map((c) => c.trim().toLowerCase());

/** The columns each tool adds around the questions, and what they are. Keys are lower case. */
const PRESETS: Record<Exclude<SurveyTool, 'plain'>, Record<string, ImportField>> = {
  qualtrics: {
    startdate: 'ignore',
    enddate: 'ignore',
    status: 'ignore',
    ipaddress: 'ignore',
    progress: 'ignore',
    'duration (in seconds)': 'ignore',
    // The same column in Qualtrics' SPSS export, whose variable names cannot hold spaces or brackets.
    duration__in_seconds_: 'ignore',
    finished: 'ignore',
    recordeddate: 'submittedAt',
    responseid: 'responseId',
    recipientlastname: 'familyName',
    recipientfirstname: 'givenName',
    recipientemail: 'email',
    externalreference: 'participantId',
    externaldatareference: 'participantId',
    locationlatitude: 'ignore',
    locationlongitude: 'ignore',
    distributionchannel: 'ignore',
    userlanguage: 'ignore',
  },
  surveymonkey: {
    'respondent id': 'responseId',
    'collector id': 'ignore',
    'start date': 'ignore',
    'end date': 'submittedAt',
    'ip address': 'ignore',
    'email address': 'email',
    'first name': 'givenName',
    'last name': 'familyName',
    'custom data 1': 'participantId',
  },
  'google-forms': {
    timestamp: 'submittedAt',
    'email address': 'email',
    score: 'numericItem',
  },
  'microsoft-forms': {
    id: 'responseId',
    'start time': 'ignore',
    'completion time': 'submittedAt',
    email: 'email',
    name: 'fullName',
    'last modified time': 'ignore',
  },
};

/** The order in which a tool writes its own dates, where it always writes them the same way. */
const TOOL_DATE_ORDER: Partial<Record<SurveyTool, 'dmy' | 'mdy'>> = { surveymonkey: 'mdy' };

function recogniseTool(rows: readonly (readonly string[])[]): { tool: SurveyTool; reason: string } {
  const first = lower(rows[0]);
  const third = rows[2] ?? [];
  if (
    third.some((c) => c.trim().startsWith('{"ImportId"')) ||
    (first.includes('responseid') && first.includes('startdate'))
  )
    return {
      tool: 'qualtrics',
      reason: 'Qualtrics export: three heading rows (names, questions, import ids)',
    };
  if (first[0] === 'respondent id' && first.includes('collector id'))
    return {
      tool: 'surveymonkey',
      reason: 'SurveyMonkey export: two heading rows (questions, answer options)',
    };
  if (first[0] === 'timestamp')
    return { tool: 'google-forms', reason: 'Google Forms export: a Timestamp column, then the questions' };
  if (first[0] === 'id' && first[1] === 'start time' && first[2] === 'completion time')
    return {
      tool: 'microsoft-forms',
      reason: 'Microsoft Forms export: ID, Start time, Completion time, then the questions',
    };
  return { tool: 'plain', reason: 'a plain table: one heading row' };
}

/** SurveyMonkey puts a question over its first column only; its sub-answers are in the second heading row. */
function surveyMonkeyColumns(rows: readonly (readonly string[])[]): SurveyColumn[] {
  const width = Math.max(rows[0]?.length ?? 0, rows[1]?.length ?? 0);
  const columns: SurveyColumn[] = [];
  let question = '';
  for (let c = 0; c < width; c++) {
    const top = cell(rows, 0, c);
    const sub = cell(rows, 1, c);
    if (top) question = top;
    const plainAnswer = !sub || /^(response|open-ended response)$/i.test(sub);
    const text = plainAnswer ? question : `${question} - ${sub}`;
    columns.push({ index: c, name: text, question: text });
  }
  return columns;
}

/** SurveyMonkey's second heading row says which answers were typed ("Open-Ended Response"): free text. */
function openEnded(tool: SurveyTool, rows: readonly (readonly string[])[], column: number): boolean {
  return tool === 'surveymonkey' && /^open-ended response$/i.test(cell(rows, 1, column));
}

/** Makes names unique by numbering repeats ("Comment", "Comment (2)"). */
function uniqueNames(columns: SurveyColumn[]): SurveyColumn[] {
  const seen = new Map<string, number>();
  return columns.map((col) => {
    const times = (seen.get(col.name) ?? 0) + 1;
    seen.set(col.name, times);
    return times === 1 ? col : { ...col, name: `${col.name} (${times})` };
  });
}

/**
 * Recognises which tool wrote a file from its first rows (headings plus some data, as read with every row as
 * data) and returns where its data start, its columns and a preset mapping.
 */
export function recogniseSurveyExport(firstRows: readonly (readonly string[])[]): SurveyExport {
  const { tool, reason } = recogniseTool(firstRows);
  const dataStartRow =
    tool === 'qualtrics'
      ? firstRows[2]?.some((c) => c.trim().startsWith('{'))
        ? 4
        : 3
      : tool === 'surveymonkey'
        ? 3
        : 2;
  const width = Math.max(0, ...firstRows.slice(0, dataStartRow - 1).map((r) => r.length));
  let columns: SurveyColumn[];
  if (tool === 'surveymonkey') columns = surveyMonkeyColumns(firstRows);
  else
    columns = Array.from({ length: width }, (_, c) => ({
      index: c,
      name: cell(firstRows, 0, c),
      question: tool === 'qualtrics' ? cell(firstRows, 1, c) || cell(firstRows, 0, c) : cell(firstRows, 0, c),
    }));
  columns = uniqueNames(columns);
  const data = firstRows.slice(dataStartRow - 1);
  const preset = tool === 'plain' ? {} : PRESETS[tool];
  const mapping = columns.map((col): ColumnSuggestion => {
    const sample = data.map((r) => r[col.index] ?? '');
    const key = (tool === 'surveymonkey' ? cell(firstRows, 0, col.index) : col.name).toLowerCase();
    const field = preset[key];
    const suggested = openEnded(tool, firstRows, col.index)
      ? ({
          index: col.index,
          heading: col.name,
          field: 'freeText',
          confidence: 'high',
          reason: 'SurveyMonkey marks it an open-ended response',
        } satisfies ColumnSuggestion)
      : suggestColumn(col.index, col.name, sample, col.question);
    if (!field) return suggested;
    const order = TOOL_DATE_ORDER[tool];
    return {
      ...suggested,
      ...(order && field === 'submittedAt' ? { dateStyle: { order, excelSerials: false } } : {}),
      field,
      confidence: 'high',
      reason:
        field === 'ignore'
          ? `a ${toolName(tool)} column not needed for the evaluation`
          : `the ${toolName(tool)} "${col.name}" column`,
    };
  });
  return { tool, dataStartRow, columns, header: columns.map((c) => c.name), mapping, reason };
}

function toolName(tool: SurveyTool): string {
  return {
    qualtrics: 'Qualtrics',
    surveymonkey: 'SurveyMonkey',
    'google-forms': 'Google Forms',
    'microsoft-forms': 'Microsoft Forms',
    plain: 'file',
  }[tool];
}
