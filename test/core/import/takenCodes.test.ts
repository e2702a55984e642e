import { describe, expect, it } from 'vitest';
import { crockfordBase32 } from '../../../electron/core/anonymize/pseudonym';
import { TakenCodes } from '../../../electron/core/import/takenCodes';

const code = (n: number, length = 6) => {
  const bytes = Buffer.alloc(8);
  bytes.writeUInt32BE((n * 2654435761) >>> 0, 0);
  bytes.writeUInt32BE(n, 4);
  return `P-${crockfordBase32(bytes, length)}`;
};

describe('taken participant codes', () => {
  it('gives a code once, whatever its length', () => {
    const taken = new TakenCodes();
    expect(taken.take('P-7K3Q9Z')).toBe(true);
    expect(taken.take('P-7K3Q9Z')).toBe(false);
    expect(taken.take('P-7K3Q9Z0')).toBe(true);
    expect(taken.take('P-7K3Q9Z0')).toBe(false);
    // A code written some other way (an older project's, a hand-made one) is held as it is.
    expect(taken.take('P-aaaaaa')).toBe(true);
    expect(taken.take('P-aaaaaa')).toBe(false);
    expect(taken.take('P-AAAAAA')).toBe(true);
  });

  it('tells 200,000 different codes apart and knows each one again as the table grows', () => {
    const taken = new TakenCodes();
    const codes = [...new Set(Array.from({ length: 200_000 }, (_, n) => code(n)))];
    expect(codes.every((c) => taken.take(c))).toBe(true);
    expect(codes.some((c) => taken.take(c))).toBe(false);
    expect(taken.take('P-000000')).toBe(!codes.includes('P-000000'));
  });
});
