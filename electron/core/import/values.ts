import { quoteValue } from './problems';

/**
 * Turning the text of a cell into a number, a date, a yes/no or a point on an answer scale. Each parser says
 * precisely what it expected when it fails, so the evaluator can fix the cell in the source file.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(expected: string, message: string): Parsed<T> => ({ ok: false, expected, message });

// ---------------------------------------------------------------------------------------------- numbers

/** How a column writes its numbers: 1,234.5 (decimal point) or 1.234,5 (decimal comma, most of Europe). */
export type DecimalMark = '.' | ',';

const GROUPING_SPACES = /[\s\u00a0\u202f']/g;
const CURRENCY = /^[£$€¥]|[£$€¥]$/g;

/**
 * Decides a column's decimal mark from its values: "3,5" or "1.234,56" mean a decimal comma; "3.5" or
 * "1,234.56" a decimal point. Values like "1,234" fit both and do not vote. Returns null when nothing decides.
 */
export function inferDecimalMark(samples: Iterable<string>): DecimalMark | null {
  let comma = 0;
  let point = 0;
  for (const raw of samples) {
    const text = raw.replace(GROUPING_SPACES, '').replace(CURRENCY, '');
    if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(text) || /^-?\d+,(\d{1,2}|\d{4,})$/.test(text)) comma++;
    else if (/^-?\d{1,3}(,\d{3})+\.\d+$/.test(text) || /^-?\d+\.(\d{1,2}|\d{4,})$/.test(text)) point++;
  }
  if (comma === 0 && point === 0) return null;
  return comma > point ? ',' : '.';
}

/**
 * Parses a number written by a person or a spreadsheet: thousands separators (1,234 / 1.234 / 1 234 / 1'234),
 * a decimal comma or point, a currency sign, a trailing percent sign (45% -> 45), accounting negatives (12).
 * `decimal` says which mark the column uses; without it, 1,234 is read as one thousand two hundred and thirty-four.
 */
const PLAIN_INTEGER = /^-?\d{1,15}$/;
const PLAIN_POINT_DECIMAL = /^-?\d{1,15}\.\d{1,15}$/;
const groupedNumber = {
  '.': /^\d{1,3}(,\d{3})+(\.\d*)?$/,
  ',': /^\d{1,3}(\.\d{3})+(,\d*)?$/,
};
const plainNumber = {
  '.': /^(\d+(\.\d*)?|\.\d+)$/,
  ',': /^(\d+(,\d*)?|,\d+)$/,
};

export function parseNumber(raw: string, decimal: DecimalMark | null = null): Parsed<number> {
  // The common case, a plain integer or point decimal, needs none of the checks below.
  if (PLAIN_INTEGER.test(raw) || (decimal !== ',' && PLAIN_POINT_DECIMAL.test(raw))) return ok(Number(raw));
  const expected =
    decimal === ',' ? 'a number such as 1234,5 or 1.234,5' : 'a number such as 1234.5 or 1,234.5';
  let text = raw.trim();
  if (text === '') return fail(expected, 'The cell is empty; a number was expected.');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  text = text.replace(GROUPING_SPACES, '').replace(CURRENCY, '').replace(/%$/, '');
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  const mark = decimal ?? guessMark(text);
  const group = mark === ',' ? '.' : ',';
  let normal: string;
  if (groupedNumber[mark].test(text)) normal = text.split(group).join('');
  else if (plainNumber[mark].test(text)) normal = text;
  else if (/^\d+(\.\d+)?e[+-]?\d+$/i.test(text)) normal = text;
  else {
    const why = /\d/.test(text)
      ? text.includes(group) && decimal
        ? ` (this column uses "${mark}" as its decimal mark, so "${group}" may only group thousands)`
        : ''
      : '';
    return fail(expected, `${quoteValue(raw)} is not a number${why}; expected ${expected}.`);
  }
  const value = Number(mark === ',' ? normal.replace(',', '.') : normal);
  if (!Number.isFinite(value)) return fail(expected, `${quoteValue(raw)} is too large to be a number.`);
  return ok(negative ? -value : value);
}

function guessMark(text: string): DecimalMark {
  const lastComma = text.lastIndexOf(',');
  const lastPoint = text.lastIndexOf('.');
  if (lastComma >= 0 && lastPoint >= 0) return lastComma > lastPoint ? ',' : '.';
  if (lastComma >= 0 && !/^\d{1,3}(,\d{3})+$/.test(text)) return ',';
  return '.';
}

// ------------------------------------------------------------------------------------------------ dates

