/**
 * Importing a transcript, journal or mentor's note through the engine, as the wizard and the CLI do: the
 * document arrives awaiting review with its findings, linked to a participant matched by id or e-mail and to a
 * collection window; the same file again changes nothing; a participant nobody matches, a failure mid-way or a
 * cancel leave the project exactly as it was.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentImportSummary, DocumentPreview } from '../../../shared/documentImport';
import type { ImportPlan, SourcePreview } from '../../../shared/import';
import type { ProgressEvent } from '../../../shared/progress';
import { createEngine, type Engine } from '../../../electron/core/engine';
import { commitDocument, titleFromFileName } from '../../../electron/core/import/documentImport';
import { ParticipantRegister } from '../../../electron/core/import/participantRegister';
import { readDocument } from '../../../electron/core/import/transcripts/readDocument';

const PASS = 'correct horse battery staple';
const ROSTER = `Employee ID,Email,First name,Last name,Cohort,Role
E1007,priya.raman@example.org,Priya,Raman,2026 Spring,Mentee
E1002,tom.okafor@example.org,Tom,Okafor,2026 Spring,Mentor
`;
let dir: string;
let engine: Engine;
let chosenPath: string | null = null;
const progress: ProgressEvent[] = [];

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-document-'));
  progress.length = 0;
  engine = createEngine({
    choosePath: async (purpose) => (purpose === 'create' ? path.join(dir, 'p.confidant') : chosenPath),
    settingsDir: path.join(dir, 'settings'),
    actor: 'test',
    idleSeconds: () => 0,
    onProgress: (event) => progress.push(event),
  });
  await ok('project.create', { path: await chosen('create'), passphrase: PASS });
});
afterEach(() => {
  engine.session.lock();
  rmSync(dir, { recursive: true, force: true });
});

async function ok<T>(name: string, args: unknown = {}): Promise<T> {
  const outcome = await engine.call(name, args);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value as T;
}
async function failure(name: string, args: unknown) {
  const outcome = await engine.call(name, args);
  if (outcome.ok) throw new Error(`${name} should have failed`);
  return outcome.error;
}
async function chosen(purpose: 'create' | 'import'): Promise<string> {
  return (await ok<{ path: string }>('project.choosePath', { purpose })).path;
}
/** Puts a file in the temp folder and grants it as the import dialog would. */
async function granted(name: string, content?: string): Promise<string> {
  chosenPath = path.join(dir, name);
  if (content === undefined) copyFileSync(path.resolve('test/fixtures/transcripts', name), chosenPath);
  else writeFileSync(chosenPath, content);
  return chosen('import');
}
async function importRoster(): Promise<void> {
  const source = await granted('roster.csv', ROSTER);
  const preview = await ok<SourcePreview>('import.preview', { source });
  const plan: ImportPlan = {
    kind: 'roster',
    columns: preview.columns.map(({ confidence: _c, reason: _r, ...column }) => column),
    skipInvalidRows: false,
    addUnknownParticipants: false,
    options: {},
  };
  await ok('import.commit', { source, plan });
}
const db = () => engine.session.requireProject().db;
const count = (sql: string, ...values: unknown[]) =>
  db()
    .prepare(sql)
    .pluck()
    .get(...values) as number;
/** Every row of every table, the audit log included: "changes nothing" means this stays the same. */
function projectContents(): string {
  const tables = db()
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return JSON.stringify(tables.map((table) => [table, db().prepare(`SELECT * FROM "${table}"`).raw().all()]));
}

