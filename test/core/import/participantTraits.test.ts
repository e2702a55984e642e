import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importIntoProject, previewSource } from '../../../electron/core/import/importJob';
import { riskReport } from '../../../electron/core/anonymize/riskReport';
import { readTraitRoles, storedTraitValue } from '../../../electron/core/import/participantTraits';
import type { ColumnRule } from '../../../electron/core/import/validation';
import { closeProject, createProject, openProject } from '../../../electron/core/store/projectFile';

const PASS = 'correct horse battery staple';
const ROSTER = `Employee ID,Email,Full name,Grade,Site,Gender,Years of service,Date of birth,Phone,Home office,Notes
E1001,amara.okafor@example.org,Amara Okafor,G7,Leeds,Female,3,1984-05-02,07911 123456,Yes,Prefers mornings; cc amara.okafor@gmail.com
E1002,ben.smith@example.org,Ben Smith,G6,York,Male,12,1990-11-30,07911 654321,No,
`;

let dir: string;
let projectPath: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'confidant-traits-'));
  projectPath = path.join(dir, 'p.confidant');
  closeProject(createProject(projectPath, PASS, 'test'), 'test');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a roster’s participant traits', () => {
  it('are suggested from the headings, with a role for each column', async () => {
    const file = path.join(dir, 'roster.csv');
    writeFileSync(file, ROSTER);
    const preview = await previewSource(file);
    const byHeading = new Map(preview.columns.map((column) => [column.heading, column]));
    expect(byHeading.get('Grade')?.field).toBe('level');
    expect(byHeading.get('Site')?.field).toBe('location');
    expect(byHeading.get('Gender')?.field).toBe('gender');
    expect(byHeading.get('Years of service')?.field).toBe('tenureBand');
    expect(byHeading.get('Date of birth')?.field).toBe('birthDate');
    expect(byHeading.get('Email')?.role).toBe('direct-identifier');
    expect(byHeading.get('Phone')?.role).toBe('direct-identifier');
    expect(byHeading.get('Gender')?.role).toBe('quasi-identifier');
    expect(byHeading.get('Notes')?.role).toBe('free-text');
  });

  it('are stored as the roles say: birth dates as age bands, direct identifiers dropped, free text redacted', async () => {
    const file = path.join(dir, 'roster.csv');
    writeFileSync(file, ROSTER);
    const preview = await previewSource(file);
    const columns = preview.columns.map(({ confidence: _c, reason: _r, ...column }) => {
      if (['Phone', 'Home office', 'Notes'].includes(column.heading))
        return { ...column, field: 'attribute' as const };
      if (column.heading === 'Years of service')
        return { ...column, generalise: { to: 'bands' as const, width: 5 } };
      return column;
    });
    const summary = await importIntoProject(
      {
        projectPath,
        passphrase: PASS,
        source: file,
        actor: 'test',
        plan: { kind: 'roster', columns, skipInvalidRows: false, addUnknownParticipants: false, options: {} },
      },
      () => undefined,
    );
    expect(summary.committed).toBe(true);
    const project = openProject(projectPath, PASS, 'test');
    try {
      const rows = project.db
        .prepare('SELECT level, location, gender, tenure_band, attributes FROM participant ORDER BY id')
        .all() as {
        level: string;
        location: string;
        gender: string;
        tenure_band: string;
        attributes: string;
      }[];
      expect(rows[0]).toMatchObject({ level: 'G7', location: 'Leeds', gender: 'Female', tenure_band: '0–4' });
      expect(rows[1]).toMatchObject({ tenure_band: '10–14' });
      const attributes = rows.map((row) => JSON.parse(row.attributes) as Record<string, string>);
      expect(attributes[0]!.ageBand).toMatch(/^\d0–\d9$/);
      expect(attributes[0]!['Home office']).toBe('Yes');
      expect(attributes[0]!.Notes).toBe('Prefers mornings; cc [EMAIL_ADDRESS-1]');
      expect(attributes[0]).not.toHaveProperty('Phone');
      const everything = JSON.stringify(project.db.prepare('SELECT * FROM participant').all());
      for (const secret of ['1984-05-02', '07911', 'amara.okafor@gmail.com'])
        expect(everything).not.toContain(secret);
      expect(readTraitRoles(project.db)).toMatchObject({
        level: 'quasi-identifier',
        gender: 'quasi-identifier',
        ageBand: 'quasi-identifier',
        Notes: 'free-text',
      });
      expect(readTraitRoles(project.db)).not.toHaveProperty('Phone');
      const offered = riskReport(project.db, ['gender', 'location', 'attributes.ageBand']);
      expect(offered.available.map((info) => info.id)).toEqual(
        expect.arrayContaining([
          'level',
          'location',
          'gender',
          'tenure',
          'attributes.ageBand',
          'attributes.Home office',
        ]),
      );
      expect(offered.available.map((info) => info.id)).not.toContain('attributes.Notes');
      expect(offered.uniques).toBe(2);
    } finally {
      closeProject(project, 'test');
    }
  });
});

describe('storedTraitValue', () => {
  const rule = (change: Partial<ColumnRule>): ColumnRule => ({
    index: 0,
    heading: 'x',
    field: 'attribute',
    ...change,
  });
  const on = new Date('2026-11-22T00:00:00Z');

  it('keeps a birth date only as the age band on the day of import (ten years unless the plan says)', () => {
    expect(storedTraitValue('1984-05-02', rule({ field: 'birthDate' }), on)).toBe('40–49');
    expect(
      storedTraitValue('1984-11-23', rule({ field: 'birthDate', generalise: { to: 'bands', width: 5 } }), on),
    ).toBe('40–44');
    expect(
      storedTraitValue(
        '2000-01-01',
        rule({ field: 'birthDate', generalise: { to: 'bands', width: 10, top: 60 } }),
        on,
      ),
    ).toBe('20–29');
  });

  it('bands ages, top-codes them, and turns dates into months, quarters or years', () => {
    expect(
      storedTraitValue(67, rule({ field: 'age', generalise: { to: 'bands', width: 10, top: 65 } }), on),
    ).toBe('65+');
    expect(storedTraitValue('2021-08-17', rule({ generalise: { to: 'quarter' } }), on)).toBe('2021-Q3');
    expect(storedTraitValue('2021-08-17', rule({ generalise: { to: 'month' } }), on)).toBe('2021-08');
    expect(storedTraitValue('Leeds', rule({}), on)).toBe('Leeds');
  });
});
