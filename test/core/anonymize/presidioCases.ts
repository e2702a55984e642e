import { readFileSync } from 'node:fs';
import type { PiiEntity } from '../../../electron/core/anonymize/finding';

/** Presidio's recognizer test cases, kept as data in test/fixtures/reference/pii (see its NOTICE.md). */
export interface PresidioCase {
  file: string;
  entity: string;
  text: string;
  expected_count: number;
  spans: Array<[number, number]>;
}

export const PRESIDIO_CASES_PATH = new URL(
  '../../fixtures/reference/pii/presidio_cases.json',
  import.meta.url,
);

export function presidioCases(): PresidioCase[] {
  return JSON.parse(readFileSync(PRESIDIO_CASES_PATH, 'utf8')) as PresidioCase[];
}

/** The countries each Presidio recognizer test assumes (its supported regions). */
export function countriesFor(entity: string): string[] {
  if (entity === 'PHONE_NUMBER') return ['US', 'GB', 'DE', 'FR', 'IL', 'IN', 'CA', 'BR', 'JP', 'CN'];
  if (entity === 'US_SSN') return ['US'];
  if (entity === 'UK_NHS' || entity === 'UK_NINO' || entity === 'UK_POSTCODE') return ['GB'];
  return ['GB', 'US'];
}

export const SUPPORTED: ReadonlySet<string> = new Set<PiiEntity>([
  'EMAIL_ADDRESS',
  'CREDIT_CARD',
  'IBAN_CODE',
  'IP_ADDRESS',
  'URL',
  'DATE_TIME',
  'PHONE_NUMBER',
  'US_SSN',
  'UK_NHS',
  'UK_NINO',
  'UK_POSTCODE',
  'MAC_ADDRESS',
]);
