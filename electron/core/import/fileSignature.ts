/**
 * What a file really is, from its first bytes (its "magic number"), whatever its name says: a PNG renamed to
 * .csv is an image, and the evaluator is told so in those words, with what to do, rather than being shown a
 * count of control bytes. Signatures from the formats' own specifications (PNG, JPEG/JFIF, GIF87a/89a, PDF,
 * ZIP local headers, OLE2 compound files, SPSS, gzip, 7-Zip, RAR, RIFF/WebP, TIFF, SQLite). Only signatures no
 * text file can begin with: a two-byte one such as BMP's "BM" would take a CSV headed "BMI" for an image.
 */
export interface FileSignature {
  /** What the file is, as "this looks like …" ends: "a PNG image". */
  what: string;
  /** The reader that can open it, when the import reads this format under another name. */
  readAs?: 'xlsx' | 'sav';
}

interface KnownSignature extends FileSignature {
  bytes: readonly number[];
  /** More bytes further in that must match too (WebP's mark after the RIFF header). */
  then?: { at: number; bytes: readonly number[] };
}

const SIGNATURES: readonly KnownSignature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG photo' },
  // GIF87a and GIF89a (a text file could begin "GIF8", not with the version after it).
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61], what: 'a GIF image' },
  { bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], what: 'a GIF image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], then: { at: 8, bytes: [0x57, 0x45, 0x42, 0x50] }, what: 'a WebP image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an old Microsoft Office file (an .xls workbook or a .doc document)',
  },
  { bytes: [0x24, 0x46, 0x4c, 0x32], what: 'an SPSS data file (.sav)', readAs: 'sav' },
  { bytes: [0x24, 0x46, 0x4c, 0x33], what: 'a compressed SPSS data file (.zsav)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'an SQLite database' },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (sample: Uint8Array, bytes: readonly number[], at = 0) =>
  sample.length >= at + bytes.length && bytes.every((byte, i) => sample[at + i] === byte);

/** A ZIP's kind from the member names in its first local headers: Office files name their parts' folders. */
function zipKind(sample: Uint8Array): FileSignature {
  const names = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString('latin1');
  if (names.includes('xl/')) return { what: 'an Excel workbook (.xlsx)', readAs: 'xlsx' };
  if (names.includes('word/')) return { what: 'a Word document (.docx)' };
  if (names.includes('ppt/')) return { what: 'a PowerPoint presentation (.pptx)' };
  if (names.includes('mimetype') && names.includes('opendocument')) return { what: 'an OpenDocument file' };
  return { what: 'a ZIP archive' };
}

/** What the first bytes of a file say it is, or null for anything else (text, among others). */
export function recogniseSignature(sample: Uint8Array): FileSignature | null {
  if (startsWith(sample, ZIP)) return zipKind(sample);
  const found = SIGNATURES.find(
    ({ bytes, then }) => startsWith(sample, bytes) && (!then || startsWith(sample, then.bytes, then.at)),
  );
  if (!found) return null;
  return { what: found.what, ...(found.readAs ? { readAs: found.readAs } : {}) };
}

/**
 * The message for a file whose bytes are not the spreadsheet its name promises, with what to do: a workbook or
 * an SPSS file under the wrong name is renamed; anything else is exported again from its program.
 */
export function notASpreadsheet(name: string, signature: FileSignature, expected: string): string {
  if (signature.readAs === 'xlsx')
    return `${name}: this looks like ${signature.what}, not ${expected}: give it the .xlsx ending, or export it from Excel as CSV.`;
  if (signature.readAs === 'sav')
    return `${name}: this looks like ${signature.what}, not ${expected}: give it the .sav ending and choose it again.`;
  return `${name}: this looks like ${signature.what}, not a spreadsheet: export it from its program as CSV or XLSX.`;
}
