import { describe, expect, it } from 'vitest';
import { detectAges } from '../../../electron/core/anonymize/detectors/age';
import { detectUsernames } from '../../../electron/core/anonymize/detectors/username';
import type { PiiFinding } from '../../../electron/core/anonymize/finding';
import { nameModel } from '../../../electron/core/anonymize/names/nameModel';
import { tagNames } from '../../../electron/core/anonymize/names/sequenceTagger';
import { buildRosterNameIndex, createRosterMatcher } from '../../../electron/core/anonymize/rosterNames';
import { scanForPii, type ScanOptions } from '../../../electron/core/anonymize/scan';

/**
 * The free-text scan on text nobody here wrote: people, places, organisations, dates, ages and @handles, each
 * category with sentences written for this test (never taken from a labelled set). The model is loaded from
 * the committed weights; nothing is trained here.
 */

const words = (text: string, findings: readonly PiiFinding[]) =>
  findings.map((f) => [...text].slice(f.start, f.end).join(''));
const found = (text: string, options: ScanOptions = {}) => scanForPii(text, options);
const ofKind = (text: string, entity: string, options: ScanOptions = {}) =>
  words(
    text,
    found(text, options).filter((f) => f.entity === entity),
  );
/** Whether at least half of `name` is covered by findings of any kind: what keeps it out of a quote. */
const masked = (text: string, name: string, options: ScanOptions = {}) => {
  const at = text.indexOf(name);
  expect(at).toBeGreaterThanOrEqual(0);
  const cps = [...text.slice(0, at)].length;
  const length = [...name].length;
  const findings = found(text, options);
  let covered = 0;
  for (let i = cps; i < cps + length; i += 1)
    if (findings.some((f) => f.start <= i && i < f.end)) covered += 1;
  return covered * 2 >= length;
};

describe('the name model', () => {
  it('loads the committed weights once and tags a sentence with calibrated confidences', () => {
    expect(nameModel()).toBe(nameModel());
    const { spans } = tagNames('Yesterday Agnieszka Wróblewska moved to Gdańsk.', nameModel());
    expect(spans.map((s) => s.kind)).toEqual(['PER', 'LOC']);
    for (const s of spans) expect(s.confidence).toBeGreaterThan(0.5);
    for (const s of spans) expect(s.confidence).toBeLessThan(1);
  });

  it('finds names in lower case, as typed or transcribed', () => {
    expect(masked('hi, my name is tomas and i run the night shift', 'tomas')).toBe(true);
    expect(masked('so then peter okafor rang me about the rota', 'peter okafor')).toBe(true);
  });

  it('finds names from other languages, with their accents', () => {
    expect(ofKind('My mentor was Zsófia Kertész, who runs the lab.', 'PERSON')).toEqual(['Zsófia Kertész']);
    expect(masked('I shadowed Bohumila Nováková for two weeks.', 'Bohumila Nováková')).toBe(true);
    expect(masked('Then Nguyễn Thị Hoa took over the cohort.', 'Nguyễn Thị Hoa')).toBe(true);
  });

  it('finds a name after a cue, and says so', () => {
    const text = "What's your surname? Lindqvist";
    expect(ofKind(text, 'PERSON')).toEqual(['Lindqvist']);
    expect(found(text)[0]?.reason).toBe('answers a question about a name');
    expect(ofKind('Name: ana silva', 'PERSON')).toEqual(['ana silva']);
    const [maiden] = found('and her maiden name is halvorsen', {}).filter((f) => f.entity === 'PERSON');
    expect(maiden?.reason).toMatch(/^follows '(maiden name|name is)'/);
  });

  it('finds surnames in a list with other names, and says how many', () => {
    const text = 'The interview panel was Okonkwo, Brandt and Lisowski.';
    for (const name of ['Okonkwo', 'Brandt', 'Lisowski']) expect(masked(text, name)).toBe(true);
    const listed = found(text).filter((f) => f.entity === 'PERSON');
    expect(listed.some((f) => /in a list with 2 other names/.test(f.reason))).toBe(true);
  });

  it('finds names written in capitals', () => {
    expect(masked('A BIG THANK YOU TO MARGARET OYELARAN FOR ORGANISING IT', 'MARGARET OYELARAN')).toBe(true);
  });

  it('finds street addresses in several countries’ forms, and towns', () => {
    expect(masked('Post it to Björkvägen 7, Umeå.', 'Björkvägen 7')).toBe(true);
    expect(masked('Our office is at Calle de Alcalá 45 in Madrid.', 'Calle de Alcalá 45')).toBe(true);
    expect(masked('She lives on Trubarjeva 12 now.', 'Trubarjeva 12')).toBe(true);
    expect(ofKind('We moved from Tampere to Kraków last year.', 'LOCATION')).toEqual(['Tampere', 'Kraków']);
  });

  it('finds organisations without a suffix word', () => {
    expect(masked('Before this I worked at Brightwater for six years.', 'Brightwater')).toBe(true);
  });

  it('does not call products, concepts and headings people', () => {
    for (const text of [
      'We drove a Toyota to the away day.',
      'Contact Details',
      'Patience and Resilience were the two themes.',
      'We used Slack and Zoom every week.',
    ])
      expect(ofKind(text, 'PERSON')).toEqual([]);
  });

  it('keeps the roster first: a roster name is found whatever the model says, even with people switched off', () => {
    const key = Buffer.alloc(32, 4);
    const roster = createRosterMatcher(
      key,
      buildRosterNameIndex(key, [{ givenNames: 'Chad', familyNames: 'Kowalczyk' }]),
    );
    const text = 'I met Chad at the depot.';
    expect(ofKind(text, 'PERSON', { roster })).toEqual(['Chad']);
    expect(ofKind(text, 'PERSON', { roster, switchedOff: ['PERSON', 'POSSIBLE_NAME'] })).toEqual(['Chad']);
    expect(ofKind('I met Ingrid at the depot.', 'PERSON', { switchedOff: ['PERSON'] })).toEqual([]);
  });

  it('leaves the structured kinds as they were: a postcode or an IBAN is not a place or a company', () => {
    expect(found('I live near CF10 3NQ.').map((f) => f.entity)).toEqual(['UK_POSTCODE']);
    expect(found('Pay it to IBAN GB82 WEST 1234 5698 7654 32 please.').map((f) => f.entity)).toEqual([
      'IBAN_CODE',
    ]);
  });
});

