import { renderToString as renderWithMarkers } from 'react-dom/server';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { ImportKind, ImportProblemReport, ImportSummary, SourcePreview } from '../../shared/import';
import { CheckStep } from '../../renderer/areas/import/CheckStep';
import { ImportProgress } from '../../renderer/areas/import/ImportProgress';
import { generalisationsFor } from '../../renderer/areas/import/ColumnProtection';
import { Destination as KindOfFile } from '../../renderer/areas/import/Destination';
import { MapColumns } from '../../renderer/areas/import/MapColumns';
import { PreviewStep } from '../../renderer/areas/import/PreviewStep';
import { SummaryStep } from '../../renderer/areas/import/SummaryStep';
import {
  buildPlan,
  checkHeadline,
  destinationIssues,
  guessKind,
  initialColumns,
  mappingIssues,
  planColumns,
  rowsPerSecond,
  sampleValues,
  fieldLabels,
  skippedReasons,
  storedInWords,
  type Destination,
} from '../../renderer/areas/import/wizardState';
import { exampleProgram } from '../../electron/core/demo/exampleProgram';
import { suggestMapping } from '../../electron/core/import/mappingSuggestion';

/** The markup without React's text-joining comments, so sentences read as the evaluator sees them. */
const renderToString = (element: ReactElement) => renderWithMarkers(element).replaceAll('<!-- -->', '');

const AGREEMENT = {
  id: 'agreement-5',
  name: '5-point agreement',
  labels: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
};

/** The mapping step as it first shows a file's suggested columns. */
const mappingStep = (shown: SourcePreview, kind: ImportKind = 'survey') =>
  renderToString(
    <MapColumns
      kind={kind}
      preview={shown}
      columns={initialColumns(shown, false)}
      onColumns={() => undefined}
      usingSaved={false}
      onUseSaved={() => undefined}
      onSave={() => undefined}
      saving={false}
      savedName={null}
      defaultName="mapping"
    />,
  );

function preview(overrides: Partial<SourcePreview> = {}): SourcePreview {
  return {
    tool: 'plain',
    reason: 'a plain table: one heading row',
    dataStartRow: 2,
    header: ['Email', 'Confidence', 'Notes'],
    questions: ['Email', 'I feel confident', 'Notes'],
    roleReasons: ['it identifies a person', 'nothing suggests a person', 'the heading asks for words'],
    columns: [
      { index: 0, heading: 'Email', field: 'email', confidence: 'high', reason: 'the heading says e-mail' },
      {
        index: 1,
        heading: 'Confidence',
        field: 'likertItem',
        scaleId: 'agreement-5',
        confidence: 'medium',
        reason: 'the answers are on a 5-point agreement scale',
      },
      {
        index: 2,
        heading: 'Notes',
        field: 'freeText',
        confidence: 'low',
        reason: 'the answers are short texts',
      },
    ],
    rows: [
      ['a@x.org', 'Agree', ''],
      ['b@x.org', 'Agree', 'fine'],
      ['c@x.org', 'Strongly agree', 'good'],
    ],
    savedMapping: null,
    problems: [],
    answerScales: [AGREEMENT],
    anonymous: false,
    ambiguousDates: [],
    ...overrides,
  };
}

const problem = (row: number, column: string, expected: string): ImportProblemReport => ({
  file: 'f.csv',
  row,
  column,
  value: 'x',
  expected,
  message: `Row ${row}, ${column}: wrong`,
  severity: 'error',
});

const summary = (overrides: Partial<ImportSummary> = {}): ImportSummary => ({
  committed: false,
  alreadyImported: false,
  importId: null,
  rowsRead: 5,
  rowsImported: 4,
  rowsSkipped: 1,
  rowsAlreadyPresent: 0,
  participantsAdded: 0,
  problemCount: 1,
  problems: [problem(6, 'Q1', 'a 5-point agreement answer')],
  ...overrides,
});

