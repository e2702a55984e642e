import { describe, expect, it } from 'vitest';
import type { ImportSummary, SourcePreview } from '../../shared/import';
import type { ProgressEvent, ProgressListener } from '../../shared/progress';
import { ConfidantError } from '../../shared/errors';
import { startDocumentOver } from '../../renderer/areas/import/documentState';
import {
  chooseImport,
  createImportSession,
  freshImports,
  importRunning,
  jobDone,
  jobFailed,
  jobStarted,
  markCancelling,
  progressSeen,
  withTable,
  type ImportEngine,
  type KeptImports,
} from '../../renderer/areas/import/importSession';
import { previewRead, runFinished, startTableOver } from '../../renderer/areas/import/wizardState';

const rows = (jobId: string, done: number): ProgressEvent => ({
  jobId,
  phase: 'Importing rows',
  done,
  rate: 9000,
});

function summary(overrides: Partial<ImportSummary> = {}): ImportSummary {
  return {
    committed: false,
    alreadyImported: false,
    importId: null,
    rowsRead: 3,
    rowsImported: 3,
    rowsSkipped: 0,
    rowsAlreadyPresent: 0,
    participantsAdded: 3,
    problemCount: 0,
    problems: [],
    ...overrides,
  };
}

function preview(overrides: Partial<SourcePreview> = {}): SourcePreview {
  return {
    tool: 'plain',
    reason: 'a plain table: one heading row',
    dataStartRow: 2,
    header: ['Email', 'Confidence'],
    questions: ['Email', 'I feel confident'],
    roleReasons: ['it identifies a person', 'nothing suggests a person'],
    columns: [
      { index: 0, heading: 'Email', field: 'email', confidence: 'high', reason: 'the heading says e-mail' },
      { index: 1, heading: 'Confidence', field: 'likertItem', confidence: 'medium', reason: 'answers' },
    ],
    rows: [['a@x.org', 'Agree']],
    savedMapping: null,
    answerScales: [],
    ...overrides,
  } as SourcePreview;
}

/** An engine whose progress the test sends and whose cancel the test answers. */
function fakeEngine(cancelAnswer: () => Promise<unknown> = () => Promise.resolve({})) {
  const listeners = new Set<ProgressListener>();
  const cancelled: string[] = [];
  const engine: ImportEngine = {
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cancel(jobId) {
      cancelled.push(jobId);
      return cancelAnswer();
    },
  };
  const send = (event: ProgressEvent) => listeners.forEach((listener) => listener(event));
  return { engine, send, cancelled, listening: () => listeners.size };
}

/** A job the test finishes: its id, and how to end it well or badly. */
function heldJob() {
  let jobId = '';
  let finish: (value: ImportSummary) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const work = (id: string) => {
    jobId = id;
    return new Promise<ImportSummary>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return {
    work,
    id: () => jobId,
    finish: (value: ImportSummary) => finish(value),
    fail: (e: unknown) => fail(e),
  };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the job under way, as pure steps', () => {
  const running = jobStarted(freshImports, 'job-1');

  it('keeps the latest progress of the running job and ignores any other job', () => {
    expect(importRunning(freshImports)).toBe(false);
    expect(importRunning(running)).toBe(true);
    const seen = progressSeen(running, rows('job-1', 5000));
    expect(seen.job).toMatchObject({ state: 'running', progress: { done: 5000 } });
    expect(progressSeen(seen, rows('job-2', 9))).toBe(seen);
    expect(progressSeen(freshImports, rows('job-1', 9))).toBe(freshImports);
  });

  it('marks a cancel asked for, and takes it back when the engine refused', () => {
    const asked = markCancelling(running, true);
    expect(asked.job).toMatchObject({ cancelling: true });
    expect(markCancelling(asked, false).job).toMatchObject({ cancelling: false });
    expect(markCancelling(freshImports, true)).toBe(freshImports);
  });

  it('puts a finished job’s result in the wizard, and stops running', () => {
    const done = jobDone(running, 'job-1', (kept) => withTable(kept, { step: 'summary' }));
    expect(done.job).toBeNull();
    expect(done.table.step).toBe('summary');
    expect(importRunning(done)).toBe(false);
  });

  it('keeps how a job failed, and ignores a job the evaluator started over from', () => {
    const error = new ConfidantError('CANCELLED', 'Cancelled.');
    expect(jobFailed(running, 'job-1', error).job).toEqual({ id: 'job-1', state: 'failed', error });
    const startedOver: KeptImports = { ...running, job: null };
    expect(jobFailed(startedOver, 'job-1', error)).toBe(startedOver);
    expect(jobDone(startedOver, 'job-1', () => freshImports)).toBe(startedOver);
  });
});

