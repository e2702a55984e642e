import { describe, expect, it } from 'vitest';
import { recogniseSurveyExport } from '../../../electron/core/import/surveyExports';

const fieldOf = (e: ReturnType<typeof recogniseSurveyExport>, name: string) =>
  e.mapping[e.columns.findIndex((c) => c.name === name)]?.field;

describe('survey tool exports', () => {
  it('recognises a Qualtrics export: names, question texts, ImportId row', () => {
    const rows = [
      [
        'StartDate',
        'EndDate',
        'IPAddress',
        'RecordedDate',
        'ResponseId',
        'ExternalReference',
        'Q1',
        'Q2_1',
        'Q3',
      ],
      [
        'Start Date',
        'End Date',
        'IP Address',
        'Recorded Date',
        'Response ID',
        'External Data Reference',
        'Which cohort are you in?',
        'How far do you agree? - I feel more confident',
        'What did you gain from mentoring?',
      ],
      [
        '{"ImportId":"startDate","timeZone":"Europe/London"}',
        '{"ImportId":"endDate"}',
        '{"ImportId":"ipAddress"}',
        '{"ImportId":"recordedDate"}',
        '{"ImportId":"_recordId"}',
        '{"ImportId":"externalDataReference"}',
        '{"ImportId":"QID1"}',
        '{"ImportId":"QID2_1"}',
        '{"ImportId":"QID3_TEXT"}',
      ],
      [
        '2024-03-01 10:00:00',
        '2024-03-01 10:05:00',
        '10.0.0.1',
        '2024-03-01 10:05:01',
        'R_1',
        'EMP001',
        '2024',
        'Agree',
        'I learnt to delegate more and to ask for help when I need it.',
      ],
      [
        '2024-03-02 10:00:00',
        '2024-03-02 10:05:00',
        '10.0.0.2',
        '2024-03-02 10:05:01',
        'R_2',
        'EMP002',
        '2024',
        'Strongly agree',
        'More confidence in meetings with senior leaders across the business.',
      ],
    ];
    const e = recogniseSurveyExport(rows);
    expect(e.tool).toBe('qualtrics');
    expect(e.dataStartRow).toBe(4);
    expect(e.header[7]).toBe('Q2_1');
    expect(e.columns[7]!.question).toBe('How far do you agree? - I feel more confident');
    expect(fieldOf(e, 'IPAddress')).toBe('ignore');
    expect(fieldOf(e, 'RecordedDate')).toBe('submittedAt');
    expect(fieldOf(e, 'ResponseId')).toBe('responseId');
    expect(fieldOf(e, 'ExternalReference')).toBe('participantId');
    expect(fieldOf(e, 'Q2_1')).toBe('likertItem');
    expect(e.mapping[7]!.scale?.id).toBe('agreement-5');
    expect(fieldOf(e, 'Q3')).toBe('freeText');
  });

  it('recognises a SurveyMonkey export and joins questions with their sub-answers', () => {
    const rows = [
      [
        'Respondent ID',
        'Collector ID',
        'Start Date',
        'End Date',
        'IP Address',
        'Email Address',
        'How satisfied are you with:',
        '',
        'Any comments?',
      ],
      ['', '', '', '', '', '', 'Your mentor', 'The programme', 'Open-Ended Response'],
      [
        '114',
        '4',
        '03/01/2024',
        '03/01/2024',
        '1.2.3.4',
        'a@example.org',
        'Very satisfied',
        'Satisfied',
        'Great',
      ],
      [
        '115',
        '4',
        '03/02/2024',
        '03/02/2024',
        '1.2.3.5',
        'b@example.org',
        'Dissatisfied',
        'Very satisfied',
        '',
      ],
    ];
    const e = recogniseSurveyExport(rows);
    expect(e.tool).toBe('surveymonkey');
    expect(e.dataStartRow).toBe(3);
    expect(e.header.slice(6)).toEqual([
      'How satisfied are you with: - Your mentor',
      'How satisfied are you with: - The programme',
      'Any comments?',
    ]);
    expect(e.mapping.map((m) => m.field)).toEqual([
      'responseId',
      'ignore',
      'ignore',
      'submittedAt',
      'ignore',
      'email',
      'likertItem',
      'likertItem',
      // SurveyMonkey's "Open-Ended Response": typed answers, scanned as free text.
      'freeText',
    ]);
    expect(e.mapping[6]!.scale?.id).toBe('satisfaction-5');
  });

  it('recognises Google Forms and Microsoft Forms exports', () => {
    const google = recogniseSurveyExport([
      ['Timestamp', 'Email Address', 'My mentor listens to me'],
      ['3/12/2024 14:05:33', 'a@example.org', 'Agree'],
      ['3/13/2024 09:00:00', 'b@example.org', 'Neutral'],
    ]);
    expect(google.tool).toBe('google-forms');
    expect(google.mapping.map((m) => m.field)).toEqual(['submittedAt', 'email', 'likertItem']);
    expect(google.mapping[0]!.dateStyle?.order).toBe('mdy');

    const microsoft = recogniseSurveyExport([
      ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'How often do you meet your mentor?'],
      ['1', '3/12/24 14:05:33', '3/12/24 14:09:01', 'anonymous', '', 'Often'],
      ['2', '3/13/24 9:00:00', '3/13/24 9:02:00', 'c@example.org', 'Cy Doe', 'Rarely'],
    ]);
    expect(microsoft.tool).toBe('microsoft-forms');
    expect(microsoft.dataStartRow).toBe(2);
    expect(microsoft.mapping.map((m) => m.field)).toEqual([
      'responseId',
      'ignore',
      'submittedAt',
      'email',
      'fullName',
      'likertItem',
    ]);
    expect(microsoft.mapping[5]!.scale?.id).toBe('frequency-5');
  });

  it('treats anything else as a plain table and numbers repeated headings', () => {
    const e = recogniseSurveyExport([
      ['Employee ID', 'Comment', 'Comment'],
      ['E1', 'x', 'y'],
    ]);
    expect(e.tool).toBe('plain');
    expect(e.header).toEqual(['Employee ID', 'Comment', 'Comment (2)']);
    expect(e.mapping[0]!.field).toBe('participantId');
  });
});