describe('the wizard’s columns', () => {
  it('start from the suggestions, or from the saved mapping where it names the column', () => {
    const saved = preview({
      savedMapping: {
        kind: 'survey',
        name: 'Pulse',
        savedAt: '2026-01-01T00:00:00Z',
        columns: [{ index: 2, heading: 'notes', field: 'ignore' }],
      },
    });
    const columns = initialColumns(saved, true);
    expect(columns.map((c) => c.field)).toEqual(['email', 'likertItem', 'ignore']);
    expect(columns[2]).toMatchObject({ heading: 'Notes', confidence: 'saved' });
    expect(initialColumns(saved, false).map((c) => c.field)).toEqual(['email', 'likertItem', 'freeText']);
    expect(planColumns(columns)[0]).toEqual({ index: 0, heading: 'Email', field: 'email' });
    expect(guessKind(saved)).toBe('survey');
  });

  it('guess a roster for a plain table without answers, a survey otherwise', () => {
    const plainRoster = preview({
      columns: [{ index: 0, heading: 'Email', field: 'email', confidence: 'high', reason: '' }],
    });
    expect(guessKind(plainRoster)).toBe('roster');
    expect(guessKind(preview())).toBe('survey');
    expect(guessKind({ ...plainRoster, tool: 'qualtrics' })).toBe('survey');
  });

  it('need an identifier and a scale for every rating question', () => {
    const columns = initialColumns(preview(), false);
    expect(mappingIssues(columns, 'survey')).toEqual([]);
    const noScale = columns.map((c) => (c.index === 1 ? { ...c, scaleId: undefined } : c));
    expect(mappingIssues(noScale, 'survey')).toEqual(['Choose the answer scale of “Confidence”.']);
    const anonymous = columns.map((c) => (c.index === 0 ? { ...c, field: 'ignore' as const } : c));
    // A survey wave without ids is a wave of anonymous respondents; a roster cannot do without them.
    expect(mappingIssues(anonymous, 'survey')).toEqual([]);
    expect(mappingIssues(anonymous, 'roster')[0]).toMatch(/participant id, e-mail address or full name/);
    const named = anonymous.map((c) =>
      c.index === 2
        ? { ...c, field: 'givenName' as const }
        : c.index === 1
          ? { ...c, field: 'familyName' as const }
          : c,
    );
    expect(mappingIssues(named, 'roster')).toEqual([]);
  });

  it('shows the first distinct values of a column', () => {
    expect(sampleValues(preview().rows, 1)).toEqual(['Agree', 'Strongly agree']);
    expect(sampleValues(preview().rows, 2)).toEqual(['fine', 'good']);
  });
});

describe('the destination and the plan', () => {
  const survey: Destination = {
    kind: 'survey',
    window: ' Baseline ',
    instrument: '',
    addUnknownParticipants: true,
  };
  it('a survey wave needs a window, an instrument and some answers', () => {
    const columns = initialColumns(preview(), false);
    expect(destinationIssues(survey)).toEqual(['Name the survey (instrument) these answers belong to.']);
    expect(destinationIssues({ ...survey, kind: 'roster' })).toEqual([]);
    const noAnswers = columns.map((c) => ({ ...c, field: c.index === 0 ? c.field : ('ignore' as const) }));
    expect(mappingIssues(noAnswers, 'survey')).toEqual([
      'A survey wave needs a column for at least one question’s answers: match one of the file’s columns to it.',
    ]);
    expect(mappingIssues(noAnswers, 'roster')).toEqual([]);
  });

  it('builds the plan the engine takes; a roster carries no window and adds no respondents', () => {
    const columns = initialColumns(preview(), false);
    const plan = buildPlan(columns, { ...survey, instrument: 'Pulse' }, { delimiter: ';' }, true);
    expect(plan).toMatchObject({
      kind: 'survey',
      window: 'Baseline',
      instrument: 'Pulse',
      skipInvalidRows: true,
      addUnknownParticipants: true,
      options: { delimiter: ';' },
    });
    expect(plan.columns[1]).toEqual({
      index: 1,
      heading: 'Confidence',
      field: 'likertItem',
      scaleId: 'agreement-5',
    });
    const roster = buildPlan(columns, { ...survey, kind: 'roster' }, {}, false);
    expect(roster).not.toHaveProperty('window');
    expect(roster.addUnknownParticipants).toBe(false);
  });
});