describe('an import session', () => {
  it('collects a job’s progress with nobody watching, and tells a watcher when it changes', async () => {
    const { engine, send, listening } = fakeEngine();
    const session = createImportSession(engine);
    const job = heldJob();
    session.start(job.work, (kept, result) => ({ ...kept, table: runFinished(kept.table, result, false) }));
    expect(listening()).toBe(1);
    // The area is not shown: nothing subscribes, the progress is kept all the same.
    send(rows(job.id(), 120_000));
    send(rows('someone-else', 1));
    expect(session.get().job).toMatchObject({ state: 'running', progress: { done: 120_000 } });

    let changes = 0;
    const unsubscribe = session.subscribe(() => changes++);
    send(rows(job.id(), 150_000));
    expect(changes).toBe(1);
    unsubscribe();

    job.finish(summary({ committed: true }));
    await settled();
    expect(session.get().job).toBeNull();
    expect(session.get().table).toMatchObject({ step: 'summary', result: { committed: true } });
    expect(listening()).toBe(0);
  });

  it('cancels the running job once, and keeps the failure for the wizard to show', async () => {
    const { engine, cancelled, listening } = fakeEngine();
    const session = createImportSession(engine);
    const job = heldJob();
    session.start(job.work, (kept) => kept);
    session.cancel();
    session.cancel();
    expect(cancelled).toEqual([job.id()]);
    expect(session.get().job).toMatchObject({ state: 'running', cancelling: true });

    const error = new ConfidantError('CANCELLED', 'Cancelled.');
    job.fail(error);
    await settled();
    expect(session.get().job).toEqual({ id: job.id(), state: 'failed', error });
    expect(listening()).toBe(0);
    session.cancel();
    expect(cancelled).toHaveLength(1);
  });

  it('offers Cancel again when the engine refused to cancel', async () => {
    const { engine } = fakeEngine(() => Promise.reject(new Error('no')));
    const session = createImportSession(engine);
    session.start(heldJob().work, (kept) => kept);
    session.cancel();
    await settled();
    expect(session.get().job).toMatchObject({ state: 'running', cancelling: false });
  });

  it('starts empty every time: nothing of one project reaches the next', () => {
    const first = createImportSession(fakeEngine().engine);
    first.change((kept) => withTable(kept, { step: 'map', source: '/x/roster.csv' }));
    expect(createImportSession(fakeEngine().engine).get()).toBe(freshImports);
  });
});

describe('the wizards’ steps over the kept state', () => {
  it('guesses the kind of a new file, and keeps the destination when the same file is read again', () => {
    const survey = preview();
    const read = previewRead(freshImports.table, '/x/wave.csv', {}, survey);
    expect(read).toMatchObject({ step: 'preview', source: '/x/wave.csv', destination: { kind: 'survey' } });
    expect(read.columns.map((column) => column.field)).toEqual(['email', 'likertItem']);
    const named = { ...read, step: 'map' as const, destination: { ...read.destination, window: 'Spring' } };
    expect(previewRead(named, '/x/wave.csv', { sheet: 'B' }, survey).destination.window).toBe('Spring');
    expect(previewRead(named, '/x/other.csv', {}, survey).destination.window).toBe('');
  });

  it('stays on the Check step after a check, and goes to the Summary after an import or a file already in', () => {
    const checking = { ...freshImports.table, step: 'check' as const, skipInvalidRows: true };
    expect(runFinished(checking, summary(), true)).toMatchObject({ step: 'check', skipInvalidRows: false });
    expect(runFinished(checking, summary({ alreadyImported: true }), true).step).toBe('summary');
    expect(runFinished(checking, summary({ committed: true }), false)).toMatchObject({ step: 'summary' });
  });

  it('starts over at choosing a file, with nothing of the last file shown', () => {
    const done = runFinished(previewRead(freshImports.table, '/x/a.csv', {}, preview()), summary(), false);
    expect(startTableOver(done)).toMatchObject({ step: 'choose', source: null, preview: null, result: null });
    const documentDone = {
      ...freshImports.document,
      step: 'summary' as const,
      source: '/x/interview.vtt',
      details: { kind: 'journal' as const, title: 'Week 3', participant: 'E1', window: 'Spring' },
    };
    expect(startDocumentOver(documentDone)).toEqual({
      step: 'choose',
      source: null,
      preview: null,
      result: null,
      details: { kind: 'journal', title: '', participant: '', window: 'Spring' },
    });
  });

  it('takes the kind of document from the choice', () => {
    const chosen = chooseImport(freshImports, 'mentor_note');
    expect(chosen.choice).toBe('mentor_note');
    expect(chosen.document.details.kind).toBe('mentor_note');
    expect(chooseImport(chosen, 'table')).toMatchObject({ choice: 'table', document: chosen.document });
  });
});
