import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../electron/core/store/projectFile';
import { PASS, runConfidant, tempFolderPerTest } from './confidantRun';

const folder = tempFolderPerTest('confidant-cli-labels-');

function confidant(args: string[]) {
  const result = runConfidant(folder(), args);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('confidant import and the names of things', () => {
  it('keeps no roster name, e-mail address or id from file names, titles, windows and instruments', () => {
    confidant(['init', 'p.confidant']);
    writeFileSync(
      path.join(folder(), 'roster Amara Okafor amara.okafor@example.org.csv'),
      'Employee ID,Email,First name,Last name\nE1002,amara.okafor@example.org,Amara,Okafor\n',
    );
    confidant([
      'import',
      'p.confidant',
      'roster Amara Okafor amara.okafor@example.org.csv',
      '--as',
      'roster',
    ]);
    writeFileSync(path.join(folder(), 'wave_E1002.csv'), 'Employee ID,Confidence\nE1002,4\n');
    confidant([
      'import',
      'p.confidant',
      'wave_E1002.csv',
      '--as',
      'survey',
      '--window',
      'Check-in with Amara',
      '--instrument',
      'Pulse amara.okafor@example.org',
    ]);
    writeFileSync(
      path.join(folder(), 'Interview with Amara Okafor.txt'),
      'Interviewer: How was it?\nMentee: Good.\n',
    );
    const document = confidant([
      'import',
      'p.confidant',
      'Interview with Amara Okafor.txt',
      '--as',
      'transcript',
      '--title',
      'Interview E1002 (Amara)',
    ]);
    expect(document.title).toBe('Interview [EMPLOYEE_ID-1] ([PERSON-1])');

    const project = openProject(path.join(folder(), 'p.confidant'), PASS, 'test', { audit: false });
    try {
      const tables = project.db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .all() as string[];
      const texts = tables.flatMap((table) =>
        (project.db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).flatMap((row) =>
          row.map((cell) => (Buffer.isBuffer(cell) ? cell.toString('latin1') : String(cell)).toLowerCase()),
        ),
      );
      for (const word of ['amara', 'okafor', 'e1002'])
        expect(
          texts.filter((text) => text.includes(word)),
          word,
        ).toEqual([]);
    } finally {
      closeProject(project, 'test');
    }
  }, 120_000);
});
