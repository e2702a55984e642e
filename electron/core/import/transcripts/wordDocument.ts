import path from 'node:path';
import { documentError, MAX_DOCUMENT_BYTES, readDocumentBytes } from './documentFile';
import { readSpeakerTurns } from './speakerTurns';
import type { Transcript } from './transcript';

/**
 * A Word document (.docx): its paragraphs' text, through mammoth, then read for speaker turns as a typed
 * transcript is. A .docx is a ZIP archive; a password-protected one is not (Word wraps it, encrypted, in an
 * OLE compound file), and neither is an old .doc, so each gets its own message.
 */
const EXPECTED = 'a Word document (.docx)';
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted Office file keeps its content in, named in UTF-16 in the compound file. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** Why these bytes cannot be a .docx, or null when they are a ZIP archive and may be one. */
export function notWordDocument(name: string, bytes: Buffer): string | null {
  if (bytes.subarray(0, 4).equals(ZIP)) return null;
  if (bytes.subarray(0, 8).equals(COMPOUND_FILE)) {
    return bytes.includes(ENCRYPTED_PACKAGE)
      ? `${name} is protected with a password. Open it in Word, remove the password (File › Info › Protect Document › Encrypt with Password) and save it again.`
      : `${name} is an old-style Word document (.doc). Open it in Word and save it as a .docx document.`;
  }
  return `${name} is not a Word document: a .docx file is a ZIP archive, and this file is not one.`;
}

export async function readWordDocument(file: string): Promise<Transcript> {
  const name = path.basename(file);
  const bytes = await readDocumentBytes(file, EXPECTED);
  const refused = notWordDocument(name, bytes);
  if (refused) throw documentError(file, EXPECTED, refused);
  // Loaded when a Word document is read, not with the engine.
  const { default: mammoth } = await import('mammoth');
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    throw documentError(
      file,
      EXPECTED,
      `${name} is a ZIP archive but not a readable Word document (no document text was found in it).`,
    );
  }
  if (text.length > MAX_DOCUMENT_BYTES)
    throw documentError(
      file,
      EXPECTED,
      `${name} holds more text than a document can (50 MB). Split it into parts.`,
    );
  if (text.trim() === '') throw documentError(file, EXPECTED, `${name} holds no text.`);
  return readSpeakerTurns('docx', text);
}
