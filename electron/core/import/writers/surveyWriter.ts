import { itemPositions } from '../instrumentItems';
import { participantTraitWriter } from '../participantTraits';
import type { RegisteredParticipant } from '../participantRegister';
import { collectionWindowId, instrumentId } from '../programRecords';
import type { CellValue } from '../validation';
import { rowIdentifiers, strongestIdentifiers } from './rowIdentifiers';
import { cell, columnFor, type RowOutcome, type RowWriter, type WriterContext } from './rowWriter';

/**
 * A survey wave's rows: one response set per respondent, window and instrument. A row with an id, e-mail or name
 * is matched to the roster's participant (or added, when the evaluator chose to add new participants). A row
 * with none of them (most exports: only the tool's response id or a timestamp) is an anonymous respondent of the
 * wave, kept apart from the roster; the respondent's own code, when the evaluator marked a column as one, links
 * their waves through a keyed hash. The row's traits (gender, age band, a date) go onto the respondent.
 */
export interface SurveySettings {
  window: string;
  instrument: string;
  /** The question each column asked (a new item's text); the heading where there is none. */
  questionOf: (index: number) => string | undefined;
  addUnknownParticipants: boolean;
}

type RespondentMatch = NonNullable<RowOutcome['matchedBy']>;

export function surveyWriter(context: WriterContext, settings: SurveySettings): RowWriter {
  const { db, columns, register, importId } = context;
  const window = collectionWindowId(db, settings.window);
  const instrument = instrumentId(db, settings.instrument);
  const positions = itemPositions(
    db,
    instrument,
    columns,
    (rule) => settings.questionOf(rule.index) || rule.heading,
  );
  const width = Math.max(0, ...positions.values()) + 1;
  // Held as pairs: iterating the Map for every row made a new pair for every answer.
  const placed = [...positions];
  const submitted = columnFor(columns, 'submittedAt');
  const ownCode = columnFor(columns, 'respondentCode');
  const writeTraits = participantTraitWriter(db, columns, 'fill');
  const insert = db.prepare(
    `INSERT INTO response_set (participant_id, window_id, instrument_id, submitted_at, answers, import_id)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (participant_id, window_id, instrument_id) DO NOTHING`,
  );
  return (row) => {
    const identifiers = strongestIdentifiers(rowIdentifiers(columns, row));
    let participant: RegisteredParticipant | undefined;
    let matchedBy: RespondentMatch;
    if (identifiers.length === 0) {
      const code = cell(row, ownCode);
      participant = register.anonymousRespondent(code === null ? null : String(code));
      matchedBy = code === null ? 'anonymous' : 'ownCode';
    } else {
      participant = settings.addUnknownParticipants
        ? register.findOrAdd(identifiers)
        : register.find(identifiers);
      if (!participant)
        return {
          problem:
            'names a participant who is not on the roster; import the roster first, or choose to add new participants (--add-participants).',
        };
      matchedBy = participant.added ? 'added' : 'roster';
    }
    const answers: CellValue[] = new Array<CellValue>(width).fill(null);
    for (const [index, position] of placed) answers[position] = row.values.get(index) ?? null;
    const result = insert.run(
      participant.id,
      window,
      instrument,
      cell(row, submitted),
      JSON.stringify(answers),
      importId,
    );
    if (result.changes === 0) {
      if (matchedBy === 'ownCode')
        return {
          problem: `gives the respondent's own code of a respondent who already answered ${settings.window}; each code may answer a wave once.`,
          column: ownCode!.heading,
        };
      return { alreadyPresent: true };
    }
    writeTraits(row, participant.id);
    return { added: participant.added && matchedBy === 'added', matchedBy };
  };
}
