import type { DataColumn } from '../../../shared/data';

/**
 * The tables the data browser shows, defined here and only here: each column's SQL is written in this file and
 * a request can only name a table and columns from it. People appear by pseudonym; participant_identifier
 * (the keyed hashes of ids, e-mails and names) and project_secret are never part of any table.
 */
export interface BrowsableColumn extends DataColumn {
  /** The SQL expression of the column, over the table's FROM clause. */
  sql: string;
}

export interface BrowsableTable {
  name: string;
  label: string;
  description: string;
  from: string;
  columns: BrowsableColumn[];
  /** The order rows come in when none is asked for, and the tie-break after any sort (a stable key). */
  order: string[];
  /** A faster count of all rows than count(*) over `from`, when there is one. */
  countSql?: string;
}

const text = (name: string, label: string, sql: string): BrowsableColumn => ({
  name,
  label,
  type: 'text',
  sql,
});
const number = (name: string, label: string, sql: string): BrowsableColumn => ({
  name,
  label,
  type: 'number',
  sql,
});
const date = (name: string, label: string, sql: string): BrowsableColumn => ({
  name,
  label,
  type: 'date',
  sql,
});
/** A stored code ("ended_early") as words ("ended early"). */
const words = (sql: string) => `replace(${sql}, '_', ' ')`;

