import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_CHANNEL } from '../../shared/channels';
import type { CallOutcome } from '../../shared/api';
import { createEngine, type Engine } from '../../electron/core/engine';
import { handleCall, isTrustedSender, registerCallHandler, type CallEvent } from '../../electron/ipc';
import { FakeFrame } from './fakes';

const OUR_CONTENTS = 7;
const isOurs = (id: number) => id === OUR_CONTENTS;

/** An invoke event from the top frame of web contents `contentsId`, showing `url`. */
function eventFrom(url: string, contentsId = OUR_CONTENTS): CallEvent {
  const top = new FakeFrame(url);
  return { senderFrame: top, sender: { id: contentsId, mainFrame: top } };
}

describe('isTrustedSender', () => {
  it('accepts the top frame of our window showing app://confidant', () => {
    expect(isTrustedSender(eventFrom('app://confidant/index.html'), isOurs)).toBe(true);
    expect(isTrustedSender(eventFrom('app://confidant/#/coding'), isOurs)).toBe(true);
  });

  it('rejects frames showing anything but our origin', () => {
    for (const url of [
      'file:///home/evaluator/index.html',
      'https://example.org/',
      'http://127.0.0.1:5173/',
      'app://evil/index.html',
      'app://confidant:8080/index.html',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      'data:text/html,hello',
      '',
    ]) {
      expect(isTrustedSender(eventFrom(url), isOurs), url).toBe(false);
    }
  });

  it('rejects subframes, even ones showing our origin', () => {
    const top = new FakeFrame('app://confidant/index.html');
    const child = new FakeFrame('app://confidant/index.html', top, 1, 2);
    expect(
      isTrustedSender({ senderFrame: child, sender: { id: OUR_CONTENTS, mainFrame: top } }, isOurs),
    ).toBe(false);
    // A frame that claims no parent but is not the main frame of the contents is refused too.
    const orphan = new FakeFrame('app://confidant/index.html', null, 1, 9);
    expect(
      isTrustedSender({ senderFrame: orphan, sender: { id: OUR_CONTENTS, mainFrame: top } }, isOurs),
    ).toBe(false);
  });

  it('rejects windows we did not create, gone or detached frames, and destroyed contents', () => {
    expect(isTrustedSender(eventFrom('app://confidant/index.html', 99), isOurs)).toBe(false);
    const top = new FakeFrame('app://confidant/index.html');
    expect(isTrustedSender({ senderFrame: null, sender: { id: OUR_CONTENTS, mainFrame: top } }, isOurs)).toBe(
      false,
    );
    const detached = new FakeFrame('app://confidant/index.html', null, 1, 1, true);
    expect(
      isTrustedSender({ senderFrame: detached, sender: { id: OUR_CONTENTS, mainFrame: detached } }, isOurs),
    ).toBe(false);
    const destroyed = {
      id: OUR_CONTENTS,
      get mainFrame(): FakeFrame {
        throw new TypeError('Object has been destroyed');
      },
    };
    expect(isTrustedSender({ senderFrame: top, sender: destroyed }, isOurs)).toBe(false);
  });
});

describe('the call channel', () => {
  let dir: string;
  let engine: Engine;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'confidant-ipc-'));
    engine = createEngine({
      choosePath: async () => null,
      settingsDir: dir,
      actor: 'test',
      idleSeconds: () => 0,
    });
  });
  afterEach(() => {
    engine.session.lock();
    rmSync(dir, { recursive: true, force: true });
  });

  const deps = () => ({ call: engine.call, isOurWebContents: isOurs });
  const trusted = eventFrom('app://confidant/index.html');

  it('runs a call from our window', async () => {
    expect(await handleCall(trusted, 'project.status', {}, deps())).toEqual({
      ok: true,
      value: { state: 'none' },
    });
  });

  it('answers FORBIDDEN_SENDER to any other sender without running the handler', async () => {
    let ran = false;
    const outcome = await handleCall(
      eventFrom('https://example.org/'),
      'project.status',
      {},
      {
        call: async () => {
          ran = true;
          return { ok: true, value: null };
        },
        isOurWebContents: isOurs,
      },
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(ran).toBe(false);
  });

  it('answers UNKNOWN_HANDLER for a name outside the contract', async () => {
    for (const name of ['project.delete', '__proto__', 'constructor', 42, null]) {
      const outcome = await handleCall(trusted, name, {}, deps());
      expect(outcome, String(name)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
    }
  });

  it('answers INVALID_ARGUMENTS when the arguments fail the schema', async () => {
    for (const args of [{ purpose: 'delete' }, { purpose: 'open', extra: true }, 'open', [1]]) {
      const outcome = await handleCall(trusted, 'project.choosePath', args, deps());
      expect(outcome, JSON.stringify(args)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENTS' },
      });
    }
  });

  it('registers one handler on the call channel and removes it again', async () => {
    const handlers = new Map<
      string,
      (event: CallEvent, ...args: unknown[]) => Promise<CallOutcome<unknown>>
    >();
    const ipcMain = {
      handle: (
        channel: string,
        listener: (event: CallEvent, ...args: unknown[]) => Promise<CallOutcome<unknown>>,
      ) => handlers.set(channel, listener),
      removeHandler: (channel: string) => handlers.delete(channel),
    };
    const remove = registerCallHandler(ipcMain as never, deps());
    expect([...handlers.keys()]).toEqual([CALL_CHANNEL]);
    const listener = handlers.get(CALL_CHANNEL);
    expect(await listener?.(trusted, 'project.status', {})).toEqual({ ok: true, value: { state: 'none' } });
    expect(await listener?.(eventFrom('file:///x.html'), 'project.status', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    remove();
    expect(handlers.size).toBe(0);
  });
});
