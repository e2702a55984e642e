/**
 * Generalisation of quasi-identifiers: values that identify nobody alone but single people out together
 * (age, birth date, start date, department, postcode). Each function coarsens one value; the evaluator picks
 * the coarseness, and disclosure.ts measures whether it was coarse enough.
 */

export interface BandOptions {
  /** Band width (10 gives 30–39). */
  width: number;
  /** Values below this are reported as "<bottom" (bottom coding). */
  bottom?: number;
  /** Values at or above this are reported as "top+" (top coding). */
  top?: number;
}

/** 34 -> "30–39"; with bottom 18 and top 65: 16 -> "<18", 70 -> "65+". Bands start at multiples of width. */
export function numberToBand(value: number, options: BandOptions): string {
  if (!Number.isFinite(value)) throw new Error('Only finite numbers can be banded.');
  if (!(options.width > 0)) throw new Error('A band width must be positive.');
  if (options.bottom !== undefined && value < options.bottom) return `<${options.bottom}`;
  if (options.top !== undefined && value >= options.top) return `${options.top}+`;
  const low = Math.floor(value / options.width) * options.width;
  const from = options.bottom !== undefined ? Math.max(low, options.bottom) : low;
  const to = low + options.width - 1;
  const upper = options.top !== undefined ? Math.min(to, options.top - 1) : to;
  return Number.isInteger(options.width) ? `${from}–${upper}` : `${from}–${low + options.width}`;
}

/** Top and bottom coding of a number without banding: extreme values are pulled in to the thresholds. */
export function topBottomCode(value: number, limits: { bottom?: number; top?: number }): number | string {
  if (limits.bottom !== undefined && value < limits.bottom) return `<${limits.bottom}`;
  if (limits.top !== undefined && value >= limits.top) return `${limits.top}+`;
  return value;
}

/** Age in whole years on a given day (birthdays on 29 February count from 1 March in common years). */
export function ageOn(birthDate: Date, onDate: Date): number {
  let age = onDate.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    onDate.getUTCMonth() < birthDate.getUTCMonth() ||
    (onDate.getUTCMonth() === birthDate.getUTCMonth() && onDate.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export function birthDateToAgeBand(birthDate: Date, onDate: Date, options: BandOptions): string {
  return numberToBand(ageOn(birthDate, onDate), options);
}

/** 2021-03-17 -> "2021-03". */
export function dateToMonth(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** 2021-03-17 -> "2021-Q1". */
export function dateToQuarter(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export function dateToYear(date: Date): string {
  return String(date.getUTCFullYear());
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Reads a date as people write it in free text ("12/03/2021", "2021-03-12", "3rd March 2021", "March 3, 2021").
 * Numeric dates are read day-first unless `monthFirst` (US projects) or the first number is over 12.
 * Returns null when the text is not a whole date.
 */
export function parseWrittenDate(text: string, monthFirst = false): Date | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return utcDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    let day = Number(m[1]);
    let month = Number(m[2]);
    if ((monthFirst && month <= 31 && day <= 12) || day > 31 || (month > 12 && day <= 12))
      [day, month] = [month, day];
    return utcDate(fullYear(m[3]!), month, day);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)?[ -]([a-z]{3,9})\.?,?[ -](\d{2}|\d{4})$/.exec(t);
  if (m) return utcDate(fullYear(m[3]!), monthIndex(m[2]!), Number(m[1]));
  m = /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(t);
  if (m) return utcDate(Number(m[3]), monthIndex(m[1]!), Number(m[2]));
  return null;
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 4 ? n : n + (n > 50 ? 1900 : 2000);
}

function monthIndex(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3));
  return i < 0 ? 0 : i + 1;
}

function utcDate(year: number, month: number, day: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date : null;
}

export interface RareCategoryOptions {
  /** Categories with fewer members than this are merged into `other`. */
  threshold: number;
  other?: string;
}

/**
 * Groups rare categories into "Other". If the merged group would itself be smaller than the threshold (one
 * rare category alone would just be renamed), the next smallest categories are merged in until it is not,
 * or nothing is left to merge. Returns the mapping from each original category to what is shown.
 */
export function groupRareCategories(
  values: readonly string[],
  options: RareCategoryOptions,
): Map<string, string> {
  const other = options.other ?? 'Other';
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const bySize = [...counts].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const merged = new Set(bySize.filter(([, n]) => n < options.threshold).map(([v]) => v));
  let mergedCount = bySize.filter(([v]) => merged.has(v)).reduce((s, [, n]) => s + n, 0);
  for (const [value, n] of bySize) {
    if (merged.size === 0 || mergedCount >= options.threshold) break;
    if (merged.has(value)) continue;
    merged.add(value);
    mergedCount += n;
  }
  const mapping = new Map<string, string>();
  for (const value of counts.keys()) mapping.set(value, merged.has(value) ? other : value);
  return mapping;
}
