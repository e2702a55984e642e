import path from 'node:path';
import type { DocumentFormat } from '../../../../shared/documentImport';
import { readingFile } from '../damagedFile';
import { documentError, readTextDocument } from './documentFile';
import { parseSubRip } from './subRip';
import { readSpeakerTurns } from './speakerTurns';
import type { Transcript } from './transcript';
import { parseWebVtt } from './webVtt';
import { readWordDocument } from './wordDocument';

/** Reading a transcript, journal or note by its file's extension. */
const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  '': 'text',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.docx': 'docx',
  '.vtt': 'webvtt',
  '.srt': 'subrip',
};

export const formatNames: Record<DocumentFormat, string> = {
  text: 'plain text',
  docx: 'a Word document',
  webvtt: 'WebVTT captions',
  subrip: 'SubRip subtitles',
};

const ACCEPTED =
  'plain text (.txt), a Word document (.docx), WebVTT captions (.vtt) or SubRip subtitles (.srt)';

export function documentFormat(file: string): DocumentFormat {
  const extension = path.extname(file).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (format) return format;
  throw documentError(
    file,
    ACCEPTED,
    `${path.basename(file)} is a ${extension} file; a transcript, journal or note can be ${ACCEPTED}.`,
  );
}

async function readByFormat(file: string, format: DocumentFormat): Promise<Transcript> {
  if (format === 'docx') return readWordDocument(file);
  if (format === 'webvtt') return parseWebVtt(file, await readTextDocument(file, 'WebVTT captions (.vtt)'));
  if (format === 'subrip') return parseSubRip(file, await readTextDocument(file, 'SubRip subtitles (.srt)'));
  return readSpeakerTurns('text', await readTextDocument(file, 'a text file'));
}

/** The file's turns; a file with nothing to read (a WebVTT header and no cues) is refused. */
export async function readDocument(file: string): Promise<Transcript> {
  const format = documentFormat(file);
  const transcript = await readingFile(file, ACCEPTED, () => readByFormat(file, format));
  if (transcript.turns.length === 0)
    throw documentError(
      file,
      ACCEPTED,
      `${path.basename(file)} holds no text: it has no ${format === 'text' ? 'lines' : 'cues'} to import.`,
    );
  return transcript;
}
