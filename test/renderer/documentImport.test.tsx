import type { ReactElement } from 'react';
import { renderToString as renderWithMarkers } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DocumentImportSummary } from '../../shared/documentImport';
import { DocumentPreviewStep } from '../../renderer/areas/import/DocumentPreviewStep';
import { DocumentSummaryStep } from '../../renderer/areas/import/DocumentSummaryStep';
import {
  detailsIssues,
  documentImportArgs,
  findingsByKind,
  findingsHeadline,
  recordingTime,
  turnExcerpt,
} from '../../renderer/areas/import/documentState';

/** The markup without React's text-joining comments, so sentences read as the evaluator sees them. */
const renderToString = (element: ReactElement) => renderWithMarkers(element).replaceAll('<!-- -->', '');

const summary = (overrides: Partial<DocumentImportSummary> = {}): DocumentImportSummary => ({
  documentId: 3,
  duplicate: false,
  kind: 'transcript',
  title: 'Check-in',
  findings: 4,
  findingsByEntity: { PHONE_NUMBER: 1, PERSON: 3 },
  awaitingReview: true,
  ...overrides,
});

describe('the document wizard’s rules', () => {
  it('needs a title, and sends the optional details only when given', () => {
    const details = { kind: 'journal' as const, title: '  ', participant: '', window: ' ' };
    expect(detailsIssues(details)).toEqual(['Give the document a title.']);
    expect(documentImportArgs('/f.txt', { ...details, title: ' Week 3 ' }, 'job-1')).toEqual({
      source: '/f.txt',
      kind: 'journal',
      title: 'Week 3',
      jobId: 'job-1',
    });
    expect(
      documentImportArgs('/f.txt', { ...details, title: 'W', participant: ' E7 ', window: 'Baseline' }, 'j'),
    ).toMatchObject({ participant: 'E7', window: 'Baseline' });
  });

  it('writes recording times as a transcript does', () => {
    expect(recordingTime(62.5)).toBe('01:02');
    expect(recordingTime(3723)).toBe('1:02:03');
    expect(recordingTime(0)).toBe('00:00');
  });

  it('cuts a long turn at a word', () => {
    const text = 'word '.repeat(200).trim();
    const excerpt = turnExcerpt({ speaker: null, text }, 22);
    expect(excerpt).toBe('word word word word…');
    expect(turnExcerpt({ speaker: 'Sam', text: 'Short.' })).toBe('Short.');
  });

  it('says what was found, kind by kind, most first, and where the document waits', () => {
    expect(findingsByKind(summary())).toEqual(['3 names of people', '1 phone number']);
    expect(findingsHeadline(summary())).toBe(
      '4 possible identifiers found; the document awaits review in Anonymise.',
    );
    expect(findingsHeadline(summary({ findings: 1, findingsByEntity: { EMAIL_ADDRESS: 1 } }))).toBe(
      '1 possible identifier found; the document awaits review in Anonymise.',
    );
    expect(findingsHeadline(summary({ findings: 0, findingsByEntity: {}, awaitingReview: false }))).toBe(
      'No possible identifiers found; the document has been reviewed.',
    );
  });
});

describe('the document wizard’s steps', () => {
  it('previews a journal without speakers as its paragraphs', () => {
    const html = renderToString(
      <DocumentPreviewStep
        source="/data/week-3.txt"
        preview={{
          format: 'text',
          formatName: 'plain text',
          titleSuggestion: 'Week 3',
          speakers: [],
          turns: [{ speaker: null, text: 'Met my mentor for coffee.' }],
          turnCount: 1,
          characters: 25,
        }}
      />,
    );
    expect(html).toContain('Read as <strong>plain text</strong>: 1 paragraph, 25 characters.');
    expect(html).toContain('No speakers were recognised: each paragraph is kept as it is.');
    expect(html).toContain('Every paragraph');
    expect(html).not.toContain('turn-meta');
  });

  it('tells a duplicate from a new document', () => {
    expect(renderToString(<DocumentSummaryStep summary={summary()} source="/x/check-in.vtt" />)).toContain(
      'check-in.vtt is in, as “Check-in”.',
    );
    const again = renderToString(
      <DocumentSummaryStep summary={summary({ duplicate: true })} source="/x/check-in.vtt" />,
    );
    expect(again).toContain('check-in.vtt is in this project already, as “Check-in”. Nothing was changed.');
  });
});
