import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/import';
import { SummaryStep } from '../../renderer/areas/import/SummaryStep';

const roster: ImportSummary = {
  committed: true,
  alreadyImported: false,
  importId: 1,
  rowsRead: 2,
  rowsImported: 2,
  rowsSkipped: 0,
  rowsAlreadyPresent: 0,
  participantsAdded: 2,
  problemCount: 0,
  problems: [],
};

describe('the import summary and the re-identification vault', () => {
  it('says how many identities the vault kept', () => {
    const html = renderToString(
      <SummaryStep summary={{ ...roster, identitiesKept: 6 }} source="/r/roster.csv" kind="roster" />,
    );
    expect(html).toContain('6 identities kept in the vault.');
  });
  it('says why the vault was not updated', () => {
    const html = renderToString(
      <SummaryStep
        summary={{ ...roster, identitiesKept: 0, vaultNotUpdated: 'The roster was imported, but not kept.' }}
        source="/r/roster.csv"
        kind="roster"
      />,
    );
    expect(html).toContain('The roster was imported, but not kept.');
    expect(html).not.toContain('kept in the vault');
  });
  it('says nothing of a vault when none was open', () => {
    expect(
      renderToString(<SummaryStep summary={roster} source="/r/roster.csv" kind="roster" />),
    ).not.toContain('vault');
  });
});
