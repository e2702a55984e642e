import { finding, type Detector, type PiiFinding } from '../finding';
import { contextBefore, matchesOf } from './characters';

/**
 * Dates that can pin down a person (dates of birth, of an incident, of a meeting): numeric day/month/year in
 * the usual orders, ISO 8601 timestamps, and dates with a month name. A month or a weekday on its own ("in
 * May") identifies nobody and is left alone; a bare year is flagged only after "born".
 */
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const ORD = '(?:st|nd|rd|th)?';
const PATTERNS: Array<{ regex: RegExp; reason: string; score: number }> = [
  {
    regex:
      /(?<![\w.:/-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?(?![\w/-]|\.\d)/g,
    reason: 'ISO 8601 date',
    score: 0.85,
  },
  {
    // 5/20/2021, 21.5.2021, 21/05/21, 5-20-2021: one kind of separator.
    regex: /(?<![\w.:/-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|[.:]\d)/g,
    reason: 'numeric date',
    score: 0.8,
  },
  {
    // 5/2021, 05/21 (month/year); the second part must not be a plausible day or a mark out of 10 or 12.
    regex: /(?<![\w.:/-])(0?[1-9]|1[0-2])\/(\d{4}|1[3-9]|[2-9]\d)(?![\w/-]|[.:]\d)/g,
    reason: 'month and year',
    score: 0.6,
  },
  {
    regex: new RegExp(
      `(?<![\\w-])\\d{1,2}${ORD}(?: of)?[ -]${MONTH}\\.?(?:,? \\d{4}|-\\d{2,4})?(?![\\w-])`,
      'gi',
    ),
    reason: 'day and month name',
    score: 0.8,
  },
  {
    regex: new RegExp(`(?<![\\w-])${MONTH}\\.? \\d{1,2}${ORD}(?:,? \\d{4})?(?![\\w-]|[.,:]\\d)`, 'g'),
    reason: 'month name and day',
    score: 0.75,
  },
  {
    regex: new RegExp(`(?<![\\w-])${MONTH}[ -](?:\\d{4}|\\d{2}(?![\\w-]))(?![\\w-])`, 'g'),
    reason: 'month name and year',
    score: 0.6,
  },
];
const BORN_YEAR = /\bborn (?:in |on )?((?:19|20)\d{2})(?!\d)/gi;

export const detectDates: Detector = (text) => {
  const found: PiiFinding[] = [];
  for (const { regex, reason, score } of PATTERNS) {
    for (const match of matchesOf(regex, text)) {
      if (reason === 'numeric date') {
        const a = Number(match[1]);
        const b = Number(match[3]);
        const plausible =
          (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (a >= 1 && a <= 12 && b >= 1 && b <= 31);
        if (!plausible) continue;
      }
      const born = /\b(?:born|birth|dob|d\.o\.b)\b/.test(contextBefore(text, match.index, 30));
      found.push(
        finding(
          match.index,
          match.index + match[0].length,
          'DATE_TIME',
          born ? 0.95 : score,
          born ? `${reason} (date of birth)` : reason,
        ),
      );
    }
  }
  for (const match of matchesOf(BORN_YEAR, text)) {
    const start = match.index + match[0].length - 4;
    found.push(finding(start, start + 4, 'DATE_TIME', 0.7, 'year of birth'));
  }
  return found;
};
