import { describe, expect, it } from 'vitest';
import { answerScales, scoreCodes } from '../../../electron/core/import/answerScales';
import { createRowValidator, type ColumnRule } from '../../../electron/core/import/validation';
import { inferDateStyle } from '../../../electron/core/import/values';

const agree5 = answerScales.find((s) => s.id === 'agreement-5')!;
const columns: ColumnRule[] = [
  { index: 0, heading: 'Participant ID', field: 'participantId', required: true },
  { index: 1, heading: 'E-mail', field: 'email' },
  { index: 2, heading: 'Start date', field: 'date', dateStyle: { order: 'dmy' } },
  { index: 3, heading: 'Hours', field: 'numericItem', min: 0, max: 2000, decimal: ',' },
  { index: 4, heading: 'Confidence', field: 'likertItem', scale: agree5 },
  { index: 5, heading: 'Role', field: 'role' },
];

describe('row validation', () => {
  it('accepts good rows with typed values and lists every problem by row and column', () => {
    const v = createRowValidator({
      file: 'wave1.csv',
      columns,
      knownParticipants: new Set(['P1', 'P2', 'P3', 'P4']),
    });
    const first = v.check([
      { row: 2, cells: ['P1', 'Ann@Example.org', '12/03/2024', '1.234,5', 'Strongly agree', 'Mentor'] },
      { row: 3, cells: ['', 'not-an-email', '31/02/2024', '12,5', '7', 'Boss'] },
    ]);
    expect(first.accepted).toHaveLength(1);
    expect([...first.accepted[0]!.values.values()]).toEqual([
      'P1',
      'ann@example.org',
      '2024-03-12',
      1234.5,
      5,
      'mentor',
    ]);
    expect(first.problems.map((p) => [p.row, p.column, p.expected])).toEqual([
      [3, 'Participant ID', 'a Participant ID in every row'],
      [3, 'E-mail', 'an e-mail address'],
      [3, 'Start date', 'a real calendar date'],
      [3, 'Confidence', 'a 5-point agreement answer (Strongly disagree .. Strongly agree, or 1 to 5)'],
      [3, 'Role', 'mentor or mentee'],
    ]);
    expect(first.problems[3]!.message).toBe(
      'Row 3, Confidence: “7” is outside the 5-point agreement scale; expected a whole number from 1 to 5.',
    );
    expect(first.problems.every((p) => p.file === 'wave1.csv')).toBe(true);

    const second = v.check([
      { row: 4, cells: ['P1', '', '', '5.000', '', ''] },
      { row: 5, cells: ['P9', '', '', '', '', ''] },
      { row: 6, cells: ['P2', '', '', '', 'Agree', 'Mentee'] },
    ]);
    expect(second.accepted.map((r) => r.row)).toEqual([6]);
    expect(second.problems.map((p) => p.message)).toEqual([
      'Row 4, Hours: “5.000” is outside the range; expected a number from 0 to 2000.',
      'Row 4, Participant ID: “P1” already appears in row 2; each participant may appear once in a file.',
      "Row 5, Participant ID: “P9” is not on the project's roster; import the roster first or correct the id.",
    ]);
    expect(v.summary()).toEqual({ checked: 5, accepted: 2, rejected: 3 });
  });

  it('scores SPSS codes through value labels and treats labelled non-answers as missing', () => {
    const codes = scoreCodes([
      { code: 11, label: 'Strongly disagree' },
      { code: 12, label: 'Disagree' },
      { code: 13, label: 'Neither agree nor disagree' },
      { code: 14, label: 'Agree' },
      { code: 15, label: 'Strongly agree' },
      { code: 99, label: "Don't know" },
    ]);
    const v = createRowValidator({
      file: 'q.sav',
      columns: [{ index: 0, heading: 'Q1', field: 'likertItem', codes }],
    });
    const { accepted, problems } = v.check([
      { row: 2, cells: ['14'] },
      { row: 3, cells: ['99'] },
      { row: 4, cells: ['3'] },
    ]);
    expect(accepted.map((r) => r.values.get(0))).toEqual([4, null]);
    expect(problems[0]!.message).toBe(
      "Row 4, Q1: “3” is not one of the answers this question's value labels define (11, 12, 13, 14, 15).",
    );
  });

  it('finds duplicate survey responses and duplicate e-mails when there is no id column', () => {
    const v = createRowValidator({
      file: 'forms.csv',
      columns: [
        { index: 0, heading: 'ID', field: 'responseId' },
        { index: 1, heading: 'Email', field: 'email' },
      ],
    });
    const { accepted, problems } = v.check([
      { row: 2, cells: ['1', 'a@example.org'] },
      { row: 3, cells: ['1', 'A@example.org'] },
      { row: 4, cells: ['2', 'anonymous'] },
    ]);
    expect(accepted.map((r) => [r.row, r.values.get(1)])).toEqual([
      [2, 'a@example.org'],
      [4, null],
    ]);
    expect(problems.map((p) => p.column)).toEqual(['Email', 'ID']);
  });
});

describe('a date column in mixed formats', () => {
  it('reads every format it can, with the order the column decides, and names the rest', () => {
    const values = [
      '2024-03-12',
      '12 Mar 2024',
      '13/03/2024',
      '03/04/2024',
      'March 5, 2024',
      '45000',
      'last week',
    ];
    const style = inferDateStyle(values);
    expect(style).toMatchObject({ order: 'dmy', excelSerials: false, conflict: false });
    const v = createRowValidator({
      file: 'log.csv',
      columns: [{ index: 0, heading: 'Session date', field: 'date', dateStyle: style }],
    });
    const { accepted, problems } = v.check(values.map((value, i) => ({ row: i + 2, cells: [value] })));
    expect(accepted.map((r) => r.values.get(0))).toEqual([
      '2024-03-12',
      '2024-03-12',
      '2024-03-13',
      '2024-04-03',
      '2024-03-05',
    ]);
    expect(problems.map((p) => [p.row, p.message])).toEqual([
      [
        7,
        'Row 7, Session date: “45000” is not a date; expected a date such as 2024-03-12, 12/03/2024 or 12 Mar 2024.',
      ],
      [
        8,
        'Row 8, Session date: “last week” is not a date; expected a date such as 2024-03-12, 12/03/2024 or 12 Mar 2024.',
      ],
    ]);
  });
});