/** The order of day and month in a column's slash dates: 03/12/2024 is 3 December (dmy) or March 12 (mdy). */
export type DateOrder = 'dmy' | 'mdy';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMERIC_DATE =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** 2024/03/12, and Google Forms' timestamp: 2024/03/12 9:05:01 AM GMT (the zone is the form's, kept as written). */
const SLASH_YMD =
  /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?(?:\s*(?:gmt|utc)(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?$/i;
const DAY_MONTH_NAME =
  /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{2}|\d{4})$/i;
const MONTH_NAME_DAY = /^(?:[a-z]+,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;

export interface DateColumnStyle {
  order: DateOrder | null;
  /** The column holds Excel's day numbers (45000 = 2023-03-15) rather than written dates. */
  excelSerials: boolean;
}

/**
 * Decides how a column writes its dates from all its values: a first part above 12 means day-first, a second
 * part above 12 means month-first. A column with both is inconsistent and reported, not guessed.
 */
export function inferDateStyle(samples: Iterable<string>): DateColumnStyle & { conflict: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  let serials = 0;
  let values = 0;
  for (const raw of samples) {
    const text = raw.trim();
    if (!text) continue;
    values++;
    const m = NUMERIC_DATE.exec(text);
    if (m) {
      if (Number(m[1]) > 12) dayFirst = true;
      if (Number(m[2]) > 12) monthFirst = true;
    } else if (/^\d{4,5}(\.\d+)?$/.test(text) && Number(text) >= 1 && Number(text) < 2958466) serials++;
  }
  return {
    order: dayFirst && !monthFirst ? 'dmy' : monthFirst && !dayFirst ? 'mdy' : null,
    excelSerials: values > 0 && serials === values,
    conflict: dayFirst && monthFirst,
  };
}

function isoFrom(year: number, month: number, day: number, time?: [number, number, number]): Parsed<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1)
    return fail('a real calendar date', `there is no day ${day} in month ${month} of ${year}`);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!time) return ok(iso);
  const [h, m, s] = time;
  if (h > 23 || m > 59 || s > 59) return fail('a time of day', `${h}:${pad(m)} is not a time of day`);
  return ok(`${iso}T${pad(h)}:${pad(m)}:${pad(s)}`);
}

/** A written time of day (12- or 24-hour clock) as hours, minutes and seconds; undefined when there is none. */
function clockTime(
  hours: string | undefined,
  minutes: string | undefined,
  seconds: string | undefined,
  meridiem: string | undefined,
): [number, number, number] | undefined {
  if (hours === undefined) return undefined;
  let hour = +hours;
  const half = meridiem?.toLowerCase();
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  return [hour, +minutes!, +(seconds ?? 0)];
}

const fullYear = (y: string) => (y.length === 2 ? (Number(y) < 70 ? 2000 : 1900) + Number(y) : Number(y));

/** Excel's day number (1900 date system, with its phantom 29 February 1900) to an ISO date. */
export function excelSerialToIso(serial: number): string {
  const days = Math.floor(serial);
  const epoch = Date.UTC(1899, 11, days < 61 ? 31 : 30);
  const ms = epoch + days * 86_400_000 + Math.round((serial - days) * 86_400) * 1000;
  const iso = new Date(ms).toISOString();
  return serial === days ? iso.slice(0, 10) : iso.slice(0, 19);
}

/**
 * Parses a date: ISO (2024-03-12, with or without a time), 12/03/2024 in the column's order, 2024/03/12,
 * "12 Mar 2024", "March 12, 2024", and Excel day numbers when the column holds them. Returns an ISO string.
 */
export function parseDate(raw: string, style: Partial<DateColumnStyle> = {}): Parsed<string> {
  const text = raw.trim();
  const expected = 'a date such as 2024-03-12, 12/03/2024 or 12 Mar 2024';
  if (!text) return fail(expected, 'The cell is empty; a date was expected.');
  const wrap = (r: Parsed<string>): Parsed<string> =>
    r.ok ? r : fail(r.expected, `${quoteValue(raw)} is not a valid date: ${r.message}.`);
  let m = ISO_DATE.exec(text);
  if (m)
    return wrap(
      isoFrom(+m[1]!, +m[2]!, +m[3]!, m[4] !== undefined ? [+m[4], +m[5]!, +(m[6] ?? 0)] : undefined),
    );
  if ((m = SLASH_YMD.exec(text)))
    return wrap(isoFrom(+m[1]!, +m[2]!, +m[3]!, clockTime(m[4], m[5], m[6], m[7])));
  if ((m = NUMERIC_DATE.exec(text))) {
    const a = +m[1]!;
    const b = +m[2]!;
    let order = style.order ?? null;
    if (!order) {
      if (a > 12) order = 'dmy';
      else if (b > 12) order = 'mdy';
      else if (a !== b)
        return fail(
          'a date whose day and month can be told apart',
          `${quoteValue(raw)} could be day ${a} of month ${b} or month ${a} day ${b}; choose the column's date order (on the command line: --date-order dmy or mdy).`,
        );
      else order = 'dmy';
    }
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    return wrap(isoFrom(fullYear(m[3]!), month, day, clockTime(m[4], m[5], m[6], m[7])));
  }
  const named = DAY_MONTH_NAME.exec(text) ?? null;
  const named2 = named ? null : MONTH_NAME_DAY.exec(text);
  if (named || named2) {
    const [dayText, monthText, yearText] = named
      ? [named[1]!, named[2]!, named[3]!]
      : [named2![2]!, named2![1]!, named2![3]!];
    const month = MONTHS.indexOf(monthText.slice(0, 3).toLowerCase()) + 1;
    if (month === 0)
      return fail(expected, `${quoteValue(raw)} is not a date: ${quoteValue(monthText)} is not a month.`);
    return wrap(isoFrom(fullYear(yearText), month, +dayText));
  }
  if (style.excelSerials && /^\d+(\.\d+)?$/.test(text)) {
    const serial = Number(text);
    if (serial >= 1 && serial < 2958466) return ok(excelSerialToIso(serial));
  }
  return fail(expected, `${quoteValue(raw)} is not a date; expected ${expected}.`);
}

// --------------------------------------------------------------------------------------------- yes / no

const YES = new Set(['yes', 'y', 'true', 't', '1', 'on', 'checked', 'x', 'ja', 'oui', 'si', 'sí']);
const NO = new Set(['no', 'n', 'false', 'f', '0', 'off', 'unchecked', 'nein', 'non']);

export function parseBoolean(raw: string): Parsed<boolean> {
  const text = raw.trim().toLowerCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return fail('yes or no', `${quoteValue(raw)} is not yes or no; expected Yes/No, True/False or 1/0.`);
}
