import { describe, expect, it } from 'vitest';
import { areaById, areas } from '../../renderer/areas';
import {
  auditActionsMatching,
  describeAuditAction,
  describeAuditDetail,
  describeAuditEntry,
} from '../../renderer/auditWords';
import { projectNameFromPath, unlockHint, viewForStatus } from '../../renderer/navigation';
import { parseThemeChoice, resolveTheme } from '../../renderer/theme';

describe('viewForStatus', () => {
  it('shows the start screen when nothing is open', () => {
    expect(viewForStatus({ state: 'none' })).toEqual({ screen: 'start' });
  });
  it('shows the unlock screen for a locked project, saying whether it locked itself', () => {
    expect(
      viewForStatus({ state: 'locked', path: '/p/a.confidant', name: 'a' }, { lockedItself: true }),
    ).toEqual({
      screen: 'unlock',
      path: '/p/a.confidant',
      name: 'a',
      lockedItself: true,
    });
  });
  it('shows the home overview of an open project', () => {
    const open = { state: 'open', path: '/p/a.confidant', name: 'a', autoLockMinutes: 10 } as const;
    expect(viewForStatus(open)).toEqual({ screen: 'home', project: open, area: 'overview' });
  });
});

describe('unlocking returns to where the evaluator was', () => {
  const open = { state: 'open', path: '/p/a.confidant', name: 'a', autoLockMinutes: 10 } as const;
  const locked = { state: 'locked', path: '/p/a.confidant', name: 'a' } as const;
  it('remembers the area through the lock and opens it again', () => {
    const unlock = viewForStatus(locked, {
      lockedItself: true,
      from: { screen: 'home', project: open, area: 'data' },
    });
    expect(unlock).toMatchObject({ screen: 'unlock', returnTo: 'data' });
    expect(viewForStatus(open, { from: unlock })).toEqual({ screen: 'home', project: open, area: 'data' });
  });
  it('opens another project on its overview', () => {
    const other = { ...open, path: '/p/b.confidant', name: 'b' };
    const unlock = viewForStatus(locked, { from: { screen: 'home', project: open, area: 'audit' } });
    expect(viewForStatus(other, { from: unlock })).toEqual({
      screen: 'home',
      project: other,
      area: 'overview',
    });
    expect(viewForStatus(open, { from: { screen: 'start' } })).toMatchObject({ area: 'overview' });
  });
});

describe('projectNameFromPath', () => {
  it('drops the folders and the extension, on any platform', () => {
    expect(projectNameFromPath('/home/e/Mentoring 2026.confidant')).toBe('Mentoring 2026');
    expect(projectNameFromPath('C:\\Users\\e\\cohort-b.CONFIDANT')).toBe('cohort-b');
    expect(projectNameFromPath('/home/e/.confidant')).toBe('.confidant');
  });
});

describe('unlockHint', () => {
  it('explains the wait only once the engine starts slowing attempts', () => {
    expect(unlockHint(0)).toBeNull();
    expect(unlockHint(2)).toBeNull();
    expect(unlockHint(3)).toMatch(/waits a little longer/);
  });
});

describe('areas', () => {
  it('has every area the foundation names, once, with what the unfinished ones will hold', () => {
    expect(areas.map((area) => area.label)).toEqual([
      'Import',
      'Data',
      'Anonymise',
      'Coding',
      'Framework',
      'Dashboard',
      'Reports',
      'Audit log',
      'Security',
    ]);
    expect(new Set(areas.map((area) => area.id)).size).toBe(areas.length);
    for (const area of areas) {
      if (!['import', 'data', 'anonymise', 'audit', 'security'].includes(area.id))
        expect(area.comingWith).toBeTruthy();
    }
    expect(areaById('import').comingWith).toBeUndefined();
  });
});

describe('audit words', () => {
  it('names known actions in words and leaves new ones as recorded', () => {
    expect(describeAuditAction('project.changePassphrase')).toBe('Passphrase changed');
    expect(describeAuditAction('import.commit')).toBe('File imported');
    expect(describeAuditAction('coding.applyCode')).toBe('coding.applyCode');
    expect(describeAuditAction('toString')).toBe('toString');
  });
  it('shows JSON details as key: value pairs', () => {
    expect(describeAuditDetail('{"minutes":5,"by":"hand"}')).toBe('minutes: 5, by: hand');
    expect(describeAuditDetail('plain words')).toBe('plain words');
    expect(describeAuditDetail('[1,2]')).toBe('[1,2]');
    expect(describeAuditDetail(null)).toBe('');
    expect(describeAuditDetail('{"rowsImported":6,"kind":"mentor_note"}')).toBe(
      'rows imported: 6, kind: mentor note',
    );
  });
  it('says what happened to which file or document, never “Which: 1”', () => {
    const entry = { objectType: 'import', objectId: '3', subject: 'career-moves.csv' };
    expect(
      describeAuditEntry({ ...entry, action: 'import.commit', detail: '{"kind":"hr","rowsImported":6}' }),
    ).toBe('File imported: “career-moves.csv” as HR progression records');
    expect(describeAuditEntry({ ...entry, subject: null, action: 'import.commit', detail: null })).toBe(
      'File imported: import no. 3',
    );
    expect(
      describeAuditEntry({
        action: 'anonymize.decide',
        objectType: 'document',
        objectId: '2',
        subject: 'Interview',
        detail: null,
      }),
    ).toBe('Redaction decided: “Interview”');
    expect(
      describeAuditEntry({
        action: 'project.lock',
        objectType: 'project',
        objectId: null,
        subject: null,
        detail: null,
      }),
    ).toBe('Project locked');
  });
  it('turns a search in words and a kind of entry into the actions to show', () => {
    expect(auditActionsMatching('', 'all')).toBeUndefined();
    expect(auditActionsMatching('imported', 'all')).toEqual(['import.commit', 'import.document']);
    expect(auditActionsMatching('', 'vault')).toEqual([
      'vault.create',
      'vault.open',
      'vault.close',
      'vault.lookup',
    ]);
    expect(auditActionsMatching('PASSPHRASE', 'project')).toEqual(['project.changePassphrase']);
    expect(auditActionsMatching('passphrase', 'import')).toEqual([]);
  });
});

describe('themes', () => {
  it('follows the system unless the evaluator chose', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
  it('reads a stored choice defensively', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('purple')).toBe('system');
  });
});
