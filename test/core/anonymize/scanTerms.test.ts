import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectScanOptions } from '../../../electron/core/anonymize/anonymisationSettings';
import { openTestProject, type TestProject } from './openProject';

let project: TestProject;
beforeEach(async () => {
  project = await openTestProject();
});
afterEach(() => project.close());

describe('other names to look for', () => {
  it('are kept as keyed hashes the scan finds in free text, counted but never listed, and audited by count', async () => {
    expect(await project.call('anonymize.nameCounts', {})).toEqual({ roster: 0, added: 0 });
    const added = await project.call('anonymize.addNames', { names: ['Bartholomew', ' Zephyrine Quill '] });
    expect(added).toEqual({ newWords: 3, counts: { roster: 0, added: 3 } });
    // The same names again are nothing new.
    expect((await project.call('anonymize.addNames', { names: ['bartholomew'] })).newWords).toBe(0);

    const found = projectScanOptions(project.db).roster!.find(
      'Then Bartholomew said so, and zephyrine agreed.',
    );
    expect(found.map((each) => each.entity)).toContain('PERSON');
    const stored = project.db.prepare('SELECT hash FROM roster_name_token').pluck().all() as string[];
    expect(stored.join(' ').toLowerCase()).not.toContain('bartholomew');

    const audit = await project.call('project.audit', { offset: 0, limit: 5 });
    const entries = audit.entries.filter((each) => each.action === 'anonymize.addNames');
    expect(entries.map((each) => JSON.parse(each.detail!))).toEqual([
      { names: 1, newWords: 0 },
      { names: 2, newWords: 3 },
    ]);
    expect(entries.map((each) => each.detail).join(' ')).not.toMatch(/bartholomew|zephyrine|quill/i);
  });

  it('refuse a name with no word of two letters, adding none of the batch', async () => {
    const error = await project.failure('anonymize.addNames', { names: ['Quill', 'J'] });
    expect(error.message).toBe('Name 2 has no word of two or more letters to look for. Nothing was added.');
    expect(await project.call('anonymize.nameCounts', {})).toEqual({ roster: 0, added: 0 });
  });
});

describe('trying an id mask', () => {
  it('shows what the mask finds in sample text, whole ids only', async () => {
    expect(
      await project.call('anonymize.tryMask', {
        mask: 'EMP-######',
        sample: 'Ask emp-004211 or EMP-1234567 about EMP-123456.',
      }),
    ).toEqual({ found: ['emp-004211', 'EMP-123456'] });
  });

  it('refuses a mask without a placeholder, saying what one is', async () => {
    const error = await project.failure('anonymize.tryMask', { mask: 'EMPLOYEE', sample: 'x' });
    expect(error.message).toContain('at least one # (digit)');
  });
});