describe('previewing a document', () => {
  it('says what the file is, who speaks, the first turns and how long it is', async () => {
    const source = await granted('interview.vtt');
    const preview = await ok<DocumentPreview>('import.previewDocument', { source });
    expect(preview).toMatchObject({
      format: 'webvtt',
      formatName: 'WebVTT captions',
      titleSuggestion: 'Interview',
      speakers: ['Interviewer', 'Sam Patel'],
      turnCount: 4,
    });
    expect(preview.turns[0]).toEqual({
      speaker: 'Interviewer',
      text: 'How did the first meeting with your mentor go?',
      start: 1,
    });
    expect(preview.characters).toBeGreaterThan(200);
  });

  it('suggests a title from the file name, without the names in it', async () => {
    await importRoster();
    const options = { countries: ['GB'], roster: undefined };
    expect(titleFromFileName('/x/mid-programme_interview-2026-03.docx', options)).toBe(
      'Mid programme interview 2026 03',
    );
    expect(titleFromFileName('/x/journal - priya.raman@example.org.txt', options)).toBe('Journal');
    // Lower-case names in a file name are found through the project's roster.
    const preview = await ok<DocumentPreview>('import.previewDocument', {
      source: await granted('interview-priya-raman.txt', 'Interviewer: Hello\nPriya: Hi\n'),
    });
    expect(preview.titleSuggestion).toBe('Interview');
  });

  it('passes on a reader’s message for a file it cannot read', async () => {
    const error = await failure('import.previewDocument', {
      source: await granted('bad.srt', '1\n00:00:01 --> 00:00:02\nHi\n'),
    });
    expect(error).toEqual({
      code: 'IO_ERROR',
      message:
        'bad.srt, cue 1 (line 2): the timing "00:00:01 --> 00:00:02" is not start --> end as hh:mm:ss,mmm.',
    });
  });
});

