import { normaliseHeading } from '../import/mappingSuggestion';

import type { ColumnRole } from '../../../shared/import';

/**
 * What each imported column is for anonymisation (the roles are described in shared/import.ts), suggested from
 * its heading and its values; the evaluator confirms it in the import wizard.
 */
export type { ColumnRole };

export interface ColumnRoleSuggestion {
  role: ColumnRole;
  /** Why, in the evaluator's words. */
  reason: string;
}

const HEADING_ROLES: [RegExp, ColumnRole, string][] = [
  [
    /e ?mail|^(full |first |given |last |family |sur)?name$|forename|surname|phone|mobile|address|national insurance|\bssn\b|passport|line manager|supervisor/,
    'direct-identifier',
    'the heading names something that identifies a person on its own',
  ],
  [
    /^(employee|staff|personnel|payroll|participant|person|member)[ _-]?(id|number|no|code|ref)$|^(id|emp ?id|employee)$/,
    'direct-identifier',
    'the heading names a personal id',
  ],
  [
    /ethnic|race|religio|faith|disab|health|medical|sexual|orientation|pregnan|trade union|criminal|salary|pay ?band|performance|rating|appraisal|grievance|disciplin/,
    'sensitive-attribute',
    'the heading names special-category or sensitive information',
  ],
  [
    /\b(gender|sex|age|dob|team|level|grade|band|site|office|city|zip|role)\b|birth|department|dept|division|job ?title|position|location|country|region|post ?code|tenure|years? (of|in) service|start date|hire date|joined|nationality|language|cohort/,
    'quasi-identifier',
    'the heading names a trait that identifies people in combination',
  ],
  [
    /comment|feedback|describe|explain|why|anything else|notes?$|story|example|suggest|please specify|open/,
    'free-text',
    'the heading asks for an answer in words',
  ],
];

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,63}$/;
const PERSON_NAME = /^\p{Lu}[\p{Ll}'’-]{1,30}( \p{Lu}[\p{Ll}'’-]{1,30}){1,3}$/u;

function share(values: readonly string[], test: (value: string) => boolean): number {
  const present = values.filter((value) => value.trim() !== '');
  if (present.length === 0) return 0;
  return present.filter((value) => test(value.trim())).length / present.length;
}

/** Longer answers with spaces, most of them different: people wrote sentences here. */
function looksLikeFreeText(values: readonly string[]): boolean {
  const present = values.map((value) => value.trim()).filter((value) => value !== '');
  if (present.length === 0) return false;
  const wordy = share(present, (value) => value.length >= 25 && value.split(/\s+/).length >= 5);
  return wordy >= 0.5 && new Set(present).size >= present.length * 0.8;
}

/** Almost every value different and short, without spaces: an id of some kind. */
function looksLikeIdentifier(values: readonly string[]): boolean {
  const present = values.map((value) => value.trim()).filter((value) => value !== '');
  if (present.length < 5) return false;
  return (
    new Set(present).size === present.length &&
    share(present, (value) => /^[\p{L}\p{N}._-]{3,40}$/u.test(value)) === 1 &&
    share(present, (value) => /\p{N}/u.test(value)) >= 0.9
  );
}

/** Suggests the role of one column from its heading and a sample of its values. */
export function suggestColumnRole(heading: string, sample: readonly string[]): ColumnRoleSuggestion {
  if (share(sample, (value) => EMAIL.test(value)) >= 0.8) {
    return { role: 'direct-identifier', reason: 'most values are e-mail addresses' };
  }
  const normalised = normaliseHeading(heading);
  for (const [pattern, role, reason] of HEADING_ROLES) {
    if (pattern.test(normalised)) return { role, reason };
  }
  if (share(sample, (value) => PERSON_NAME.test(value)) >= 0.8) {
    return { role: 'direct-identifier', reason: 'most values look like people’s full names' };
  }
  if (looksLikeFreeText(sample)) return { role: 'free-text', reason: 'most values are sentences' };
  if (looksLikeIdentifier(sample))
    return { role: 'direct-identifier', reason: 'every value is different, like an id' };
  return { role: 'other', reason: 'nothing in the heading or the values suggests a person' };
}
