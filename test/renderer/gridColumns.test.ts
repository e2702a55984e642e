import { describe, expect, it } from 'vitest';
import { columnMinWidth, shownValue } from '../../renderer/areas/data/gridColumns';

describe('the data browser’s columns', () => {
  const imported = { name: 'importedAt', label: 'Imported', type: 'date' } as const;
  it('shows a moment in time as a date and time, a plain date and other values as they are', () => {
    expect(shownValue('2026-03-02T09:07:00.000Z', imported)).toMatch(/2026/);
    expect(shownValue('2026-03-02T09:07:00.000Z', imported)).not.toContain('T09');
    expect(shownValue('2026-03-02', imported)).toBe('2026-03-02');
    expect(shownValue(5, { name: 'value', label: 'Answer', type: 'text' })).toBe('5');
    expect(shownValue(null, imported)).toBe('');
  });
  it('leaves room for the whole heading', () => {
    const long = { name: 'answerLabel', label: 'Answer in words', type: 'text' } as const;
    expect(columnMinWidth(long)).toBeGreaterThan(columnMinWidth({ ...long, label: 'Role' }));
    expect(columnMinWidth(long)).toBeGreaterThanOrEqual(15 * 8.5 + 56);
  });
});
