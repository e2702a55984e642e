import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfidantError } from '../../shared/errors';
import { openProject } from '../../electron/core/store/projectFile';
import { tableCounts } from '../../electron/core/store/projectInfo';

// kill -9 of the real CLI at several moments of an import and of a passphrase change; each time the project
// must open with the right passphrase and hold either the state before or the state after, never a broken one.
const CLI = path.resolve('dist-electron/cli.cjs');
const PASS = 'correct horse battery staple';
const NEXT = 'violet tramway quietly sings';
const ROWS = 8_000;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-killed-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const environment = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? '',
  HOME: dir,
  CONFIDANT_SETTINGS_DIR: path.join(dir, 'settings'),
  CONFIDANT_PASSPHRASE: PASS,
  ...extra,
});

function confidant(args: string[], extra: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: environment(extra),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function roster(file: string, prefix: string) {
  const lines = ['Employee ID,Email,First name,Last name,Cohort'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`${prefix}${i},${prefix.toLowerCase()}${i}@example.org,Ada${i},Lovelace,2026`);
  writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
}

type JournalState = 'none' | 'writing' | 'changing-file';

/**
 * Where a file's write stands: no journal, a journal while the write is prepared in memory, or a journal whose
 * magic number is written, i.e. SQLite is changing the file itself (the riskiest moment to die).
 */
function journalState(file: string): JournalState {
  try {
    const descriptor = openSync(`${file}-journal`, 'r');
    const magic = Buffer.alloc(8);
    const read = readSync(descriptor, magic, 0, 8, 0);
    closeSync(descriptor);
    return read === 8 && magic.some((byte) => byte !== 0) ? 'changing-file' : 'writing';
  } catch {
    return 'none';
  }
}

/** A moment to kill at: asked every millisecond, it says when (and how many milliseconds later) to kill. */
type Moment = () => number | false;

/**
 * Runs the CLI and kills it with SIGKILL at a moment. Resolves whether it was killed before it ended on its own
 * and the state of `watched`'s journal just after.
 */
function killAt(args: string[], moment: Moment, watched: string, extra: Record<string, string> = {}) {
  return new Promise<{ killed: boolean; journal: JournalState }>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: dir,
      env: environment(extra),
      stdio: 'ignore',
    });
    let journal: JournalState = 'none';
    const kill = () => {
      child.kill('SIGKILL');
      journal = journalState(watched);
    };
    const poll = setInterval(() => {
      const delay = moment();
      if (delay === false) return;
      clearInterval(poll);
      if (delay === 0) kill();
      else setTimeout(kill, delay);
    }, 1);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      resolve({ killed: signal === 'SIGKILL', journal });
    });
  });
}

/**
 * Moments of an import's own write, told apart from the open's and the lock's small writes by lasting: once a
 * journal has been there, unchanged, for 300 ms, the rows are being written.
 */
function importMoment(
  file: string,
  kill: 'reading rows' | 'as the commit begins' | 'late in the commit',
): Moment {
  let writingSince: number | undefined;
  let rowsUnderWay = false;
  return () => {
    const state = journalState(file);
    if (state === 'writing') writingSince ??= Date.now();
    else writingSince = undefined;
    if (writingSince !== undefined && Date.now() - writingSince >= 300) rowsUnderWay = true;
    if (!rowsUnderWay) return false;
    if (kill === 'reading rows') return 0;
    if (state !== 'changing-file') return false;
    return kill === 'as the commit begins' ? 0 : 30;
  };
}

/**
 * Opens the project as the app does, with its hot journal (if any) rolled back; its table counts but for the audit
 * log (opening adds to it), after SQLite's integrity check. Undefined when the passphrase does not open it.
 */
