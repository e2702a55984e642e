/**
 * Taking an import back, as the evaluator does from Data -> Imports: its rows, the participants only it held and
 * their identifiers go, in one transaction, audited; the same file can then be imported again. An import that
 * another still depends on (pairings whose meetings were imported) is refused with what to remove first.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportKind } from '../../../shared/import';
import { openTestProject, type TestProject } from '../anonymize/openProject';

const ROSTER = `Employee ID,Email,First name,Last name
E1001,amara.okafor@example.org,Amara,Okafor
E1002,ben.smith@example.org,Ben,Smith
E1003,chen.wang@example.org,Chen,Wang
`;
const SURVEY = `Employee ID,I feel confident at work
E1001,Agree
E1002,Disagree
E2001,Agree
`;
const PAIRINGS = 'Mentor ID,Mentee ID,Pairing start\nE1002,E1001,2026-01-15\n';
const MEETINGS = 'Mentor ID,Mentee ID,Meeting date,Duration\nE1002,E1001,2026-02-01,45\n';

let project: TestProject;
beforeEach(async () => {
  project = await openTestProject();
});
afterEach(() => project.close());

const db = () => project.engine.session.requireProject().db;
const count = (sql: string) => db().prepare(sql).pluck().get() as number;

async function importFile(name: string, content: string, kind: ImportKind) {
  const source = project.engine.session.grant(path.join(path.dirname(db().name), name));
  writeFileSync(source, content);
  const preview = await project.call('import.preview', { source, options: {} });
  return project.call('import.commit', {
    source,
    plan: {
      kind,
      columns: preview.columns.map(({ confidence: _c, reason: _r, ...column }) => column),
      skipInvalidRows: false,
      addUnknownParticipants: kind === 'survey',
      options: {},
      ...(kind === 'survey' ? { window: 'Baseline', instrument: 'Pulse' } : {}),
    },
  });
}

describe('removing an import', () => {
  it('takes a survey wave back: its answers and the respondent only it added, with their identifiers', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const wave = await importFile('wave.csv', SURVEY, 'survey');
    expect(wave).toMatchObject({ committed: true, rowsImported: 3, participantsAdded: 1 });
    const identifiersBefore = count('SELECT count(*) FROM participant_identifier');

    const preview = await project.call('data.previewImportRemoval', { importId: wave.importId! });
    expect(preview).toMatchObject({ surveyAnswers: 3, participants: 1, identifiers: 1, blockedBy: null });
    expect(count('SELECT count(*) FROM response_set')).toBe(3);

    const removed = await project.call('data.removeImport', { importId: wave.importId! });
    expect(removed).toEqual(preview);
    expect(count('SELECT count(*) FROM response_set')).toBe(0);
    expect(count('SELECT count(*) FROM participant')).toBe(3);
    expect(count('SELECT count(*) FROM participant_identifier')).toBe(identifiersBefore - 1);
    expect((await project.call('data.imports', {})).imports.map((batch) => batch.kind)).toEqual(['roster']);
    const audit = db()
      .prepare("SELECT object_id, detail FROM audit_log WHERE action = 'import.remove'")
      .get() as { object_id: string; detail: string };
    expect(audit.object_id).toBe(String(wave.importId));
    expect(JSON.parse(audit.detail)).toMatchObject({ kind: 'survey', surveyAnswers: 3, participants: 1 });

    const again = await importFile('wave.csv', SURVEY, 'survey');
    expect(again).toMatchObject({ committed: true, alreadyImported: false, rowsImported: 3 });
  });

  it('takes a roster back but keeps the people other imports hold, and those another roster lists', async () => {
    const first = await importFile('roster.csv', ROSTER, 'roster');
    await importFile('next-term.csv', 'Employee ID,Email\nE1003,chen.wang@example.org\n', 'roster');
    await importFile('wave.csv', 'Employee ID,I feel confident at work\nE1001,Agree\n', 'survey');

    const removed = await project.call('data.removeImport', { importId: first.importId! });
    // E1001 answered the survey, E1003 is on the next term's roster: only E1002 goes.
    expect(removed).toMatchObject({ rosterEntries: 3, participants: 1 });
    expect(count('SELECT count(*) FROM participant')).toBe(2);
    expect(
      count(
        'SELECT count(*) FROM participant WHERE import_id IS NOT NULL AND import_id NOT IN (SELECT id FROM import_batch)',
      ),
    ).toBe(0);
    expect(count('SELECT count(*) FROM response_set')).toBe(1);
    expect(count('PRAGMA foreign_key_check')).toBeUndefined();
  });

  it('refuses to take pairings back while their meetings are imported, and changes nothing', async () => {
    await importFile('roster.csv', ROSTER, 'roster');
    const pairings = await importFile('pairings.csv', PAIRINGS, 'pairings');
    const meetings = await importFile('meetings.csv', MEETINGS, 'activity');
    expect(meetings.committed).toBe(true);
    const before = count('SELECT count(*) FROM audit_log');

    const preview = await project.call('data.previewImportRemoval', { importId: pairings.importId! });
    expect(preview.blockedBy).toBe(
      'Meetings imported from “meetings.csv” belong to pairings of this import. Remove that import first.',
    );
    const refused = await project.failure('data.removeImport', { importId: pairings.importId! });
    expect(refused.message).toContain('Remove that import first. Nothing was changed.');
    expect(count('SELECT count(*) FROM pairing')).toBe(1);
    expect(count('SELECT count(*) FROM audit_log')).toBe(before);

    await project.call('data.removeImport', { importId: meetings.importId! });
    expect(await project.call('data.removeImport', { importId: pairings.importId! })).toMatchObject({
      pairings: 1,
      participants: 0,
    });
    expect(count('SELECT count(*) FROM meeting') + count('SELECT count(*) FROM pairing')).toBe(0);
  });

  it('takes a document back with its findings, and says so when the import is not there', async () => {
    const source = project.engine.session.grant(path.join(path.dirname(db().name), 'interview.txt'));
    writeFileSync(source, 'Interviewer: Write to me at someone@example.org.\nMentee: I will.\n');
    const document = await project.call('import.document', {
      source,
      kind: 'transcript',
      title: 'Interview',
    });
    const [batch] = (await project.call('data.imports', {})).imports;
    expect(await project.call('data.removeImport', { importId: batch!.importId })).toMatchObject({
      documents: 1,
    });
    expect(count('SELECT count(*) FROM document') + count('SELECT count(*) FROM pii_finding')).toBe(0);
    const again = await project.call('import.document', { source, kind: 'transcript', title: 'Interview' });
    expect(again).toMatchObject({ duplicate: false, awaitingReview: true, findings: document.findings });

    const missing = await project.failure('data.removeImport', { importId: 999 });
    expect(missing.message).toBe(
      'There is no import 999 in this project (it may have been removed already). Nothing was changed.',
    );
  });
});
