import { describe, expect, it } from 'vitest';
import {
  ageOn,
  birthDateToAgeBand,
  dateToMonth,
  dateToQuarter,
  groupRareCategories,
  numberToBand,
  parseWrittenDate,
  topBottomCode,
} from '../../../electron/core/anonymize/generalise';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('generalisation', () => {
  it('bands numbers with top and bottom coding', () => {
    expect(numberToBand(34, { width: 10 })).toBe('30–39');
    expect(numberToBand(30, { width: 5 })).toBe('30–34');
    expect(numberToBand(16, { width: 10, bottom: 18, top: 65 })).toBe('<18');
    expect(numberToBand(19, { width: 10, bottom: 18, top: 65 })).toBe('18–19');
    expect(numberToBand(62, { width: 10, bottom: 18, top: 65 })).toBe('60–64');
    expect(numberToBand(70, { width: 10, bottom: 18, top: 65 })).toBe('65+');
    expect(topBottomCode(120000, { top: 80000 })).toBe('80000+');
    expect(topBottomCode(40000, { bottom: 10000, top: 80000 })).toBe(40000);
    expect(() => numberToBand(Number.NaN, { width: 10 })).toThrow();
  });

  it('turns birth dates into age bands on a given day', () => {
    expect(ageOn(d('1990-06-15'), d('2024-06-14'))).toBe(33);
    expect(ageOn(d('1990-06-15'), d('2024-06-15'))).toBe(34);
    expect(ageOn(d('2000-02-29'), d('2023-02-28'))).toBe(22);
    expect(birthDateToAgeBand(d('1990-06-15'), d('2024-06-15'), { width: 10 })).toBe('30–39');
  });

  it('coarsens dates to month and quarter', () => {
    expect(dateToMonth(d('2021-03-17'))).toBe('2021-03');
    expect(dateToQuarter(d('2021-03-31'))).toBe('2021-Q1');
    expect(dateToQuarter(d('2021-10-01'))).toBe('2021-Q4');
  });

  it('reads dates as people write them', () => {
    expect(parseWrittenDate('12/03/2021')?.toISOString().slice(0, 10)).toBe('2021-03-12');
    expect(parseWrittenDate('12/03/2021', true)?.toISOString().slice(0, 10)).toBe('2021-12-03');
    expect(parseWrittenDate('5/20/2021')?.toISOString().slice(0, 10)).toBe('2021-05-20');
    expect(parseWrittenDate('3rd March 2021')?.toISOString().slice(0, 10)).toBe('2021-03-03');
    expect(parseWrittenDate('March 3, 1988')?.toISOString().slice(0, 10)).toBe('1988-03-03');
    expect(parseWrittenDate('31/02/2021')).toBeNull();
    expect(parseWrittenDate('next Tuesday')).toBeNull();
  });

  it('groups rare categories into Other, and never leaves Other as one disguised category', () => {
    const values = [
      ...Array(12).fill('Finance'),
      ...Array(8).fill('HR'),
      ...Array(3).fill('Legal'),
      'Estates',
      'Estates',
    ];
    const mapping = groupRareCategories(values, { threshold: 5 });
    expect(Object.fromEntries(mapping)).toEqual({
      Finance: 'Finance',
      HR: 'HR',
      Legal: 'Other',
      Estates: 'Other',
    });
    // Only 3 people are rare: Other would have 3 < 5, so the next smallest (HR) joins it.
    const lonely = groupRareCategories([...Array(12).fill('Finance'), ...Array(8).fill('HR'), 'Legal'], {
      threshold: 5,
    });
    expect(Object.fromEntries(lonely)).toEqual({ Finance: 'Finance', HR: 'Other', Legal: 'Other' });
  });
});
