import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { finding, type Detector, type PiiFinding } from '../finding';
import { matchesOf } from './characters';

/**
 * International bank account numbers: country code, two check digits, then the account in groups of up to
 * four (separated by single spaces or dashes, one kind) or run together. The candidate may run into the next
 * upper-case word ("... 8901 X in a sentence"), so groups are dropped from the end until ibantools accepts
 * the checksum and the country's length. Lower-case letters are refused, as Presidio does.
 */
const IBAN_RUN =
  /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[A-Z0-9]{1,30}|(?: [A-Z0-9]{1,4}){1,9}|(?:-[A-Z0-9]{1,4}){1,9})/g;

function prefixes(candidate: string): string[] {
  const separator = candidate.includes(' ') ? ' ' : candidate.includes('-') ? '-' : '';
  if (!separator) return [candidate];
  const groups = candidate.split(separator);
  const out: string[] = [];
  for (let n = groups.length; n >= 2; n -= 1) out.push(groups.slice(0, n).join(separator));
  return out;
}

export const detectIbans: Detector = (text) => {
  const found: PiiFinding[] = [];
  for (const match of matchesOf(IBAN_RUN, text)) {
    for (const candidate of prefixes(match[0])) {
      const next = text.charCodeAt(match.index + candidate.length);
      const glued = !Number.isNaN(next) && /[A-Za-z0-9]/.test(String.fromCharCode(next));
      if (glued) continue;
      if (isValidIBAN(electronicFormatIBAN(candidate) ?? '')) {
        found.push(
          finding(match.index, match.index + candidate.length, 'IBAN_CODE', 1, 'IBAN with valid checksum'),
        );
        break;
      }
    }
  }
  return found;
};