describe('dates', () => {
  it('finds dates of birth and exact dates, not vague times', () => {
    expect(ofKind('Date of birth: 4 March 1986', 'DATE_TIME')).toEqual(['4 March 1986']);
    expect(ofKind('We first met on 12.10.2023 at the depot.', 'DATE_TIME')).toEqual(['12.10.2023']);
    expect(ofKind('We met last week and again in May.', 'DATE_TIME')).toEqual([]);
  });
});

describe('stated ages', () => {
  const ages = (text: string) => words(text, detectAges(text, { countries: [] }));

  it('finds an age stated in the text, with what gave it away', () => {
    expect(ages('I turn 37 next month.')).toEqual(['37']);
    expect(ages('I am aged 52, so retirement is close.')).toEqual(['52']);
    expect(ages('a 29-year-old nurse')).toEqual(['29-year-old']);
    expect(ages('her son Mateusz is 12 now')).toEqual(['12']);
    expect(detectAges('Age: 41', { countries: [] })[0]?.reason).toBe("number after 'age'");
    expect(ofKind('I turn 37 next month.', 'AGE')).toEqual(['37']);
  });

  it('leaves numbers that are not ages', () => {
    expect(ages("I'm 5 minutes away.")).toEqual([]);
    expect(ages('The score is 12 out of 20.')).toEqual([]);
    expect(ages('It will be 10 minutes late.')).toEqual([]);
    expect(ages('I turn 90 degrees at the gate.')).toEqual([]);
  });
});

describe('@handles', () => {
  const handles = (text: string) => words(text, detectUsernames(text, { countries: [] }));

  it('finds @handles as user names, not inside e-mail addresses', () => {
    expect(handles('Follow @kemi_writes and @Dav1d for updates')).toEqual(['@kemi_writes', '@Dav1d']);
    expect(handles('Mail ana@example.org, not @10 or a lone @')).toEqual([]);
    expect(ofKind('thanks @siobhan.m!', 'USERNAME')).toEqual(['@siobhan.m']);
  });
});

describe('switching kinds off', () => {
  it('reports no finding of a kind the settings switched off, and every other kind as before', () => {
    const text = 'Ingrid Solberg (44) from Tromsø tweets as @ingrid_s.';
    const all = found(text).map((f) => f.entity);
    expect(all).toEqual(expect.arrayContaining(['PERSON', 'AGE', 'USERNAME']));
    const without = found(text, { switchedOff: ['AGE', 'USERNAME'] }).map((f) => f.entity);
    expect(without).not.toContain('AGE');
    expect(without).not.toContain('USERNAME');
    expect(without).toContain('PERSON');
    expect(masked(text, 'Tromsø', { switchedOff: ['AGE', 'USERNAME'] })).toBe(true);
  });
});
