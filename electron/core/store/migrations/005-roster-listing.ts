import type { Migration } from './types';

/**
 * Which participants each roster import listed. A survey's, a pairing list's, an HR file's and an activity log's
 * rows say which import they came from; a roster's rows are the participants themselves, who may be on several
 * rosters (this term's and last term's). Taking an import back (import/importRemoval.ts) removes a participant
 * only when nothing else in the project lists them, and a roster that also lists them does. Rosters imported
 * before this migration listed at least the participants they added.
 */
export const rosterListing: Migration = {
  version: 5,
  name: 'the participants each roster import listed',
  up: `
    CREATE TABLE roster_listing (
      import_id INTEGER NOT NULL REFERENCES import_batch (id),
      participant_id INTEGER NOT NULL REFERENCES participant (id),
      PRIMARY KEY (import_id, participant_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX roster_listing_by_participant ON roster_listing (participant_id);
    INSERT INTO roster_listing (import_id, participant_id)
      SELECT p.import_id, p.id FROM participant p JOIN import_batch b ON b.id = p.import_id
      WHERE b.kind = 'roster';
  `,
};
