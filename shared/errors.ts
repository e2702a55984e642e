/**
 * Errors the engine reports to the evaluator. Every failure that crosses the contract carries one of these
 * codes and a message written for a person: which file, which row, which column, what was expected.
 */
export const errorCodes = [
  'WRONG_PASSPHRASE',
  'WEAK_PASSPHRASE',
  'PROJECT_TOO_NEW',
  'PROJECT_EXISTS',
  'PROJECT_NOT_FOUND',
  'NO_PROJECT_OPEN',
  'PROJECT_BUSY',
  'PATH_NOT_GRANTED',
  'INVALID_ARGUMENTS',
  'UNKNOWN_HANDLER',
  'FORBIDDEN_SENDER',
  'CANCELLED',
  'IO_ERROR',
  'INTERNAL',
  // The redaction review
  'NOT_FOUND',
  'FINDINGS_UNDECIDED',
  'REVIEW_ALREADY_APPLIED',
  // The re-identification vault
  'NO_VAULT_OPEN',
  'VAULT_OF_ANOTHER_PROJECT',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorReport {
  code: ErrorCode;
  message: string;
}

/** The one message a wrong passphrase, or a file that is not ours, ever gets: it reveals nothing more. */
export const WRONG_PASSPHRASE_MESSAGE = 'wrong passphrase or not a Confidant project';

export class ConfidantError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ConfidantError';
    this.code = code;
  }

  toReport(): ErrorReport {
    return { code: this.code, message: this.message };
  }
}

export function isErrorReport(value: unknown): value is ErrorReport {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof message === 'string' && (errorCodes as readonly unknown[]).includes(code);
}
