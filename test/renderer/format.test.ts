import { describe, expect, it } from 'vitest';
import {
  autoLockDescription,
  formatBytes,
  formatWhen,
  pageSummary,
  percentDone,
} from '../../renderer/format';

describe('formatBytes', () => {
  it('uses bytes below a kilobyte and binary units above', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(16384)).toBe('16 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(3 * 1024 ** 4)).toBe('3.0 TB');
  });
  it('says nothing sensible about nonsense', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatWhen', () => {
  it('writes a date and time in the given locale, and leaves non-dates alone', () => {
    const written = formatWhen('2026-03-04T09:05:00.000Z', 'en-GB');
    expect(written).toContain('2026');
    expect(written).toContain('Mar');
    expect(formatWhen('not a date')).toBe('not a date');
  });
});

describe('pageSummary', () => {
  it('counts from one and says when there is nothing', () => {
    expect(pageSummary(0, 50, 120)).toBe('Entries 1–50 of 120');
    expect(pageSummary(100, 20, 120)).toBe('Entries 101–120 of 120');
    expect(pageSummary(0, 0, 0)).toBe('No entries');
  });
});

describe('percentDone', () => {
  it('is undefined without a total and clamped to 0–100', () => {
    expect(percentDone(5, undefined)).toBeUndefined();
    expect(percentDone(5, 0)).toBeUndefined();
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(7, 5)).toBe(100);
  });
});

describe('autoLockDescription', () => {
  it('reads as a sentence for never, one and several minutes', () => {
    expect(autoLockDescription(0)).toBe('Never locks by itself');
    expect(autoLockDescription(1)).toBe('Locks after 1 minute without activity');
    expect(autoLockDescription(15)).toBe('Locks after 15 minutes without activity');
  });
});
