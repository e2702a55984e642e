import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../electron/core/import/problems';
import { openSource, recogniseSource } from '../../../electron/core/import/sourceFile';
import { createRowValidator, type ColumnRule } from '../../../electron/core/import/validation';
import { scoreCodes } from '../../../electron/core/import/answerScales';
import { collect } from '../../fixtures/import/collect';
import { writeSav } from '../../fixtures/import/savWriter';
import { fixtureFolder } from '../../fixtures/import/tempFiles';

let folder: ReturnType<typeof fixtureFolder>;
beforeEach(() => {
  folder = fixtureFolder('confidant-source-');
});
afterEach(() => folder.remove());

const QUALTRICS_CSV = [
  'StartDate,EndDate,IPAddress,RecordedDate,ResponseId,ExternalReference,Q1,Q2',
  'Start Date,End Date,IP Address,Recorded Date,Response ID,External Data Reference,"I feel confident, overall",What did you gain?',
  '{"ImportId":"startDate"},{"ImportId":"endDate"},{"ImportId":"ipAddress"},{"ImportId":"recordedDate"},{"ImportId":"_recordId"},{"ImportId":"externalDataReference"},{"ImportId":"QID1"},{"ImportId":"QID2_TEXT"}',
  '2024-03-01 10:00:00,2024-03-01 10:05:00,10.0.0.1,2024-03-01 10:05:01,R_1,EMP001,Agree,"Confidence in meetings,\nand a network"',
  '2024-03-02 10:00:00,2024-03-02 10:05:00,10.0.0.2,2024-03-02 10:05:01,R_2,EMP002,Strongly agree,More structure',
  '2024-03-03 10:00:00,2024-03-03 10:05:00,10.0.0.3,2024-03-03 10:05:01,R_3,EMP003,Disagree,',
  '2024-03-04 10:00:00,2024-03-04 10:05:00,10.0.0.4,2024-03-04 10:05:01,R_4,EMP004,Neither agree nor disagree,',
  '2024-03-05 10:00:00,2024-03-05 10:05:00,10.0.0.5,2024-03-05 10:05:01,R_5,EMP001,Sometimes,',
].join('\r\n');

describe('opening a source file end to end', () => {
  it('recognises a Qualtrics CSV, reads from its data rows and validates with the preset mapping', async () => {
    const file = folder.write('wave1.csv', '\ufeff' + QUALTRICS_CSV);
    const recognised = await recogniseSource(file);
    expect(recognised.tool).toBe('qualtrics');
    const opened = await openSource(file, { dataStartRow: recognised.dataStartRow });
    expect(opened.table.headingRows).toHaveLength(3);
    const { rows } = await collect(opened.table);
    expect(rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8]);
    const rules: ColumnRule[] = recognised.mapping
      .filter((m) => m.field !== 'ignore')
      .map((m) => ({
        index: m.index,
        heading: m.heading,
        field: m.field,
        scale: m.scale,
        dateStyle: m.dateStyle,
      }));
    const validator = createRowValidator({ file, columns: rules });
    const { accepted, problems } = validator.check(rows);
    expect(accepted.map((r) => r.row)).toEqual([4, 5, 6, 7]);
    expect(accepted[0]!.values.get(6)).toBe(4);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [8, 'Q1'],
      [8, 'ExternalReference'],
    ]);
    expect(problems[0]!.message).toContain('“Sometimes” is not an answer on the 5-point agreement scale');
  });

  it('describes a Qualtrics SPSS file by its variables and value labels', async () => {
    const file = folder.write(
      'wave1.sav',
      writeSav({
        compressed: true,
        variables: [
          { name: 'StartDate', width: 0, formatType: 22 },
          { name: 'ResponseId', width: 18 },
          { name: 'IPAddress', width: 15 },
          {
            name: 'Q1',
            width: 0,
            label: 'I feel confident',
            valueLabels: [
              [11, 'Strongly disagree'],
              [12, 'Disagree'],
              [13, 'Neither agree nor disagree'],
              [14, 'Agree'],
              [15, 'Strongly agree'],
            ],
          },
        ],
        cases: [
          [0, 'R_1', '1.1.1.1', 15],
          [0, 'R_2', '1.1.1.2', 12],
        ],
      }),
    );
    const recognised = await recogniseSource(file);
    expect(recognised.tool).toBe('qualtrics');
    expect(recognised.dataStartRow).toBe(2);
    expect(recognised.columns[3]!.question).toBe('I feel confident');
    expect(recognised.mapping.map((m) => m.field)).toEqual(['ignore', 'responseId', 'ignore', 'likertItem']);
    const opened = await openSource(file);
    if (opened.kind !== 'sav') throw new Error('expected an SPSS file');
    const codes = scoreCodes(opened.table.variables[3]!.valueLabels);
    const { rows } = await collect(opened.table);
    const { accepted } = createRowValidator({
      file,
      columns: [{ index: 3, heading: 'Q1', field: 'likertItem', codes }],
    }).check(rows);
    expect(accepted.map((r) => r.values.get(3))).toEqual([5, 2]);
  });

  it('opens workbooks by extension and refuses other kinds of file by name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Roster').addRows([
      ['Employee ID', 'Name'],
      ['E1', 'Ann'],
    ]);
    const xlsx = `${folder.dir}/roster.xlsx`;
    await wb.xlsx.writeFile(xlsx);
    expect((await recogniseSource(xlsx)).mapping.map((m) => m.field)).toEqual(['participantId', 'fullName']);
    const error = await openSource(folder.write('report.pdf', '%PDF-1.4')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toBe(
      'report.pdf is a .pdf file; the import reads CSV, TSV, Excel (.xlsx) and SPSS (.sav) files.',
    );
  });
});
