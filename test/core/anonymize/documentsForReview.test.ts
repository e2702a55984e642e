import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { storeDocumentForReview } from '../../../electron/core/anonymize/documentsForReview';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { PROJECT_KIND } from '../../../electron/core/store/projectFile';

function project() {
  const db = new Database(':memory:');
  migrate(db, migrations, PROJECT_KIND.applicationId);
  return db;
}

describe('storeDocumentForReview', () => {
  it('keeps the document awaiting review with each finding as a code-point span of its body', () => {
    const db = project();
    const body = 'Interviewer: 👋 Welcome. Reach me at sam.okafor@example.org or on 07911 123456.';
    const stored = storeDocumentForReview(db, { kind: 'transcript', title: 'Interview 4', body }, {});
    expect(stored.findings).toBe(2);
    expect(db.prepare('SELECT review, body FROM document WHERE id = ?').get(stored.documentId)).toEqual({
      review: 'awaiting',
      body,
    });
    const spans = db
      .prepare('SELECT span_start, span_end, entity, origin, decision FROM pii_finding ORDER BY span_start')
      .all() as { span_start: number; span_end: number; entity: string; origin: string; decision: string }[];
    const codePoints = [...body];
    expect(spans.map((s) => [codePoints.slice(s.span_start, s.span_end).join(''), s.entity])).toEqual([
      ['sam.okafor@example.org', 'EMAIL_ADDRESS'],
      ['07911 123456', 'PHONE_NUMBER'],
    ]);
    expect(new Set(spans.map((s) => `${s.origin}/${s.decision}`))).toEqual(new Set(['detected/pending']));
  });

  it('replaces a name or contact in the title with a tag at once: titles are not reviewed', () => {
    const db = project();
    const stored = storeDocumentForReview(
      db,
      { kind: 'transcript', title: 'Interview with sam.okafor@example.org', body: 'Hello.' },
      {},
    );
    expect(db.prepare('SELECT title FROM document WHERE id = ?').pluck().get(stored.documentId)).toBe(
      'Interview with [EMAIL_ADDRESS-1]',
    );
  });

  it('stores an empty document with no findings', () => {
    const db = project();
    expect(storeDocumentForReview(db, { kind: 'journal', title: 'Week 1', body: '' }, {}).findings).toBe(0);
  });
});
