import { readdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../electron/core/import/problems';
import { listSheets, openXlsx } from '../../../electron/core/import/xlsxReader';
import { collect } from '../../fixtures/import/collect';
import { fixtureFolder } from '../../fixtures/import/tempFiles';

let folder: ReturnType<typeof fixtureFolder>;
beforeEach(() => {
  folder = fixtureFolder('confidant-xlsx-');
});
afterEach(() => folder.remove());

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = `${folder.dir}/book-${Math.random().toString(36).slice(2)}.xlsx`;
  await wb.xlsx.writeFile(file);
  return file;
}

describe('XLSX reader', () => {
  it('lists sheets, hidden ones marked, and reads the chosen sheet with Excel row numbers', async () => {
    const file = await workbook((wb) => {
      const notes = wb.addWorksheet('Notes', { state: 'hidden' });
      notes.addRow(['not data']);
      const roster = wb.addWorksheet('Roster & pairs');
      roster.addRow(['id', 'name', 'start', 'score', 'mentor?', 'total']);
      roster.addRow([
        'P1',
        'Zoë',
        new Date(Date.UTC(2024, 2, 12)),
        4.5,
        true,
        { formula: 'D2*2', result: 9 },
      ]);
      roster.addRow([]);
      roster.addRow([
        'P2',
        { richText: [{ text: 'Fr' }, { text: 'ançois', font: { bold: true } }] },
        new Date(Date.UTC(2024, 2, 12, 9, 30)),
        3,
        false,
        { error: '#DIV/0!' },
      ]);
      wb.addWorksheet('Empty');
    });
    expect(await listSheets(file)).toEqual([
      { name: 'Notes', position: 1, hidden: true },
      { name: 'Roster & pairs', position: 2, hidden: false },
      { name: 'Empty', position: 3, hidden: false },
    ]);
    const table = await openXlsx(file);
    expect(table.sheet.name).toBe('Roster & pairs');
    expect(table.header).toEqual(['id', 'name', 'start', 'score', 'mentor?', 'total']);
    const { rows, problems } = await collect(table);
    expect(rows).toEqual([
      { row: 2, cells: ['P1', 'Zoë', '2024-03-12', '4.5', 'TRUE', '9'] },
      { row: 4, cells: ['P2', 'François', '2024-03-12T09:30:00', '3', 'FALSE', ''] },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 4, column: 'total', value: '#DIV/0!' });
    expect(problems[0]!.message).toContain('Excel error #DIV/0!');
  });

  it('chooses a sheet by name or position and names the missing one', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('A').addRows([['x'], ['1']]);
      wb.addWorksheet('B').addRows([['y'], ['2'], ['3']]);
    });
    expect((await collect(await openXlsx(file, { sheet: 'B' }))).rows).toHaveLength(2);
    const first = await openXlsx(file, { sheet: 1 });
    expect(first.header).toEqual(['x']);
    await first.close();
    const error = await openXlsx(file, { sheet: 'C' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(/has no sheet "C"/);
    expect((error as ImportFileError).problem.expected).toBe('one of the sheets "A", "B"');
  });

  it('reports an empty sheet, a header-only sheet and values right of the header', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('Empty');
      wb.addWorksheet('Header').addRow(['id', 'name']);
      wb.addWorksheet('Wide').addRows([['id', 'name'], ['P1', 'Ann', 'stray note'], ['P2']]);
    });
    const empty = await openXlsx(file, { sheet: 'Empty' }).catch((e: unknown) => e);
    expect((empty as Error).message).toMatch(/Sheet "Empty" of .* is empty/);
    const header = await collect(await openXlsx(file, { sheet: 'Header' }));
    expect(header.problems[0]!.message).toBe('Sheet "Header" has a header row but no data rows.');
    const wide = await collect(await openXlsx(file, { sheet: 'Wide' }));
    expect(wide.rows.map((r) => r.cells)).toEqual([
      ['P1', 'Ann'],
      ['P2', ''],
    ]);
    expect(wide.problems[0]).toMatchObject({ row: 2, severity: 'warning' });
    expect(wide.problems[0]!.message).toContain('“stray note”');
  });

  it('refuses files that are not workbooks', async () => {
    for (const [name, content, message] of [
      ['text.xlsx', 'id,name\n', /text\.xlsx is not an Excel workbook/],
      ['old.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /old-style Excel workbook/],
      ['empty.xlsx', '', /empty\.xlsx is empty/],
      [
        'zip.xlsx',
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
        /not an Excel workbook \(it has no sheet list\)/,
      ],
    ] as const) {
      const error = await openXlsx(folder.write(name, content)).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(ImportFileError);
      expect((error as Error).message, name).toMatch(message);
    }
  });
});

describe('XLSX reader and temporary files', () => {
  it('writes no copy of a sheet anywhere, though the sheets come before the shared strings', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('First').addRows([
        ['name'],
        ...Array.from({ length: 3000 }, (_, i) => [`Person ${i}`]),
      ]);
      wb.addWorksheet('Second').addRows([['id'], ['Q1']]);
    });
    // As Excel saves them: the sheets, then the shared strings their text cells point into.
    const order = zipOrder(file);
    expect(order.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(order.indexOf('xl/sharedStrings.xml'));
    const temp = fixtureFolder('confidant-xlsx-tmp-');
    const before = process.env.TMPDIR;
    process.env.TMPDIR = temp.dir;
    try {
      const table = await openXlsx(file, { sheet: 'First', batchSize: 100 });
      const read = [];
      for await (const batch of table.batches) {
        expect(readdirSync(temp.dir)).toEqual([]);
        read.push(...batch.rows);
        if (read.length >= 1000) break;
      }
      await table.close();
      expect(read[299]?.cells).toEqual(['Person 299']);
      const second = await openXlsx(file, { sheet: 'Second' });
      const rows = [];
      for await (const batch of second.batches) rows.push(...batch.rows);
      expect(rows.map((row) => row.cells)).toEqual([['Q1']]);
      expect(readdirSync(temp.dir)).toEqual([]);
    } finally {
      process.env.TMPDIR = before;
      temp.remove();
    }
  });
});

/** The members of a ZIP archive in the order they lie in it (local headers). */
function zipOrder(file: string): string[] {
  const bytes = readFileSync(file);
  const names: string[] = [];
  for (let at = bytes.indexOf(LOCAL_HEADER); at >= 0; at = bytes.indexOf(LOCAL_HEADER, at + 4)) {
    const nameLength = bytes.readUInt16LE(at + 26);
    names.push(bytes.toString('utf8', at + 30, at + 30 + nameLength));
  }
  return names;
}
const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
