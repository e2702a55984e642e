import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../../shared/import';
import { importIntoProject, previewSource } from '../../../electron/core/import/importJob';
import { openEncryptedFile } from '../../../electron/core/store/encryptedFile';
import { closeProject, createProject, PROJECT_KIND } from '../../../electron/core/store/projectFile';
import { readParticipantQuasiIdentifiers } from '../../../electron/core/anonymize/participantQuasiIdentifiers';
import {
  DISHES,
  googleFormsCsv,
  qualtricsCsv,
  respondents,
  writeSurveyExports,
} from '../../fixtures/surveys/surveyExports';

const PASS = 'correct horse battery staple';
let dir: string;
let projectPath: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-anonymous-'));
  projectPath = path.join(dir, 'p.confidant');
  closeProject(createProject(projectPath, PASS, 'test'), 'test');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Imports a file as the CLI does without a mapping file: the preview's suggested plan, as it is. */
async function importSurvey(
  source: string,
  window = 'Baseline',
  change: (plan: ImportPlan) => void = () => {},
) {
  const preview = await previewSource(source);
  const plan: ImportPlan = {
    kind: 'survey',
    window,
    instrument: 'Pulse',
    skipInvalidRows: false,
    addUnknownParticipants: false,
    options: {},
    columns: preview.columns.map(({ confidence: _c, reason: _r, ...column }) => column),
  };
  change(plan);
  return importIntoProject({ projectPath, passphrase: PASS, source, plan, actor: 'test' }, () => {});
}

function withProject<T>(read: (db: Connection) => T): T {
  const db = openEncryptedFile(projectPath, PASS, PROJECT_KIND);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Everything the project holds, decrypted: every value of every table, as text. */
function decryptedContent(): string {
  return withProject((db) => {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    return tables
      .map((table) => JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).raw().all()))
      .join('\n');
  });
}

