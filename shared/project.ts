import { z } from 'zod';

/** The project domain: create, open (unlock), lock, change passphrase, back up, read the audit log. */

const passphrase = z.string().min(1, 'Enter the passphrase.').max(1024);
const filePath = z.string().min(1).max(4096);
/** What a file dialog is for: each has its own title, filter and kind (save or open). */
export const pathPurposes = ['create', 'open', 'backup', 'import', 'createVault', 'openVault'] as const;
export type PathPurpose = (typeof pathPurposes)[number];

const jobId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'A job id is 1 to 64 letters, digits or dashes.');

export const projectSchemas = {
  'project.status': z.object({}).strict(),
  'project.recent': z.object({}).strict(),
  'project.checkPassphrase': z.object({ passphrase: z.string().max(1024) }).strict(),
  'project.choosePath': z.object({ purpose: z.enum(pathPurposes) }).strict(),
  'project.create': z.object({ path: filePath, passphrase }).strict(),
  'project.open': z.object({ path: filePath, passphrase }).strict(),
  'project.lock': z.object({}).strict(),
  'project.changePassphrase': z
    .object({ current: passphrase, next: passphrase, jobId: jobId.optional() })
    .strict(),
  'project.backup': z.object({ destination: filePath, jobId: jobId.optional() }).strict(),
  'project.info': z.object({}).strict(),
  'project.audit': z
    .object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      /** Only entries of these actions (the Audit log's search and filter); all of them without it. */
      actions: z
        .array(z.string().regex(/^[a-z]+\.[A-Za-z]+$/, 'An action is a name such as import.commit.'))
        .max(100)
        .optional(),
    })
    .strict(),
  'project.setAutoLock': z
    .object({
      minutes: z
        .number()
        .int()
        .min(0)
        .max(24 * 60),
    })
    .strict(),
} as const;

export interface PassphraseCheck {
  /** 0 (guessable in moments) to 4 (very hard to guess), as zxcvbn scores it. */
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** What to do about it, in plain words; empty when the passphrase is acceptable. */
  feedback: string[];
}

export type ProjectStatus =
  | { state: 'none' }
  | { state: 'locked'; path: string; name: string }
  | { state: 'open'; path: string; name: string; autoLockMinutes: number };

export interface RecentProject {
  path: string;
  name: string;
  lastOpened: string;
}

export interface ChosenPath {
  /** null when the evaluator cancelled the dialog. */
  path: string | null;
}

export interface EncryptionSettings {
  cipher: string;
  legacy: number;
  kdfIterations: number;
  pageSize: number;
}

export interface ProjectInfo {
  path: string;
  schemaVersion: number;
  appSchemaVersion: number;
  encryption: EncryptionSettings;
  tableCounts: Record<string, number>;
  sizeBytes: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  detail: string | null;
  /** What the entry was done to, in words, while the project still has it: a file's name, a document's title. */
  subject: string | null;
}

export interface AuditPage {
  total: number;
  entries: AuditEntry[];
}

export interface BackupResult {
  destination: string;
  sizeBytes: number;
}

export interface ProjectResults {
  'project.status': ProjectStatus;
  'project.recent': RecentProject[];
  'project.checkPassphrase': PassphraseCheck;
  'project.choosePath': ChosenPath;
  'project.create': ProjectStatus;
  'project.open': ProjectStatus;
  'project.lock': ProjectStatus;
  'project.changePassphrase': { changed: true };
  'project.backup': BackupResult;
  'project.info': ProjectInfo;
  'project.audit': AuditPage;
  'project.setAutoLock': ProjectStatus;
}