describe('the check and the summary in words', () => {
  it('groups problems by column and what was expected, biggest first, counting rows once', () => {
    const reasons = skippedReasons([
      problem(4, 'Email', 'a participant on the roster'),
      problem(6, 'Q1', 'an answer'),
      problem(7, 'Email', 'a participant on the roster'),
      problem(7, 'Email', 'a participant on the roster'),
      { ...problem(8, 'Q2', 'an answer'), severity: 'warning' },
    ]);
    expect(reasons).toEqual([
      { column: 'Email', expected: 'a participant on the roster', rows: 2 },
      { column: 'Q1', expected: 'an answer', rows: 1 },
    ]);
  });

  it('says how many problems, in how many rows, and what can go in', () => {
    expect(checkHeadline(summary())).toBe('1 problem in 1 row; 4 rows of 5 can go in.');
    expect(checkHeadline(summary({ problemCount: 0, rowsImported: 1200, rowsRead: 1200 }))).toBe(
      'No problems found: 1,200 rows of 1,200 can go in.',
    );
    expect(checkHeadline(summary({ alreadyImported: true }))).toMatch(/already been imported/);
    expect(rowsPerSecond(12345.6)).toBe('12,346 rows/s');
    expect(rowsPerSecond(undefined)).toBeNull();
    expect(rowsPerSecond(0)).toBeNull();
  });

  it('says in one sentence that an anonymous file’s rows are anonymous respondents, and asks the date order once', () => {
    const shown = preview({
      anonymous: true,
      ambiguousDates: [1, 2],
      header: ['Response ID', 'Workshop day', 'Follow-up day'],
      columns: [
        { index: 0, heading: 'Response ID', field: 'responseId', confidence: 'high', reason: 'r' },
        { index: 1, heading: 'Workshop day', field: 'date', confidence: 'high', reason: 'r' },
        { index: 2, heading: 'Follow-up day', field: 'date', confidence: 'high', reason: 'r' },
      ],
      rows: [['R_1', '03/02/2026', '04/02/2026']],
    });
    const step = (
      <PreviewStep
        source="/tmp/forms.csv"
        preview={shown}
        options={{}}
        onOptions={() => undefined}
        busy={false}
        theme="light"
        columns={initialColumns(shown, false)}
        onColumns={() => undefined}
      />
    );
    const html = renderToString(step);
    expect(html).toContain('imported as anonymous respondents of the wave, kept apart from the roster');
    expect(html.match(/can be read two ways/g)).toHaveLength(1);
    expect(html).toContain('Workshop day, Follow-up day');
    expect(html).toContain('03/02/2026 is 3 February');
    const notAnonymous = renderToString(
      <PreviewStep {...step.props} preview={preview()} columns={initialColumns(preview(), false)} />,
    );
    expect(notAnonymous).not.toContain('anonymous respondents');
    expect(notAnonymous).not.toContain('can be read two ways');
  });

  it('renders the check with the skip choice, and the summary with the reasons', () => {
    const check = renderToString(
      <CheckStep
        check={summary()}
        skipInvalidRows={false}
        onSkipInvalidRows={() => undefined}
        theme="light"
      />,
    );
    expect(check).toContain('Skip the 1 row with problems');
    expect(check).toContain('Problems found');
    const done = renderToString(
      <SummaryStep summary={summary({ committed: true })} source="/tmp/wave.csv" kind="survey" />,
    );
    expect(done).toContain('wave.csv is in. Stored: 4 responses, 0 new participants.');
    expect(done).toContain('Why rows were skipped');
    const again = renderToString(
      <SummaryStep summary={summary({ alreadyImported: true })} source="/tmp/wave.csv" kind="survey" />,
    );
    expect(again).toContain('Already imported.');
    expect(again).not.toContain('Rows imported');
  });

  it('shows rows read and rows per second while a job runs, with a Cancel button', () => {
    const html = renderToString(
      <ImportProgress
        event={{ jobId: 'j', phase: 'Importing rows', done: 25000, rate: 5000 }}
        label="Importing…"
        onCancel={() => undefined}
        cancelling={false}
      />,
    );
    expect(html).toContain('25,000 rows read');
    expect(html).toContain('5,000 rows/s');
    expect(html).toContain('>Cancel</button>');
  });

  it('labels every control of the mapping step by its column', () => {
    const html = mappingStep(preview());
    expect(html).toContain('aria-label="What “Email” holds"');
    expect(html).toContain('aria-label="Answer scale of “Confidence”"');
    expect(html).toContain('1 = Strongly disagree, 2 = Disagree');
    expect(html).toContain('Suggested: the answers are on a 5-point agreement scale');
    expect(html).toContain('A guess: the answers are short texts');
    expect(html).toContain('Pseudonymised; never stored');
    // Free text is redacted, not "stored as it is".
    expect(html).toContain('Names and contacts in it are replaced by tags');
  });

  it('asks for the role of a participant trait and offers age bands for a date of birth', () => {
    const roster = preview({
      header: ['Email', 'Date of birth', 'Phone'],
      columns: [
        { index: 0, heading: 'Email', field: 'email', confidence: 'high', reason: 'e-mail' },
        {
          index: 1,
          heading: 'Date of birth',
          field: 'birthDate',
          role: 'quasi-identifier',
          confidence: 'high',
          reason: 'dob',
        },
        {
          index: 2,
          heading: 'Phone',
          field: 'attribute',
          role: 'direct-identifier',
          confidence: 'low',
          reason: 'phone',
        },
      ],
      roleReasons: [
        'it identifies a person',
        'the heading names a trait',
        'the heading names something that identifies a person',
      ],
    });
    const html = mappingStep(roster, 'roster');
    expect(html).toContain('aria-label="Generalise “Date of birth”"');
    expect(html).toContain('Age in bands of 10 years');
    expect(html).toContain('aria-label="Role of “Phone”"');
    expect(html).toContain('Suggested: the heading names something that identifies a person');
    expect(html).not.toContain('aria-label="Generalise “Phone”"');
  });
});

