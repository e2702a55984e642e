import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { finding, type Detector, type PiiFinding } from '../finding';
import { contextBefore, matchesOf } from './characters';

/**
 * Telephone numbers. A bounded regex finds digit runs that could be dialled (7 to 15 digits with the usual
 * separators); libphonenumber-js (full metadata) then decides whether each is a valid number of one of the
 * project's countries, or of any country when written with its international prefix.
 */
const CANDIDATE = /(?<![\w+.-])(?:\+ ?|00)?\(?\d[\d ().-]{5,24}\d(?![\d])/g;
const CONTEXT =
  /(?:phone|mobile|cell|tel|call|ring|text|whatsapp|contact|reach|fax|landline|dial)\W{0,3}(?:\w+\W{1,3}){0,3}$/;
const LOOKS_LIKE_DATE_OR_IP = /^\d{1,4}[.-]\d{1,2}[.-]\d{1,4}$|^\d{1,3}(?:\.\d{1,3}){3}$/;
/**
 * An extension after a number is part of it ("020 7946 0321 ext. 204", "x2210", "#12"), as libphonenumber
 * reads it: tried only right after a number already judged valid or possible, so it costs nothing elsewhere.
 */
const EXTENSION = /^,? {0,2}(?:(?:ext|extn|extension)\.?:? {0,2}|x {0,2}|# {0,2})\d{1,6}(?![\p{L}\p{N}])/iu;

function digitCount(candidate: string): number {
  let n = 0;
  for (let i = 0; i < candidate.length; i += 1) {
    const code = candidate.charCodeAt(i);
    if (code >= 48 && code <= 57) n += 1;
  }
  return n;
}

function balancedParentheses(candidate: string): boolean {
  let depth = 0;
  for (const ch of candidate) {
    if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    if (depth < 0 || depth > 1) return false;
  }
  return depth === 0;
}

/** Double separators ("1  2", "1--2") mean two numbers or a list, not one phone number. */
function separatorsAreSane(candidate: string): boolean {
  return !/[ .-]{2}/.test(candidate.replace(/\) /g, ')').replace(/ \(/g, '('));
}

export type PhoneValidity = 'valid' | 'possible' | 'no';

/** 'valid': a number in use in its country's plan; 'possible': right length but not (yet) allocated. */
export function phoneValidity(candidate: string, countries: readonly string[]): PhoneValidity {
  const international = candidate.startsWith('+') || candidate.startsWith('00');
  const normalised = candidate.startsWith('00') ? `+${candidate.slice(2)}` : candidate;
  const parsed = international
    ? [parsePhoneNumberFromString(normalised)]
    : countries.map((country) => parsePhoneNumberFromString(normalised, country as CountryCode));
  if (parsed.some((p) => p?.isValid())) return 'valid';
  return parsed.some((p) => p?.isPossible()) ? 'possible' : 'no';
}

export const detectPhoneNumbers: Detector = (text, context) => {
  const found: PiiFinding[] = [];
  for (const match of matchesOf(CANDIDATE, text)) {
    let candidate = match[0];
    let start = match.index;
    if (candidate.startsWith('(') && !balancedParentheses(candidate)) {
      candidate = candidate.slice(1);
      start += 1;
    }
    const digits = digitCount(candidate);
    if (digits < 7 || digits > 15) continue;
    // Numbers are written in groups of two or more digits ("+33 1 42 68 53 00"); "1 2 3 4 5 6 7" is a list.
    if (!/\d\d/.test(candidate)) continue;
    if (!balancedParentheses(candidate) || !separatorsAreSane(candidate)) continue;
    if (LOOKS_LIKE_DATE_OR_IP.test(candidate)) continue;
    const validity = phoneValidity(candidate, context.countries);
    if (validity === 'no') continue;
    const cued = CONTEXT.test(contextBefore(text, start, 48));
    if (validity === 'possible' && !cued) continue;
    const score = validity === 'possible' ? 0.6 : cued ? 0.95 : 0.75;
    const reason =
      validity === 'possible'
        ? 'possible phone number after a contact word'
        : cued
          ? 'valid phone number after a contact word'
          : 'valid phone number for the project countries';
    const extension = EXTENSION.exec(text.slice(start + candidate.length, start + candidate.length + 24));
    const end = start + candidate.length + (extension ? extension[0].length : 0);
    found.push(finding(start, end, 'PHONE_NUMBER', score, reason));
  }
  return found;
};
