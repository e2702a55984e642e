import { describe, expect, it } from 'vitest';
import { SeenKeys } from '../../../electron/core/import/seenKeys';

describe('keys seen so far in a file', () => {
  it('tells the row a key was first seen in, and nothing for a new key', () => {
    const seen = new SeenKeys();
    expect(seen.see('E1001', 2)).toBeUndefined();
    expect(seen.see('E1002', 3)).toBeUndefined();
    expect(seen.see('E1001', 9)).toBe(2);
    expect(seen.see('E1001', 12)).toBe(2);
    expect(seen.size).toBe(2);
  });

  it('keeps every key through the table growing, without a false duplicate among 300,000 keys', () => {
    const seen = new SeenKeys();
    for (let i = 0; i < 300_000; i++) expect(seen.see(`P${i}`, i + 2)).toBeUndefined();
    expect(seen.size).toBe(300_000);
    for (const i of [0, 4095, 4096, 123_456, 299_999]) expect(seen.see(`P${i}`, 1_000_000)).toBe(i + 2);
  });

  it('holds a million keys in a few megabytes, not a map of strings', () => {
    const before = process.memoryUsage().arrayBuffers;
    const seen = new SeenKeys();
    for (let i = 0; i < 1_000_000; i++) seen.see(`respondent-${i}@example.org`, i + 2);
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(grown).toBeLessThan(40 * 1024 * 1024);
  });
});
