import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoreCodes } from '../../../electron/core/import/answerScales';
import { ImportFileError } from '../../../electron/core/import/problems';
import { openSav } from '../../../electron/core/import/spssReader';
import { collect } from '../../fixtures/import/collect';
import { writeSav, type SavSpec } from '../../fixtures/import/savWriter';
import { fixtureFolder } from '../../fixtures/import/tempFiles';

let folder: ReturnType<typeof fixtureFolder>;
beforeEach(() => {
  folder = fixtureFolder('confidant-sav-');
});
afterEach(() => folder.remove());

const AGREE: [number, string][] = [
  [11, 'Strongly disagree'],
  [12, 'Disagree'],
  [13, 'Neither agree nor disagree'],
  [14, 'Agree'],
  [15, 'Strongly agree'],
  [99, "Don't know"],
];
/** SPSS dates count seconds from 14 October 1582. */
const spssSeconds = (utc: number) => (utc - Date.UTC(1582, 9, 14)) / 1000;
const recorded = spssSeconds(Date.UTC(2024, 2, 12, 9, 30));
const longAnswer = 'Mentoring helped me. '.repeat(30).trim(); // 629 bytes: a very long string

function survey(overrides: Partial<SavSpec> = {}): SavSpec {
  return {
    variables: [
      { name: 'ResponseId', width: 17, label: 'Response ID' },
      {
        name: 'Q1_confidence',
        width: 0,
        label: 'I feel more confident in my role',
        valueLabels: AGREE,
        missing: [99],
      },
      { name: 'Q2_comment', width: 700, label: 'What did you gain from mentoring?' },
      { name: 'score', width: 0, label: 'Weighted score' },
      { name: 'RecordedDate', width: 0, label: 'Recorded date', formatType: 22 },
      { name: 'city', width: 12, label: 'Ville de résidence' },
    ],
    cases: [
      ['R_1abcDEF', 15, longAnswer, 3.25, recorded, 'Montréal'],
      ['R_2xyz', 11, '', 1000, null, 'Zürich'],
      ['R_3', null, 'short', -7, recorded + 86_400, ''],
    ],
    documents: ['Exported for the 2026 cohort evaluation.'],
    fileLabel: 'Wave 1 survey',
    ...overrides,
  };
}

describe('SPSS .sav reader', () => {
  for (const [title, overrides] of [
    ['uncompressed, little-endian, UTF-8', {}],
    ['bytecode-compressed', { compressed: true }],
    ['big-endian and compressed', { compressed: true, bigEndian: true }],
    ['Windows-1252', { encoding: 'windows-1252' }],
  ] as [string, Partial<SavSpec>][]) {
    it(`reads variables, labels and cases (${title})`, async () => {
      const file = folder.write('wave1.sav', writeSav(survey(overrides)));
      const sav = await openSav(file, { batchSize: 2 });
      expect(sav.header).toEqual([
        'ResponseId',
        'Q1_confidence',
        'Q2_comment',
        'score',
        'RecordedDate',
        'city',
      ]);
      expect(sav.headingRows[1]![1]).toBe('I feel more confident in my role');
      expect(sav.variables[5]!.label).toBe('Ville de résidence');
      expect(sav.variables[2]).toMatchObject({ kind: 'string', width: 700 });
      expect(sav.variables[1]!.missingValues).toEqual([99]);
      expect(sav.variables[1]!.valueLabels).toContainEqual({ code: 14, label: 'Agree' });
      expect(sav.caseCount).toBe(3);
      expect(sav.fileLabel).toBe('Wave 1 survey');
      expect(sav.documents).toEqual(['Exported for the 2026 cohort evaluation.']);
      expect(sav.compression).toBe(overrides.compressed ? 'bytecode' : 'none');
      const { rows, problems } = await collect(sav);
      expect(problems).toEqual([]);
      expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
      expect(rows[0]!.cells).toEqual([
        'R_1abcDEF',
        '15',
        longAnswer,
        '3.25',
        '2024-03-12T09:30:00',
        'Montréal',
      ]);
      expect(rows[1]!.cells).toEqual(['R_2xyz', '11', '', '1000', '', 'Zürich']);
      expect(rows[2]!.cells.slice(0, 5)).toEqual(['R_3', '', 'short', '-7', '2024-03-13T09:30:00']);
    });
  }

  it('writes SPSS dates as ISO dates and system-missing as empty', async () => {
    const file = folder.write(
      'dates.sav',
      writeSav({
        variables: [
          { name: 'start', width: 0, formatType: 20 },
          { name: 'hours', width: 0 },
        ],
        cases: [
          [spssSeconds(Date.UTC(2023, 0, 31)), 1.5],
          [null, null],
        ],
      }),
    );
    const sav = await openSav(file);
    expect(sav.variables[0]!.format).toBe('DATE8');
    const { rows } = await collect(sav);
    expect(rows.map((r) => r.cells)).toEqual([
      ['2023-01-31', '1.5'],
      ['', ''],
    ]);
  });

  it('carries Qualtrics 11..15 codes to a 1..5 scale through the value labels', async () => {
    const sav = await openSav(folder.write('q.sav', writeSav(survey({ compressed: true }))));
    const scoring = scoreCodes(sav.variables[1]!.valueLabels);
    expect(scoring.scale?.id).toBe('agreement-5');
    expect(scoring.points.get(15)).toBe(5);
    expect(scoring.points.get(11)).toBe(1);
    expect(scoring.notOnScale.map((l) => l.code)).toEqual([99]);
    await sav.close();
  });

  it('streams many cases in batches', async () => {
    const cases = Array.from({ length: 12_345 }, (_, i) => [`R_${i}`, 11 + (i % 5), '', i / 4, null, 'x']);
    const sav = await openSav(folder.write('big.sav', writeSav(survey({ cases, compressed: true }))), {
      batchSize: 1000,
    });
    let count = 0;
    let batches = 0;
    let last: string[] = [];
    for await (const batch of sav.batches) {
      expect(batch.rows.length).toBeLessThanOrEqual(1000);
      count += batch.rows.length;
      batches++;
      last = batch.rows.at(-1)!.cells;
    }
    expect(count).toBe(12_345);
    expect(batches).toBe(13);
    expect(last.slice(0, 2)).toEqual(['R_12344', '15']);
    expect(last[3]).toBe(String(12344 / 4));
  });

  it('reports a file cut short in the data by its case, and refuses non-SPSS files', async () => {
    const truncated = folder.write('cut.sav', writeSav(survey({ truncateBy: 20 })));
    const { rows, problems } = await collect(await openSav(truncated));
    expect(rows).toHaveLength(2);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      row: 4,
      message: 'cut.sav ends in the middle of case 3; it was left out.',
    });

    const notSav = folder.write('notes.sav', 'id,name\n1,Ann\n'.repeat(20));
    const error = await openSav(notSav).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toBe(
      'notes.sav cannot be read: it is not an SPSS data file (it does not start with "$FL2").',
    );

    const dictCut = writeSav(survey()).subarray(0, 400);
    const cutError = await openSav(folder.write('dict.sav', dictCut)).catch((e: unknown) => e);
    expect((cutError as Error).message).toMatch(
      /dict\.sav cannot be read: the file ends inside its dictionary/,
    );

    const empty = await openSav(folder.write('empty.sav', '')).catch((e: unknown) => e);
    expect((empty as Error).message).toBe('empty.sav cannot be read: it is empty (0 bytes).');
  });
});
