import { rowIdentifiers } from './rowIdentifiers';
import { cell, columnFor, day, requireColumn, text, type RowWriter, type WriterContext } from './rowWriter';

/**
 * HR progression records: one row an event in a participant's career (a promotion, a role change, expanded
 * responsibilities, a lateral move, an exit) and its date. The participant must be on the roster already; the
 * same event on the same day imported again is already present.
 */
export function progressionWriter(context: WriterContext): RowWriter {
  const { db, columns, register, importId } = context;
  const kind = requireColumn(context, 'kind of event (promotion, role change, …)', 'eventKind');
  const date = requireColumn(context, 'date of the event', 'eventDate', 'date');
  const detail = columnFor(columns, 'eventDetail');
  const insert = db.prepare(
    `INSERT INTO progression_event (participant_id, kind, occurred_on, detail, import_id)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  return (row) => {
    const identifiers = rowIdentifiers(columns, row);
    if (identifiers.length === 0) return { problem: 'has no participant id, e-mail or name.' };
    const participant = register.find(identifiers);
    if (!participant)
      return {
        problem: 'names a participant who is not on the roster; import the roster first or correct the id.',
        expected: 'a participant on the roster',
      };
    const occurredOn = text(row, date);
    if (occurredOn === null)
      return { problem: 'has no date for the event.', column: date.heading, value: '', expected: 'a date' };
    if (cell(row, kind) === null)
      return {
        problem: 'does not say what happened.',
        column: kind.heading,
        value: '',
        expected: 'promotion, role change, expanded responsibilities, lateral move or exit',
      };
    const result = insert.run(participant.id, cell(row, kind), day(occurredOn), text(row, detail), importId);
    return { alreadyPresent: result.changes === 0 };
  };
}
