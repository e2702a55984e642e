import { describe, expect, it } from 'vitest';
import {
  parseDuration,
  parseEventKind,
  parseMatchScore,
  parsePairingStatus,
} from '../../../electron/core/import/programValues';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }) =>
  parsed.ok ? parsed.value : `error: ${parsed.message}`;

describe('values of pairing lists, HR records and activity logs', () => {
  it('reads event kinds as HR systems write them', () => {
    const cases: [string, string][] = [
      ['Promoted', 'promotion'],
      ['Promotion', 'promotion'],
      ['Role change', 'role_change'],
      ['role-change', 'role_change'],
      ['Expanded responsibilities', 'expanded_responsibilities'],
      ['Stretch assignment', 'expanded_responsibilities'],
      ['Lateral move', 'lateral_move'],
      ['Transfer', 'lateral_move'],
      ['Left the company', 'exit'],
      ['Resigned', 'exit'],
      ['EXIT', 'exit'],
    ];
    for (const [raw, kind] of cases) expect(value(parseEventKind(raw)), raw).toBe(kind);
    const unknown = parseEventKind('Pay rise');
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.message).toBe(
      '“Pay rise” is not a kind of progression event; expected Promotion, Role change, Expanded responsibilities, Lateral move or Exit (Left the company).',
    );
  });

  it('reads durations in minutes, hours and minutes, and clock form', () => {
    const cases: [string, number][] = [
      ['45', 45],
      ['45 min', 45],
      ['45mins', 45],
      ['90 minutes', 90],
      ['1h 30m', 90],
      ['1h30', 90],
      ['1 hr 15 mins', 75],
      ['1.5 hours', 90],
      ['1,5 h', 90],
      ['2 hours', 120],
      ['1:30', 90],
      ['0:45', 45],
      ['PT1H30M', 90],
    ];
    for (const [raw, minutes] of cases) expect(value(parseDuration(raw)), raw).toBe(minutes);
    for (const bad of ['an hour', '1:75', '-5', '45 sec', '']) {
      expect(parseDuration(bad).ok, bad).toBe(false);
    }
    const tooLong = parseDuration('2000');
    expect(!tooLong.ok && tooLong.message).toContain('longer than a day');
  });

  it('stores match scores from 0 to 1, whether written as fractions or percentages', () => {
    const cases: [string, number][] = [
      ['0.85', 0.85],
      ['85', 0.85],
      ['85%', 0.85],
      ['0,7', 0.7],
      ['1', 1],
      ['100', 1],
      ['0', 0],
    ];
    for (const [raw, score] of cases) expect(value(parseMatchScore(raw)), raw).toBe(score);
    for (const bad of ['150', 'high', '-0.2']) expect(parseMatchScore(bad).ok, bad).toBe(false);
  });

  it('reads pairing statuses', () => {
    const cases: [string, string][] = [
      ['Active', 'active'],
      ['In progress', 'active'],
      ['Completed', 'completed'],
      ['Ended early', 'ended_early'],
      ['Withdrawn', 'ended_early'],
      ['On hold', 'paused'],
      ['Pending', 'proposed'],
    ];
    for (const [raw, status] of cases) expect(value(parsePairingStatus(raw)), raw).toBe(status);
    const bad = parsePairingStatus('Great');
    expect(!bad.ok && bad.message).toContain('is not a pairing status');
  });
});
