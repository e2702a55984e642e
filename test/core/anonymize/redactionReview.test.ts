import Database, { type Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveAnonymisationSettings } from '../../../electron/core/anonymize/anonymisationSettings';
import { applyReview, previewReview } from '../../../electron/core/anonymize/applyReview';
import { storeDocumentForReview } from '../../../electron/core/anonymize/documentsForReview';
import {
  addFinding,
  decideFindings,
  listDocumentsForReview,
  readDocumentForReview,
} from '../../../electron/core/anonymize/redactionReview';
import { rescanAwaitingDocuments } from '../../../electron/core/anonymize/rescanDocuments';
import { applyConnectionSettings } from '../../../electron/core/store/cipher';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { PROJECT_KIND } from '../../../electron/core/store/projectFile';
import { handlerSchemas } from '../../../shared/api';
import { ConfidantError } from '../../../shared/errors';
import type { RedactionOperators, ReviewFinding } from '../../../shared/redaction';

const BODY =
  'Interviewer: Thanks for joining, Priya.\n' +
  'Priya Raman: Happy to 👋. We used the Kanban board. My mentor Tom Baker helped a lot. ' +
  'Reach me at priya.raman@example.org or 07911 123456. We met on 12 March 2025 in Leeds. ' +
  'Priya said the Finance team was great. My staff number is EMP-123456.';
/** What must not survive an applied review anywhere in the project. */
const IDENTIFYING = [
  'Priya',
  'Raman',
  'Tom Baker',
  'priya.raman@example.org',
  '07911 123456',
  'Finance team',
];

