import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  inferDateStyle,
  inferDecimalMark,
  parseBoolean,
  parseDate,
  parseNumber,
  type Parsed,
} from '../../../electron/core/import/values';

const value = <T>(r: Parsed<T>) => (r.ok ? r.value : r.message);

describe('numbers', () => {
  it.each([
    ['1234', null, 1234],
    ['1,234', null, 1234],
    ['1,234.5', null, 1234.5],
    ['1.234,5', null, 1234.5],
    ['3,5', null, 3.5],
    ['1 234,50', ',', 1234.5],
    ['1.234', ',', 1234],
    ['1,234', ',', 1.234],
    ["1'234.75", '.', 1234.75],
    ['-12.5', null, -12.5],
    ['(12.5)', null, -12.5],
    ['€1.200,00', ',', 1200],
    ['45%', null, 45],
    ['1.5e3', null, 1500],
    ['\u00a02 500\u00a0', null, 2500],
  ] as const)('reads %j (decimal mark %s) as %d', (text, mark, expected) => {
    expect(value(parseNumber(text, mark))).toBe(expected);
  });

  it('says why a value is not a number', () => {
    const r = parseNumber('twelve');
    expect(r).toMatchObject({ ok: false, expected: 'a number such as 1234.5 or 1,234.5' });
    expect(value(r)).toBe('“twelve” is not a number; expected a number such as 1234.5 or 1,234.5.');
    expect(value(parseNumber('1,23.4', ','))).toMatch(/decimal mark/);
    expect(value(parseNumber('  '))).toBe('The cell is empty; a number was expected.');
  });

  it('infers the decimal mark of a column from the values that decide it', () => {
    expect(inferDecimalMark(['1,234', '3,5', '4'])).toBe(',');
    expect(inferDecimalMark(['1,234.50', '2'])).toBe('.');
    expect(inferDecimalMark(['1,234', '12'])).toBeNull();
  });
});

describe('dates', () => {
  it('reads ISO dates and times, named months and slash dates in the column order', () => {
    expect(value(parseDate('2024-03-12'))).toBe('2024-03-12');
    expect(value(parseDate('2024-03-12 14:05:09'))).toBe('2024-03-12T14:05:09');
    expect(value(parseDate('2024-03-12T14:05:09Z'))).toBe('2024-03-12T14:05:09');
    expect(value(parseDate('12 Mar 2024'))).toBe('2024-03-12');
    expect(value(parseDate('12-Mar-24'))).toBe('2024-03-12');
    expect(value(parseDate('March 12, 2024'))).toBe('2024-03-12');
    expect(value(parseDate('Tuesday, 12 March 2024'))).toBe('2024-03-12');
    expect(value(parseDate('03/12/2024', { order: 'dmy' }))).toBe('2024-12-03');
    expect(value(parseDate('03/12/2024', { order: 'mdy' }))).toBe('2024-03-12');
    expect(value(parseDate('25.12.2023'))).toBe('2023-12-25');
    expect(value(parseDate('2024/3/9'))).toBe('2024-03-09');
    expect(value(parseDate('3/12/2024 2:05 PM', { order: 'mdy' }))).toBe('2024-03-12T14:05:00');
  });

  it('refuses to guess an ambiguous slash date without the column order', () => {
    const r = parseDate('03/04/2024');
    expect(r.ok).toBe(false);
    expect(value(r)).toContain("choose the column's date order");
  });

  it('rejects impossible dates and non-dates with the reason', () => {
    expect(value(parseDate('2023-02-29'))).toBe(
      '“2023-02-29” is not a valid date: there is no day 29 in month 2 of 2023.',
    );
    expect(value(parseDate('31/04/2024', { order: 'dmy' }))).toContain('no day 31 in month 4');
    expect(value(parseDate('12 Foo 2024'))).toContain('“Foo” is not a month');
    expect(value(parseDate('soon'))).toContain('is not a date; expected a date such as');
  });

  it('decides day-first or month-first per column from the values, and flags mixed columns', () => {
    expect(inferDateStyle(['01/02/2024', '25/02/2024'])).toMatchObject({ order: 'dmy', conflict: false });
    expect(inferDateStyle(['01/02/2024', '02/25/2024'])).toMatchObject({ order: 'mdy', conflict: false });
    expect(inferDateStyle(['13/02/2024', '02/25/2024'])).toMatchObject({ order: null, conflict: true });
    expect(inferDateStyle(['45000', '45001.5'])).toMatchObject({ excelSerials: true });
  });

  it('converts Excel day numbers, including the 1900 leap-year quirk', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45000)).toBe('2023-03-15');
    expect(excelSerialToIso(45000.5)).toBe('2023-03-15T12:00:00');
    expect(value(parseDate('45000', { excelSerials: true }))).toBe('2023-03-15');
    expect(parseDate('45000').ok).toBe(false);
  });
});

describe('yes/no', () => {
  it('reads the usual spellings and refuses others', () => {
    expect(['Yes', 'TRUE', '1', 'y'].map((t) => value(parseBoolean(t)))).toEqual([true, true, true, true]);
    expect(['No', 'false', '0'].map((t) => value(parseBoolean(t)))).toEqual([false, false, false]);
    expect(value(parseBoolean('maybe'))).toBe(
      '“maybe” is not yes or no; expected Yes/No, True/False or 1/0.',
    );
  });
});
