import { describe, expect, it } from 'vitest';
import { passesLuhn } from '../../../electron/core/anonymize/detectors/characters';
import { compileMask } from '../../../electron/core/anonymize/detectors/employeeId';
import { passesVerhoeff } from '../../../electron/core/anonymize/detectors/nationalId';
import { detectPii, scanForPii } from '../../../electron/core/anonymize/scan';

const spans = (text: string, options = {}) =>
  scanForPii(text, options).map((f) => [f.entity, [...text].slice(f.start, f.end).join('')]);

describe('checksums', () => {
  it('Luhn accepts issued test cards and rejects a changed digit', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('5555555555554444')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('4012-8888-8888-1881')).toBe(true);
  });

  it('Verhoeff accepts a valid Aadhaar-style number and rejects a transposition', () => {
    expect(passesVerhoeff('2363')).toBe(true); // Verhoeff's textbook example: 236 -> check digit 3
    expect(passesVerhoeff('2633')).toBe(false);
  });

  it('finds a card only when Luhn and issuer length agree', () => {
    expect(spans('card 4111 1111 1111 1111 thanks')).toEqual([['CREDIT_CARD', '4111 1111 1111 1111']]);
    expect(spans('card 4111 1111 1111 1112 thanks')).toEqual([]);
    expect(spans('ref 1748503543012')).toEqual([]); // passes Luhn, but no scheme issues 13 digits from 1
  });

  it('finds an IBAN only with a valid mod-97 checksum, grouped or not', () => {
    expect(spans('IBAN GB82 WEST 1234 5698 7654 32 please')).toEqual([
      ['IBAN_CODE', 'GB82 WEST 1234 5698 7654 32'],
    ]);
    expect(spans('IBAN GB82WEST12345698765432.')).toEqual([['IBAN_CODE', 'GB82WEST12345698765432']]);
    expect(spans('IBAN GB83 WEST 1234 5698 7654 32 please')).toEqual([]);
  });

  it('finds NHS numbers by their mod-11 check digit', () => {
    expect(spans('NHS number 943 476 5919', { countries: ['GB'] })).toEqual([['UK_NHS', '943 476 5919']]);
    expect(spans('NHS number 943 476 5918', { countries: ['GB'] })).toEqual([]);
  });
});

describe('contacts', () => {
  it('finds e-mail addresses and keeps sentence punctuation out', () => {
    expect(spans('Write to priya.raman@example.co.uk.')).toEqual([
      ['EMAIL_ADDRESS', 'priya.raman@example.co.uk'],
    ]);
    expect(spans('Not an address: me@localhost, or @handle')).toEqual([]);
  });

  it('finds phone numbers of the project countries only', () => {
    expect(spans('Call 020 7946 0958 today', { countries: ['GB'] })).toEqual([
      ['PHONE_NUMBER', '020 7946 0958'],
    ]);
    expect(spans('Call 020 7946 0958 today', { countries: ['US'] })).toEqual([]);
    expect(spans('Call +44 20 7946 0958 today', { countries: ['US'] })).toEqual([
      ['PHONE_NUMBER', '+44 20 7946 0958'],
    ]);
  });

  it('keeps an extension with its phone number', () => {
    const found = (text: string) => spans(text, { countries: ['GB', 'US'] });
    expect(found('Desk phone 020 7946 0321 ext. 204, or come up.')).toEqual([
      ['PHONE_NUMBER', '020 7946 0321 ext. 204'],
    ]);
    expect(found('Reach me at 212 736 4410 x 12.')).toEqual([['PHONE_NUMBER', '212 736 4410 x 12']]);
    expect(found('Office (206) 482-7719 Ext 3; mobile later')).toEqual([
      ['PHONE_NUMBER', '(206) 482-7719 Ext 3'],
    ]);
    expect(found('Switchboard 020 3886 1177x2210')).toEqual([['PHONE_NUMBER', '020 3886 1177x2210']]);
    // No digits after the word, or a word glued to them: not an extension.
    expect(found('Call 020 7946 0321 extra early')).toEqual([['PHONE_NUMBER', '020 7946 0321']]);
    expect(found('Call 020 7946 0321 x2b')).toEqual([['PHONE_NUMBER', '020 7946 0321']]);
  });

  it('does not take dates, IPs or scores for phone numbers', () => {
    expect(detectPii('On 12.03.2021 at 10.0.0.1 we scored 1234567', { entities: ['PHONE_NUMBER'] })).toEqual(
      [],
    );
  });

  it('finds employee ids from masks, not user regexes', () => {
    expect(
      spans('Staff no EMP-004211 and emp-12 and XEMP-004211', { identifierMasks: [{ mask: 'EMP-######' }] }),
    ).toEqual([['EMPLOYEE_ID', 'EMP-004211']]);
    expect(compileMask('AA##').source).toContain('[A-Za-z][A-Za-z]\\d\\d');
    expect(() => compileMask('')).toThrow();
  });
});

