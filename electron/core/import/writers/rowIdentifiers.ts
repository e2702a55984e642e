import type { ParticipantIdentifier } from '../participantRegister';
import type { CheckedRow, ColumnRule } from '../validation';

/** The fields that name a participant, and the kind of identifier each holds. */
export const IDENTIFIER_FIELDS: Partial<Record<string, ParticipantIdentifier['kind']>> = {
  participantId: 'id',
  email: 'email',
  fullName: 'name',
};

/** The identifiers of a checked row: id, e-mail, and the name (whole, or given + family). */
export function rowIdentifiers(columns: readonly ColumnRule[], row: CheckedRow): ParticipantIdentifier[] {
  const identifiers: ParticipantIdentifier[] = [];
  const text = (rule: ColumnRule) => {
    const value = row.values.get(rule.index);
    return value === null || value === undefined ? '' : String(value).trim();
  };
  for (const rule of columns) {
    const kind = IDENTIFIER_FIELDS[rule.field];
    if (kind && text(rule)) identifiers.push({ kind, value: text(rule) });
  }
  if (!identifiers.some((identifier) => identifier.kind === 'name')) {
    const parts = ['givenName', 'familyName']
      .map((field) => columns.find((rule) => rule.field === field))
      .map((rule) => (rule ? text(rule) : ''))
      .filter((part) => part !== '');
    if (parts.length === 2) identifiers.push({ kind: 'name', value: parts.join(' ') });
  }
  return identifiers;
}

/**
 * A survey row is matched on its ids and e-mails; its name is used, and recorded, only when it has neither:
 * names are the roster's business, and a survey keeps no more of a person than it needs.
 */
export function strongestIdentifiers(identifiers: ParticipantIdentifier[]): ParticipantIdentifier[] {
  const unique = identifiers.filter((identifier) => identifier.kind !== 'name');
  return unique.length > 0 ? unique : identifiers;
}
