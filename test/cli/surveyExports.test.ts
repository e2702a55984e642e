import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  googleFormsCsv,
  qualtricsCsv,
  respondents,
  writeSurveyExports,
} from '../fixtures/surveys/surveyExports';
import { runConfidant } from './confidantRun';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-cli-surveys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function confidant(args: string[]) {
  const result = runConfidant(dir, args);
  return {
    code: result.code,
    stderr: result.stderr,
    summary: result.stdout ? JSON.parse(result.stdout) : null,
  };
}

const wave = (file: string, window = 'Baseline', ...more: string[]) =>
  confidant([
    'import',
    'p.confidant',
    file,
    '--as',
    'survey',
    '--window',
    window,
    '--instrument',
    'Pulse',
    ...more,
  ]);

// Each command starts the engine and its worker afresh (several seconds on a busy machine).
const SLOW = { timeout: 240_000 };

describe('confidant import --as survey of the tools’ anonymous exports', () => {
  it(
    'imports every row of a Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms and SPSS export',
    SLOW,
    async () => {
      expect(confidant(['init', 'p.confidant']).code).toBe(0);
      const files = await writeSurveyExports(dir);
      let n = 0;
      for (const [tool, file] of Object.entries(files)) {
        const result = wave(path.basename(file), `Wave ${++n}`);
        expect(result.code, `${tool}: ${result.stderr}`).toBe(0);
        expect(result.summary, tool).toMatchObject({
          committed: true,
          rowsRead: 12,
          rowsImported: 12,
          problemCount: 0,
        });
        expect(result.summary.respondents.sentence, tool).toMatch(/imported as anonymous respondents/);
      }
      const info = confidant(['info', 'p.confidant']).summary;
      expect(info.tableCounts).toMatchObject({ participant: 72, response_set: 72 });
    },
  );

  it(
    'asks for the order of dates that could be read two ways, and reads them with --date-order',
    SLOW,
    () => {
      expect(confidant(['init', 'p.confidant']).code).toBe(0);
      writeFileSync(path.join(dir, 'qualtrics.csv'), qualtricsCsv(respondents(12, { ambiguousDates: true })));
      const asked = wave('qualtrics.csv');
      expect(asked.code).toBe(1);
      expect(asked.summary).toMatchObject({ committed: false, rowsImported: 0 });
      expect(asked.summary.problems[0].message).toMatch(/03\/02\/2026.*--date-order dmy or mdy/);
      const told = wave('qualtrics.csv', 'Baseline', '--date-order', 'dmy');
      expect(told.code).toBe(0);
      expect(told.summary).toMatchObject({ committed: true, rowsImported: 12 });
      expect(wave('qualtrics.csv', 'Other', '--date-order', 'ymd').code).toBe(2);
    },
  );

  it('links anonymous waves by the column named with --respondent-code', SLOW, () => {
    expect(confidant(['init', 'p.confidant']).code).toBe(0);
    const people = respondents(6);
    writeFileSync(path.join(dir, 'before.csv'), googleFormsCsv(people));
    writeFileSync(path.join(dir, 'after.csv'), googleFormsCsv(people.slice(1)));
    const code = [
      '--respondent-code',
      'Your personal code (first letter of your mother’s name, first letter of your birthplace, your birth month)',
    ];
    expect(wave('before.csv', 'Baseline', ...code).summary.respondents).toMatchObject({ byOwnCode: 6 });
    const after = wave('after.csv', 'End of programme', ...code);
    expect(after.code).toBe(0);
    expect(after.summary.respondents).toMatchObject({ anonymous: 5, byOwnCode: 5 });
    expect(after.summary.respondents.sentence).toMatch(/5 linked to their other waves/);
    const unknown = wave('after.csv', 'Later', '--respondent-code', 'No such column');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no column headed so/);
  });

  it('reads a file in the character set given with --encoding', SLOW, () => {
    expect(confidant(['init', 'p.confidant']).code).toBe(0);
    // Mac Roman bytes that are also valid Windows-1252 letters: only the evaluator's word settles it here.
    writeFileSync(
      path.join(dir, 'mac.csv'),
      iconv.encode('Response,Comment\rR_1,Caf\u00e9 au lait\rR_2,Caf\u00e9 noir\r', 'macintosh'),
    );
    const read = wave('mac.csv', 'Baseline', '--encoding', 'mac-roman');
    expect(read.code).toBe(0);
    expect(read.summary).toMatchObject({ committed: true, rowsImported: 2 });
    const unknown = wave('mac.csv', 'Other', '--encoding', 'latin-9');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--encoding latin-9 is not one the import reads/);
  });

  it(
    'a run with --skip-invalid-rows that stores no row exits non-zero and leaves the file importable',
    SLOW,
    () => {
      expect(confidant(['init', 'p.confidant']).code).toBe(0);
      writeFileSync(path.join(dir, 'wave.csv'), 'Employee ID,Score\nE1,7\nE2,9\n');
      const nothing = wave('wave.csv', 'Baseline', '--skip-invalid-rows');
      expect(nothing.code).toBe(1);
      expect(nothing.summary).toMatchObject({
        committed: false,
        alreadyImported: false,
        rowsImported: 0,
        rowsSkipped: 2,
      });
      expect(nothing.summary.nothingStored).toMatch(/not marked as imported/);
      // The same file again, now with the roster's participants added: not refused as "already imported".
      const added = wave('wave.csv', 'Baseline', '--add-participants');
      expect(added.code).toBe(0);
      expect(added.summary).toMatchObject({ committed: true, rowsImported: 2, participantsAdded: 2 });
      expect(added.summary.respondents).toMatchObject({ added: 2, anonymous: 0 });
    },
  );
});
