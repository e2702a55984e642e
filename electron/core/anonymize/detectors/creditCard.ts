import { finding, type Detector, type PiiFinding } from '../finding';
import { matchesOf, onlyDigits, passesLuhn } from './characters';

/**
 * Payment card numbers: 13 to 19 digits, optionally grouped by one kind of separator (space or dash),
 * with a valid Luhn check digit and an issuer prefix that exists. The regex is a bounded repetition of a
 * digit and an optional separator, so it cannot backtrack more than 19 steps from any position.
 */
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;

/** Issuer identification prefixes of the card schemes in use (Visa, Mastercard, Amex, Discover, JCB, ...). */
const ISSUER = /^(?:4|5[1-5]|2[2-7]|3[47]|3[068]|6(?:011|5|4[4-9]|2)|35|50|5[6-9]|67|1)/;

function hasOneKindOfSeparator(candidate: string): boolean {
  return !(candidate.includes(' ') && candidate.includes('-'));
}

export const detectCreditCards: Detector = (text) => {
  const found: PiiFinding[] = [];
  for (const match of matchesOf(CARD, text)) {
    let candidate = match[0];
    // A trailing separator is not part of the number.
    while (candidate.endsWith(' ') || candidate.endsWith('-')) candidate = candidate.slice(0, -1);
    if (!hasOneKindOfSeparator(candidate)) continue;
    const digits = onlyDigits(candidate);
    if (digits.length < 13 || digits.length > 19) continue;
    if (/^(\d)\1+$/.test(digits)) continue;
    if (!ISSUER.test(digits) || !passesLuhn(digits)) continue;
    found.push(
      finding(match.index, match.index + candidate.length, 'CREDIT_CARD', 0.95, 'card number with valid Luhn digit'),
    );
  }
  return found;
};
