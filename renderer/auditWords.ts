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

/** The detail column: JSON details as "minutes: 5"; anything else as it is. */
export function describeAuditDetail(detail: string | null): string {
  if (detail === null || detail === '') return '';
  try {
    const parsed = JSON.parse(detail) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.entries(parsed)
        .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(', ');
    }
  } catch {
    // Not JSON: shown as written.
  }
  return detail;
}
