import { finding, type DetectionContext, type Detector, type PiiFinding } from '../finding';
import { contextBefore, matchesOf, onlyDigits } from './characters';

/**
 * National identity numbers of common countries, each checked by its own rule (checksum or allocation rules),
 * and only for the project's countries: a number valid in a country the project does not touch is noise.
 * A context word before the number ("NHS number", "SSN") raises the score.
 */

interface IdRule {
  country: string;
  entity: 'US_SSN' | 'UK_NHS' | 'UK_NINO' | 'ES_NIF' | 'IN_AADHAAR' | 'IN_PAN';
  regex: RegExp;
  valid: (candidate: string) => boolean;
  context: RegExp;
  score: number;
  reason: string;
}

function validSsn(candidate: string): boolean {
  const separators = candidate.replace(/\d/g, '');
  if (separators.length > 0 && new Set(separators).size > 1) return false;
  const digits = onlyDigits(candidate);
  if (digits.length !== 9 || /^(\d)\1{8}$/.test(digits)) return false;
  // Numbers the SSA itself published (the Woolworth wallet card, an advertisement) were never anyone's.
  if (digits === '078051120' || digits === '219099999') return false;
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area.startsWith('9')) return false;
  return digits.slice(3, 5) !== '00' && digits.slice(5) !== '0000';
}

function validNhs(candidate: string): boolean {
  const digits = onlyDigits(candidate);
  if (digits.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

const NIF_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
function validNif(candidate: string): boolean {
  const upper = candidate.toUpperCase().replace(/-/g, '');
  const body = upper.slice(0, -1).replace(/^X/, '0').replace(/^Y/, '1').replace(/^Z/, '2');
  return NIF_LETTERS[Number(body) % 23] === upper.slice(-1);
}

// Verhoeff check used by Aadhaar.
const V_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const V_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
export function passesVerhoeff(digits: string): boolean {
  let c = 0;
  const reversed = digits.split('').reverse();
  for (let i = 0; i < reversed.length; i += 1) c = V_D[c]![V_P[i % 8]![Number(reversed[i])]!]!;
  return c === 0;
}

export { validNhs, validSsn };

const RULES: IdRule[] = [
  {
    country: 'US',
    entity: 'US_SSN',
    regex: /(?<![\w-])\d{3}[- .]?\d{2}[- .]?\d{4}(?![\w-])/g,
    valid: validSsn,
    context: /\b(?:ssn|social security|ss#|ss no)\b/,
    score: 0.5,
    reason: 'US social security number format',
  },
  {
    country: 'GB',
    entity: 'UK_NHS',
    regex: /(?<![\w-])\d{3}[- ]?\d{3}[- ]?\d{4}(?![\w-])/g,
    valid: validNhs,
    context: /\bnhs\b|\bhealth\b|\bpatient\b/,
    score: 0.5,
    reason: 'NHS number with valid check digit',
  },
  {
    country: 'GB',
    entity: 'UK_NINO',
    regex:
      /(?<![\w])(?![Bb][Gg]|[Gg][Bb]|[Nn][Kk]|[Kk][Nn]|[Nn][Tt]|[Tt][Nn]|[Zz][Zz])[A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z][A-CEGHJ-NPR-TW-Za-ceghj-npr-tw-z] ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d](?!\w)/g,
    valid: () => true,
    context: /\bnational insurance\b|\bnino\b|\bni number\b/,
    score: 0.6,
    reason: 'UK national insurance number format',
  },
  {
    country: 'ES',
    entity: 'ES_NIF',
    regex: /(?<![\w-])[XYZxyz]?\d{7,8}-?[A-Za-z](?![\w-])/g,
    valid: validNif,
    context: /\b(?:nif|dni|nie)\b/,
    score: 0.7,
    reason: 'Spanish NIF/NIE with valid check letter',
  },
  {
    country: 'IN',
    entity: 'IN_AADHAAR',
    regex: /(?<![\w-])[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}(?![\w-])/g,
    valid: (candidate) => passesVerhoeff(onlyDigits(candidate)),
    context: /\baadhaa?r\b|\buidai\b/,
    score: 0.5,
    reason: 'Aadhaar number with valid Verhoeff digit',
  },
  {
    country: 'IN',
    entity: 'IN_PAN',
    regex: /(?<![\w])[A-Z]{3}[ABCFGHLJPT][A-Z]\d{4}[A-Z](?![\w])/g,
    valid: () => true,
    context: /\bpan\b|\bpermanent account\b/,
    score: 0.6,
    reason: 'Indian PAN format',
  },
];

export function idRulesFor(context: DetectionContext): IdRule[] {
  const countries = new Set(context.countries.map((c) => (c === 'UK' ? 'GB' : c)));
  return RULES.filter((rule) => countries.has(rule.country));
}

export const detectNationalIds: Detector = (text, context) => {
  const found: PiiFinding[] = [];
  for (const rule of idRulesFor(context)) {
    for (const match of matchesOf(rule.regex, text)) {
      if (!rule.valid(match[0])) continue;
      const cued = rule.context.test(contextBefore(text, match.index, 40));
      const score = cued ? 0.97 : rule.score;
      found.push(
        finding(
          match.index,
          match.index + match[0].length,
          rule.entity,
          score,
          cued ? `${rule.reason}, after a context word` : rule.reason,
        ),
      );
    }
  }
  return found;
};
