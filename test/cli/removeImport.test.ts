import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConfidant, tempFolderPerTest } from './confidantRun';

const folder = tempFolderPerTest('confidant-cli-remove-');
const confidant = (args: string[]) => runConfidant(folder(), args);
describe('confidant imports and remove-import', () => {
  it('lists the imports, shows what removing one would take, removes it, and the file imports again', () => {
    expect(confidant(['init', 'p.confidant']).code).toBe(0);
    writeFileSync(
      path.join(folder(), 'roster.csv'),
      'Employee ID,Email\nE1001,a@example.org\nE1002,b@example.org\n',
    );
    writeFileSync(path.join(folder(), 'wave.csv'), 'Employee ID,I feel confident at work\nE1001,Agree\n');
    expect(confidant(['import', 'p.confidant', 'roster.csv', '--as', 'roster']).code).toBe(0);
    const wave = [
      'import',
      'p.confidant',
      'wave.csv',
      '--as',
      'survey',
      '--window',
      'Baseline',
      '--instrument',
      'Pulse',
    ];
    expect(confidant(wave).code).toBe(0);

    const listed = JSON.parse(confidant(['imports', 'p.confidant']).stdout);
    expect(listed.map((batch: { kind: string; file: string }) => [batch.kind, batch.file])).toEqual([
      ['survey', 'wave.csv'],
      ['roster', 'roster.csv'],
    ]);
    const rosterId = String(listed[1].importId);
    const dryRun = confidant(['remove-import', 'p.confidant', rosterId, '--dry-run']);
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ rosterEntries: 2, participants: 1, identifiers: 2 });
    expect(JSON.parse(confidant(['imports', 'p.confidant']).stdout)).toHaveLength(2);

    const removed = confidant(['remove-import', 'p.confidant', String(listed[0].importId)]);
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({ surveyAnswers: 1, participants: 0 });
    expect(JSON.parse(confidant(wave).stdout)).toMatchObject({ committed: true, alreadyImported: false });

    const gone = confidant(['remove-import', 'p.confidant', '99']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('There is no import 99 in this project');
    expect(confidant(['remove-import', 'p.confidant', 'latest']).code).toBe(2);
  }, 180_000);
});
