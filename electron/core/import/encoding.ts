import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';

/**
 * Which character encoding a text file is in. Evaluators get files from Excel on Windows (Windows-1252 or
 * UTF-16 "Unicode text"), from old Macs (Mac Roman), and from survey tools (UTF-8, often with a BOM). We
 * decide from the bytes and always let the evaluator override the guess.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'macintosh';

export const textEncodings: readonly TextEncoding[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'macintosh',
];

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Length of the byte order mark at the start of the file (0 when there is none). */
  bomLength: number;
  /** Why we chose it, in words for the evaluator. */
  reason: string;
}

/** Bytes read from the start of a file to decide its encoding, delimiter and line ending. */
export const SAMPLE_BYTES = 64 * 1024;

export async function readSample(
  file: string,
  bytes = SAMPLE_BYTES,
): Promise<{ sample: Buffer; size: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(bytes, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { sample: buffer.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

export function detectBom(sample: Uint8Array): EncodingGuess | null {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3, reason: 'the file starts with a UTF-8 byte order mark' };
  if (sample[0] === 0xff && sample[1] === 0xfe)
    return {
      encoding: 'utf-16le',
      bomLength: 2,
      reason: 'the file starts with a UTF-16 (little-endian) mark',
    };
  if (sample[0] === 0xfe && sample[1] === 0xff)
    return { encoding: 'utf-16be', bomLength: 2, reason: 'the file starts with a UTF-16 (big-endian) mark' };
  return null;
}

/** UTF-16 text without a BOM shows as a NUL in every other byte (for the Latin text our files hold). */
export function detectUtf16WithoutBom(sample: Uint8Array): TextEncoding | null {
  const n = Math.min(sample.length - (sample.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * True when the bytes are valid UTF-8. A sequence cut off by the end of the sample does not count against it.
 */
export function isValidUtf8(sample: Uint8Array, truncated: boolean): boolean {
  let end = sample.length;
  if (truncated) {
    // Step back over a multi-byte sequence the sample may have cut in two.
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1]! & 0xc0) === 0x80) back++;
    const lead = sample[end - back - 1];
    if (lead !== undefined && lead >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

const isAsciiLetter = (b: number | undefined) =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
const isSpaceOrEdge = (b: number | undefined) =>
  b === undefined || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x2c || b === 0x3b;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const isLowerAsciiLetter = (b: number | undefined) => b !== undefined && b >= 0x61 && b <= 0x7a;
const QUOTE_OR_DASH = /[‘’“”–—…€]/u;

const highTables = new Map<string, string[]>();

/** What each byte 0x80-0xFF is in a single-byte encoding (decoded once, not once a byte of a file). */
function highCharacters(encoding: 'windows-1252' | 'macintosh'): string[] {
  let table = highTables.get(encoding);
  if (!table) {
    table = Array.from({ length: 128 }, (_, i) => iconv.decode(Buffer.from([0x80 + i]), encoding));
    highTables.set(encoding, table);
  }
  return table;
}

/**
 * Scores how plausible the high bytes (0x80-0xFF) are in an encoding: a letter between letters ("café",
 * "Müller") or a quote or dash at a word's edge ("‘yes’", "9–5") is plausible; a control character, or a
 * letter wedged between spaces, is not. Windows-1252 puts punctuation at 0x80-0x9F and letters at 0xC0-0xFF;
 * Mac Roman does the opposite, so real text scores high in the one it was written in.
 */
export function plausibility(sample: Uint8Array, encoding: 'windows-1252' | 'macintosh'): number {
  let score = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte < 0x80) continue;
    const char = highCharacters(encoding)[byte - 0x80]!;
    const code = char.codePointAt(0) ?? 0;
    const before = sample[i - 1];
    const after = sample[i + 1];
    const nearLetters = isAsciiLetter(before) || isAsciiLetter(after) || (before ?? 0) >= 0x80;
    if (char === '\ufffd' || code < 0x20 || (code >= 0x7f && code < 0xa0)) score -= 5;
    else if (UPPER.test(char) && isLowerAsciiLetter(before))
      score -= 3; // a capital inside a word ("donÕt", "cafŽ", "cafÈ"): the other encoding's punctuation or letter
    else if (LETTER.test(char)) score += nearLetters ? 2 : -1;
    else if (QUOTE_OR_DASH.test(char))
      score += isSpaceOrEdge(before) || isSpaceOrEdge(after) || nearLetters ? 2 : 0;
    else score -= 1; // a symbol such as ¸ ˛ √ ∂ in running text is unlikely in either
  }
  return score;
}

/**
 * Decides a whole file's encoding. The first 64 KiB decide when they can; when they cannot (plain ASCII, or
 * Windows-1252 and Mac Roman about as plausible), the whole file is read once more: it is UTF-8 if all of it is,
 * otherwise the single-byte encoding in which all of its high bytes read as more plausible text.
 */
export async function detectFileEncoding(
  file: string,
  sample: Uint8Array,
  size: number,
): Promise<EncodingGuess> {
  const guess = detectEncoding(sample, sample.length < size);
  if (sample.length >= size || guess.bomLength > 0 || guess.encoding.startsWith('utf-16')) return guess;
  const ascii = guess.encoding === 'utf-8' && sample.every((b) => b < 0x80);
  const close =
    guess.encoding !== 'utf-8' &&
    Math.abs(plausibility(sample, 'windows-1252') - plausibility(sample, 'macintosh')) < 6;
  if (!ascii && !close) return guess;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let windows = 0;
  let mac = 0;
  for await (const chunk of createReadStream(file)) {
    const bytes = chunk as Buffer;
    if (validUtf8)
      try {
        utf8.decode(bytes, { stream: true });
      } catch {
        validUtf8 = false;
      }
    windows += plausibility(bytes, 'windows-1252');
    mac += plausibility(bytes, 'macintosh');
  }
  if (validUtf8) return guess;
  const encoding = mac > windows ? 'macintosh' : 'windows-1252';
  return {
    encoding,
    bomLength: 0,
    reason: `the file is not UTF-8, and all of its accented letters and punctuation read correctly as ${encoding === 'macintosh' ? 'Mac Roman' : 'Windows-1252'}`,
  };
}

/** Decides the encoding of a sample of a file's first bytes. */
export function detectEncoding(sample: Uint8Array, truncated = false): EncodingGuess {
  const bom = detectBom(sample);
  if (bom) return bom;
  const utf16 = detectUtf16WithoutBom(sample);
  if (utf16)
    return {
      encoding: utf16,
      bomLength: 0,
      reason: 'every other byte is zero, as in UTF-16 text without a mark',
    };
  if (isValidUtf8(sample, truncated)) {
    const ascii = sample.every((b) => b < 0x80);
    return {
      encoding: 'utf-8',
      bomLength: 0,
      reason: ascii ? 'the file holds only plain ASCII characters' : 'the file is valid UTF-8',
    };
  }
  const windows = plausibility(sample, 'windows-1252');
  const mac = plausibility(sample, 'macintosh');
  if (mac > windows)
    return {
      encoding: 'macintosh',
      bomLength: 0,
      reason: 'the file is not UTF-8 and its accented letters read correctly as Mac Roman',
    };
  return {
    encoding: 'windows-1252',
    bomLength: 0,
    reason: 'the file is not UTF-8 and its accented letters read correctly as Windows-1252',
  };
}

/** Decodes a whole (small) buffer, dropping its BOM. For files, use a decoding stream instead. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, {
    stripBOM: true,
  });
}

export function isTextEncoding(name: string): name is TextEncoding {
  return (textEncodings as readonly string[]).includes(name);
}
