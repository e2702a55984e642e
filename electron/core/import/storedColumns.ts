import type { RespondentMatching } from '../../../shared/import';
import { isItemColumn } from './instrumentItems';
import { traitColumns } from './participantTraits';
import type { ColumnRule } from './validation';

/**
 * What an import says about the columns it did not store and about how a survey's rows found their
 * respondents, so nothing is dropped, and nobody is matched, in silence.
 */

/** Headings of the survey tools' own columns that identify a person or a place. */
const IDENTIFYING_METADATA =
  /^(ip ?address|location ?(latitude|longitude)|latitude|longitude|recipient ?(first ?name|last ?name|e ?mail))$/i;

const compact = (heading: string) => heading.replace(/[_\s]+/g, ' ').trim();

function reasonNotStored(rule: ColumnRule): string | null {
  switch (rule.field) {
    case 'participantId':
    case 'email':
    case 'fullName':
    case 'givenName':
    case 'familyName':
      return 'it identifies a person: used to match the participant by its keyed hash, never stored';
    case 'respondentCode':
      return "the respondent's own code: kept only as a keyed hash that links their waves, never as written";
    case 'responseId':
      return "the survey tool's response id: used to find a response given twice, not stored";
    case 'submittedAt':
      return null;
    case 'ignore':
      return IDENTIFYING_METADATA.test(compact(rule.heading))
        ? "the survey tool's record of where the respondent was: it identifies people, so it is never stored"
        : 'not needed for the evaluation (marked "ignore")';
    default:
      return null;
  }
}

/** Every column a roster or survey import does not store as it is, with the reason in the evaluator's words. */
export function columnsNotStored(columns: readonly ColumnRule[]): { column: string; reason: string }[] {
  const stored = new Set([...columns.filter(isItemColumn), ...traitColumns(columns).map((t) => t.rule)]);
  const out: { column: string; reason: string }[] = [];
  for (const rule of columns) {
    if (stored.has(rule)) continue;
    const reason = reasonNotStored(rule);
    if (reason) out.push({ column: rule.heading, reason });
  }
  return out;
}

const rows = (n: number) => (n === 1 ? '1 row' : `${n} rows`);

/** The summary's account of how a survey wave's rows found their respondents. */
export function respondentMatching(
  matches: { roster: number; added: number; anonymous: number; ownCode: number },
  window: string,
): RespondentMatching {
  const parts: string[] = [];
  if (matches.roster > 0)
    parts.push(`${rows(matches.roster)} matched to participants already in the project`);
  if (matches.added > 0) parts.push(`${rows(matches.added)} added as new participants`);
  const anonymous = matches.anonymous + matches.ownCode;
  if (anonymous > 0)
    parts.push(
      `${rows(anonymous)} with no participant id, e-mail or name imported as anonymous respondents of ${window}, kept apart from the roster and analysed as an independent sample` +
        (matches.ownCode > 0
          ? ` (${matches.ownCode} linked to their other waves by the respondent's own code, kept only as a keyed hash)`
          : ''),
    );
  return {
    matched: matches.roster,
    added: matches.added,
    anonymous,
    byOwnCode: matches.ownCode,
    sentence: parts.length === 0 ? 'No respondent was imported.' : `${parts.join('; ')}.`,
  };
}
