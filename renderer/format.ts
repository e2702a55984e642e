/** Small formatting helpers for what the evaluator reads; kept pure so they can be tested. */

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** An ISO timestamp as the evaluator's locale writes a date and time; the raw text if it is not a date. */
export function formatWhen(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Entries 101–150 of 320" for a page of a longer list. */
export function pageSummary(offset: number, shown: number, total: number, noun = 'Entries'): string {
  if (total === 0 || shown === 0) return `No ${noun.toLowerCase()}`;
  return `${noun} ${offset + 1}–${offset + shown} of ${total}`;
}

/** How far a job has got, as a whole percentage, or undefined when the total is not known. */
export function percentDone(done: number, total: number | undefined): number | undefined {
  if (total === undefined || total <= 0) return undefined;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

/** The auto-lock setting in words. */
export function autoLockDescription(minutes: number): string {
  if (minutes <= 0) return 'Never locks by itself';
  if (minutes === 1) return 'Locks after 1 minute without activity';
  return `Locks after ${minutes} minutes without activity`;
}
