import isEmail from 'validator/lib/isEmail';
import { describe, expect, it } from 'vitest';
import { isEmailAddress } from '../../../electron/core/import/emailAddress';

/** A small deterministic generator, so a failure names the same strings every run. */
function* randomStrings(count: number, alphabet: string, longest: number) {
  let state = 20261202;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let n = 0; n < count; n++) {
    const length = 1 + Math.floor(next() * longest);
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    yield text;
  }
}

describe('e-mail addresses in an import', () => {
  it('accepts what validator accepts and refuses what it refuses, on the forms exports hold', () => {
    const cases = [
      'amara.okafor@example.org',
      'Amara.Okafor@Example.ORG',
      'first.last+mentoring@mail.example.co.uk',
      'x_y%z-1@a-b.example',
      'a@b.co',
      'a..b@example.org',
      '.a@example.org',
      'a.@example.org',
      'a@-example.org',
      'a@example-.org',
      'a@example.o',
      'a@example.123',
      'a@example',
      'a@ex_ample.org',
      'a@example..org',
      'a@example.org.',
      "o'brien@example.ie",
      'josé@example.es',
      '"quoted name"@example.org',
      'a@[192.168.0.1]',
      'anonymous',
      `${'a'.repeat(64)}@example.org`,
      `${'a'.repeat(65)}@example.org`,
      `a@${'b'.repeat(63)}.org`,
      `a@${'b'.repeat(64)}.org`,
      `a@${Array.from({ length: 60 }, () => 'abcd').join('.')}.org`,
      'a@b@example.org',
      'a b@example.org',
    ];
    for (const text of cases) expect(isEmailAddress(text), text).toBe(isEmail(text));
  });

  it('agrees with validator on 50,000 strings made of the characters addresses are made of', () => {
    const made = [
      ...randomStrings(25_000, 'ab.@-_+%1', 24),
      ...[...randomStrings(25_000, 'abcxyz019.-_', 70)].map(
        (text, n) => `${text}@${n % 3 ? 'ex-am.ple.' : ''}org`,
      ),
    ];
    const disagreeing = made.filter((text) => isEmailAddress(text) !== isEmail(text));
    expect(disagreeing).toEqual([]);
    // The made strings include both answers, so the agreement says something.
    expect(made.filter((text) => isEmail(text)).length).toBeGreaterThan(1000);
  });
});
