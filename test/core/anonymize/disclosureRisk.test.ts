import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generaliseValues } from '../../../electron/core/anonymize/attributeGeneralisation';
import type { GeneralisationRule } from '../../../shared/disclosure';
import { openTestProject, seedParticipants, type SeededParticipant, type TestProject } from './openProject';

/*
 * A roster of ten, worked by hand on (department, gender, location):
 *   Finance F Leeds ×3, Finance M Leeds ×2, HR F York ×2, Legal F York, Facilities F York, Finance F (none)
 * Classes 3, 2, 2, 1, 1, 1: three participants are unique, k = 1; 3 violate 2-anonymity, 7 violate
 * 3-anonymity, all 10 violate 5-anonymity (sdcMicro's "observations violating k-anonymity").
 * Grouping departments with fewer than 3 participants (HR 2, Legal 1, Facilities 1) into "Other" joins
 * HR, Legal and Facilities in York into one class of 4: one participant (no location) is still unique.
 */
const ROSTER: SeededParticipant[] = [
  ...Array.from({ length: 3 }, () => ({ department: 'Finance', gender: 'F', location: 'Leeds' })),
  ...Array.from({ length: 2 }, () => ({ department: 'Finance', gender: 'M', location: 'Leeds' })),
  ...Array.from({ length: 2 }, () => ({ department: 'HR', gender: 'F', location: 'York' })),
  { department: 'Legal', gender: 'F', location: 'York' },
  { department: 'Facilities', gender: 'F', location: 'York' },
  { department: 'Finance', gender: 'F', location: null },
].map((person, i) => ({
  ...person,
  cohort: i % 2 ? '2026 Autumn' : '2026 Spring',
  attributes: {
    age: [23, 34, 37, 45, 61, 29, 30, 52, 41, 38][i],
    startDate: i === 9 ? '' : `2021-0${(i % 9) + 1}-17`,
    jobTitle: 'Analyst',
  },
}));
const QUASI = ['department', 'gender', 'location'];

let project: TestProject;

const stored = (column: string) =>
  project.db.prepare(`SELECT ${column} FROM participant ORDER BY id`).pluck().all() as unknown[];

describe('the risk report', () => {
  beforeEach(async () => {
    project = await openTestProject();
    seedParticipants(project.db, ROSTER);
  });
  afterEach(() => project.close());

  it('counts uniques, k, violations and class sizes on the chosen quasi-identifiers as ARX and sdcMicro do', async () => {
    const report = await project.call('anonymize.risk', { quasiIdentifiers: QUASI });
    expect(report).toMatchObject({
      participants: 10,
      uniques: 3,
      k: 1,
      classCount: 6,
      violating: { 2: 3, 3: 7, 5: 10 },
      participantsWithMissing: 1,
      quasiIdentifiers: QUASI,
    });
    expect(report.classSizes).toEqual([
      { label: '1', classes: 3, participants: 3 },
      { label: '2', classes: 2, participants: 4 },
      { label: '3–4', classes: 1, participants: 3 },
      { label: '5–9', classes: 0, participants: 0 },
      { label: '10 or more', classes: 0, participants: 0 },
    ]);
    expect(report.smallestClasses).toEqual([
      { values: ['Legal', 'F', 'York'], size: 1 },
      { values: ['Facilities', 'F', 'York'], size: 1 },
      { values: ['Finance', 'F', null], size: 1 },
      { values: ['Finance', 'M', 'Leeds'], size: 2 },
      { values: ['HR', 'F', 'York'], size: 2 },
      { values: ['Finance', 'F', 'Leeds'], size: 3 },
    ]);
  });

  it('treats a missing value as a value of its own (ARX), not as a wildcard (sdcMicro)', async () => {
    // With sdcMicro's wildcard the participant with no location would join Finance F Leeds (3 + 1).
    const report = await project.call('anonymize.risk', { quasiIdentifiers: ['department', 'location'] });
    expect(report.smallestClasses.find((each) => each.values[1] === null)).toEqual({
      values: ['Finance', null],
      size: 1,
    });
  });

  it('lists the quasi-identifiers participants have values for, built-in columns first, with their kind', async () => {
    const report = await project.call('anonymize.risk', { quasiIdentifiers: [] });
    expect(
      report.available.map(({ id, label, kind, generalisable }) => [id, label, kind, generalisable]),
    ).toEqual([
      ['cohort', 'Cohort', 'category', false],
      ['department', 'Department', 'category', true],
      ['location', 'Location', 'category', true],
      ['gender', 'Gender', 'category', true],
      ['attributes.age', 'Age', 'number', true],
      ['attributes.jobTitle', 'Job title', 'category', true],
      ['attributes.startDate', 'Start date', 'date', true],
    ]);
    expect(report.available.find((each) => each.id === 'location')).toMatchObject({
      participantsWithValue: 9,
      distinctValues: 2,
    });
    // With nothing chosen everyone is alike.
    expect(report).toMatchObject({ uniques: 0, k: 10, classCount: 1 });
  });

  it('refuses an attribute nobody has, naming it', async () => {
    const error = await project.failure('anonymize.risk', { quasiIdentifiers: ['department', 'level'] });
    expect(error).toEqual({
      code: 'INVALID_ARGUMENTS',
      message: expect.stringContaining('No participant has a value for the attribute “level”'),
    });
  });
});

