import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, detectEncoding, SAMPLE_BYTES } from '../encoding';
import { fileProblem, ImportFileError, type ImportProblem } from '../problems';

/**
 * Reading a document file whole, with the checks every format shares: not too large, not empty, and (for the
 * text formats) really text, in the encoding its bytes say.
 */

/** A document is read whole into memory; 50 MB of text is several thousand pages. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A problem with the whole file, with what a document of this format should be. */
export function documentError(
  file: string,
  expected: string,
  message: string,
  line?: number,
): ImportFileError {
  const problem: ImportProblem = { ...fileProblem(file, expected, message), row: line ?? null };
  return new ImportFileError(problem);
}

/** The file's bytes, refused when it is empty or larger than a document can sensibly be. */
export async function readDocumentBytes(file: string, expected: string): Promise<Buffer> {
  const name = path.basename(file);
  const { size } = await stat(file);
  if (size === 0) throw documentError(file, expected, `${name} is empty (0 bytes).`);
  if (size > MAX_DOCUMENT_BYTES)
    throw documentError(
      file,
      expected,
      `${name} is ${megabytes(size)}; a document can be at most ${megabytes(MAX_DOCUMENT_BYTES)}. Split it into parts.`,
    );
  return readFile(file);
}

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive, such as a Word document; name it .docx' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Word or Excel file; save it as .docx or plain text' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document; save it as plain text or .docx' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'a Rich Text (.rtf) document; save it as .docx' },
];

/** Refuses bytes that are not text: a known binary format by its signature, else ≥1 % control bytes. */
function requireText(file: string, sample: Uint8Array, expected: string, utf16: boolean): void {
  const name = path.basename(file);
  const signature = SIGNATURES.find((s) => s.bytes.every((b, i) => sample[i] === b));
  if (signature)
    throw documentError(file, expected, `${name} is not a text file: it looks like ${signature.what}.`);
  if (utf16) return;
  let control = 0;
  let firstAt = -1;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) {
      control++;
      if (firstAt < 0) firstAt = i;
    }
  }
  if (control > 0 && control >= sample.length * 0.01)
    throw documentError(
      file,
      expected,
      `${name} is not a text file: it holds binary data (first at byte ${firstAt}, ${control} control bytes in the first ${sample.length}).`,
    );
}

/** A text document decoded (UTF-8 with or without BOM, UTF-16, Windows-1252, Mac Roman: see encoding.ts). */
export async function readTextDocument(file: string, expected: string): Promise<string> {
  const bytes = await readDocumentBytes(file, expected);
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const { encoding } = detectEncoding(sample, bytes.length > sample.length);
  requireText(file, sample, expected, encoding.startsWith('utf-16'));
  const text = decodeText(bytes, encoding);
  if (text.trim() === '') throw documentError(file, expected, `${path.basename(file)} holds no text.`);
  return text;
}

/** The lines of a text, whatever its line endings. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
