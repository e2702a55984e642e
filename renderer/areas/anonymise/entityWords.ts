import type { DocumentKind, PiiEntityName, RedactionOperator } from '../../../shared/redaction';

/** What each kind of finding is, in the evaluator's words. */
export const entityLabels: Record<PiiEntityName, string> = {
  PERSON: 'Person',
  EMAIL_ADDRESS: 'E-mail address',
  PHONE_NUMBER: 'Phone number',
  URL: 'Web address',
  IP_ADDRESS: 'IP address',
  MAC_ADDRESS: 'Device (MAC) address',
  IBAN_CODE: 'Bank account (IBAN)',
  CREDIT_CARD: 'Card number',
  DATE_TIME: 'Date or time',
  LOCATION: 'Place',
  ORGANIZATION: 'Organisation',
  UK_POSTCODE: 'UK postcode',
  POSTAL_CODE: 'Postal code',
  US_SSN: 'US social security number',
  UK_NHS: 'NHS number',
  UK_NINO: 'National Insurance number',
  ES_NIF: 'Spanish tax id (NIF)',
  IN_AADHAAR: 'Aadhaar number',
  IN_PAN: 'Indian tax id (PAN)',
  EMPLOYEE_ID: 'Employee id',
};

export const documentKindLabels: Record<DocumentKind, string> = {
  transcript: 'Interview transcript',
  journal: 'Journal',
  mentor_note: 'Mentor note',
  survey_comment: 'Survey comment',
};

/** The operator choices the review offers for a kind of finding; dates can also be made coarser. */
export interface OperatorChoice {
  id: string;
  label: string;
  operator: RedactionOperator;
}

export function operatorChoices(entity: PiiEntityName): OperatorChoice[] {
  const choices: OperatorChoice[] = [
    { id: 'tag', label: `Tag: [${entity}-1]`, operator: { kind: 'tag' } },
    { id: 'redact', label: 'Redact: [REDACTED]', operator: { kind: 'redact' } },
    { id: 'mask', label: 'Mask every character', operator: { kind: 'mask', keepLast: 0 } },
    { id: 'mask-4', label: 'Mask all but the last 4', operator: { kind: 'mask', keepLast: 4 } },
  ];
  if (entity !== 'DATE_TIME') return choices;
  return [
    ...choices,
    { id: 'month', label: 'Keep the month: [2025-03]', operator: { kind: 'generalise', dateTo: 'month' } },
    {
      id: 'quarter',
      label: 'Keep the quarter: [2025-Q1]',
      operator: { kind: 'generalise', dateTo: 'quarter' },
    },
    { id: 'year', label: 'Keep the year: [2025]', operator: { kind: 'generalise', dateTo: 'year' } },
  ];
}

/** The choice an operator is, for the select that shows it. */
export function operatorChoiceId(operator: RedactionOperator | undefined): string {
  if (!operator) return 'tag';
  switch (operator.kind) {
    case 'mask':
      return operator.keepLast > 0 ? 'mask-4' : 'mask';
    case 'generalise':
      return operator.dateTo;
    default:
      return operator.kind;
  }
}

export const decisionWords = { pending: 'undecided', accepted: 'accepted', rejected: 'rejected' } as const;
