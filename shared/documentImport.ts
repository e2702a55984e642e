import { z } from 'zod';
import { filePath, jobId } from './import';

/**
 * Importing a document: an interview transcript, a participant's journal or a mentor's notes, from plain text,
 * Word, WebVTT or SubRip. The preview says what the file was read as; the import keeps the document, with
 * everything the PII scan found in it, awaiting the evaluator's review in the Anonymise area.
 */

export const documentKinds = ['transcript', 'journal', 'mentor_note'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentFormats = ['text', 'docx', 'webvtt', 'subrip'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/** One speaker's turn; a paragraph of a journal or a note has no speaker. */
export interface TranscriptTurn {
  speaker: string | null;
  text: string;
  /** When the turn began, in seconds from the start of the recording, when the file says. */
  start?: number;
}

export const documentImportSchemas = {
  'import.previewDocument': z.object({ source: filePath }).strict(),
  /** Imports one document as a background job (cancel it with import.cancel); the same file twice is one document. */
  'import.document': z
    .object({
      source: filePath,
      kind: z.enum(documentKinds),
      title: z
        .string()
        .trim()
        .min(1, 'Give the document a title.')
        .max(200, 'A title is at most 200 characters.'),
      /** The participant's id or e-mail as the evaluator typed it; matched in the register, never stored. */
      participant: z.string().trim().min(1).max(320).optional(),
      /** The collection window's name; a new name makes a new window. */
      window: z.string().trim().min(1).max(200).optional(),
      jobId: jobId.optional(),
    })
    .strict(),
} as const;

export interface DocumentPreview {
  format: DocumentFormat;
  /** The format in words ("WebVTT subtitles"). */
  formatName: string;
  /** From the file's name, without anything the PII scan takes for a name, an e-mail or a number. */
  titleSuggestion: string;
  speakers: string[];
  /** The first turns, shown on screen only. */
  turns: TranscriptTurn[];
  turnCount: number;
  /** Length of the body that will be kept, in characters (Unicode code points). */
  characters: number;
}

export interface DocumentImportSummary {
  documentId: number;
  /** True when this file was imported before: nothing was written, and documentId is the earlier document. */
  duplicate: boolean;
  kind: DocumentKind;
  title: string;
  /** Possible identifiers the scan found, in all and per entity (Presidio's names: PERSON, EMAIL_ADDRESS…). */
  findings: number;
  findingsByEntity: Record<string, number>;
  /** The document waits for the evaluator's review of its findings before it can be used. */
  awaitingReview: boolean;
}

export interface DocumentImportResults {
  'import.previewDocument': DocumentPreview;
  'import.document': DocumentImportSummary;
}
