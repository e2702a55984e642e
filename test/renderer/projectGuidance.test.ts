import { describe, expect, it } from 'vitest';
import type { DataTableInfo } from '../../shared/data';
import { holdings, nextStep } from '../../renderer/areas/overview/projectGuidance';

/** The Data area's table list with these row counts. */
const tables = (counts: Record<string, number>): DataTableInfo[] =>
  Object.entries(counts).map(([name, rowCount]) => ({
    name,
    label: name,
    description: '',
    columns: [],
    rowCount,
  }));

describe('the Overview’s guidance', () => {
  it('says what the project holds, in the evaluator’s words', () => {
    const held = holdings(tables({ participants: 40, pairings: 26, responses: 1, progressionEvents: 14 }));
    expect(held.map((holding) => holding.words)).toEqual([
      '40 participants',
      '26 pairings',
      '1 survey answer',
      '14 career events',
      '0 meetings',
      '0 files imported',
    ]);
  });

  it('suggests the next step for what is there: roster, review, pairings, survey, logs, then disclosure risk', () => {
    expect(nextStep(tables({}), 0)).toMatchObject({ area: 'import', action: 'Import the roster' });
    const roster = { participants: 40 };
    expect(nextStep(tables(roster), 2)).toMatchObject({
      area: 'anonymise',
      text: expect.stringMatching(/^2 documents are awaiting review/),
    });
    expect(nextStep(tables(roster), 0)).toMatchObject({ action: 'Import the pairings' });
    const paired = { ...roster, pairings: 26 };
    expect(nextStep(tables(paired), 0)).toMatchObject({ action: 'Import a survey wave' });
    const surveyed = { ...paired, responses: 78 };
    expect(nextStep(tables(surveyed), 0)).toMatchObject({ action: 'Import more files' });
    expect(nextStep(tables({ ...surveyed, meetings: 78 }), 0)).toMatchObject({
      area: 'anonymise',
      action: 'Check disclosure risk',
    });
  });
});
