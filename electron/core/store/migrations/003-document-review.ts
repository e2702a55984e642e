import type { Migration } from './types';

/**
 * Documents (transcripts, journals, mentor notes) wait for the evaluator's review of what the PII scan found
 * before they can be used. A finding is a span of the document's text in code points (end exclusive), as
 * `scanForPii` gives it, or one the evaluator marked by hand. Applying the review rewrites the body with the
 * accepted findings replaced and deletes the findings: the original text is not kept (secure_delete is on).
 */
export const documentReview: Migration = {
  version: 3,
  name: 'documents awaiting review and their PII findings',
  up: `
    ALTER TABLE document ADD COLUMN review TEXT NOT NULL DEFAULT 'awaiting'
      CHECK (review IN ('awaiting', 'applied'));
    ALTER TABLE document ADD COLUMN reviewed_at TEXT;

    CREATE TABLE pii_finding (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
      span_start INTEGER NOT NULL CHECK (span_start >= 0),
      span_end INTEGER NOT NULL CHECK (span_end > span_start),
      entity TEXT NOT NULL,
      score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
      reason TEXT NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('detected', 'added')),
      decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'accepted', 'rejected'))
    ) STRICT;
    CREATE INDEX pii_finding_document ON pii_finding (document_id, span_start);
  `,
};
