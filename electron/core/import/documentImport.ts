import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import type { DocumentImportSummary, DocumentKind, DocumentPreview } from '../../../shared/documentImport';
import { ConfidantError } from '../../../shared/errors';
import { projectScanOptions } from '../anonymize/anonymisationSettings';
import { storeDocumentForReview } from '../anonymize/documentsForReview';
import {
  identifiersInLabel,
  projectLabels,
  registeredIdentifier,
  type KnownIdentifier,
} from '../anonymize/projectLabels';
import type { ScanOptions } from '../anonymize/scan';
import { appendAudit } from '../store/audit';
import { openEncryptedFile } from '../store/encryptedFile';
import { PROJECT_KIND } from '../store/projectFile';
import { sha256OfFile } from './importJob';
import {
  IdentifierConflict,
  ParticipantRegister,
  type ParticipantIdentifier,
  type RegisteredParticipant,
} from './participantRegister';
import { collectionWindowId } from './programRecords';
import { formatNames, readDocument } from './transcripts/readDocument';
import { transcriptBody, type Transcript } from './transcripts/transcript';

/**
 * Importing one transcript, journal or mentor's note. The preview reads the file and says what it found; the
 * import (a background job on a connection of its own) writes, in ONE transaction, the import batch (the
 * file's SHA-256, so the same file again is recognised and changes nothing), the document awaiting review
 * with every possible identifier the PII scan finds in it, and an audit entry of counts. A cancel or a crash
 * before the commit leaves the project as it was.
 */
export const PREVIEW_TURNS = 30;

/** Code points, as finding offsets count them. */
export function characterCount(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) pairs++;
  }
  return text.length - pairs;
}

const capitalised = (word: string) => {
  const first = word.charAt(0).toUpperCase();
  return first.length === 1 ? first + word.slice(1) : word;
};

/**
 * A title from the file's name ("interview_priya-raman_2026-03.vtt" → "Interview 2026 03"), less whatever the
 * label scan (anonymize/projectLabels.ts) takes for a name, an address or an id: a title is kept as typed, and
 * is not reviewed. `known` says which words are ids or e-mail addresses of the project's participants.
 */
