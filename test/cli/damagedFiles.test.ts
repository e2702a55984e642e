import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../electron/core/store/projectFile';
import { tableCounts } from '../../electron/core/store/projectInfo';
import { DAMAGES, damage, generator, rosterCsv, rosterXlsx } from '../fixtures/import/damage';
import { writeSav } from '../fixtures/import/savWriter';
import { PASS, runConfidant } from './confidantRun';

// Damaged files through the real CLI: one line on stderr naming the file, exit 1, and the project as it was.
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-damaged-cli-'));
  expect(confidant(['init', 'p.confidant']).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const confidant = (args: string[]) => runConfidant(dir, args);

/** The project's tables but the audit log (each run of the CLI logs its open and lock). */
function contents() {
  const project = openProject(path.join(dir, 'p.confidant'), PASS, 'test', { audit: false });
  try {
    const { audit_log: _audit, ...tables } = tableCounts(project);
    return tables;
  } finally {
    project.db.close();
  }
}

async function withMember(name: string, change: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await rosterXlsx());
  zip.file(name, change(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('damaged files through the CLI', () => {
  it.each([
    [
      'a sheet cut in half',
      'cut.xlsx',
      () => withMember('xl/worksheets/sheet1.xml', (xml) => xml.slice(0, xml.length / 2)),
      /Sheet "Roster" of cut\.xlsx is cut short/,
    ],
    [
      'an undefined entity',
      'entity.xlsx',
      () => withMember('xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData>', '<sheetData>&bogus;')),
      /entity\.xlsx cannot be read: its XML is broken \(.*undefined entity\)/,
    ],
    [
      'two roots',
      'roots.xlsx',
      () => withMember('xl/workbook.xml', (xml) => `${xml}<extra/>`),
      /roots\.xlsx cannot be read: its XML is broken \(.*only one root\)/,
    ],
    [
      'a corrupt compressed sheet',
      'deflate.xlsx',
      async () => {
        const bytes = await rosterXlsx();
        const zip = await JSZip.loadAsync(bytes);
        const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('nodebuffer');
        const at = bytes.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 40;
        for (let i = 0; i < 24; i++) bytes[at + i]! ^= 0x5a;
        expect(sheet.length).toBeGreaterThan(0);
        return bytes;
      },
      /deflate\.xlsx cannot be read/,
    ],
    [
      'a CSV cut in the middle of a row',
      'half.csv',
      async () => rosterCsv().subarray(0, rosterCsv().indexOf('E120') + 12),
      /half\.csv ends in the middle of row 22/,
    ],
    [
      'an SPSS file whose dictionary points past its end',
      'offset.sav',
      async () => {
        const sav = writeSav({
          variables: [
            { name: 'EmpId', width: 8 },
            { name: 'Note', width: 300 },
          ],
          cases: [['E1', 'x']],
        });
        sav.writeInt32LE(0x7ffffff0, 176 + 8); // the first variable's label flag/length area
        return sav;
      },
      /offset\.sav/,
    ],
    [
      'a table 100,001 columns wide',
      'wide.csv',
      async () => Buffer.from(`${Array.from({ length: 100_001 }, (_, i) => `c${i}`).join(',')}\n1\n`),
      /wide\.csv has 100,001 columns; a table Confidant imports has at most 100,000/,
    ],
    [
      'a heading of 3,000 characters',
      'long.csv',
      async () => Buffer.from(`Employee ID,${'x'.repeat(3000)}\nE1,hello\n`),
      /Column 2 of long\.csv has a heading of 3,000 characters/,
    ],
  ])(
    '%s: one line naming the file, exit 1, nothing written',
    async (_case, name, make, message) => {
      writeFileSync(path.join(dir, name), await make());
      const before = contents();
      const result = confidant(['import', 'p.confidant', name, '--as', 'roster']);
      expect(result.code).toBe(1);
      const said = result.stderr.trim() || JSON.stringify(JSON.parse(result.stdout).problems);
      expect(said).toMatch(message);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stderr).not.toContain('Something went wrong');
      expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(1);
      expect(contents()).toEqual(before);
    },
    60_000,
  );

  it('a dozen randomly damaged files: no stack trace, exit 1 or a full import, and nothing half-written', async () => {
    const random = generator(7);
    const originals = { csv: rosterCsv(), xlsx: await rosterXlsx() };
    for (let i = 0; i < 12; i++) {
      const kind = i % 2 ? 'xlsx' : 'csv';
      const how = DAMAGES[random.below(DAMAGES.length)]!;
      const name = `random-${i}.${kind}`;
      writeFileSync(path.join(dir, name), damage(originals[kind], how, random));
      const before = contents();
      const result = confidant(['import', 'p.confidant', name, '--as', 'roster']);
      const label = `${name} (${how}): ${result.stderr}`;
      expect(result.stderr, label).not.toMatch(/^\s+at /m);
      expect(result.stderr, label).not.toContain('Something went wrong');
      expect([0, 1], label).toContain(result.code);
      if (result.code === 1) expect(contents(), label).toEqual(before);
    }
  }, 240_000);
});
