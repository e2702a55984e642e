import isEmail from 'validator/lib/isEmail.js';
import { finding, type Detector, type PiiFinding } from '../finding';
import { isAsciiLetterCode, isDigitCode } from './characters';

/**
 * E-mail addresses. Instead of a regex tried at every position, each '@' is an anchor and the address is
 * grown outwards over the characters an address may hold (bounded by RFC 5321's lengths), then checked
 * with validator's isEmail. Linear in the text whatever it holds.
 */

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isLocalCode(code: number): boolean {
  // letters, digits and . _ % + - ' (common in Irish names: o'neill@...)
  return (
    isAsciiLetterCode(code) ||
    isDigitCode(code) ||
    code === 46 ||
    code === 95 ||
    code === 37 ||
    code === 43 ||
    code === 45
  );
}

function isDomainCode(code: number): boolean {
  return isAsciiLetterCode(code) || isDigitCode(code) || code === 46 || code === 45;
}

export const detectEmailAddresses: Detector = (text) => {
  const found: PiiFinding[] = [];
  let at = text.indexOf('@');
  let lastEnd = 0;
  while (at !== -1) {
    let start = at;
    while (start > lastEnd && at - start < MAX_LOCAL && isLocalCode(text.charCodeAt(start - 1))) start -= 1;
    while (start < at && text.charCodeAt(start) === 46) start += 1;
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN && isDomainCode(text.charCodeAt(end))) end += 1;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end -= 1;
    if (start < at && end > at + 3) {
      const candidate = text.slice(start, end);
      const domain = candidate.slice(at - start + 1);
      const tld = domain.slice(domain.lastIndexOf('.') + 1);
      const tldOk = /^(?:[a-z]{2,24}|xn--[a-z0-9-]{1,59})$/i.test(tld);
      if (domain.includes('.') && tldOk && isEmail(candidate, { allow_utf8_local_part: false })) {
        found.push(finding(start, end, 'EMAIL_ADDRESS', 1, 'well-formed e-mail address'));
        lastEnd = end;
      }
    }
    at = text.indexOf('@', Math.max(at + 1, lastEnd));
  }
  return found;
};
