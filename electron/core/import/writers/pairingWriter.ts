import { cohortId } from '../programRecords';
import {
  cell,
  columnFor,
  day,
  findPerson,
  requireColumn,
  text,
  type RowWriter,
  type WriterContext,
} from './rowWriter';

/**
 * A pairing list: one row a mentor and a mentee, both already on the roster, with when the pairing started and
 * ended, how well they were matched, on what, and how it stands. The same pairing imported again (the same two
 * people from the same start) is already present, not a second pairing.
 */
export function pairingWriter(context: WriterContext): RowWriter {
  const { db, columns, register, importId } = context;
  const mentorColumn = requireColumn(context, 'mentor', 'mentorId');
  const menteeColumn = requireColumn(context, 'mentee', 'menteeId');
  const start = columnFor(columns, 'pairingStart', 'date');
  const end = columnFor(columns, 'pairingEnd');
  const cohort = columnFor(columns, 'cohort');
  const score = columnFor(columns, 'matchScore');
  const criteria = columnFor(columns, 'matchingCriteria');
  const status = columnFor(columns, 'pairingStatus');
  const cohortOf = db.prepare('SELECT cohort_id FROM participant WHERE id = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO pairing (mentor_id, mentee_id, cohort_id, starts_on, ends_on, matching_criteria, match_score, status, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  return (row) => {
    const mentor = findPerson(register, row, mentorColumn, 'mentor');
    if (!mentor.participant) return mentor.outcome;
    const mentee = findPerson(register, row, menteeColumn, 'mentee');
    if (!mentee.participant) return mentee.outcome;
    if (mentor.participant.id === mentee.participant.id)
      return {
        problem: `names the same person (${mentor.participant.pseudonym}) as mentor and as mentee.`,
        column: menteeColumn.heading,
        value: text(row, menteeColumn) ?? '',
        expected: 'a mentee other than the mentor',
      };
    const startsOn = text(row, start);
    const endsOn = text(row, end);
    if (startsOn && endsOn && day(endsOn) < day(startsOn))
      return {
        problem: `the pairing ends (${day(endsOn)}) before it starts (${day(startsOn)}).`,
        column: end?.heading,
        value: endsOn,
        expected: 'an end date on or after the start date',
      };
    const cohortName = text(row, cohort);
    const result = insert.run(
      mentor.participant.id,
      mentee.participant.id,
      cohortName ? cohortId(db, cohortName) : cohortOf.get(mentee.participant.id),
      startsOn && day(startsOn),
      endsOn && day(endsOn),
      text(row, criteria),
      cell(row, score),
      // Without a status column, a pairing with an end date has run its course; one without is still active.
      text(row, status) ?? (endsOn ? 'completed' : 'active'),
      importId,
    );
    return { alreadyPresent: result.changes === 0 };
  };
}
