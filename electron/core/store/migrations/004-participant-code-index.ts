import type { Migration } from './types';

/**
 * A participant's code is kept unique by a named index instead of the column's UNIQUE constraint. The
 * constraint's index is SQLite's own and cannot be dropped; the named one can, so an import that adds more
 * participants than the project holds sets it aside and builds it again in one sort before it commits (codes
 * are random: inserted one at a time into the index, each lands on a random page). The table is rebuilt, as
 * SQLite's ALTER TABLE cannot drop a constraint; ids, and so every reference to a participant, stay as they were.
 */
export const participantCodeIndex: Migration = {
  version: 4,
  name: 'participant codes unique by a named index',
  rebuildsTables: true,
  up: `
    CREATE TABLE participant_rebuilt (
      id INTEGER PRIMARY KEY,
      pseudonym TEXT NOT NULL,
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
    INSERT INTO participant_rebuilt (id, pseudonym, cohort_id, role, department, level, location, gender,
        tenure_band, attributes, import_id)
      SELECT id, pseudonym, cohort_id, role, department, level, location, gender, tenure_band, attributes,
        import_id
      FROM participant;
    DROP TABLE participant;
    ALTER TABLE participant_rebuilt RENAME TO participant;
    CREATE UNIQUE INDEX participant_pseudonym ON participant (pseudonym);
  `,
};
