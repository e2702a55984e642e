import type { DataTableInfo } from '../../../shared/data';
import type { AreaId } from '../../areas';

/**
 * What the Overview says a project holds, and the next sensible step, from the Data area's table counts and
 * the documents awaiting review. Pure, so each rule is tested on its own.
 */

/** The tables the Overview counts, in the evaluator's words (one and many). */
const held: { table: string; one: string; many: string }[] = [
  { table: 'participants', one: 'participant', many: 'participants' },
  { table: 'pairings', one: 'pairing', many: 'pairings' },
  { table: 'responses', one: 'survey answer', many: 'survey answers' },
  { table: 'progressionEvents', one: 'career event', many: 'career events' },
  { table: 'meetings', one: 'meeting', many: 'meetings' },
  { table: 'imports', one: 'file imported', many: 'files imported' },
];

export interface Holding {
  table: string;
  count: number;
  /** "26 pairings" */
  words: string;
}

export interface NextStep {
  text: string;
  area: AreaId;
  action: string;
}

const countOf = (tables: readonly DataTableInfo[], name: string) =>
  tables.find((table) => table.name === name)?.rowCount ?? 0;

const counted = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/** How many of each kind of record the project holds, in the evaluator's words. */
export function holdings(tables: readonly DataTableInfo[]): Holding[] {
  return held.map(({ table, one, many }) => {
    const count = countOf(tables, table);
    return { table, count, words: counted(count, one, many) };
  });
}

/** The one next step that makes most sense for what the project holds. */
export function nextStep(tables: readonly DataTableInfo[], awaitingReview: number): NextStep {
  const count = (name: string) => countOf(tables, name);
  if (count('participants') === 0)
    return {
      text: 'Import your roster first: pairings, survey waves, HR records and meeting logs all refer to its participants.',
      area: 'import',
      action: 'Import the roster',
    };
  if (awaitingReview > 0)
    return {
      text: `${counted(awaitingReview, 'document is', 'documents are')} awaiting review: check what the scan found before the text is used.`,
      area: 'anonymise',
      action: 'Review the documents',
    };
  if (count('pairings') === 0)
    return {
      text: 'Import who is paired with whom (a pairing list): meetings and outcomes are read by pairing.',
      area: 'import',
      action: 'Import the pairings',
    };
  if (count('responses') === 0)
    return {
      text: 'Import a survey wave, such as the baseline survey, to measure change over the program.',
      area: 'import',
      action: 'Import a survey wave',
    };
  if (count('meetings') === 0 && count('progressionEvents') === 0)
    return {
      text: 'Import the meeting log or HR progression records, to see how often pairs met and how careers moved.',
      area: 'import',
      action: 'Import more files',
    };
  return {
    text: 'Check the disclosure risk of the participants’ traits before anything leaves the project.',
    area: 'anonymise',
    action: 'Check disclosure risk',
  };
}