describe('generalising an attribute', () => {
  beforeEach(async () => {
    project = await openTestProject();
    seedParticipants(project.db, ROSTER);
  });
  afterEach(() => project.close());

  const groupRare: GeneralisationRule = { kind: 'groupRare', threshold: 3 };

  it('previews how many participants change and the risk before and after, writing nothing', async () => {
    const preview = await project.call('anonymize.previewGeneralisation', {
      attribute: 'department',
      rule: groupRare,
      quasiIdentifiers: QUASI,
    });
    expect(preview).toMatchObject({ attribute: 'department', label: 'Department', participantsChanged: 4 });
    expect(preview.changes).toEqual([
      { from: 'HR', to: 'Other', participants: 2 },
      { from: 'Facilities', to: 'Other', participants: 1 },
      { from: 'Legal', to: 'Other', participants: 1 },
    ]);
    expect(preview.before).toMatchObject({ uniques: 3, k: 1, classCount: 6 });
    expect(preview.after).toEqual({
      participants: 10,
      uniques: 1,
      k: 1,
      classCount: 4,
      violating: { 2: 1, 3: 3, 5: 10 },
    });
    expect(stored('department')).toContain('Legal');
  });

  it('rewrites the attribute in the store and audits the rule and the count, never a value', async () => {
    const result = await project.call('anonymize.generalise', {
      attribute: 'department',
      rule: groupRare,
      quasiIdentifiers: QUASI,
    });
    expect(result.participantsChanged).toBe(4);
    expect(result.report).toMatchObject({ uniques: 1, classCount: 4 });
    expect(stored('department')).toEqual([
      ...Array<string>(5).fill('Finance'),
      'Other',
      'Other',
      'Other',
      'Other',
      'Finance',
    ]);
    const audit = await project.call('project.audit', { offset: 0, limit: 5 });
    const entry = audit.entries.find((each) => each.action === 'anonymize.generalise');
    expect(entry).toMatchObject({ objectType: 'participant attribute', objectId: 'department' });
    expect(JSON.parse(entry!.detail!)).toEqual({ rule: 'groupRare', threshold: 3, participantsChanged: 4 });
    for (const value of ['HR', 'Legal', 'Facilities', 'Finance', 'Other'])
      expect(entry!.detail).not.toContain(value);
  });

  it('changes nothing, and audits nothing, when the rule changes no one', async () => {
    const result = await project.call('anonymize.generalise', {
      attribute: 'gender',
      rule: { kind: 'groupRare', threshold: 2 },
      quasiIdentifiers: QUASI,
    });
    expect(result.participantsChanged).toBe(0);
    const audit = await project.call('project.audit', { offset: 0, limit: 5 });
    expect(audit.entries.some((each) => each.action === 'anonymize.generalise')).toBe(false);
  });

  it('bands a custom number attribute with bottom and top codes, keeping it in the attributes', async () => {
    const result = await project.call('anonymize.generalise', {
      attribute: 'attributes.age',
      rule: { kind: 'bands', width: 10, bottom: 25, top: 60 },
      quasiIdentifiers: ['attributes.age'],
    });
    expect(result.participantsChanged).toBe(10);
    const ages = stored("json_extract(attributes, '$.age')");
    expect(ages).toEqual([
      '<25',
      '30–39',
      '30–39',
      '40–49',
      '60+',
      '25–29',
      '30–39',
      '50–59',
      '40–49',
      '30–39',
    ]);
    expect(stored("json_extract(attributes, '$.jobTitle')")).toEqual(Array(10).fill('Analyst'));
    expect(result.report.available.find((each) => each.id === 'attributes.age')?.kind).toBe('category');
  });

  it('coarsens a date attribute to its quarter, leaving a missing date missing', async () => {
    await project.call('anonymize.generalise', {
      attribute: 'attributes.startDate',
      rule: { kind: 'dates', precision: 'quarter' },
      quasiIdentifiers: [],
    });
    expect(stored("json_extract(attributes, '$.startDate')")).toEqual([
      ...['2021-Q1', '2021-Q1', '2021-Q1', '2021-Q2', '2021-Q2', '2021-Q2', '2021-Q3', '2021-Q3', '2021-Q3'],
      '',
    ]);
  });

  it('says why a rule does not fit an attribute, and refuses the program structure', async () => {
    expect(
      (
        await project.failure('anonymize.previewGeneralisation', {
          attribute: 'department',
          rule: { kind: 'bands', width: 10 },
          quasiIdentifiers: [],
        })
      ).message,
    ).toBe('Department has 10 value(s) that are not numbers; only numbers can be banded or coded.');
    expect(
      (
        await project.failure('anonymize.generalise', {
          attribute: 'cohort',
          rule: groupRare,
          quasiIdentifiers: [],
        })
      ).message,
    ).toBe("Cohort is part of the program's structure and cannot be generalised.");
    expect(
      (
        await project.failure('anonymize.generalise', {
          attribute: 'attributes.age',
          rule: { kind: 'topBottom' },
          quasiIdentifiers: [],
        })
      ).message,
    ).toContain('Give a bottom code, a top code or both.');
  });
});

