import path from 'node:path';
import { openCsv, type CsvOptions, type CsvTable } from './csvReader';
import { scoreCodes, type CodeScoring } from './answerScales';
import { checkTableShape, guardTable, readingFile } from './damagedFile';
import { fileProblem, ImportFileError, type ImportProblem } from './problems';
import { openSav, type SpssFile, type SpssOptions } from './spssReader';
import { suggestColumn } from './mappingSuggestion';
import { recogniseSurveyExport, type SurveyExport } from './surveyExports';
import type { SourceRow, SourceTable } from './table';
import type { ColumnRule } from './validation';
import { openXlsx, type XlsxOptions, type XlsxTable } from './xlsxReader';

/**
 * Opening any source file the import accepts, by its kind: delimited text, an Excel workbook, an SPSS file.
 * The wizard opens a file twice: once to preview its first rows (and recognise a survey tool's export), then to
 * stream it with the heading rows the preview found.
 */
export type SourceKind = 'csv' | 'xlsx' | 'sav';

export type SourceOptions = CsvOptions & XlsxOptions & SpssOptions;

export type OpenedSource =
  { kind: 'csv'; table: CsvTable } | { kind: 'xlsx'; table: XlsxTable } | { kind: 'sav'; table: SpssFile };

export function sourceKind(file: string): SourceKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.sav') return 'sav';
  if (['.csv', '.tsv', '.txt', '.tab', ''].includes(ext)) return 'csv';
  throw new ImportFileError(
    fileProblem(
      file,
      'a CSV, TSV, Excel (.xlsx) or SPSS (.sav) file',
      `${path.basename(file)} is a ${ext} file; the import reads CSV, TSV, Excel (.xlsx) and SPSS (.sav) files.`,
    ),
  );
}

/** What each kind of source must be, as a damaged file's message says. */
const EXPECTED: Record<SourceKind, string> = {
  csv: 'a readable text table',
  xlsx: 'a readable Excel workbook (.xlsx)',
  sav: 'a readable SPSS file (.sav)',
};

/** Opens a source file; a reader that breaks on a damaged file, opening it or part-way through, says so in a line. */
export async function openSource(file: string, options: SourceOptions = {}): Promise<OpenedSource> {
  const kind = sourceKind(file);
  const expected = EXPECTED[kind];
  const opened = await readingFile(file, expected, async (): Promise<OpenedSource> => {
    if (kind === 'xlsx') return { kind, table: guardTable(await openXlsx(file, options), expected) };
    if (kind === 'sav') return { kind, table: guardTable(await openSav(file, options), expected) };
    return { kind, table: guardTable(await openCsv(file, options), expected) };
  });
  try {
    checkTableShape(opened.table);
  } catch (error) {
    await opened.table.close();
    throw error;
  }
  return opened;
}

/** Reads the first rows of a table and closes it; what the reader found wrong on the way goes to `problems`. */
export async function previewRows(
  table: SourceTable,
  count: number,
  problems: ImportProblem[] = [],
): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  try {
    for await (const batch of table.batches) {
      problems.push(...batch.problems);
      rows.push(...batch.rows.slice(0, count - rows.length));
      if (rows.length >= count) break;
    }
  } finally {
    await table.close();
  }
  return rows;
}

/**
 * Previews a text or workbook file with every row as data and recognises the survey tool that wrote it, if any.
 * SPSS files describe themselves (variable names and labels) and need no recognising.
 */
export async function recogniseSource(
  file: string,
  options: SourceOptions = {},
  sampleRows = 50,
): Promise<SurveyExport> {
  const opened = await openSource(file, { ...options, dataStartRow: 1 });
  if (opened.kind === 'sav') return describeSav(opened.table, await previewRows(opened.table, sampleRows));
  const rows = await previewRows(opened.table, sampleRows);
  return recogniseSurveyExport(rows.map((r) => r.cells));
}

/**
 * An SPSS file's columns are its variables: names, labels as the questions, and a Likert scale wherever the
 * value labels are one (scored by label, so Qualtrics' 11..15 codes are fine). The tool's own columns
 * (Qualtrics' ResponseId, IPAddress...) get the same preset as in its CSV export.
 */
export function describeSav(sav: SpssFile, rows: SourceRow[]): SurveyExport {
  // The suggestions read the answers as the respondents saw them: 1 = "Male" is "Male".
  const labelled = savColumnRules<ColumnRule>(
    sav,
    sav.variables.map((_, index) => ({ index, heading: '', field: 'choiceItem' })),
  );
  const cells = rows.map((r) =>
    r.cells.map((raw, index) => labelled[index]?.valueLabels?.get(Number(raw.trim())) ?? raw),
  );
  const labels = sav.variables.map((v) => v.label || v.name);
  let recognised = recogniseSurveyExport([sav.header, ...cells]);
  if (recognised.tool === 'qualtrics')
    // Shaped as Qualtrics' CSV (names, questions, import ids) so the same preset applies.
    recognised = recogniseSurveyExport([
      sav.header,
      labels,
      sav.header.map(() => '{"ImportId":""}'),
      ...cells,
    ]);
  else
    // The variable labels are the questions: "What is your gender?" behind Q3.
    recognised = {
      ...recognised,
      mapping: sav.header.map((name, index) =>
        suggestColumn(
          index,
          name,
          cells.map((row) => row[index] ?? ''),
          labels[index],
        ),
      ),
    };
  const columns = sav.variables.map((v, index) => ({ index, name: v.name, question: v.label || v.name }));
  const mapping = recognised.mapping.map((suggestion, index) => {
    const variable = sav.variables[index]!;
    const scoring = likertScoring(variable);
    if (!scoring) return suggestion;
    return {
      ...suggestion,
      field: 'likertItem' as const,
      confidence: scoring.scale ? ('high' as const) : ('medium' as const),
      reason: scoring.scale
        ? `its value labels are a ${scoring.scale.name} scale`
        : `its value labels rank ${scoring.points.size} answers`,
      ...(scoring.scale ? { scale: scoring.scale } : {}),
    };
  });
  return {
    tool: recognised.tool,
    dataStartRow: 2,
    columns,
    header: sav.header,
    mapping,
    reason: `SPSS data file${recognised.tool === 'qualtrics' ? ' written by Qualtrics' : ''}: variables, labels and value labels`,
  };
}

/**
 * How a variable's value labels score it as a rating: when the labels are a known scale ("Strongly agree" ..
 * "Strongly disagree", whatever the codes), or when SPSS says the variable is ordinal. Labels such as
 * 1 = "Male", 2 = "Female" are not a rating.
 */
function likertScoring(variable: SpssFile['variables'][number]): CodeScoring | null {
  if (variable.valueLabels.length < 3) return null;
  const scoring = scoreCodes(variable.valueLabels);
  return scoring.scale || variable.measure === 'ordinal' ? scoring : null;
}

/**
 * An SPSS file's column rules with its value labels: a rating question scored by its labels (Qualtrics' 11..15
 * codes), any other labelled variable read as its labels (1 = "Male" is "Male").
 */
export function savColumnRules<Rule extends ColumnRule>(sav: SpssFile, rules: readonly Rule[]): Rule[] {
  return rules.map((rule) => {
    const variable = sav.variables[rule.index];
    if (!variable || variable.valueLabels.length === 0) return rule;
    const scoring = rule.field === 'likertItem' ? likertScoring(variable) : null;
    if (scoring) return { ...rule, codes: scoring, ...(scoring.scale ? { scale: scoring.scale } : {}) };
    return { ...rule, valueLabels: new Map(variable.valueLabels.map((l) => [l.code, l.label])) };
  });
}