/** A demo file as the preview shows it: its headings, first rows and the engine's suggested columns. */
function demoPreview(name: string): SourcePreview {
  const file = exampleProgram().find((each) => each.name === name)!;
  const [header, ...rows] = file.content
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const columns = suggestMapping(header!, rows).map(
    ({ index, heading, field, confidence, reason, scale }) => ({
      index,
      heading,
      field,
      confidence,
      reason,
      ...(scale ? { scaleId: scale.id } : {}),
    }),
  );
  return preview({ header, questions: header, rows: rows.slice(0, 5), columns, roleReasons: [] });
}

describe('the kind of file follows from its columns (the demo’s own files)', () => {
  it.each([
    ['roster.csv', 'roster'],
    ['pairings.csv', 'pairings'],
    ['meetings.csv', 'activity'],
    ['career-moves.csv', 'hr'],
    ['baseline-survey.csv', 'survey'],
  ] as const)('%s is taken for %s, and its suggested columns can be checked', (name, kind) => {
    const shown = demoPreview(name);
    expect(guessKind(shown)).toBe(kind);
    expect(mappingIssues(initialColumns(shown, false), kind)).toEqual([]);
  });

  it('says, before the check, that a roster would not keep an HR file’s columns', () => {
    const columns = initialColumns(demoPreview('career-moves.csv'), false);
    expect(mappingIssues(columns, 'roster')).toEqual([
      'A roster does not keep “Change type” and “Effective date”: leave them out, or import the file as HR progression records.',
    ]);
    expect(mappingIssues(columns, 'pairings')).toContain(
      'A pairing list needs a column for the mentor: match one of the file’s columns to it.',
    );
  });

  it('offers in “Holds” only what the kind of file keeps, grouped', () => {
    const html = mappingStep(demoPreview('career-moves.csv'), 'hr');
    expect(html).toContain('<optgroup label="Career progression">');
    expect(html).toContain('<optgroup label="Who the row is about">');
    expect(html).not.toContain('Rating question');
    expect(html).not.toContain('Department');
    const asRoster = mappingStep(demoPreview('career-moves.csv'), 'roster');
    expect(asRoster).toContain('<optgroup label="Not kept in this kind of file">');
  });

  it('says what an import stored in the evaluator’s words', () => {
    const stored = summary({ committed: true, rowsImported: 6, problemCount: 0, problems: [] });
    expect(storedInWords(stored, 'hr')).toBe('6 career events, 0 new participants');
    expect(storedInWords({ ...stored, participantsAdded: 6 }, 'roster')).toBe('6 participants (6 new)');
    expect(storedInWords({ ...stored, rowsImported: 1 }, 'activity')).toBe('1 meeting, 0 new participants');
  });
});

