import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * The security gate itself (test/security/electronegativity.mjs), run on a scratch copy of the Electron sources:
 * it passes on ours, and fails, naming the check, when a copy is weakened the way a careless change would.
 */
const projectRoot = path.resolve(__dirname, '..', '..');
let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'confidant-gate-'));
  cpSync(path.join(projectRoot, 'electron'), path.join(scratch, 'electron'), { recursive: true });
  cpSync(path.join(projectRoot, 'package.json'), path.join(scratch, 'package.json'));
  mkdirSync(path.join(scratch, 'test', 'security'), { recursive: true });
  cpSync(
    path.join(projectRoot, 'test', 'security', 'electronegativity.mjs'),
    path.join(scratch, 'test', 'security', 'electronegativity.mjs'),
  );
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function edit(file: string, from: string | RegExp, to: string) {
  const full = path.join(scratch, file);
  const before = readFileSync(full, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${String(from)} not found in ${file}`);
  writeFileSync(full, after);
}

function gate() {
  const run = spawnSync(process.execPath, [path.join(scratch, 'test', 'security', 'electronegativity.mjs')], {
    encoding: 'utf8',
  });
  const lines = run.stdout.trim().split('\n');
  return { status: run.status, output: run.stdout, last: lines.at(-1) ?? '' };
}

describe('the electronegativity gate', () => {
  it('passes our Electron sources and ends with a line CI can sum', () => {
    const { status, last } = gate();
    expect(status).toBe(0);
    expect(last).toMatch(/^[1-9]\d* passed, 0 failed$/);
  });

  it('fails when the window loses its sandbox or context isolation', () => {
    edit('electron/main.ts', 'sandbox: true', 'sandbox: false');
    edit('electron/main.ts', 'contextIsolation: true', 'contextIsolation: false');
    const { status, output, last } = gate();
    expect(status).toBe(1);
    expect(output).toContain('SANDBOX_JS_CHECK');
    expect(output).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(last).toMatch(/^\d+ passed, 2 failed$/);
  });

  it('fails when nothing limits permission requests', () => {
    edit(
      'electron/security.ts',
      'session.setPermissionRequestHandler(',
      'session.setPermissionRequestHandlerGone(',
    );
    const { status, output } = gate();
    expect(status).toBe(1);
    expect(output).toContain('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK');
  });

  it('fails on a finding nobody has reviewed, and on a file it cannot parse', () => {
    edit('electron/main.ts', /\/\/ eng-disable PRELOAD_JS_CHECK.*$/m, '');
    writeFileSync(path.join(scratch, 'electron', 'broken.ts'), 'const x = ;\n');
    const { status, output, last } = gate();
    expect(status).toBe(1);
    expect(output).toContain('PRELOAD_JS_CHECK');
    expect(output).toContain('could not parse electron/broken.ts');
    expect(last).toMatch(/^\d+ passed, 2 failed$/);
  });

  it('fails when the Electron sources it must check are missing', () => {
    rmSync(path.join(scratch, 'electron', 'security.ts'));
    const { status, last } = gate();
    expect(status).toBe(1);
    expect(last).toBe('0 passed, 1 failed');
  });
});
