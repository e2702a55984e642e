import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../electron/core/import/mappingSuggestion';

describe('mapping suggestions', () => {
  it('suggests fields from headings, then from values', () => {
    const header = [
      'Participant ID',
      'Full name',
      'E-mail',
      'Cohort',
      'Role',
      'Dept.',
      'Start date',
      'Contact',
      'Satisfaction with mentor',
      'Hours met',
      'Mentee type',
      'Tell us about your experience of the programme',
      'IP Address',
      'Notes',
    ];
    const rows = [
      [
        'P1',
        'Ann Lee',
        'ann@example.org',
        '2024',
        'Mentor',
        'Finance',
        '12/03/2024',
        'ann@example.org',
        'Very satisfied',
        '1.234,5',
        'New joiner',
        'It gave me a lot of confidence in meetings',
        '1.2.3.4',
        '',
      ],
      [
        'P2',
        'Bo Chan',
        'bo@example.org',
        '2024',
        'Mentee',
        'HR',
        '25/03/2024',
        'bo@example.org',
        'Satisfied',
        '3,5',
        'Returner',
        'I would have liked more structure from the start',
        '1.2.3.5',
        '',
      ],
      [
        'P3',
        'Cy Diaz',
        'cy@example.org',
        '2025',
        'Mentee',
        'IT',
        '01/04/2024',
        'cy@example.org',
        'Dissatisfied',
        '12',
        'New joiner',
        'My mentor was hard to reach most of the time',
        '1.2.3.6',
        '',
      ],
    ];
    const s = suggestMapping(header, rows);
    expect(s.map((c) => c.field)).toEqual([
      'participantId',
      'fullName',
      'email',
      'cohort',
      'role',
      'department',
      'date',
      'email',
      'likertItem',
      'numericItem',
      'choiceItem',
      'freeText',
      'ignore',
      'ignore',
    ]);
    expect(s[6]!.dateStyle?.order).toBe('dmy');
    expect(s[7]!.confidence).toBe('medium');
    expect(s[8]!.scale?.id).toBe('satisfaction-5');
    expect(s[9]!.decimal).toBe(',');
    expect(s[13]!.reason).toBe('the column is empty');
  });

  it('lets the values of a long question decide, not words in it', () => {
    const [s] = suggestMapping(
      ['How supportive is your department of your mentoring?'],
      [['Agree'], ['Strongly agree']],
    );
    expect(s!.field).toBe('likertItem');
  });
});
