import { describe, expect, it } from 'vitest';
import type { ImportRemoval } from '../../shared/data';
import { removalParts } from '../../renderer/areas/data/ImportRemoval';

const none: ImportRemoval = {
  batch: {
    importId: 2,
    kind: 'survey',
    file: 'wave.csv',
    into: 'Baseline/Pulse',
    importedAt: '',
    rowsImported: 3,
  },
  surveyAnswers: 0,
  careerEvents: 0,
  meetings: 0,
  pairings: 0,
  documents: 0,
  rosterEntries: 0,
  participants: 0,
  identifiers: 0,
  blockedBy: null,
};

describe('what the Remove this import dialog says it removes', () => {
  it('counts each kind of row in words, leaving out what the import has none of', () => {
    expect(removalParts({ ...none, surveyAnswers: 3, participants: 1, identifiers: 2 })).toEqual([
      '3 survey responses',
      '1 participant only this file added',
      '2 identifiers kept for them',
    ]);
  });
  it('says plainly when no participant goes', () => {
    expect(removalParts({ ...none, meetings: 1, pairings: 2 })).toEqual([
      '1 meeting',
      '2 pairings',
      '0 participants only this file added',
    ]);
  });
});
