import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  crockfordBase32,
  keyedDigest,
  keyedDigester,
  newPseudonymKey,
  normaliseIdentifier,
  pseudonymFor,
  pseudonymiseColumn,
} from '../../../electron/core/anonymize/pseudonym';

const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');

describe('pseudonyms', () => {
  it('are stable: same key, domain and value give the same code on every import', () => {
    const a = pseudonymFor(KEY, 'roster.email', 'Alice@Example.org', { kind: 'email' });
    expect(a).toMatch(/^P-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(pseudonymFor(KEY, 'roster.email', '  alice@example.ORG ', { kind: 'email' })).toBe(a);
  });

  it('is the Crockford base-32 of HMAC-SHA256 over the domain-separated input', () => {
    const digest = createHmac('sha256', KEY)
      .update('confidant-pseudonym-v1\u000012:roster.email\u0000alice@example.org')
      .digest();
    expect(pseudonymFor(KEY, 'roster.email', 'alice@example.org', { kind: 'email', prefix: '' })).toBe(
      crockfordBase32(digest, 6),
    );
  });

  it('separates domains and keys', () => {
    const email = pseudonymFor(KEY, 'roster.email', 'alice@example.org');
    expect(pseudonymFor(KEY, 'survey.email', 'alice@example.org')).not.toBe(email);
    expect(pseudonymFor(newPseudonymKey(), 'roster.email', 'alice@example.org')).not.toBe(email);
    // The length prefix keeps ("ab","c") and ("a","bc") apart.
    expect(pseudonymFor(KEY, 'ab', 'c')).not.toBe(pseudonymFor(KEY, 'a', 'bc'));
  });

  it('normalises names, e-mails and ids the way spreadsheets mangle them', () => {
    expect(normaliseIdentifier('  José   ÁLVAREZ ', 'name')).toBe('jose alvarez');
    expect(normaliseIdentifier('MAILTO:Bob@Example.COM', 'email')).toBe('bob@example.com');
    expect(normaliseIdentifier(' emp-00 42 ', 'id')).toBe('EMP0042');
    expect(normaliseIdentifier('Ｆｕｌｌ width', 'text')).toBe('Full width');
  });

  it('encodes base 32 without I, L, O or U', () => {
    expect(crockfordBase32(new Uint8Array([0, 0, 0, 0, 0]), 8)).toBe('00000000');
    expect(crockfordBase32(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]), 8)).toBe('ZZZZZZZZ');
    expect(crockfordBase32(new Uint8Array([0x08, 0x86, 0x42, 0x98, 0xe8]), 8)).toBe('12345678');
  });

  it('reports collisions in a column so a longer code can be chosen', () => {
    const values = Array.from({ length: 3000 }, (_, i) => `person${i}@example.org`);
    const short = pseudonymiseColumn(KEY, 'roster.email', values, { length: 4 });
    expect(short.collisions.length).toBeGreaterThan(0); // 3,000 people in 2^20 codes: birthday bound
    const long = pseudonymiseColumn(KEY, 'roster.email', values, { length: 8 });
    expect(long.collisions).toEqual([]);
    expect(new Set(long.pseudonyms).size).toBe(values.length);
  });

  it('refuses a short key', () => {
    expect(() => pseudonymFor(Buffer.alloc(8), 'd', 'v')).toThrow();
  });
});

describe('the keyed digester for many values', () => {
  it('gives exactly the HMAC-SHA256 that keyedDigest gives, for any key length and any text', () => {
    for (const key of [
      Buffer.alloc(16, 7),
      Buffer.from('0123456789abcdef0123456789abcdef'),
      Buffer.alloc(64, 255),
    ]) {
      const digester = keyedDigester(key);
      for (const value of ['', 'amara.okafor@example.org', 'José Núñez', '😀 李小龍', 'x'.repeat(500)]) {
        expect(
          digester('participant.email', value).equals(keyedDigest(key, 'participant.email', value)),
        ).toBe(true);
      }
    }
  });

  it('refuses keys it cannot pad', () => {
    expect(() => keyedDigester(Buffer.alloc(8))).toThrow();
    expect(() => keyedDigester(Buffer.alloc(65))).toThrow();
  });
});
