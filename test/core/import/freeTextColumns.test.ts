import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectScanOptions } from '../../../electron/core/anonymize/anonymisationSettings';
import { redactFreeText } from '../../../electron/core/anonymize/freeText';
import { rosterNameRecorder } from '../../../electron/core/anonymize/rosterNameStore';
import { freeTextRedactor } from '../../../electron/core/import/freeTextColumns';
import type { ColumnRule } from '../../../electron/core/import/validation';
import { closeProject, createProject, type Project } from '../../../electron/core/store/projectFile';

const COMMENT: ColumnRule = { index: 0, heading: 'What has changed for you?', field: 'freeText' };

let dir: string;
let project: Project;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-free-text-'));
  project = createProject(path.join(dir, 'p.confidant'), 'correct horse battery staple', 'test');
  rosterNameRecorder(project.db)([{ givenNames: 'Amara', familyNames: 'Okafor' }]);
});
afterEach(() => {
  closeProject(project, 'test');
  rmSync(dir, { recursive: true, force: true });
});

describe('freeTextRedactor', () => {
  it('is undefined for a file without free text', () => {
    expect(freeTextRedactor(project.db, [{ ...COMMENT, field: 'likertItem' }])).toBeUndefined();
  });

  it('gives every answer, the first time and every time it comes again, what the scan gives it', () => {
    const redact = freeTextRedactor(project.db, [COMMENT])!;
    const options = projectScanOptions(project.db);
    const answers = [
      'n/a',
      'thanks to amara, who met me 3 times.',
      'Happy to talk more: amara.okafor@example.org',
      `${'We talked about promotions. '.repeat(20)}Amara helped.`,
    ];
    for (const round of [1, 2, 3])
      for (const answer of answers)
        expect([round, redact(answer)]).toEqual([round, redactFreeText(answer, options)]);
    expect(redact('thanks to amara, who met me 3 times.')).not.toContain('amara');
  });

  it('keeps answering correctly after its memory of answers has filled up and been emptied', () => {
    const redact = freeTextRedactor(project.db, [COMMENT])!;
    const options = projectScanOptions(project.db);
    for (let n = 0; n < 5000; n++) redact(`Met ${n} times`);
    expect(redact('Ask Amara Okafor')).toBe(redactFreeText('Ask Amara Okafor', options));
    expect(redact('Met 7 times')).toBe(redactFreeText('Met 7 times', options));
  });
});