describe('importing a document', () => {
  it('keeps it awaiting review with its findings, linked to the participant and the window', async () => {
    await importRoster();
    const source = await granted('interview.txt');
    const summary = await ok<DocumentImportSummary>('import.document', {
      source,
      kind: 'transcript',
      title: 'Mid-programme interview 7',
      participant: ' Priya.Raman@Example.org ',
      window: 'Mid-programme',
      jobId: 'doc-1',
    });
    expect(summary).toMatchObject({ duplicate: false, kind: 'transcript', awaitingReview: true });
    expect(summary.findingsByEntity).toMatchObject({ EMAIL_ADDRESS: 1, PHONE_NUMBER: 1 });
    expect(summary.findingsByEntity.PERSON).toBeGreaterThanOrEqual(2);
    expect(summary.findings).toBe(Object.values(summary.findingsByEntity).reduce((a, b) => a + b, 0));
    expect(count('SELECT count(*) FROM pii_finding WHERE document_id = ?', summary.documentId)).toBe(
      summary.findings,
    );

    const stored = db()
      .prepare(
        `SELECT d.kind, d.title, d.review, d.body, p.pseudonym, w.name AS window, b.kind AS batch
         FROM document d JOIN participant p ON p.id = d.participant_id JOIN collection_window w ON w.id = d.window_id
         JOIN import_batch b ON b.id = d.import_id WHERE d.id = ?`,
      )
      .get(summary.documentId) as { body: string; pseudonym: string };
    expect(stored).toMatchObject({
      kind: 'transcript',
      title: 'Mid-programme interview 7',
      review: 'awaiting',
      window: 'Mid-programme',
      batch: 'document',
    });
    expect(stored.pseudonym).toMatch(/^P-/);
    const transcript = await readDocument(source);
    expect(stored.body.split('\n\n')).toHaveLength(transcript.turns.length);

    // Every finding is a span of the body: the e-mail address is where the body has it.
    const email = db()
      .prepare(
        "SELECT span_start AS start, span_end AS end FROM pii_finding WHERE document_id = ? AND entity = 'EMAIL_ADDRESS'",
      )
      .get(summary.documentId) as { start: number; end: number };
    expect([...stored.body].slice(email.start, email.end).join('')).toBe('priya.raman@example.org');

    // The audit log has counts and ids, never the text, the title or who it is about.
    const audit = db().prepare("SELECT * FROM audit_log WHERE action = 'import.document'").get() as Record<
      string,
      string
    >;
    expect(audit.object_id).toBe(String(summary.documentId));
    expect(JSON.parse(audit.detail!)).toMatchObject({
      kind: 'transcript',
      format: 'text',
      participantLinked: true,
      windowLinked: true,
      findings: summary.findings,
    });
    expect(audit.detail).not.toMatch(/priya|raman|interview|example\.org/i);
    expect(progress.filter((e) => e.jobId === 'doc-1').map((e) => e.phase)).toContain('Reading the document');
  });

  it('matches the participant by id too, and needs neither', async () => {
    await importRoster();
    const byId = await ok<DocumentImportSummary>('import.document', {
      source: await granted('interview.srt'),
      kind: 'mentor_note',
      title: 'Notes',
      participant: 'E1002',
    });
    // E1002 is Tom Okafor, whom the register knows by his e-mail address too.
    const tom = new ParticipantRegister(db()).find([{ kind: 'email', value: 'tom.okafor@example.org' }]);
    expect(count('SELECT participant_id FROM document WHERE id = ?', byId.documentId)).toBe(tom?.id);
    const alone = await ok<DocumentImportSummary>('import.document', {
      source: await granted('journal.txt'),
      kind: 'journal',
      title: 'Week 3',
    });
    expect(
      count(
        'SELECT count(*) FROM document WHERE id = ? AND participant_id IS NULL AND window_id IS NULL',
        alone.documentId,
      ),
    ).toBe(1);
  });

  it('recognises the same file again and changes nothing', async () => {
    const source = await granted('interview.vtt');
    const first = await ok<DocumentImportSummary>('import.document', {
      source,
      kind: 'transcript',
      title: 'Check-in',
    });
    const before = projectContents();
    const again = await ok<DocumentImportSummary>('import.document', {
      source,
      kind: 'journal',
      title: 'Another title',
    });
    expect(again).toEqual({ ...first, duplicate: true });
    expect(projectContents()).toBe(before);
  });

  it('imports nothing when nobody has the id or e-mail typed', async () => {
    await importRoster();
    const before = projectContents();
    const error = await failure('import.document', {
      source: await granted('interview.txt'),
      kind: 'transcript',
      title: 'Interview',
      participant: 'nobody@example.org',
    });
    expect(error).toEqual({
      code: 'INVALID_ARGUMENTS',
      message:
        'No participant in this project has the e-mail address you typed. Check it, leave it out, or import the roster that lists them first. Nothing was imported.',
    });
    expect(projectContents()).toBe(before);
  });

  it('refuses an empty title at the boundary', async () => {
    const error = await failure('import.document', {
      source: await granted('journal.txt'),
      kind: 'journal',
      title: '  ',
    });
    expect(error.code).toBe('INVALID_ARGUMENTS');
    expect(error.message).toContain('Give the document a title.');
  });

  it('rolls everything back when the import fails after its first write', async () => {
    const before = projectContents();
    const transcript = await readDocument(path.resolve('test/fixtures/transcripts/journal.txt'));
    const spec = {
      kind: 'journal' as const,
      title: 'Week 3',
      sourceName: 'journal.txt',
      contentSha256: 'ab',
      actor: 'test',
    };
    expect(() =>
      commitDocument(db(), transcript, spec, () => {
        throw new Error('the disk is full');
      }),
    ).toThrow('the disk is full');
    expect(db().inTransaction).toBe(false);
    expect(projectContents()).toBe(before);
  });

  it('leaves the project as it was when the import is cancelled', async () => {
    // Large enough that the scan is still running when the cancel arrives.
    const paragraph =
      'Interviewer: And then?\nSam Patel: We met in Leeds, and Dana Levi called me on 07700 900123.\n';
    const source = await granted('long.txt', paragraph.repeat(200_000));
    const before = projectContents();
    const running = engine.call('import.document', {
      source,
      kind: 'transcript',
      title: 'Long',
      jobId: 'long-1',
    });
    await expect
      .poll(() => progress.some((e) => e.jobId === 'long-1' && e.phase.startsWith('Looking for names')), {
        timeout: 60_000,
      })
      .toBe(true);
    expect(await ok('import.cancel', { jobId: 'long-1' })).toEqual({ cancelled: true });
    const outcome = await running;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(projectContents()).toBe(before);
  }, 120_000);
});
