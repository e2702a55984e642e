import type { AuditEntry } from '../shared/project';

/**
 * The audit log records actions by their handler name (project.changePassphrase); the evaluator reads them in
 * words. Actions added by later work show their name until they are given words here.
 */
const actionWords: Record<string, string> = {
  'project.create': 'Project created',
  'project.open': 'Project unlocked',
  'project.lock': 'Project locked',
  'project.changePassphrase': 'Passphrase changed',
  'project.backup': 'Backup made',
  'project.setAutoLock': 'Auto-lock changed',
  'import.commit': 'File imported',
  'import.saveMapping': 'Column mapping saved',
  'import.document': 'Document imported, awaiting review',
  'anonymize.saveSettings': 'Anonymisation settings saved',
  'anonymize.generalise': 'Attribute generalised',
  'anonymize.addNames': 'Names to look for added',
  'anonymize.decide': 'Redaction decided',
  'anonymize.addFinding': 'Missed personal data marked',
  'anonymize.apply': 'Redaction review applied, original deleted',
  'anonymize.rescan': 'Documents scanned again',
  'vault.create': 'Re-identification vault created',
  'vault.open': 'Re-identification vault unlocked',
  'vault.close': 'Re-identification vault locked',
  'vault.lookup': 'Pseudonym re-identified from the vault',
};

export function describeAuditAction(action: string): string {
  return Object.hasOwn(actionWords, action) ? (actionWords[action] as string) : action;
}

/** A detail's key in words: "rowsImported" -> "rows imported". */
const keyWords = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function parsedDetail(detail: string | null): Record<string, unknown> | null {
  if (detail === null || detail === '') return null;
  try {
    const parsed = JSON.parse(detail) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The detail column: JSON details as "rows imported: 6, minutes: 5"; anything else as it is. */
export function describeAuditDetail(detail: string | null): string {
  const parsed = parsedDetail(detail);
  if (!parsed) return detail ?? '';
  return Object.entries(parsed)
    .map(
      ([key, value]) =>
        `${keyWords(key)}: ${typeof value === 'string' ? value.replaceAll('_', ' ') : JSON.stringify(value)}`,
    )
    .join(', ');
}

/** What an import or a document was, as the log's sentence names it. */
const importKindWords: Record<string, string> = {
  roster: 'a roster',
  pairings: 'a pairing list',
  survey: 'a survey wave',
  hr: 'HR progression records',
  activity: 'an activity log',
};

/** The object an entry was done to, in words: the file or document by name, else what it is and its number. */
function objectWords(entry: Pick<AuditEntry, 'objectType' | 'objectId' | 'subject'>): string {
  if (entry.subject) return `“${entry.subject}”`;
  if (entry.objectType === null || entry.objectType === 'project' || entry.objectType === 'vault') return '';
  const what = entry.objectType.replaceAll('_', ' ');
  return entry.objectId === null ? what : `${what} no. ${entry.objectId}`;
}

/** One sentence for an entry: what happened, and to which file or document ("File imported: “moves.csv” …"). */
export function describeAuditEntry(
  entry: Pick<AuditEntry, 'action' | 'objectType' | 'objectId' | 'subject' | 'detail'>,
): string {
  const happened = describeAuditAction(entry.action);
  const object = objectWords(entry);
  const kind = parsedDetail(entry.detail)?.kind;
  const as =
    entry.action === 'import.commit' && typeof kind === 'string' && Object.hasOwn(importKindWords, kind)
      ? ` as ${importKindWords[kind]}`
      : '';
  return object ? `${happened}: ${object}${as}` : happened;
}

/** The kinds of entry the Audit log can be narrowed to, by the first word of their action. */
export const auditCategories = [
  { id: 'all', label: 'Everything', prefix: '' },
  { id: 'project', label: 'Opening, locking and backups', prefix: 'project.' },
  { id: 'import', label: 'Imports', prefix: 'import.' },
  { id: 'anonymize', label: 'Anonymisation and review', prefix: 'anonymize.' },
  { id: 'vault', label: 'Re-identification vault', prefix: 'vault.' },
] as const;
export type AuditCategory = (typeof auditCategories)[number]['id'];

/**
 * The actions whose words contain `search` (any case) in `category`, for the engine to page through; undefined
 * when nothing narrows the log. The log stores action names, so search runs on their words here.
 */
export function auditActionsMatching(search: string, category: AuditCategory): string[] | undefined {
  const words = search.trim().toLowerCase();
  if (words === '' && category === 'all') return undefined;
  const prefix = auditCategories.find((each) => each.id === category)?.prefix ?? '';
  return Object.keys(actionWords).filter(
    (action) => action.startsWith(prefix) && (actionWords[action] as string).toLowerCase().includes(words),
  );
}
