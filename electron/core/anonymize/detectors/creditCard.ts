import { finding, type Detector, type PiiFinding } from '../finding';
import { matchesOf, onlyDigits, passesLuhn } from './characters';

/**
 * Payment card numbers: 13 to 19 digits, optionally grouped by one kind of separator (space or dash),
 * with a valid Luhn check digit and an issuer prefix that exists. The regex is a bounded repetition of a
 * digit and an optional separator, so it cannot backtrack more than 19 steps from any position.
 */
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;

/** Issuer prefixes and the lengths each scheme issues (Visa, Mastercard, Amex, Diners, Discover, JCB, ...). */
const SCHEMES: Array<{ prefix: RegExp; lengths: readonly number[] }> = [
  { prefix: /^4/, lengths: [13, 16, 19] },
  { prefix: /^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/, lengths: [16] },
  { prefix: /^3[47]/, lengths: [15] },
  { prefix: /^3(?:0[0-5]|[689])/, lengths: [14, 16, 17, 18, 19] },
  { prefix: /^(?:6011|65|64[4-9]|62)/, lengths: [16, 17, 18, 19] },
  { prefix: /^35/, lengths: [16, 17, 18, 19] },
  { prefix: /^(?:50|5[6-9]|6)/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { prefix: /^1/, lengths: [15] },
];

function issuedBySomeScheme(digits: string): boolean {
  return SCHEMES.some((s) => s.prefix.test(digits) && s.lengths.includes(digits.length));
}

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
    if (!issuedBySomeScheme(digits) || !passesLuhn(digits)) continue;
    found.push(
      finding(
        match.index,
        match.index + candidate.length,
        'CREDIT_CARD',
        0.95,
        'card number with valid Luhn digit',
      ),
    );
  }
  return found;
};