describe('generaliseValues', () => {
  it('top- and bottom-codes only the extremes, keeping other values as they were', () => {
    expect(generaliseValues([17, '40', 70, null], { kind: 'topBottom', bottom: 18, top: 65 }, 'Age')).toEqual(
      ['<18', '40', '65+', null],
    );
  });

  it('merges rare categories until "Other" is itself large enough', () => {
    // A alone (1) would just be renamed; B (2) joins it so that Other holds 3.
    expect(
      generaliseValues(['A', 'B', 'B', 'C', 'C', 'C', 'C'], { kind: 'groupRare', threshold: 2 }, 'Site'),
    ).toEqual(['Other', 'Other', 'Other', 'C', 'C', 'C', 'C']);
  });

  it('coarsens dates to month and year', () => {
    expect(
      generaliseValues(['2024-02-29', '2023-12-01T10:00:00Z'], { kind: 'dates', precision: 'month' }, 'D'),
    ).toEqual(['2024-02', '2023-12']);
    expect(generaliseValues(['2024-02-29'], { kind: 'dates', precision: 'year' }, 'D')).toEqual(['2024']);
    expect(() => generaliseValues(['2023-02-29'], { kind: 'dates', precision: 'year' }, 'Start')).toThrow(
      'Start has 1 value(s) that are not whole dates',
    );
  });
});
