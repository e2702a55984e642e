import type { Migration } from './types';

/**
 * The program data model. People appear only as pseudonyms: `participant_identifier` holds keyed
 * HMAC-SHA256s of their identifiers (they recognise the same person in the next import and cannot be reversed
 * or tested without the project key), and `participant.pseudonym` is the short readable code derived from the
 * first of them. Names, e-mails and employee ids are never stored in these tables. Every imported row records the import that
 * brought it.
 *
 * Survey answers are stored one row per participant, collection window and instrument (`response_set`), the
 * answers as a JSON array in item order, so a million-row survey is a million inserts, not thirty million; the
 * `response` view gives the participant x window x item form for analysis.
 */
export const programData: Migration = {
  version: 2,
  name: 'program data model',
  up: `
    -- The per-project key under which pseudonyms are made (HMAC-SHA256, one domain per column).
    CREATE TABLE project_secret (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      pseudonym_key BLOB NOT NULL CHECK (length(pseudonym_key) = 32)
    ) STRICT;
    INSERT INTO project_secret (id, pseudonym_key) VALUES (1, randomblob(32));

    CREATE TABLE import_batch (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('roster', 'pairings', 'survey', 'hr', 'activity', 'document')),
      source_name TEXT NOT NULL,
      content_sha256 TEXT NOT NULL,
      -- Where the rows went ('window/instrument' for a survey wave; '' otherwise): the same file into another
      -- wave is another import.
      target TEXT NOT NULL DEFAULT '',
      imported_at TEXT NOT NULL,
      rows_in INTEGER NOT NULL,
      rows_skipped INTEGER NOT NULL,
      mapping TEXT NOT NULL
    ) STRICT;
    CREATE INDEX import_batch_content ON import_batch (kind, content_sha256, target);

    CREATE TABLE saved_mapping (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      header_signature TEXT NOT NULL,
      name TEXT NOT NULL,
      mapping TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      UNIQUE (kind, header_signature)
    ) STRICT;

    CREATE TABLE program (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE
    ) STRICT;

    CREATE TABLE cohort (
      id INTEGER PRIMARY KEY,
      program_id INTEGER NOT NULL REFERENCES program (id),
      name TEXT NOT NULL,
      starts_on TEXT,
      ends_on TEXT,
      UNIQUE (program_id, name)
    ) STRICT;

    CREATE TABLE participant (
      id INTEGER PRIMARY KEY,
      pseudonym TEXT NOT NULL UNIQUE,
      cohort_id INTEGER REFERENCES cohort (id),
      role TEXT CHECK (role IN ('mentor', 'mentee', 'both')),
      department TEXT,
      level TEXT,
      location TEXT,
      gender TEXT,
      tenure_band TEXT,
      attributes TEXT NOT NULL DEFAULT '{}',
      import_id INTEGER REFERENCES import_batch (id)
    ) STRICT;

    -- How a participant is recognised in the next file: keyed HMACs of their identifiers (employee id, e-mail,
    -- name), one domain per kind of identifier, so a survey keyed by e-mail finds the roster's participant.
    -- A name two participants share is marked ambiguous: it no longer identifies anyone.
    CREATE TABLE participant_identifier (
      identity_key BLOB PRIMARY KEY CHECK (length(identity_key) = 32),
      participant_id INTEGER NOT NULL REFERENCES participant (id),
      kind TEXT NOT NULL CHECK (kind IN ('id', 'email', 'name')),
      ambiguous INTEGER NOT NULL DEFAULT 0 CHECK (ambiguous IN (0, 1))
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX participant_identifier_by_participant ON participant_identifier (participant_id);

    -- The roster's names as the free-text scan needs them: keyed hashes of each name token (first names,
    -- family names, nicknames), never the names themselves.
    CREATE TABLE roster_name_token (
      hash TEXT PRIMARY KEY,
      part TEXT NOT NULL CHECK (part IN ('given', 'family', 'nickname'))
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE pairing (
      id INTEGER PRIMARY KEY,
      mentor_id INTEGER NOT NULL REFERENCES participant (id),
      mentee_id INTEGER NOT NULL REFERENCES participant (id),
      cohort_id INTEGER REFERENCES cohort (id),
      starts_on TEXT,
      ends_on TEXT,
      matching_criteria TEXT,
      match_score REAL,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('proposed', 'active', 'completed', 'ended_early', 'paused')),
      import_id INTEGER REFERENCES import_batch (id),
      CHECK (mentor_id <> mentee_id)
    ) STRICT;
    -- One pairing of two people from one start; a pairing without a start date is one too (NULLs never clash
    -- in a plain UNIQUE), so the same list imported again finds its pairings already present.
    CREATE UNIQUE INDEX pairing_once ON pairing (mentor_id, mentee_id, coalesce(starts_on, ''));

    CREATE TABLE collection_window (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('baseline', 'mid_program', 'end_of_program', 'follow_up', 'other')),
      opens_on TEXT,
      closes_on TEXT,
      position INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE instrument (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      description TEXT
    ) STRICT;

    CREATE TABLE answer_scale (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      minimum REAL NOT NULL,
      maximum REAL NOT NULL,
      CHECK (minimum < maximum)
    ) STRICT;

    CREATE TABLE answer_scale_label (
      scale_id INTEGER NOT NULL REFERENCES answer_scale (id),
      value REAL NOT NULL,
      label TEXT NOT NULL,
      PRIMARY KEY (scale_id, value)
    ) STRICT;

    CREATE TABLE item (
      id INTEGER PRIMARY KEY,
      instrument_id INTEGER NOT NULL REFERENCES instrument (id),
      code TEXT NOT NULL,
      text TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('likert', 'choice', 'number', 'text')),
      scale_id INTEGER REFERENCES answer_scale (id),
      scale_membership TEXT,
      reverse_coded INTEGER NOT NULL DEFAULT 0 CHECK (reverse_coded IN (0, 1)),
      domain TEXT,
      position INTEGER NOT NULL CHECK (position >= 0),
      UNIQUE (instrument_id, code),
      UNIQUE (instrument_id, position)
    ) STRICT;

    CREATE TABLE response_set (
      id INTEGER PRIMARY KEY,
      participant_id INTEGER NOT NULL REFERENCES participant (id),
      window_id INTEGER NOT NULL REFERENCES collection_window (id),
      instrument_id INTEGER NOT NULL REFERENCES instrument (id),
      submitted_at TEXT,
      answers TEXT NOT NULL CHECK (json_valid(answers) AND json_type(answers) = 'array'),
      import_id INTEGER REFERENCES import_batch (id),
      UNIQUE (participant_id, window_id, instrument_id)
    ) STRICT;

    CREATE VIEW response AS
      SELECT rs.participant_id, rs.window_id, i.id AS item_id, i.instrument_id,
             json_extract(rs.answers, '$[' || i.position || ']') AS value
      FROM response_set rs JOIN item i ON i.instrument_id = rs.instrument_id;

    CREATE TABLE progression_event (
      id INTEGER PRIMARY KEY,
      participant_id INTEGER NOT NULL REFERENCES participant (id),
      kind TEXT NOT NULL CHECK (kind IN ('promotion', 'role_change', 'expanded_responsibilities', 'lateral_move', 'exit')),
      occurred_on TEXT NOT NULL,
      detail TEXT,
      import_id INTEGER REFERENCES import_batch (id),
      UNIQUE (participant_id, kind, occurred_on)
    ) STRICT;

    CREATE TABLE meeting (
      id INTEGER PRIMARY KEY,
      pairing_id INTEGER NOT NULL REFERENCES pairing (id),
      held_on TEXT NOT NULL,
      duration_minutes REAL CHECK (duration_minutes IS NULL OR duration_minutes >= 0),
      topics TEXT,
      import_id INTEGER REFERENCES import_batch (id),
      UNIQUE (pairing_id, held_on)
    ) STRICT;

    CREATE TABLE development_goal (
      id INTEGER PRIMARY KEY,
      participant_id INTEGER NOT NULL REFERENCES participant (id),
      title TEXT NOT NULL,
      set_on TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'dropped'))
    ) STRICT;

    CREATE TABLE goal_milestone (
      id INTEGER PRIMARY KEY,
      goal_id INTEGER NOT NULL REFERENCES development_goal (id),
      title TEXT NOT NULL,
      due_on TEXT,
      achieved_on TEXT
    ) STRICT;

    CREATE TABLE document (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('transcript', 'journal', 'mentor_note', 'survey_comment')),
      title TEXT NOT NULL,
      participant_id INTEGER REFERENCES participant (id),
      window_id INTEGER REFERENCES collection_window (id),
      body TEXT NOT NULL,
      import_id INTEGER REFERENCES import_batch (id)
    ) STRICT;
  `,
};
