import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCsv, sniffDelimiter } from '../../../electron/core/import/csvReader';
import { ImportFileError } from '../../../electron/core/import/problems';
import { collect } from '../../fixtures/import/collect';
import { fixtureFolder } from '../../fixtures/import/tempFiles';

let folder: ReturnType<typeof fixtureFolder>;
beforeEach(() => {
  folder = fixtureFolder();
});
afterEach(() => folder.remove());

async function expectFileError(file: string, message: RegExp) {
  const error = await openCsv(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  expect((error as ImportFileError).message).toMatch(message);
  expect((error as ImportFileError).problem.file).toBe(file);
}

describe('CSV reader', () => {
  it('reads a plain comma file with spreadsheet row numbers', async () => {
    const file = folder.write('roster.csv', 'id,name,cohort\nP1,Ann,2024\nP2,Bo,2025\n');
    const table = await openCsv(file);
    expect(table.header).toEqual(['id', 'name', 'cohort']);
    expect(table.dialect.delimiter).toBe(',');
    const { rows, problems } = await collect(table);
    expect(rows).toEqual([
      { row: 2, cells: ['P1', 'Ann', '2024'] },
      { row: 3, cells: ['P2', 'Bo', '2025'] },
    ]);
    expect(problems).toEqual([]);
  });

  it.each([
    [';', 'id;score;note\nP1;3,5;"a; b"\nP2;4;x\n'],
    ['\t', 'id\tscore\tnote\nP1\t3,5\ta, b\nP2\t4\tx\n'],
    ['|', 'id|score|note\nP1|3,5|a, b\nP2|4|x\n'],
  ])('sniffs the %j delimiter and honours quotes', async (delimiter, text) => {
    const table = await openCsv(folder.write('d.csv', text));
    expect(table.dialect.delimiter).toBe(delimiter);
    const { rows } = await collect(table);
    expect(rows[0]!.cells).toHaveLength(3);
    expect(rows[0]!.cells[1]).toBe('3,5');
  });

  it('lets the evaluator override the delimiter', async () => {
    const file = folder.write('o.csv', 'a;b,c\n1;2,3\n');
    expect((await openCsv(file, { delimiter: ';' })).header).toEqual(['a', 'b,c']);
    expect(sniffDelimiter('a,b;c\n1,2;3\n', '\n')).toBe(',');
  });

  it('reads CR-only line endings (old Mac Excel) and CRLF', async () => {
    for (const newline of ['\r', '\r\n']) {
      const table = await openCsv(folder.write('cr.csv', ['id,name', 'P1,Ann', 'P2,Bo'].join(newline)));
      expect(table.dialect.newline).toBe(newline);
      const { rows } = await collect(table);
      expect(rows.map((r) => r.cells[1])).toEqual(['Ann', 'Bo']);
    }
  });

  it('keeps quoted multi-line answers in one row and counts rows as a spreadsheet does', async () => {
    const text =
      'id,answer,score\nP1,"First line\nsecond line, with comma\nthird ""quoted""",4\nP2,short,5\n';
    const { rows, problems } = await collect(await openCsv(folder.write('m.csv', text)));
    expect(rows[0]!.cells[1]).toBe('First line\nsecond line, with comma\nthird "quoted"');
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(problems).toEqual([]);
  });

  it('keeps a multi-line answer whole when it straddles two read chunks', async () => {
    const long = 'x'.repeat(50) + '\n' + 'y'.repeat(50);
    const text = `id,answer\n${Array.from({ length: 40 }, (_, i) => `P${i},"${long}"`).join('\n')}\n`;
    const table = await openCsv(folder.write('chunks.csv', text), { chunkBytes: 37 });
    const { rows } = await collect(table);
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.cells[1] === long)).toBe(true);
    expect(rows[39]!.row).toBe(41);
  });

  it('reports ragged rows by row and column and pads short rows', async () => {
    const text = 'id,name,cohort\nP1,Ann\nP2,Bo,2024,extra\n,,\nP3,Cy,2025,\n';
    const { rows, problems } = await collect(await openCsv(folder.write('r.csv', text)));
    expect(rows[0]!.cells).toEqual(['P1', 'Ann', '']);
    expect(rows[1]!.cells).toEqual(['P2', 'Bo', '2024']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ row: 2, column: 'cohort', severity: 'warning' });
    expect(problems[0]!.message).toContain('cohort left empty');
    expect(problems[1]).toMatchObject({ row: 3, severity: 'error', expected: '3 cells, one per column' });
    expect(problems[1]!.message).toContain('the extra “extra” was left out');
  });

  it('names the row and column of a quote that never closes and reads on', async () => {
    const text = 'id,answer,score\nP1,"fine",4\nP2,"oops,5\nP3,ok,3\nP4,ok,2\n';
    const { rows, problems } = await collect(await openCsv(folder.write('q.csv', text)));
    const quote = problems.find((p) => p.expected.includes('closing'));
    expect(quote).toMatchObject({ row: 3, column: 'answer', file: expect.stringContaining('q.csv') });
    expect(quote!.message).toContain('before the end of the file');
    expect(rows.map((r) => r.cells[0])).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(rows[1]!.cells).toEqual(['P2', '"oops', '5']);
  });

  it('gives up on a quote that stays open for more than the field limit, without holding the file', async () => {
    const text = `id,answer\nP1,"never closed\n${'P,x\n'.repeat(5000)}`;
    const table = await openCsv(folder.write('big-quote.csv', text), {
      maxFieldChars: 1000,
      chunkBytes: 512,
    });
    const { rows, problems } = await collect(table);
    expect(problems[0]!.message).toMatch(
      /Row 2, answer: a quoted answer opens here and does not close within/,
    );
    expect(rows).toHaveLength(5001);
  });

  it('detects UTF-8 with a BOM, UTF-16 and Windows-1252 and decodes accents', async () => {
    const text = 'id,name\nP1,Zoë Müller\nP2,François\n';
    const cases: [string, Buffer, string][] = [
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
      ['u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 'utf-16le'],
      ['u16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), 'utf-16be'],
      ['cp.csv', iconv.encode(text, 'windows-1252'), 'windows-1252'],
      ['mac.csv', iconv.encode(text, 'macintosh'), 'macintosh'],
    ];
    for (const [name, bytes, encoding] of cases) {
      const table = await openCsv(folder.write(name, bytes));
      expect(table.dialect.encoding.encoding, name).toBe(encoding);
      expect(table.header, name).toEqual(['id', 'name']);
      const { rows, problems } = await collect(table);
      expect(
        rows.map((r) => r.cells[1]),
        name,
      ).toEqual(['Zoë Müller', 'François']);
      expect(problems, name).toEqual([]);
    }
  });

  it('reads past the first 64 KiB to decide, flags bytes a chosen encoding cannot decode', async () => {
    const ascii = 'id,name\n' + 'P0,plain\n'.repeat(10000);
    const bytes = Buffer.concat([Buffer.from(ascii), iconv.encode('P9,Renée\n', 'windows-1252')]);
    const file = folder.write('late.csv', bytes);
    // The first 64 KiB are plain ASCII; the whole file is not UTF-8, and reads as Windows-1252.
    const guessed = await collect(await openCsv(file));
    expect(guessed.problems).toEqual([]);
    expect(guessed.rows.at(-1)!.cells[1]).toBe('Renée');
    const forced = await collect(await openCsv(file, { encoding: 'utf-8' }));
    const bad = forced.problems.find((p) => p.expected === 'text in utf-8');
    expect(bad).toMatchObject({ row: 10002, column: 'name' });
    expect(bad!.message).toContain('not valid utf-8');
  });

  it('refuses empty, blank and binary files with a specific message', async () => {
    await expectFileError(folder.write('empty.csv', ''), /empty\.csv is empty \(0 bytes\)/);
    await expectFileError(folder.write('blank.csv', '\n\n  \n'), /holds only blank lines/);
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    await expectFileError(
      folder.write('junk.csv', junk),
      /junk\.csv is not a text file: it holds binary data/,
    );
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
    await expectFileError(
      folder.write('book.csv', zip),
      /book\.csv: this looks like a ZIP archive, not a spreadsheet/,
    );
  });

  /** A file's first bytes as the program that wrote it begins it, then filler. */
  const made = (...starts: (number[] | string)[]) =>
    Buffer.concat([
      ...starts.map((start) =>
        typeof start === 'string' ? Buffer.from(start, 'latin1') : Buffer.from(start),
      ),
      Buffer.alloc(2000, 0x07),
    ]);
  const zipWith = (member: string) => made([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0], `....${member}`);

  it.each([
    ['Screenshot.csv', 'a PNG image', made([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['photo.csv', 'a JPEG photo', made([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['chart.csv', 'a GIF image', made('GIF89a')],
    ['report.csv', 'a PDF document', made('%PDF-1.7')],
    ['export.csv', 'a WebP image', made('RIFF', [0x10, 0, 0, 0], 'WEBPVP8 ')],
    ['letter.csv', 'a Word document (.docx)', zipWith('word/document.xml')],
    ['backup.csv', 'a ZIP archive', zipWith('data/people.json')],
    ['old.csv', 'an old Microsoft Office file', made([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
    ['data.csv', 'a gzip-compressed file', made([0x1f, 0x8b, 0x08])],
  ])('says %s looks like %s, not a spreadsheet, and what to do', async (name, what, bytes) => {
    const error = await openCsv(folder.write(name, bytes)).catch((e: unknown) => e as ImportFileError);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).message).toMatch(
      new RegExp(
        `^${name.replace('.', '\\.')}: this looks like ${what.replace(/[().]/g, '\\$&')}.*, not a spreadsheet: export it from its program as CSV or XLSX\\.$`,
      ),
    );
  });

  it('tells a workbook or an SPSS file under a .csv name to take its own ending', async () => {
    await expectFileError(
      folder.write('roster.csv', zipWith('xl/workbook.xml')),
      /^roster\.csv: this looks like an Excel workbook \(\.xlsx\), not a CSV file: give it the \.xlsx ending/,
    );
    await expectFileError(
      folder.write('wave.csv', made('$FL2@(#) IBM SPSS STATISTICS')),
      /^wave\.csv: this looks like an SPSS data file \(\.sav\), not a CSV file: give it the \.sav ending/,
    );
  });

  it('does not take a text file for an image because of its first letters', async () => {
    const table = await openCsv(folder.write('bmi.csv', 'BMI,GIF8 score,%PD\n21,3,4\n'));
    expect(table.header).toEqual(['BMI', 'GIF8 score', '%PD']);
    await table.close();
  });

  it('reports a NUL byte inside an otherwise text file by row and column', async () => {
    const file = folder.write('nul.csv', Buffer.from('id,name\n' + 'P1,Ann\n'.repeat(200) + 'P2,B\u0000o\n'));
    const { problems } = await collect(await openCsv(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 202, column: 'name', expected: 'text' });
    expect(problems[0]!.message).toContain('binary data');
  });

  it('accepts a header-only file and says there are no data rows', async () => {
    const table = await openCsv(folder.write('h.csv', 'id,name,cohort\r\n'));
    expect(table.header).toEqual(['id', 'name', 'cohort']);
    const { rows, problems } = await collect(table);
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('h.csv has a header row but no data rows.');
  });

  it('reads several heading rows when asked (survey exports)', async () => {
    const text = 'Q1,Q2\nHow?,Why?\n{"ImportId":"QID1"},{"ImportId":"QID2"}\n1,2\n';
    const table = await openCsv(folder.write('s.csv', text), { dataStartRow: 4 });
    expect(table.headingRows).toHaveLength(3);
    expect(table.headingRows[1]).toEqual(['How?', 'Why?']);
    const { rows } = await collect(table);
    expect(rows).toEqual([{ row: 4, cells: ['1', '2'] }]);
  });

  it('stops reading when closed early', async () => {
    const file = folder.write('many.csv', 'id\n' + 'x\n'.repeat(50000));
    const table = await openCsv(file, { batchSize: 100 });
    let seen = 0;
    for await (const batch of table.batches) {
      seen += batch.rows.length;
      break;
    }
    await table.close();
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThanOrEqual(100);
  });
});

describe('CSV reader, more bad input', () => {
  it('flags a quoted answer with text after its closing quote, by row', async () => {
    // The stray quote pairs up with a later one ("a" ... "b"), so the row parses; it is flagged, not lost.
    const text = 'id,answer,score\nP1,ok,1\nP2,"yes" please, "really",2\nP3,fine,3\n';
    const { rows, problems } = await collect(await openCsv(folder.write('iq.csv', text)));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(problems.filter((p) => p.severity === 'warning' && p.row === 3)).toHaveLength(1);
    expect(problems.find((p) => p.row === 3 && p.severity === 'warning')!.message).toContain(
      'a quoted answer has text after its closing quote',
    );
    const lone = 'id,answer,score\nP1,ok,1\nP2,"yes" please,2\nP3,fine,3\n';
    const alone = await collect(await openCsv(folder.write('iq2.csv', lone)));
    expect(alone.rows.map((r) => r.cells[0])).toEqual(['P1', 'P2', 'P3']);
    expect(alone.problems).toHaveLength(1);
    expect(alone.problems[0]).toMatchObject({ row: 3, column: 'answer' });
  });

  it('stops with a clear message on a row with no line break for longer than the field limit', async () => {
    const file = folder.write('one-line.csv', 'id,name\n' + 'x,'.repeat(5000));
    const error = await openCsv(file, { maxFieldChars: 1000, chunkBytes: 512 })
      .then(collect)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).problem).toMatchObject({
      row: 2,
      expected: 'rows that end with a line break',
    });
    expect((error as Error).message).toMatch(
      /^Row 2 of one-line\.csv runs on for more than 1 KB without a line break/,
    );
  });

  it('lists at most maxProblems problems and says how many more there were', async () => {
    const text = 'id,name,cohort\n' + 'P,x\n'.repeat(30);
    const { problems } = await collect(await openCsv(folder.write('many.csv', text), { maxProblems: 10 }));
    expect(problems).toHaveLength(11);
    expect(problems[10]!.message).toBe('20 more problems are not listed.');
  });
});
