import { describe, expect, it } from 'vitest';
import { anonymiseText, tagNumbers } from '../../../electron/core/anonymize/operators';
import { scanForPii } from '../../../electron/core/anonymize/scan';

describe('operators', () => {
  it('tags consistently within a document: same person, same tag; first name joins the full name', () => {
    const text = 'Priya Raman met Tom. Later Priya emailed tom@example.org, and Tom replied to Priya.';
    const result = anonymiseText(text, scanForPii(text));
    expect(result.text).toBe(
      '[PERSON-1] met [PERSON-2]. Later [PERSON-1] emailed [EMAIL_ADDRESS-1], and [PERSON-2] replied to [PERSON-1].',
    );
  });

  it('keeps a shared first name apart when two full names contain it', () => {
    expect(
      tagNumbers([
        { entity: 'PERSON', surface: 'Sam Lee' },
        { entity: 'PERSON', surface: 'Sam Patel' },
        { entity: 'PERSON', surface: 'Sam' },
        { entity: 'PERSON', surface: "sam lee's" },
      ]),
    ).toEqual([1, 2, 3, 1]);
  });

  it('redacts, masks and generalises by entity', () => {
    const text = 'Born 17/03/1988, call 020 7946 0958, card 4111 1111 1111 1111.';
    const result = anonymiseText(text, scanForPii(text, { countries: ['GB'] }), {
      operators: {
        DATE_TIME: { kind: 'generalise', dateTo: 'year' },
        PHONE_NUMBER: { kind: 'mask', keepLast: 2 },
        CREDIT_CARD: { kind: 'redact' },
      },
    });
    expect(result.text).toBe('Born [1988], call ••• •••• ••58, card [REDACTED].');
    expect(result.replacements.map((r) => r.original)).toEqual([
      '17/03/1988',
      '020 7946 0958',
      '4111 1111 1111 1111',
    ]);
  });

  it('generalises dates to month or quarter, and falls back to a tag when a date cannot be read', () => {
    const text = 'We met on 3rd March 2021 and again in the spring.';
    const findings = [
      { start: 10, end: 24, entity: 'DATE_TIME' },
      { start: 38, end: 48, entity: 'DATE_TIME' },
    ];
    expect(anonymiseText(text, findings, { default: { kind: 'generalise', dateTo: 'quarter' } }).text).toBe(
      // Tags count every finding of the entity, so the unreadable date is the second DATE_TIME.
      'We met on [2021-Q1] and again in [DATE_TIME-2].',
    );
    expect(anonymiseText(text, findings.slice(0, 1), { default: { kind: 'generalise' } }).text).toBe(
      'We met on [2021-03] and again in the spring.',
    );
  });

  it('applies code-point offsets correctly after emoji', () => {
    const text = '🎉🎉 Thanks Priya Raman! 🙏';
    const findings = [{ start: 10, end: 21, entity: 'PERSON' }];
    expect(anonymiseText(text, findings).text).toBe('🎉🎉 Thanks [PERSON-1]! 🙏');
    expect(anonymiseText(text, [{ start: 12, end: 23, entity: 'PERSON' }], { offsets: 'utf16' }).text).toBe(
      '🎉🎉 Thanks [PERSON-1]! 🙏',
    );
  });

  it('ignores overlapping and empty findings instead of garbling the text', () => {
    const text = 'abc def ghi';
    const result = anonymiseText(text, [
      { start: 0, end: 7, entity: 'X' },
      { start: 4, end: 11, entity: 'Y' },
      { start: 9, end: 9, entity: 'Z' },
    ]);
    expect(result.text).toBe('[X-1] ghi');
  });
});