describe('the preview warns of what the check will report', () => {
  it('lists an unclosed quote found in the first rows, and nothing when there is none', () => {
    const open = problem(3, 'Comment', 'a closing " for the quoted answer');
    const shown = (problems: ImportProblemReport[]) =>
      renderToString(
        <PreviewStep
          source="/data/comments.csv"
          preview={{ ...preview(), problems }}
          options={{}}
          onOptions={() => undefined}
          columns={[]}
          onColumns={() => undefined}
          busy={false}
          theme="light"
        />,
      );
    const html = shown([
      { ...open, message: 'Row 3, Comment: a quoted answer opens here and does not close' },
    ]);
    expect(html).toContain('Reading these rows found 1 problem; the check will report it too.');
    expect(html).toContain('Row 3, Comment: a quoted answer opens here and does not close');
    expect(shown([])).not.toContain('preview-problems');
  });
});

describe('the protection offered fits the column', () => {
  it('keeps every choice of “Holds” short enough to be read whole at 640 px', () => {
    for (const label of Object.values(fieldLabels)) expect(label.length).toBeLessThanOrEqual(34);
  });

  it('offers bands for numbers, parts of the date for dates, and nothing to coarsen in text', () => {
    const ids = (samples: string[]) => generalisationsFor(samples).map((choice) => choice.id);
    expect(ids(['Leeds', 'London'])).toEqual(['none']);
    expect(ids(['3', '12', '7.5'])).toEqual(['none', 'bands-5', 'bands-10']);
    expect(ids(['2026-02-02', '15/03/2026'])).toEqual(['none', 'month', 'quarter', 'year']);
    expect(ids([])).toEqual(['none']);
  });

  it('explains a quasi-identifier and a sensitive attribute where they are offered, and no “Month” for text', () => {
    const site = preview({
      header: ['Email', 'Site', 'Start date'],
      rows: [
        ['a@x.org', 'Leeds', '2026-02-02'],
        ['b@x.org', 'London', '2026-03-01'],
      ],
      columns: [
        { index: 0, heading: 'Email', field: 'email', confidence: 'high', reason: 'e-mail' },
        {
          index: 1,
          heading: 'Site',
          field: 'location',
          role: 'quasi-identifier',
          confidence: 'high',
          reason: 'site',
        },
        {
          index: 2,
          heading: 'Start date',
          field: 'attribute',
          role: 'quasi-identifier',
          confidence: 'low',
          reason: 'date',
        },
      ],
      roleReasons: ['', '', ''],
    });
    const html = mappingStep(site, 'roster');
    expect(html).toContain('a <strong>quasi-identifier</strong> is a trait that is harmless alone');
    expect(html).toContain('a <strong>sensitive attribute</strong> is something that must not be');
    expect(html).toContain('Harmless alone, but together with other traits it can single a person out');
    expect(html).not.toContain('aria-label="Generalise “Site”"');
    expect(html).toContain('aria-label="Generalise “Start date”"');
    expect(html).toContain('Quarter of the date');
  });
});

describe('the kind of file, asked before the columns', () => {
  it('says it was suggested from the columns and what a row of that kind is', () => {
    const html = renderToString(
      <KindOfFile
        destination={{ kind: 'hr', window: '', instrument: '', addUnknownParticipants: false }}
        onChange={() => undefined}
        targets={undefined}
      />,
    );
    expect(html).toContain('Suggested from the file’s columns; change it if it is wrong.');
    expect(html).toContain('Each row is a career event of a participant on the roster');
    expect(html).toMatch(/checked="" value="hr"/);
  });
});
