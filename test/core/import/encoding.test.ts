import iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCsv } from '../../../electron/core/import/csvReader';
import { detectEncoding, isValidUtf8, plausibility } from '../../../electron/core/import/encoding';

const samples = [
  'Zoë said “the sessions were useful” – and she’d do it again…',
  'Müller, François; Ångström – café crème',
  'Le programme m’a aidé à être plus sûr de moi',
  'Señora Peña: “¡Excelente!”',
];

describe('encoding detection', () => {
  it.each(samples)('tells Windows-1252 from Mac Roman for %j', (text) => {
    expect(detectEncoding(iconv.encode(text, 'windows-1252')).encoding).toBe('windows-1252');
    expect(detectEncoding(iconv.encode(text, 'macintosh')).encoding).toBe('macintosh');
  });

  it('prefers UTF-8 when the bytes are valid UTF-8, and says why', () => {
    expect(detectEncoding(Buffer.from(samples[0]!))).toMatchObject({
      encoding: 'utf-8',
      bomLength: 0,
      reason: 'the file is valid UTF-8',
    });
    expect(detectEncoding(Buffer.from('id,name\n'))).toMatchObject({
      reason: 'the file holds only plain ASCII characters',
    });
  });

  it('reads byte order marks and UTF-16 without one', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toMatchObject({
      encoding: 'utf-8',
      bomLength: 3,
    });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toMatchObject({
      encoding: 'utf-16le',
      bomLength: 2,
    });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]))).toMatchObject({
      encoding: 'utf-16be',
      bomLength: 2,
    });
    expect(detectEncoding(iconv.encode('id,name\nP1,Ann\n', 'utf-16le')).encoding).toBe('utf-16le');
    expect(detectEncoding(iconv.encode('id,name\nP1,Ann\n', 'utf-16be')).encoding).toBe('utf-16be');
  });

  it('does not hold a multi-byte character cut by the end of the sample against UTF-8', () => {
    const bytes = Buffer.from('abc é');
    const cut = bytes.subarray(0, bytes.length - 1);
    expect(isValidUtf8(cut, true)).toBe(true);
    expect(isValidUtf8(cut, false)).toBe(false);
  });

  it('scores text higher in the encoding it was written in', () => {
    const bytes = iconv.encode(samples[1]!, 'windows-1252');
    expect(plausibility(bytes, 'windows-1252')).toBeGreaterThan(plausibility(bytes, 'macintosh'));
  });
});

describe('the encoding of a whole file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'confidant-encoding-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A CR-only file, as old Macs write: 64 KiB and more of plain ASCII rows, then comments with Mac Roman bytes. */
  function crOnlyMacFile(): { file: string; comments: string[] } {
    const comments = [
      'It’s been good – really good',
      '“Too short” – I’d like more',
      'The café; Müller’s talk',
    ];
    const plain = Array.from({ length: 3000 }, (_, i) => `R_${i},Agree,fine`);
    const rows = [...plain, ...comments.map((c, i) => `R_x${i},Agree,"${c}"`)];
    const file = path.join(dir, 'mac.csv');
    writeFileSync(file, iconv.encode(`Response,Q1,Comment\r${rows.join('\r')}\r`, 'macintosh'));
    return { file, comments };
  }

  it('decides between Windows-1252 and Mac Roman by the whole file, not the first 64 KiB', async () => {
    const { file, comments } = crOnlyMacFile();
    const table = await openCsv(file);
    expect(table.dialect.encoding.encoding).toBe('macintosh');
    const rows: string[][] = [];
    for await (const batch of table.batches) rows.push(...batch.rows.map((row) => row.cells));
    expect(rows.slice(-3).map((row) => row[2])).toEqual(comments);
  });

  it('lets the evaluator choose the encoding', async () => {
    const { file } = crOnlyMacFile();
    const table = await openCsv(file, { encoding: 'windows-1252' });
    expect(table.dialect.encoding).toMatchObject({ encoding: 'windows-1252', reason: 'chosen by you' });
    await table.close();
  });

  it('finds Mac Roman among letters where Windows-1252 would put capitals inside words', () => {
    const bytes = iconv.encode('don’t – café – naïve – “quoted”', 'macintosh');
    expect(plausibility(bytes, 'macintosh')).toBeGreaterThan(plausibility(bytes, 'windows-1252'));
  });
});