export function titleFromFileName(
  file: string,
  scanOptions: ScanOptions,
  known: KnownIdentifier = () => false,
): string {
  const base = path.basename(file, path.extname(file));
  let kept = base;
  for (const finding of identifiersInLabel(base, scanOptions, known).reverse())
    kept = `${kept.slice(0, finding.start)} ${kept.slice(finding.end)}`;
  const title = kept
    .replace(/[_\-.+]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return title === '' ? 'Untitled document' : capitalised(title);
}

/** What the file holds, for the wizard's preview; the title suggestion is scanned with the project's settings. */
export async function previewDocument(file: string, db: Connection): Promise<DocumentPreview> {
  const transcript = await readDocument(file);
  return {
    format: transcript.format,
    formatName: formatNames[transcript.format],
    titleSuggestion: titleFromFileName(file, projectScanOptions(db), registeredIdentifier(db)),
    speakers: transcript.speakers,
    turns: transcript.turns.slice(0, PREVIEW_TURNS),
    turnCount: transcript.turns.length,
    characters: characterCount(transcriptBody(transcript.turns)),
  };
}

/** The participant an id or e-mail the evaluator typed names; a clear error when nobody does. */
export function participantNamed(db: Connection, typed: string): number {
  const identifier: ParticipantIdentifier = { kind: typed.includes('@') ? 'email' : 'id', value: typed };
  const what = identifier.kind === 'email' ? 'e-mail address' : 'participant id';
  let found: RegisteredParticipant | undefined;
  try {
    found = new ParticipantRegister(db).find([identifier]);
  } catch (error) {
    if (!(error instanceof IdentifierConflict)) throw error;
  }
  if (!found)
    throw new ConfidantError(
      'INVALID_ARGUMENTS',
      `No participant in this project has the ${what} you typed. Check it, leave it out, or import the roster that lists them first. Nothing was imported.`,
    );
  return found.id;
}

export interface DocumentSpec {
  kind: DocumentKind;
  title: string;
  /** An id or e-mail of a participant on the register. */
  participant?: string;
  /** A collection window's name; created if the project has none of that name. */
  window?: string;
  sourceName: string;
  contentSha256: string;
  actor: string;
}

function summaryOf(db: Connection, documentId: number, duplicate: boolean): DocumentImportSummary {
  const document = db.prepare('SELECT kind, title, review FROM document WHERE id = ?').get(documentId) as {
    kind: DocumentKind;
    title: string;
    review: string;
  };
  const counts = db
    .prepare(
      'SELECT entity, count(*) AS n FROM pii_finding WHERE document_id = ? GROUP BY entity ORDER BY entity',
    )
    .all(documentId) as { entity: string; n: number }[];
  return {
    documentId,
    duplicate,
    kind: document.kind,
    title: document.title,
    findings: counts.reduce((sum, { n }) => sum + n, 0),
    findingsByEntity: Object.fromEntries(counts.map(({ entity, n }) => [entity, n])),
    awaitingReview: document.review === 'awaiting',
  };
}

function documentImportedBefore(db: Connection, contentSha256: string): number | undefined {
  return db
    .prepare(
      `SELECT d.id FROM import_batch b JOIN document d ON d.import_id = b.id
       WHERE b.kind = 'document' AND b.content_sha256 = ? ORDER BY d.id LIMIT 1`,
    )
    .pluck()
    .get(contentSha256) as number | undefined;
}

/** Writes the document, its findings and the audit entry in one transaction on `db`, or nothing. */
export function commitDocument(
  db: Connection,
  transcript: Transcript,
  spec: DocumentSpec,
  onScan: () => void = () => undefined,
): DocumentImportSummary {
  db.exec('BEGIN IMMEDIATE');
  try {
    const earlier = documentImportedBefore(db, spec.contentSha256);
    if (earlier !== undefined) {
      db.exec('ROLLBACK');
      return summaryOf(db, earlier, true);
    }
    const participantId = spec.participant === undefined ? null : participantNamed(db, spec.participant);
    // The file's name and the window's name are kept only as the label scan leaves them (the title too: below).
    const labels = projectLabels(db);
    const windowId = spec.window === undefined ? null : collectionWindowId(db, labels.label(spec.window));
    const importId = Number(
      db
        .prepare(
          `INSERT INTO import_batch (kind, source_name, content_sha256, target, imported_at, rows_in, rows_skipped, mapping)
           VALUES ('document', ?, ?, '', ?, ?, 0, ?)`,
        )
        .run(
          labels.fileName(spec.sourceName),
          spec.contentSha256,
          new Date().toISOString(),
          transcript.turns.length,
          JSON.stringify({ format: transcript.format, kind: spec.kind }),
        ).lastInsertRowid,
    );
    onScan();
    const stored = storeDocumentForReview(
      db,
      {
        kind: spec.kind,
        title: spec.title,
        body: transcriptBody(transcript.turns),
        participantId,
        windowId,
        importId,
      },
      projectScanOptions(db),
    );
    appendAudit(db, {
      actor: spec.actor,
      action: 'import.document',
      objectType: 'document',
      objectId: String(stored.documentId),
      detail: {
        importId,
        kind: spec.kind,
        format: transcript.format,
        turns: transcript.turns.length,
        speakers: transcript.speakers.length,
        findings: stored.findings,
        participantLinked: participantId !== null,
        windowLinked: windowId !== null,
      },
    });
    db.exec('COMMIT');
    return summaryOf(db, stored.documentId, false);
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

export interface DocumentImportInput extends Omit<DocumentSpec, 'sourceName' | 'contentSha256'> {
  projectPath: string;
  passphrase: string;
  source: string;
}

export type DocumentProgress = (phase: string, done: number, total?: number) => void;

/** The import job: reads the file, then commits it on a connection of its own. */
export async function importDocument(
  input: DocumentImportInput,
  report: DocumentProgress,
): Promise<DocumentImportSummary> {
  const { projectPath, passphrase, source, ...details } = input;
  report('Reading the document', 0, 3);
  const contentSha256 = await sha256OfFile(source);
  const transcript = await readDocument(source);
  report('Saving the document', 1, 3);
  const db = openEncryptedFile(projectPath, passphrase, PROJECT_KIND);
  try {
    return commitDocument(
      db,
      transcript,
      { ...details, sourceName: path.basename(source), contentSha256 },
      () => report('Looking for names, e-mail addresses and other identifiers', 2, 3),
    );
  } finally {
    db.close();
  }
}