describe('offsets and awkward input', () => {
  it('counts offsets in code points, so emoji before a finding do not shift it', () => {
    const text = '😀😀 mail me: a.b@example.org 👍 or call +44 20 7946 0958';
    const findings = scanForPii(text, { countries: ['GB'] });
    const points = [...text];
    expect(findings.map((f) => points.slice(f.start, f.end).join(''))).toEqual([
      'a.b@example.org',
      '+44 20 7946 0958',
    ]);
    expect(findings[0]!.start).toBe(12);
    expect(text.indexOf('a.b@')).toBe(14); // UTF-16 differs by the two surrogate pairs
  });

  it('handles empty text, other scripts and emoji-only text', () => {
    expect(scanForPii('')).toEqual([]);
    expect(scanForPii('🙂🙃😀')).toEqual([]);
    expect(spans('Привет, меня зовут 李小龍, пишите на ivan@example.ru')).toEqual([
      ['EMAIL_ADDRESS', 'ivan@example.ru'],
    ]);
    expect(spans('مرحبا، بريدي هو ali@example.com شكرا')).toEqual([['EMAIL_ADDRESS', 'ali@example.com']]);
  });

  // Pathological lines: every regex is bounded, so these finish in linear time. No clock assertions here
  // (the benchmark measures speed); the test asserts completion and sane output.
  const MB = 1024 * 1024;
  it.each([
    ['digits', '1'.repeat(MB)],
    ['dots', '.'.repeat(MB)],
    ['digits and dots', '1.'.repeat(MB / 2)],
    ['colons and hex', 'a:'.repeat(MB / 2)],
    ['at signs', 'a@'.repeat(MB / 2)],
    ['capitalised words', 'Aa '.repeat(MB / 3)],
    ['dashes and digits', '1-'.repeat(MB / 2)],
    ['spaced digits', '1 '.repeat(MB / 2)],
    ['letters', 'A'.repeat(MB)],
    ['url-like', 'a.'.repeat(MB / 2) + 'com'],
  ])('scans a 1 MB line of %s', (_name, line) => {
    const findings = scanForPii(line, {
      countries: ['GB', 'US', 'IN', 'ES'],
      identifierMasks: [{ mask: 'AA######' }],
    });
    expect(Array.isArray(findings)).toBe(true);
    for (const f of findings) expect(f.end).toBeGreaterThan(f.start);
  });
});

describe('a 50 MB document', () => {
  it('is scanned piece by piece, with offsets that still point into the whole text', () => {
    const paragraph =
      'Interviewer: How was it?\nP3: Good. My mentor Sarah Collins (sarah.collins@example.org) helped a lot. 😀\n';
    const repeats = Math.ceil((50 * 1024 * 1024) / paragraph.length);
    const text = paragraph.repeat(repeats);
    const all = scanForPii(text);
    expect(all.filter((f) => f.entity === 'PERSON').length).toBe(repeats);
    const findings = all.filter((f) => f.entity === 'EMAIL_ADDRESS');
    expect(findings.length).toBe(repeats);
    // Code-point offsets: each paragraph is one code point shorter than its UTF-16 length (the emoji).
    const pointsPerParagraph = [...paragraph].length;
    const last = findings[findings.length - 1]!;
    const lastParagraphStart = (repeats - 1) * pointsPerParagraph;
    expect(last.start - lastParagraphStart).toBe([...paragraph].join('').indexOf('sarah.collins@'));
  }, 180_000);
});
