import { describe, expect, it } from 'vitest';
import type { ConfidantBridge } from '../../shared/api';
import { ConfidantError, WRONG_PASSPHRASE_MESSAGE } from '../../shared/errors';
import { createApi, unwrap } from '../../renderer/api';

/** A bridge that answers every call with one outcome and records what it was asked. */
function bridgeAnswering(answer: (name: string) => Promise<unknown>): {
  bridge: ConfidantBridge;
  asked: string[];
} {
  const asked: string[] = [];
  const bridge = {
    call: (name: string) => {
      asked.push(name);
      return answer(name);
    },
    onProgress: () => () => undefined,
    onLocked: () => () => undefined,
  } as unknown as ConfidantBridge;
  return { bridge, asked };
}

describe('unwrap', () => {
  it('returns the value of a good outcome', () => {
    expect(unwrap({ ok: true, value: 42 })).toBe(42);
  });
  it('throws a ConfidantError with the engine’s code and message', () => {
    try {
      unwrap({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: WRONG_PASSPHRASE_MESSAGE } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfidantError);
      expect((error as ConfidantError).code).toBe('WRONG_PASSPHRASE');
      expect((error as ConfidantError).message).toBe(WRONG_PASSPHRASE_MESSAGE);
    }
  });
});

describe('createApi', () => {
  it('passes the call through and unwraps the result', async () => {
    const { bridge, asked } = bridgeAnswering(async () => ({ ok: true, value: { state: 'none' } }));
    const api = createApi(() => bridge);
    await expect(api.call('project.status', {})).resolves.toEqual({ state: 'none' });
    expect(asked).toEqual(['project.status']);
  });

  it('turns an engine error into a rejected ConfidantError', async () => {
    const { bridge } = bridgeAnswering(async () => ({
      ok: false,
      error: { code: 'NO_PROJECT_OPEN', message: 'Open or unlock a project first.' },
    }));
    await expect(createApi(() => bridge).call('project.info', {})).rejects.toMatchObject({
      code: 'NO_PROJECT_OPEN',
      message: 'Open or unlock a project first.',
    });
  });

  it('reports a bridge that fails outright as an internal error, not a crash', async () => {
    const { bridge } = bridgeAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(createApi(() => bridge).call('project.status', {})).rejects.toMatchObject({
      code: 'INTERNAL',
    });
  });

  it('says so when no engine is connected', async () => {
    const api = createApi(() => {
      throw new ConfidantError('INTERNAL', 'Confidant’s engine is not connected to this window.');
    });
    await expect(api.call('project.status', {})).rejects.toThrow('not connected');
  });
});
