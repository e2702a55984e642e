import { describe, expect, it } from 'vitest';
import { suggestColumnRole } from '../../../electron/core/anonymize/columnRoles';

const role = (heading: string, sample: string[] = []) => suggestColumnRole(heading, sample).role;

describe('column roles', () => {
  it('recognises direct identifiers from headings', () => {
    for (const heading of [
      'Email Address',
      'E-mail',
      'First name',
      'Surname',
      'Employee ID',
      'employee_number',
      'Mobile phone',
    ]) {
      expect(role(heading), heading).toBe('direct-identifier');
    }
  });

  it('recognises direct identifiers from values when the heading says nothing', () => {
    expect(role('Contact', ['amara@example.org', 'ben.smith@example.com', 'chen.w@example.net'])).toBe(
      'direct-identifier',
    );
    expect(role('Q1', ['Amara Okafor', 'Ben Smith', 'Chen Wang', 'Dana Levi'])).toBe('direct-identifier');
    expect(role('Ref', ['E1001', 'E1002', 'E1003', 'E1004', 'E1005'])).toBe('direct-identifier');
  });

  it('recognises quasi-identifiers', () => {
    for (const heading of [
      'Gender',
      'Age band',
      'Date of birth',
      'Department',
      'Job title',
      'Grade',
      'Office location',
      'Years of service',
      'Postcode',
    ]) {
      expect(role(heading), heading).toBe('quasi-identifier');
    }
  });

  it('recognises special-category and other sensitive attributes', () => {
    for (const heading of [
      'Ethnicity',
      'Disability status',
      'Religion or belief',
      'Performance rating',
      'Salary',
    ]) {
      expect(role(heading), heading).toBe('sensitive-attribute');
    }
  });

  it('recognises free text from headings and from sentences', () => {
    expect(role('Any other comments?')).toBe('free-text');
    expect(
      role('Q7', [
        'My mentor helped me prepare for the promotion panel in March.',
        'We met every fortnight and talked about leading a team for the first time.',
        'Not much changed for me, but the sessions were a safe place to think.',
      ]),
    ).toBe('free-text');
  });

  it('leaves ratings with ordinary headings and repeated short values as other', () => {
    expect(role('Q3', ['Agree', 'Agree', 'Strongly agree', 'Disagree'])).toBe('other');
    expect(role('Wave', ['1', '1', '2', '2'])).toBe('other');
    expect(role('Page', ['1', '2'])).toBe('other');
    expect(role('Usage', ['weekly', 'monthly'])).toBe('other');
  });
});