const temp: string[] = [];
afterEach(() => {
  for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(file = ':memory:'): Connection {
  const db = new Database(file);
  // As every project connection runs (secure_delete among them), without the key, so the test can read the file.
  applyConnectionSettings(db);
  migrate(db, migrations, PROJECT_KIND.applicationId);
  return db;
}

function withTranscript(db = project(), body = BODY) {
  const { documentId } = storeDocumentForReview(
    db,
    { kind: 'transcript', title: 'Interview 4', body },
    { countries: ['GB'] },
  );
  return { db, documentId };
}

/** Code-point span of the nth occurrence of words in the text. */
function spanOf(text: string, words: string, nth = 0) {
  let unit = -1;
  for (let i = 0; i <= nth; i++) unit = text.indexOf(words, unit + 1);
  if (unit < 0) throw new Error(`"${words}" is not in the text`);
  const start = [...text.slice(0, unit)].length;
  return { start, end: start + [...words].length };
}

function findings(db: Connection, documentId: number): ReviewFinding[] {
  return readDocumentForReview(db, documentId).findings;
}

const finding = (db: Connection, documentId: number, words: string) => {
  const found = findings(db, documentId).find((f) => f.text === words);
  if (!found) throw new Error(`no finding "${words}"`);
  return found;
};

function auditRows(db: Connection) {
  return db.prepare('SELECT action, object_id AS objectId, detail FROM audit_log ORDER BY id').all() as {
    action: string;
    objectId: string;
    detail: string;
  }[];
}

/** Every text value of every column of every table (the audit log included) that holds the words. */
function whereTheWordsAre(db: Connection, words: string): string[] {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  return tables.flatMap((table) =>
    (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).flatMap((column) => {
      const n = db
        .prepare(`SELECT count(*) FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), ?) > 0`)
        .pluck()
        .get(words) as number;
      return n > 0 ? [`${table}.${column}`] : [];
    }),
  );
}

function errorOf(work: () => unknown): ConfidantError {
  try {
    work();
  } catch (error) {
    if (error instanceof ConfidantError) return error;
    throw error;
  }
  throw new Error('expected a ConfidantError');
}

/** Accepts everything but the false positive "Kanban", and marks the organisation the scan missed. */
function reviewed() {
  const { db, documentId } = withTranscript();
  decideFindings(
    db,
    { documentId, findingId: finding(db, documentId, 'Kanban').id, decision: 'rejected' },
    'test',
  );
  for (const entity of new Set(findings(db, documentId).map((f) => f.entity))) {
    decideFindings(db, { documentId, entity, decision: 'accepted' }, 'test');
  }
  addFinding(db, { documentId, ...spanOf(BODY, 'Finance team'), entity: 'ORGANIZATION' }, 'test');
  return { db, documentId };
}

describe('reading documents for review', () => {
  it('lists documents awaiting review first, with their findings counted by kind and decision', () => {
    const { db, documentId } = withTranscript();
    const other = storeDocumentForReview(db, { kind: 'journal', title: 'Week 1', body: 'Nothing here.' }, {});
    applyReview(db, { documentId: other.documentId, operators: {}, acceptUndecided: false }, 'test');
    const third = storeDocumentForReview(
      db,
      { kind: 'mentor_note', title: 'Note', body: 'Ask Tom Baker.' },
      {},
    );
    const list = listDocumentsForReview(db);
    expect(list.map((d) => [d.id, d.review])).toEqual([
      [documentId, 'awaiting'],
      [third.documentId, 'awaiting'],
      [other.documentId, 'applied'],
    ]);
    const transcript = list[0]!;
    expect(transcript).toMatchObject({
      kind: 'transcript',
      title: 'Interview 4',
      characters: [...BODY].length,
    });
    expect(transcript.counts).toEqual({ pending: findings(db, documentId).length, accepted: 0, rejected: 0 });
    expect(transcript.entities.find((e) => e.entity === 'PERSON')).toEqual({
      entity: 'PERSON',
      pending: 5,
      accepted: 0,
      rejected: 0,
    });
    expect(transcript.entities.map((e) => e.entity)).toEqual([
      'PERSON',
      'EMAIL_ADDRESS',
      'PHONE_NUMBER',
      'DATE_TIME',
      'LOCATION',
    ]);
    expect(list[2]!.reviewedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('gives the text in pieces cut at the findings, each finding with its words and code-point span', () => {
    const { db, documentId } = withTranscript();
    const review = readDocumentForReview(db, documentId);
    expect(review.segments.map((s) => s.text).join('')).toBe(BODY);
    const email = review.findings.find((f) => f.entity === 'EMAIL_ADDRESS')!;
    expect(email).toMatchObject({ text: 'priya.raman@example.org', origin: 'detected', decision: 'pending' });
    expect({ start: email.start, end: email.end }).toEqual(spanOf(BODY, 'priya.raman@example.org'));
    expect(review.segments.find((s) => s.findingId === email.id)).toEqual({
      start: email.start,
      text: 'priya.raman@example.org',
      findingId: email.id,
    });
  });

  it('says which document is missing', () => {
    expect(errorOf(() => readDocumentForReview(project(), 42))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no document 42 in this project.',
    });
  });
});

describe('deciding findings', () => {
  it('accepts the undecided findings of a kind together and leaves a rejected one rejected', () => {
    const { db, documentId } = withTranscript();
    const kanban = finding(db, documentId, 'Kanban');
    expect(decideFindings(db, { documentId, findingId: kanban.id, decision: 'rejected' }, 'test')).toEqual({
      changed: 1,
    });
    expect(decideFindings(db, { documentId, entity: 'PERSON', decision: 'accepted' }, 'test')).toEqual({
      changed: 4,
    });
    const people = findings(db, documentId).filter((f) => f.entity === 'PERSON');
    expect(people.map((f) => [f.text, f.decision])).toEqual([
      ['Priya', 'accepted'],
      ['Priya Raman', 'accepted'],
      ['Kanban', 'rejected'],
      ['Tom Baker', 'accepted'],
      ['Priya', 'accepted'],
    ]);
    expect(findings(db, documentId).find((f) => f.entity === 'EMAIL_ADDRESS')!.decision).toBe('pending');
  });

  it('makes a finding undecided again, and changes nothing when the decision is the same', () => {
    const { db, documentId } = withTranscript();
    const { id } = finding(db, documentId, 'Leeds');
    decideFindings(db, { documentId, findingId: id, decision: 'accepted' }, 'test');
    expect(decideFindings(db, { documentId, findingId: id, decision: 'accepted' }, 'test').changed).toBe(0);
    decideFindings(db, { documentId, findingId: id, decision: 'pending' }, 'test');
    expect(finding(db, documentId, 'Leeds').decision).toBe('pending');
    expect(auditRows(db).filter((a) => a.action === 'anonymize.decide')).toHaveLength(2);
  });

  it('refuses a finding of another document', () => {
    const { db, documentId } = withTranscript();
    const other = storeDocumentForReview(db, { kind: 'journal', title: 'Week 1', body: 'Tom Baker.' }, {});
    const { id } = finding(db, documentId, 'Leeds');
    expect(
      errorOf(() =>
        decideFindings(db, { documentId: other.documentId, findingId: id, decision: 'accepted' }, 'x'),
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('records each decision in the audit log by document, kind and count, never the words', () => {
    const { db, documentId } = reviewed();
    const entries = auditRows(db).filter((a) => a.action.startsWith('anonymize.'));
    expect(entries.map((a) => a.action)).toEqual([
      'anonymize.decide',
      ...Array(5).fill('anonymize.decide'),
      'anonymize.addFinding',
    ]);
    expect(entries.every((a) => a.objectId === String(documentId))).toBe(true);
    expect(JSON.parse(entries[1]!.detail)).toEqual({
      entity: 'PERSON',
      decision: 'accepted',
      findings: 4,
      allUndecided: true,
    });
    expect(JSON.parse(entries[6]!.detail)).toMatchObject({ entity: 'ORGANIZATION', replaced: 0 });
    for (const words of [...IDENTIFYING, 'Kanban', 'Leeds']) {
      expect(entries.some((a) => a.detail.includes(words))).toBe(false);
    }
  });
});

describe('marking a span the scan missed', () => {
  it('adds it accepted, without the spaces around the selection', () => {
    const { db, documentId } = withTranscript();
    const { start, end } = spanOf(BODY, 'Finance team');
    const added = addFinding(db, { documentId, start: start - 1, end: end + 1, entity: 'ORGANIZATION' }, 't');
    expect(added.replaced).toBe(0);
    expect(findings(db, documentId).find((f) => f.id === added.findingId)).toMatchObject({
      start,
      end,
      text: 'Finance team',
      entity: 'ORGANIZATION',
      origin: 'added',
      decision: 'accepted',
    });
  });

  it('takes the place of the findings it overlaps; the same words as the same kind accept the finding', () => {
    const { db, documentId } = withTranscript();
    const tom = finding(db, documentId, 'Tom Baker');
    expect(addFinding(db, { documentId, ...spanOf(BODY, 'Tom Baker'), entity: 'PERSON' }, 't')).toEqual({
      findingId: tom.id,
      replaced: 0,
    });
    expect(finding(db, documentId, 'Tom Baker').decision).toBe('accepted');

    const leeds = addFinding(db, { documentId, ...spanOf(BODY, 'in Leeds'), entity: 'LOCATION' }, 't');
    expect(leeds.replaced).toBe(1);
    expect(
      findings(db, documentId)
        .filter((f) => f.text.includes('Leeds'))
        .map((f) => f.text),
    ).toEqual(['in Leeds']);
  });

  it('refuses a span past the end of the text, and a selection of spaces only', () => {
    const { db, documentId } = withTranscript();
    const length = [...BODY].length;
    expect(
      errorOf(() =>
        addFinding(db, { documentId, start: length - 2, end: length + 1, entity: 'PERSON' }, 't'),
      ),
    ).toMatchObject({
      code: 'INVALID_ARGUMENTS',
      message: `The span ${length - 2}–${length + 1} goes past the end of “Interview 4” (${length} characters).`,
    });
    const space = spanOf(BODY, ' ');
    expect(errorOf(() => addFinding(db, { documentId, ...space, entity: 'PERSON' }, 't')).message).toBe(
      'The selection holds only spaces: select a word.',
    );
  });

  it('refuses at the boundary an empty span, an unknown kind, and generalising anything but a date', () => {
    const add = handlerSchemas['anonymize.addFinding'];
    expect(
      add.safeParse({ documentId: 1, start: 4, end: 4, entity: 'PERSON' }).error?.issues[0]?.message,
    ).toBe('Select at least one character to mark.');
    expect(add.safeParse({ documentId: 1, start: 0, end: 4, entity: 'NAME' }).success).toBe(false);
    const apply = handlerSchemas['anonymize.apply'].safeParse({
      documentId: 1,
      operators: { PERSON: { kind: 'generalise', dateTo: 'year' } },
    });
    expect(apply.error?.issues[0]?.message).toMatch(/^Only dates and times can be generalised/);
    const decide = handlerSchemas['anonymize.decide'];
    expect(
      decide.safeParse({ documentId: 1, findingId: 2, entity: 'PERSON', decision: 'accepted' }).success,
    ).toBe(false);
    expect(decide.safeParse({ documentId: 1, entity: 'PERSON', decision: 'pending' }).success).toBe(false);
  });
});

describe('applying a review', () => {
  const operators: RedactionOperators = {
    EMAIL_ADDRESS: { kind: 'redact' },
    PHONE_NUMBER: { kind: 'mask', keepLast: 4 },
    DATE_TIME: { kind: 'generalise', dateTo: 'month' },
  };

  it('replaces each accepted finding with its kind’s operator, with tags consistent within the document', () => {
    const { db, documentId } = reviewed();
    const preview = previewReview(db, documentId, operators);
    expect(applyReview(db, { documentId, operators, acceptUndecided: false }, 'test')).toEqual({
      documentId,
      replaced: 9,
      acceptedUndecided: 0,
    });
    const text = readDocumentForReview(db, documentId)
      .segments.map((s) => s.text)
      .join('');
    expect(text).toBe(
      'Interviewer: Thanks for joining, [PERSON-1].\n' +
        '[PERSON-1]: Happy to 👋. We used the Kanban board. My mentor [PERSON-2] helped a lot. ' +
        'Reach me at [REDACTED] or ••••• ••3456. We met on [2025-03] in [LOCATION-1]. ' +
        '[PERSON-1] said the [ORGANIZATION-1] was great. My staff number is EMP-123456.',
    );
    expect(preview).toEqual({ text, replaced: 9, undecided: 0 });
    const document = listDocumentsForReview(db)[0]!;
    expect(document).toMatchObject({ review: 'applied', counts: { pending: 0, accepted: 0, rejected: 0 } });
    expect(db.prepare('SELECT count(*) FROM pii_finding').pluck().get()).toBe(0);
  });

  it('refuses while findings are undecided and changes nothing, unless asked to accept the rest', () => {
    const { db, documentId } = withTranscript();
    decideFindings(db, { documentId, entity: 'PERSON', decision: 'accepted' }, 'test');
    const refused = errorOf(() =>
      applyReview(db, { documentId, operators: {}, acceptUndecided: false }, 't'),
    );
    expect(refused).toMatchObject({
      code: 'FINDINGS_UNDECIDED',
      message: '4 findings are still undecided. Accept or reject them, or accept the rest and apply.',
    });
    expect(db.prepare('SELECT body FROM document').pluck().get()).toBe(BODY);
    expect(previewReview(db, documentId, {}).undecided).toBe(4);

    expect(applyReview(db, { documentId, operators: {}, acceptUndecided: true }, 'test')).toMatchObject({
      replaced: 9,
      acceptedUndecided: 4,
    });
    const body = db.prepare('SELECT body FROM document').pluck().get() as string;
    expect(body).toContain('Reach me at [EMAIL_ADDRESS-1] or [PHONE_NUMBER-1]. We met on [DATE_TIME-1] in');
  });

  it('leaves no original words anywhere in the project, the audit log included', () => {
    const { db, documentId } = reviewed();
    expect(whereTheWordsAre(db, 'priya.raman@example.org')).toEqual(['document.body']);
    applyReview(db, { documentId, operators, acceptUndecided: false }, 'test');
    for (const words of IDENTIFYING) expect(whereTheWordsAre(db, words), words).toEqual([]);
    const apply = auditRows(db).find((a) => a.action === 'anonymize.apply')!;
    expect(JSON.parse(apply.detail)).toEqual({
      replaced: 9,
      rejected: 1,
      acceptedUndecided: 0,
      operators:
        'DATE_TIME generalise, EMAIL_ADDRESS redact, LOCATION tag, ORGANIZATION tag, PERSON tag, PHONE_NUMBER mask',
    });
  });

  it('overwrites the original in the file itself, not only in the tables (secure_delete)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'confidant-review-'));
    temp.push(dir);
    const file = path.join(dir, 'plain.db');
    // A long transcript spills over many pages; an unencrypted file lets the test read what is on disk.
    const long = `${'We talked about goals and the next steps for the quarter. '.repeat(2000)}${BODY}`;
    const { db, documentId } = withTranscript(project(file), long);
    expect(readFileSync(file).includes('priya.raman@example.org')).toBe(true);
    addFinding(db, { documentId, ...spanOf(long, 'Finance team'), entity: 'ORGANIZATION' }, 'test');
    applyReview(db, { documentId, operators: {}, acceptUndecided: true }, 'test');
    db.close();
    const bytes = readFileSync(file);
    for (const words of IDENTIFYING) expect(bytes.includes(words), words).toBe(false);
  });

  it('cannot be applied twice, and an applied document takes no more decisions', () => {
    const { db, documentId } = reviewed();
    applyReview(db, { documentId, operators: {}, acceptUndecided: false }, 'test');
    expect(
      errorOf(() => applyReview(db, { documentId, operators: {}, acceptUndecided: true }, 't')),
    ).toMatchObject({
      code: 'REVIEW_ALREADY_APPLIED',
      message: 'The review of “Interview 4” has already been applied; its original text is no longer kept.',
    });
    expect(
      errorOf(() => decideFindings(db, { documentId, entity: 'PERSON', decision: 'accepted' }, 't')).code,
    ).toBe('REVIEW_ALREADY_APPLIED');
  });
});

describe('scanning again with the current settings', () => {
  it('finds what the new settings look for, keeping decisions on the same words and the marked spans', () => {
    const { db, documentId } = reviewed();
    const before = findings(db, documentId);
    saveAnonymisationSettings(
      db,
      {
        countries: ['GB'],
        identifierMasks: [{ mask: 'EMP-######' }],
        minimumCellSize: { counts: 5, quotes: 10 },
      },
      'test',
    );
    expect(rescanAwaitingDocuments(db, 'test')).toEqual({
      documents: 1,
      findings: before.length + 1,
      keptDecisions: before.length - 1,
      keptAdded: 1,
    });
    const after = findings(db, documentId);
    const decisions = (list: ReviewFinding[]) =>
      list.map((f) => `${f.text} ${f.entity} ${f.origin} ${f.decision}`);
    expect(decisions(after)).toEqual([...decisions(before), 'EMP-123456 EMPLOYEE_ID detected pending']);
    const audit = auditRows(db).find((a) => a.action === 'anonymize.rescan')!;
    expect(JSON.parse(audit.detail)).toEqual({ documents: 1, findings: 11, keptDecisions: 9, keptAdded: 1 });
  });

  it('leaves applied documents alone', () => {
    const { db, documentId } = reviewed();
    applyReview(db, { documentId, operators: {}, acceptUndecided: false }, 'test');
    expect(rescanAwaitingDocuments(db, 'test')).toMatchObject({ documents: 0, findings: 0 });
    expect(findings(db, documentId)).toEqual([]);
  });
});