export const browsableTables: readonly BrowsableTable[] = [
  {
    name: 'participants',
    label: 'Participants',
    description: 'One row a person in the program, by pseudonym.',
    from: 'participant p LEFT JOIN cohort c ON c.id = p.cohort_id',
    columns: [
      text('pseudonym', 'Pseudonym', 'p.pseudonym'),
      text('cohort', 'Cohort', 'c.name'),
      text('role', 'Role', 'p.role'),
      text('department', 'Department', 'p.department'),
      text('jobTitle', 'Job title', "json_extract(p.attributes, '$.jobTitle')"),
      text('level', 'Level', 'p.level'),
      text('location', 'Location', 'p.location'),
      text('gender', 'Gender', 'p.gender'),
      text('tenure', 'Tenure', 'p.tenure_band'),
      number('importId', 'Import', 'p.import_id'),
    ],
    order: ['p.id'],
  },
  {
    name: 'cohorts',
    label: 'Cohorts',
    description: 'One row a cohort of the program.',
    from: 'cohort c JOIN program pr ON pr.id = c.program_id',
    columns: [
      text('program', 'Program', 'pr.name'),
      text('name', 'Cohort', 'c.name'),
      date('startsOn', 'Starts', 'c.starts_on'),
      date('endsOn', 'Ends', 'c.ends_on'),
      number('participants', 'Participants', '(SELECT count(*) FROM participant p WHERE p.cohort_id = c.id)'),
      number('pairings', 'Pairings', '(SELECT count(*) FROM pairing pg WHERE pg.cohort_id = c.id)'),
    ],
    order: ['c.id'],
  },
  {
    name: 'pairings',
    label: 'Pairings',
    description: 'One row a mentor and mentee paired, with the dates, match and status of the pairing.',
    from: `pairing pg JOIN participant mentor ON mentor.id = pg.mentor_id
      JOIN participant mentee ON mentee.id = pg.mentee_id LEFT JOIN cohort c ON c.id = pg.cohort_id`,
    columns: [
      text('mentor', 'Mentor', 'mentor.pseudonym'),
      text('mentee', 'Mentee', 'mentee.pseudonym'),
      text('cohort', 'Cohort', 'c.name'),
      date('startsOn', 'Started', 'pg.starts_on'),
      date('endsOn', 'Ended', 'pg.ends_on'),
      number('matchScore', 'Match score', 'pg.match_score'),
      text('matchingCriteria', 'Matched on', 'pg.matching_criteria'),
      text('status', 'Status', words('pg.status')),
      number('meetings', 'Meetings', '(SELECT count(*) FROM meeting m WHERE m.pairing_id = pg.id)'),
    ],
    order: ['pg.id'],
  },
  {
    name: 'collectionWindows',
    label: 'Collection windows',
    description: 'One row a wave of data collection (baseline, mid-program, end, follow-up).',
    from: 'collection_window w',
    columns: [
      text('name', 'Window', 'w.name'),
      text('kind', 'Kind', words('w.kind')),
      date('opensOn', 'Opens', 'w.opens_on'),
      date('closesOn', 'Closes', 'w.closes_on'),
      number('position', 'Order', 'w.position'),
      number('responseSets', 'Responses', '(SELECT count(*) FROM response_set rs WHERE rs.window_id = w.id)'),
    ],
    order: ['w.position', 'w.id'],
  },
  {
    name: 'instruments',
    label: 'Instruments',
    description: 'One row a questionnaire or other instrument.',
    from: 'instrument ins',
    columns: [
      text('name', 'Instrument', 'ins.name'),
      text('description', 'Description', 'ins.description'),
      number('items', 'Items', '(SELECT count(*) FROM item i WHERE i.instrument_id = ins.id)'),
      number(
        'responseSets',
        'Responses',
        '(SELECT count(*) FROM response_set rs WHERE rs.instrument_id = ins.id)',
      ),
    ],
    order: ['ins.id'],
  },
  {
    name: 'items',
    label: 'Items',
    description: 'One row a question of an instrument.',
    from: 'item i JOIN instrument ins ON ins.id = i.instrument_id LEFT JOIN answer_scale s ON s.id = i.scale_id',
    columns: [
      text('instrument', 'Instrument', 'ins.name'),
      number('position', 'Position', 'i.position + 1'),
      text('code', 'Item', 'i.code'),
      text('text', 'Question', 'i.text'),
      text('type', 'Type', 'i.type'),
      text('scale', 'Answer scale', 's.name'),
      text('domain', 'Domain', 'i.domain'),
      text('reverseCoded', 'Reverse coded', "CASE i.reverse_coded WHEN 1 THEN 'yes' ELSE 'no' END"),
    ],
    order: ['i.instrument_id', 'i.position'],
  },
  {
    name: 'responses',
    label: 'Responses',
    description: 'One row an answer: a participant’s answer to one item in one collection window.',
    from: `response r JOIN participant p ON p.id = r.participant_id JOIN collection_window w ON w.id = r.window_id
      JOIN instrument ins ON ins.id = r.instrument_id JOIN item i ON i.id = r.item_id`,
    columns: [
      text('pseudonym', 'Pseudonym', 'p.pseudonym'),
      text('window', 'Window', 'w.name'),
      text('instrument', 'Instrument', 'ins.name'),
      text('item', 'Item', 'i.code'),
      text('value', 'Answer', 'r.value'),
      // A rating's label beside its code (5 = Strongly agree), from the item's answer scale.
      text(
        'answerLabel',
        'Answer in words',
        '(SELECT l.label FROM answer_scale_label l WHERE l.scale_id = i.scale_id AND l.value = r.value)',
      ),
    ],
    order: ['r.participant_id', 'r.window_id', 'r.instrument_id', 'i.position'],
    // Each response set holds one answer per item of its instrument: no need to expand the view to count.
    countSql: `SELECT coalesce(sum(n), 0) FROM response_set rs
      JOIN (SELECT instrument_id, count(*) AS n FROM item GROUP BY instrument_id) i USING (instrument_id)`,
  },
  {
    name: 'progressionEvents',
    label: 'Progression events',
    description: 'One row a career event from HR records: promotion, role change, lateral move, exit.',
    from: 'progression_event e JOIN participant p ON p.id = e.participant_id',
    columns: [
      text('pseudonym', 'Pseudonym', 'p.pseudonym'),
      text('kind', 'Event', words('e.kind')),
      date('occurredOn', 'Date', 'e.occurred_on'),
      text('detail', 'Detail', 'e.detail'),
    ],
    order: ['e.id'],
  },
  {
    name: 'meetings',
    label: 'Meetings',
    description: 'One row a meeting of a pairing, from the activity logs.',
    from: `meeting m JOIN pairing pg ON pg.id = m.pairing_id JOIN participant mentor ON mentor.id = pg.mentor_id
      JOIN participant mentee ON mentee.id = pg.mentee_id`,
    columns: [
      text('mentor', 'Mentor', 'mentor.pseudonym'),
      text('mentee', 'Mentee', 'mentee.pseudonym'),
      date('heldOn', 'Date', 'm.held_on'),
      number('durationMinutes', 'Minutes', 'm.duration_minutes'),
      text('topics', 'Topics', 'm.topics'),
    ],
    order: ['m.id'],
  },
  {
    name: 'imports',
    label: 'Imports',
    description: 'One row a file imported into the project.',
    from: 'import_batch b',
    columns: [
      text('kind', 'Kind', 'b.kind'),
      text('sourceName', 'File', 'b.source_name'),
      text('target', 'Into', 'b.target'),
      date('importedAt', 'Imported', 'b.imported_at'),
      number('rowsIn', 'Rows imported', 'b.rows_in'),
      number('rowsSkipped', 'Rows skipped', 'b.rows_skipped'),
    ],
    order: ['b.id'],
  },
];
