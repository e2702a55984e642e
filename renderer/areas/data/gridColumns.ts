import type { DataColumn, DataValue } from '../../../shared/data';
import { formatWhen } from '../../format';

/**
 * How the data browser shows a column: wide enough for its whole heading and its filter, and its values in the
 * evaluator's words (a moment in time as a date and time, not an ISO string).
 */

/** Pixels for a heading of this many characters, with room for the sort and filter marks. */
export function columnMinWidth(column: DataColumn): number {
  const heading = column.label.length * 8.5 + 56;
  const value = column.type === 'date' ? 165 : column.type === 'number' ? 110 : 140;
  return Math.round(Math.max(heading, value));
}

/** A stored value as shown: an ISO date-time in the locale's words; a plain date, a number or text as it is. */
export function shownValue(value: DataValue | undefined, column: DataColumn): string {
  if (value === null || value === undefined) return '';
  if (column.type === 'date' && typeof value === 'string' && value.includes('T')) return formatWhen(value);
  return String(value);
}