describe('anonymous survey exports', () => {
  it('imports every row of each tool’s anonymous export as anonymous respondents of the wave', async () => {
    const files = await writeSurveyExports(dir);
    let waves = 0;
    for (const [tool, file] of Object.entries(files)) {
      const summary = await importSurvey(file, `Wave ${++waves}`);
      expect(summary, tool).toMatchObject({
        committed: true,
        rowsRead: 12,
        rowsImported: 12,
        problemCount: 0,
      });
      // The Google Form asks for a personal code, which is suggested as the respondent's own code.
      expect(summary.respondents, tool).toMatchObject({
        anonymous: 12,
        matched: 0,
        added: 0,
        byOwnCode: tool === 'googleForms' ? 12 : 0,
      });
      expect(summary.respondents!.sentence, tool).toMatch(
        /12 rows with no participant id, e-mail or name imported as anonymous respondents of Wave \d/,
      );
    }
    withProject((db) => {
      expect(db.prepare('SELECT count(*) FROM participant WHERE anonymous = 1').pluck().get()).toBe(72);
      expect(
        db.prepare("SELECT count(*) FROM participant WHERE pseudonym NOT LIKE 'R-%'").pluck().get(),
      ).toBe(0);
      // Nobody in the register: the roster can never find an anonymous respondent.
      expect(db.prepare('SELECT count(*) FROM participant_identifier').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM response_set').pluck().get()).toBe(72);
    });
  });

  it('never stores the tools’ identifying columns (IP address, location), and lists every column it did not store', async () => {
    const files = await writeSurveyExports(dir);
    const summary = await importSurvey(files.qualtrics);
    const notStored = new Map(summary.columnsNotStored!.map((c) => [c.column, c.reason]));
    expect(notStored.get('IPAddress')).toMatch(/never stored/);
    expect(notStored.get('LocationLatitude')).toMatch(/never stored/);
    expect(notStored.get('RecipientEmail')).toMatch(/never stored/);
    expect(notStored.get('ResponseId')).toMatch(/response id/);
    expect(notStored.get('Duration (in seconds)')).toMatch(/not needed/);
    await importSurvey(files.spss, 'From SPSS');
    const bytes = decryptedContent();
    for (const person of respondents()) {
      expect(bytes).not.toContain(person.ip);
      expect(bytes).not.toContain(person.latitude);
      expect(bytes).not.toContain(person.longitude);
    }
  });

  it('tells the wizard the file is anonymous and which date columns need their order', async () => {
    const file = path.join(dir, 'qualtrics.csv');
    writeFileSync(file, qualtricsCsv(respondents(12, { ambiguousDates: true })));
    const preview = await previewSource(file);
    expect(preview.anonymous).toBe(true);
    expect(preview.ambiguousDates.map((index) => preview.header[index])).toEqual(['Q8']);
    const files = await writeSurveyExports(dir);
    expect((await previewSource(files.microsoftForms)).anonymous).toBe(true);
    const named = path.join(dir, 'named.csv');
    writeFileSync(named, 'Email,Q1\namara@example.org,Agree\n');
    expect((await previewSource(named)).anonymous).toBe(false);
  });

  it('a Microsoft Forms e-mail column of "anonymous" names nobody: no duplicate, no participant', async () => {
    const files = await writeSurveyExports(dir);
    const summary = await importSurvey(files.microsoftForms);
    expect(summary).toMatchObject({ committed: true, rowsImported: 12, problemCount: 0 });
    expect(summary.respondents!.anonymous).toBe(12);
  });

  it('links an anonymous respondent’s waves by their own code, kept only as a keyed hash', async () => {
    const people = respondents(8);
    const baseline = path.join(dir, 'baseline.csv');
    const followUp = path.join(dir, 'follow-up.csv');
    writeFileSync(baseline, googleFormsCsv(people));
    // The follow-up: six of the eight answer again (with their codes written in lower case), plus one newcomer.
    writeFileSync(
      followUp,
      googleFormsCsv([
        ...people.slice(2).map((p) => ({ ...p, ownCode: p.ownCode.toLowerCase() })),
        respondents(9)[8]!,
      ]),
    );
    const markCode = (plan: ImportPlan) => {
      const column = plan.columns.find((c) => c.heading.startsWith('Your personal code'))!;
      column.field = 'respondentCode';
      column.role = 'direct-identifier';
    };
    const first = await importSurvey(baseline, 'Baseline', markCode);
    expect(first.respondents).toMatchObject({ anonymous: 8, byOwnCode: 8 });
    const second = await importSurvey(followUp, 'Follow-up', markCode);
    expect(second).toMatchObject({ committed: true, rowsImported: 7 });
    expect(second.respondents!.byOwnCode).toBe(7);
    withProject((db) => {
      expect(db.prepare('SELECT count(*) FROM participant WHERE anonymous = 1').pluck().get()).toBe(9);
      const linked = db
        .prepare(
          'SELECT count(*) FROM (SELECT participant_id FROM response_set GROUP BY participant_id HAVING count(*) = 2)',
        )
        .pluck()
        .get();
      expect(linked).toBe(6);
    });
    const bytes = decryptedContent();
    for (const person of people) expect(bytes).not.toContain(person.ownCode);
  });

  it('refuses a respondent’s own code given twice in one file', async () => {
    const people = respondents(3);
    const file = path.join(dir, 'twice.csv');
    writeFileSync(
      file,
      googleFormsCsv([people[0]!, people[1]!, { ...people[2]!, ownCode: people[0]!.ownCode }]),
    );
    const summary = await importSurvey(file, 'Baseline', (plan) => {
      plan.columns.find((c) => c.heading.startsWith('Your personal code'))!.field = 'respondentCode';
    });
    expect(summary.committed).toBe(false);
    expect(summary.problems[0]!.message).toMatch(/Row 4, .*already appears in row 2/);
  });
});

/** Each stored answer of an instrument's item, by response, in participant order. */
function answersTo(instrument: string, code: string): unknown[] {
  return withProject((db) =>
    (
      db
        .prepare(
          `SELECT r.value FROM response r JOIN item i ON i.id = r.item_id JOIN instrument ins ON ins.id = i.instrument_id
           WHERE ins.name = ? AND i.code = ? ORDER BY r.participant_id`,
        )
        .pluck()
        .all(instrument, code) as (string | number | null)[]
    ).map((value) => (typeof value === 'string' && value.startsWith('[') ? JSON.parse(value) : value)),
  );
}

const itemTypes = (instrument: string) =>
  withProject(
    (db) =>
      Object.fromEntries(
        db
          .prepare(
            'SELECT i.code, i.type FROM item i JOIN instrument ins ON ins.id = i.instrument_id WHERE ins.name = ?',
          )
          .raw()
          .all(instrument) as [string, string][],
      ) as Record<string, string>,
  );

const DISHES_Q = 'Which of these dishes would you like at the closing lunch? (choose all that apply)';
const FILM_Q = 'Which film should we show at the celebration?';

describe('what each column of a real export becomes', () => {
  const people = respondents();

  async function importAs(file: string, instrument: string) {
    const preview = await previewSource(file);
    const summary = await importIntoProject(
      {
        projectPath,
        passphrase: PASS,
        source: file,
        actor: 'test',
        plan: {
          kind: 'survey',
          window: 'Baseline',
          instrument,
          skipInvalidRows: false,
          addUnknownParticipants: false,
          options: {},
          columns: preview.columns.map(({ confidence: _c, reason: _r, ...column }) => column),
        },
      },
      () => {},
    );
    expect(summary).toMatchObject({ committed: true, rowsImported: 12 });
    return summary;
  }

  it('keeps choice answers as chosen (films, dishes), and multiple answers as sets of options', async () => {
    const files = await writeSurveyExports(dir);
    await importAs(files.googleForms, 'Pulse G');
    await importAs(files.microsoftForms, 'Pulse M');
    await importAs(files.qualtrics, 'Qualtrics');
    for (const [instrument, film, dishes] of [
      ['Pulse G', FILM_Q, DISHES_Q],
      ['Pulse M', FILM_Q, DISHES_Q],
      ['Qualtrics', 'Q7', 'Q6'],
    ] as const) {
      expect(itemTypes(instrument)[film], instrument).toBe('choice');
      expect(itemTypes(instrument)[dishes], instrument).toBe('choice');
      // Never scanned as prose: "Paddington" and "Black Panther" are films, not people.
      expect(answersTo(instrument, film), instrument).toEqual(people.map((p) => p.film));
      expect(answersTo(instrument, dishes), instrument).toEqual(
        people.map((p) => (p.dishes.length === 0 ? null : p.dishes)),
      );
    }
    // Open answers still are scanned.
    expect(itemTypes('Pulse G')['What, if anything, has changed for you since the programme began?']).toBe(
      'text',
    );
  });

  it('keeps demographic and date answers as the respondents’ traits, which the disclosure-risk panel sees', async () => {
    const files = await writeSurveyExports(dir);
    await importAs(files.qualtrics, 'Qualtrics');
    await importAs(files.surveyMonkeyCsv, 'SurveyMonkey');
    const traits = withProject((db) => readParticipantQuasiIdentifiers(db));
    expect(traits).toHaveLength(24);
    const qualtrics = traits.slice(0, 12);
    expect(qualtrics.map((t) => t.values.gender)).toEqual(people.map((p) => p.gender));
    expect(qualtrics.map((t) => t.values['attributes.ageBand'])).toEqual(people.map((p) => p.ageBand));
    expect(qualtrics.map((t) => t.values['attributes.Q5'])).toEqual(people.map((p) => p.education));
    expect(qualtrics.map((t) => t.values['attributes.Q8'])).toEqual(
      people.map((p) => p.workshop.toISOString().slice(0, 10)),
    );
    // SurveyMonkey's age bands ("> 60") and genders, asked as questions, are traits too, never numbers.
    const monkey = traits.slice(12);
    expect(monkey.map((t) => t.values['attributes.ageBand'])).toEqual(people.map((p) => p.ageBand));
    expect(monkey.map((t) => t.values.gender)).toEqual(people.map((p) => p.gender));
  });

  it('reads six-point agreement items, in words or in numbers, as ordinal items of the 6-point scale', async () => {
    const files = await writeSurveyExports(dir);
    await importAs(files.qualtrics, 'Qualtrics');
    await importAs(files.googleForms, 'Pulse G');
    await importAs(files.microsoftForms, 'Pulse M');
    const BELONG = 'To what extent do you agree: I feel I belong in this organisation';
    for (const [instrument, code] of [
      ['Qualtrics', 'Q2'],
      ['Pulse G', `${BELONG} (1 = Strongly disagree, 6 = Strongly agree)`],
      ['Pulse M', BELONG],
    ] as const) {
      const scale = withProject(
        (db) =>
          db
            .prepare(
              `SELECT i.type, s.name FROM item i JOIN instrument ins ON ins.id = i.instrument_id
               LEFT JOIN answer_scale s ON s.id = i.scale_id WHERE ins.name = ? AND i.code = ?`,
            )
            .get(instrument, code) as { type: string; name: string },
      );
      expect(scale, instrument).toEqual({ type: 'likert', name: '6-point agreement' });
      expect(answersTo(instrument, code), instrument).toEqual(people.map((p) => p.belonging));
    }
  });

  it('reads SurveyMonkey’s two heading rows: sub-answers fold into the item names, no heading is an answer', async () => {
    const files = await writeSurveyExports(dir);
    const summary = await importAs(files.surveyMonkeyXlsx, 'SurveyMonkey');
    expect(summary.rowsRead).toBe(12);
    const types = itemTypes('SurveyMonkey');
    for (const dish of DISHES) expect(types[`${DISHES_Q} - ${dish}`], dish).toBe('choice');
    expect(types['Other (please specify)']).toBe('text');
    expect(answersTo('SurveyMonkey', `${DISHES_Q} - Sushi`)).toEqual(
      people.map((p) => (p.dishes.includes('Sushi') ? 'Sushi' : null)),
    );
    const everything = JSON.stringify(
      withProject((db) => db.prepare('SELECT answers FROM response_set').pluck().all()),
    );
    expect(everything).not.toMatch(/Open-Ended Response|"Response"/);
  });

  it('scores a Qualtrics .sav’s 11-15 codes by their labels, reads other codes as labels, keeps dates', async () => {
    const files = await writeSurveyExports(dir);
    await importAs(files.spss, 'SPSS');
    // 11 = "Strongly agree" .. 15 = "Strongly disagree": scored 5 .. 1 by label.
    expect(answersTo('SPSS', 'Q1')).toEqual(people.map((p) => p.confidence));
    const traits = withProject((db) => readParticipantQuasiIdentifiers(db));
    expect(traits.map((t) => t.values.gender)).toEqual(people.map((p) => p.gender));
    expect(traits.map((t) => t.values['attributes.Q8'])).toEqual(
      people.map((p) => p.workshop.toISOString().slice(0, 10)),
    );
    expect(Object.keys(itemTypes('SPSS'))).toEqual(['Q1', 'Q9_TEXT']);
  });
});