function openedState(passphrase = PASS): Record<string, number> | undefined {
  let project;
  try {
    project = openProject(path.join(dir, 'p.confidant'), passphrase, 'test', { audit: false });
  } catch (error) {
    if (error instanceof ConfidantError && error.code === 'WRONG_PASSPHRASE') return undefined;
    throw error;
  }
  try {
    expect(project.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const { audit_log: _audit, ...tables } = tableCounts(project);
    return tables;
  } finally {
    project.db.close();
  }
}

describe('kill -9 during work', () => {
  const project = () => path.join(dir, 'p.confidant');
  beforeEach(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
  });

  it('an import killed while reading rows, as it commits, and late in its commit leaves the old or the new state', async () => {
    expect(confidant(['init', 'p.confidant']).code).toBe(0);
    roster('base.csv', 'B');
    expect(confidant(['import', 'p.confidant', 'base.csv', '--as', 'roster']).code).toBe(0);
    const before = openedState();
    roster('more.csv', 'M');
    const outcomes: string[] = [];
    for (const moment of ['reading rows', 'as the commit begins', 'late in the commit'] as const) {
      const { killed, journal } = await killAt(
        ['import', 'p.confidant', 'more.csv', '--as', 'roster'],
        importMoment(project(), moment),
        project(),
      );
      outcomes.push(`${moment}: ${killed ? `killed, journal ${journal}` : 'finished'}`);
      const after = openedState();
      expect(after, `opens after a kill ${moment}`).toBeDefined();
      if (after!.participant === before!.participant) expect(after, moment).toEqual(before);
      else expect(after!.participant, moment).toBe(before!.participant! + ROWS);
      if (!killed) break;
    }
    // The kills must have caught SQLite changing the file at least once, or this test proves nothing.
    expect(
      outcomes.some((outcome) => outcome.endsWith('journal changing-file')),
      outcomes.join('; '),
    ).toBe(true);
  }, 180_000);

  it('a passphrase change killed early or late leaves a project that exactly one passphrase opens, whole', async () => {
    expect(confidant(['init', 'p.confidant']).code).toBe(0);
    roster('people.csv', 'P');
    expect(confidant(['import', 'p.confidant', 'people.csv', '--as', 'roster']).code).toBe(0);
    const before = openedState();
    const copy = `${project()}.rekeying`;
    const whenSeen =
      (seen: () => boolean, delay = 0): (() => Moment) =>
      () =>
      () =>
        seen() ? delay : false;
    const moments: [string, () => Moment][] = [
      ['as the copy is taken', whenSeen(() => existsSync(copy))],
      ['as the copy is re-encrypted', whenSeen(() => journalState(copy) === 'writing')],
      ['while re-encrypted pages are written', whenSeen(() => journalState(copy) === 'changing-file')],
      [
        'as the re-encrypted copy is checked and moved into place',
        () => {
          let written = false;
          return () => {
            if (journalState(copy) === 'changing-file') written = true;
            return written && journalState(copy) === 'none' ? 0 : false;
          };
        },
      ],
      [
        'after the move, as the project is reopened',
        () => {
          let copied = false;
          return () => {
            if (existsSync(copy)) copied = true;
            return copied && !existsSync(copy) ? 0 : false;
          };
        },
      ],
    ];
    let current = PASS;
    const outcomes: string[] = [];
    for (const [moment, makeMoment] of moments) {
      const other = current === PASS ? NEXT : PASS;
      const { killed } = await killAt(['passwd', 'p.confidant'], makeMoment(), project(), {
        CONFIDANT_PASSPHRASE: current,
        CONFIDANT_NEW_PASSPHRASE: other,
      });
      const withCurrent = openedState(current);
      const withOther = openedState(other);
      outcomes.push(`${moment}: ${killed ? 'killed' : 'finished'}, ${withOther ? 'new' : 'old'} passphrase`);
      expect(
        [withCurrent, withOther].filter(Boolean),
        `exactly one passphrase opens it ${moment}`,
      ).toHaveLength(1);
      if (withOther) current = other;
      expect(withCurrent ?? withOther, moment).toEqual(before);
    }
    expect(
      outcomes.filter((outcome) => outcome.includes(': killed')).length,
      outcomes.join('; '),
    ).toBeGreaterThanOrEqual(4);
  }, 180_000);
});
