import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCsv } from '../../../electron/core/import/csvReader';
import { suggestMapping } from '../../../electron/core/import/mappingSuggestion';
import type { ImportProblem } from '../../../electron/core/import/problems';
import { previewRows } from '../../../electron/core/import/sourceFile';
import { createRowValidator, type ColumnRule } from '../../../electron/core/import/validation';
import { collect } from '../../fixtures/import/collect';
import { fixtureFolder } from '../../fixtures/import/tempFiles';

let folder: ReturnType<typeof fixtureFolder>;
beforeEach(() => {
  folder = fixtureFolder('confidant-messy-');
});
afterEach(() => folder.remove());

/**
 * One file with most of the bad input at once, as an evaluator might get it from a programme office:
 * Windows-1252 bytes, semicolons and decimal commas, CR-only line endings, a multi-line answer, a ragged row,
 * mixed date formats, an out-of-scale Likert value, a duplicated participant and a participant not on the roster.
 * It goes through the whole reading path (sniff, stream, suggest, validate) and every problem names its row and
 * column.
 */
const LINES = [
  'Participant ID;Name;Session date;Hours;My mentor helps me grow;Comment',
  'P01;Zoë Brûlé;12/03/2024;1.234,5;Agree;"Très utile,\ravec des idées"',
  'P02;Ana;2024-03-15;3,5;Strongly agree;',
  'P03;Bo;13 Mar 2024;2;7;ok',
  'P01;Zoë again;25/03/2024;1;Disagree;dup',
  'P04;Cy;31/02/2024;x;Neutral;bad date and hours',
  'P05;Di;01/04/2024',
  'P99;Ed;02/04/2024;4;Agree;not on roster',
];

describe('a messy file, end to end', () => {
  it('reads it, suggests the mapping and lists every problem by row and column', async () => {
    const file = folder.write('programme office.csv', iconv.encode(LINES.join('\r'), 'windows-1252'));
    const table = await openCsv(file);
    expect(table.dialect).toMatchObject({ delimiter: ';', newline: '\r' });
    expect(table.dialect.encoding.encoding).toBe('windows-1252');
    const { rows, problems: readProblems } = await collect(table);
    expect(rows).toHaveLength(7);
    expect(rows[0]!.cells[1]).toBe('Zoë Brûlé');
    expect(rows[0]!.cells[5]).toBe('Très utile,\ravec des idées');
    expect(readProblems.map((p) => [p.row, p.column, p.severity])).toEqual([[7, 'Hours', 'warning']]);

    const preview = await previewRows(await openCsv(file), 50);
    const suggestions = suggestMapping(
      table.header,
      preview.map((r) => r.cells),
    );
    expect(suggestions.map((s) => s.field)).toEqual([
      'participantId',
      'fullName',
      'date',
      'numericItem',
      'likertItem',
      'freeText',
    ]);
    expect(suggestions[2]!.dateStyle).toMatchObject({ order: 'dmy', conflict: false });
    expect(suggestions[3]!.decimal).toBe(',');

    const columns: ColumnRule[] = suggestions.map((s) => ({
      index: s.index,
      heading: s.heading,
      field: s.field,
      required: s.field === 'participantId',
      scale: s.scale,
      dateStyle: s.dateStyle,
      decimal: s.decimal,
      min: s.field === 'numericItem' ? 0 : undefined,
    }));
    const validator = createRowValidator({
      file,
      columns,
      knownParticipants: new Set(['P01', 'P02', 'P03', 'P04', 'P05']),
    });
    const { accepted, problems } = validator.check(rows);
    expect(accepted.map((r) => r.row)).toEqual([2, 3, 7]);
    expect(accepted[0]!.values.get(3)).toBe(1234.5);
    expect(accepted[1]!.values.get(2)).toBe('2024-03-15');
    const where = (p: ImportProblem) => [p.row, p.column, p.expected];
    expect(problems.map(where)).toEqual([
      [4, 'My mentor helps me grow', expect.stringContaining('5-point agreement')],
      [5, 'Participant ID', 'a participant not used before in this file'],
      [6, 'Session date', 'a real calendar date'],
      [6, 'Hours', 'a number such as 1234,5 or 1.234,5'],
      [8, 'Participant ID', 'a participant on the roster'],
    ]);
    expect(
      problems.every((p) => p.file === file && p.message.startsWith(`Row ${p.row}, ${p.column}: `)),
    ).toBe(true);
  });
});
