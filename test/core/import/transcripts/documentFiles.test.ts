import { Document, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../../electron/core/import/transcripts/documentFile';
import { readDocument } from '../../../../electron/core/import/transcripts/readDocument';
import { transcriptBody } from '../../../../electron/core/import/transcripts/transcript';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-documents-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const written = path.join(dir, name);
  writeFileSync(written, content);
  return written;
}

/** A Word document with these paragraphs, as Word writes one. */
async function wordDocument(paragraphs: string[]): Promise<Buffer> {
  const document = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }],
  });
  return Packer.toBuffer(document);
}

const INTERVIEW = 'Interviewer: Was the programme worth it?\nMentee: Yes. Zoë and I still meet every month.';

describe('encodings of text documents', () => {
  it.each([
    [
      'UTF-8 with a byte order mark',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(INTERVIEW)]),
    ],
    [
      'UTF-16 little-endian with a mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(INTERVIEW, 'utf-16le')]),
    ],
    [
      'UTF-16 big-endian with a mark',
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(INTERVIEW, 'utf-16be')]),
    ],
    ['Windows-1252', iconv.encode(INTERVIEW, 'windows-1252')],
  ])('reads %s', async (_name, bytes) => {
    const transcript = await readDocument(file('interview.txt', bytes));
    expect(transcriptBody(transcript.turns)).toBe(
      'Interviewer: Was the programme worth it?\n\nMentee: Yes. Zoë and I still meet every month.',
    );
  });
});

describe('Word documents', () => {
  it('reads the paragraphs of a .docx as speaker turns', async () => {
    const bytes = await wordDocument([
      'Interview 4 — end of programme',
      'Interviewer: What will you take away?',
      'Kofi Mensah: The habit of asking for feedback.',
      'My mentor, Ruth, modelled it every week.',
      'Interviewer: Thank you.',
    ]);
    const transcript = await readDocument(file('interview.docx', bytes));
    expect(transcript).toEqual({
      format: 'docx',
      speakers: ['Interviewer', 'Kofi Mensah'],
      turns: [
        { speaker: null, text: 'Interview 4 — end of programme' },
        { speaker: 'Interviewer', text: 'What will you take away?' },
        {
          speaker: 'Kofi Mensah',
          text: 'The habit of asking for feedback. My mentor, Ruth, modelled it every week.',
        },
        { speaker: 'Interviewer', text: 'Thank you.' },
      ],
    });
  });

  it('refuses a file that is not a ZIP archive', async () => {
    await expect(readDocument(file('notes.docx', 'Interviewer: plain text, named .docx'))).rejects.toThrow(
      'notes.docx is not a Word document: a .docx file is a ZIP archive, and this file is not one.',
    );
  });

  it('refuses a password-protected document, and says how to remove the password', async () => {
    // What Word writes for an encrypted .docx: an OLE compound file holding an "EncryptedPackage" stream.
    const compound = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(compound);
    Buffer.from('EncryptedPackage', 'utf16le').copy(compound, 1024);
    await expect(readDocument(file('protected.docx', compound))).rejects.toThrow(
      'protected.docx is protected with a password. Open it in Word, remove the password',
    );
    const oldDoc = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(oldDoc);
    await expect(readDocument(file('old.docx', oldDoc))).rejects.toThrow(
      'old.docx is an old-style Word document (.doc). Open it in Word and save it as a .docx document.',
    );
  });

  it('refuses a ZIP archive that is not a Word document', async () => {
    const zip = zipSync({ 'readme.txt': strToU8('not a document') });
    await expect(readDocument(file('archive.docx', zip))).rejects.toThrow(
      'archive.docx is a ZIP archive but not a readable Word document',
    );
  });

  it('refuses a document with no text', async () => {
    await expect(readDocument(file('blank.docx', await wordDocument(['', ''])))).rejects.toThrow(
      'blank.docx holds no text.',
    );
  });
});

describe('files that are not documents', () => {
  it('refuses an empty file', async () => {
    await expect(readDocument(file('empty.txt', ''))).rejects.toThrow('empty.txt is empty (0 bytes).');
    await expect(readDocument(file('blank.txt', '\n\n  \n'))).rejects.toThrow('blank.txt holds no text.');
  });

  it('refuses binary junk, and a known format by its signature', async () => {
    const junk = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    await expect(readDocument(file('junk.txt', junk))).rejects.toThrow(
      /junk\.txt is not a text file: it holds binary data \(first at byte 0, \d+ control bytes in the first 2048\)\./,
    );
    await expect(readDocument(file('scan.txt', '%PDF-1.7\n…'))).rejects.toThrow(
      'scan.txt is not a text file: it looks like a PDF document; save it as plain text or .docx.',
    );
  });

  it('refuses a file over the size limit without reading it', async () => {
    const big = path.join(dir, 'huge.txt');
    const handle = openSync(big, 'w');
    writeSync(handle, 'x', MAX_DOCUMENT_BYTES); // a sparse file one byte over the limit
    closeSync(handle);
    await expect(readDocument(big)).rejects.toThrow(
      'huge.txt is 50.0 MB; a document can be at most 50.0 MB.',
    );
  });

  it('names the formats it reads when given another', async () => {
    await expect(readDocument(file('interview.pdf', 'x'))).rejects.toThrow(
      'interview.pdf is a .pdf file; a transcript, journal or note can be plain text (.txt), a Word document (.docx), WebVTT captions (.vtt) or SubRip subtitles (.srt).',
    );
  });
});
