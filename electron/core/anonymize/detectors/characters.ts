/** Character tests shared by the detectors: plain code comparisons, no regex, so they cost nothing. */

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isAsciiLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** True when the character at `index` is a letter, digit or underscore (any script). */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return isDigitCode(code) || isAsciiLetterCode(code) || code === 95;
  const pointStart = (code & 0xfc00) === 0xdc00 && index > 0 ? index - 1 : index;
  const cp = text.codePointAt(pointStart);
  return cp !== undefined && WORD_CHAR.test(String.fromCodePoint(cp));
}

/** The text of the few characters before `index`, lower-cased, for context words ("NHS number: ..."). */
export function contextBefore(text: string, index: number, width = 40): string {
  return text.slice(Math.max(0, index - width), index).toLowerCase();
}

/** Resets a global regex and yields its matches; the regexes here are all linear-time. */
export function* matchesOf(regex: RegExp, text: string): Generator<RegExpExecArray> {
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    if (match[0].length === 0) regex.lastIndex += 1;
    yield match;
  }
}

/** Luhn (mod 10) over the digits of a string, ignoring anything else. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    const code = digits.charCodeAt(i);
    if (!isDigitCode(code)) continue;
    let d = code - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function onlyDigits(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) if (isDigitCode(text.charCodeAt(i))) out += text[i];
  return out;
}
