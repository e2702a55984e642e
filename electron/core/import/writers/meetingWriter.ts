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

interface PairingSpan {
  id: number;
  starts_on: string | null;
  ends_on: string | null;
}

const covers = (pairing: PairingSpan, on: string) =>
  (pairing.starts_on === null || pairing.starts_on <= on) &&
  (pairing.ends_on === null || on <= pairing.ends_on);

/**
 * An activity log: one row a meeting of a pairing (its date, how long it lasted, what was discussed). The
 * pairing is found from the mentor and the mentee, or from the mentee alone when they have one pairing; when
 * they have several, the one whose dates hold the meeting. A meeting of the same pairing on the same date
 * imported again is already present.
 */
export function meetingWriter(context: WriterContext): RowWriter {
  const { db, columns, register, importId } = context;
  const menteeColumn = requireColumn(context, 'mentee', 'menteeId');
  const mentorColumn = columnFor(columns, 'mentorId');
  const date = requireColumn(context, 'meeting date', 'meetingDate', 'date');
  const duration = columnFor(columns, 'durationMinutes');
  const topics = columnFor(columns, 'topics');
  const ofPair = db.prepare(
    'SELECT id, starts_on, ends_on FROM pairing WHERE mentor_id = ? AND mentee_id = ? ORDER BY id',
  );
  const ofMentee = db.prepare('SELECT id, starts_on, ends_on FROM pairing WHERE mentee_id = ? ORDER BY id');
  const insert = db.prepare(
    `INSERT INTO meeting (pairing_id, held_on, duration_minutes, topics, import_id)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  return (row) => {
    const mentee = findPerson(register, row, menteeColumn, 'mentee');
    if (!mentee.participant) return mentee.outcome;
    // A row without a mentor is placed by the mentee's one pairing.
    const mentor =
      mentorColumn && text(row, mentorColumn) ? findPerson(register, row, mentorColumn, 'mentor') : undefined;
    if (mentor && !mentor.participant) return mentor.outcome;
    const heldOn = text(row, date);
    if (heldOn === null)
      return { problem: 'has no meeting date.', column: date.heading, value: '', expected: 'a date' };
    const pairings = (
      mentor?.participant
        ? ofPair.all(mentor.participant.id, mentee.participant.id)
        : ofMentee.all(mentee.participant.id)
    ) as PairingSpan[];
    const who = mentor?.participant
      ? `${mentor.participant.pseudonym} and ${mentee.participant.pseudonym}`
      : `${mentee.participant.pseudonym}`;
    const column = (mentorColumn ?? menteeColumn).heading;
    if (pairings.length === 0)
      return {
        problem: `there is no pairing of ${who} in the project; import the pairings first.`,
        column,
        value: text(row, mentorColumn ?? menteeColumn) ?? '',
        expected: 'a mentor and mentee paired in the project',
      };
    const during = pairings.filter((pairing) => covers(pairing, day(heldOn)));
    const pairing = pairings.length === 1 ? pairings[0] : during.length === 1 ? during[0] : undefined;
    if (!pairing)
      return {
        problem: `${who} have ${pairings.length} pairings and the meeting on ${day(heldOn)} falls in ${during.length === 0 ? 'none' : 'more than one'} of them; ${mentorColumn ? 'check the date' : 'add the mentor column'}.`,
        column,
        value: text(row, mentorColumn ?? menteeColumn) ?? '',
        expected: 'one pairing the meeting belongs to',
      };
    const result = insert.run(pairing.id, heldOn, cell(row, duration), text(row, topics), importId);
    return { alreadyPresent: result.changes === 0 };
  };
}
