import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ConfidantError } from '../../shared/errors';
import type { ProgressEvent } from '../../shared/progress';
import type { PathPurpose, ProjectStatus } from '../../shared/project';
import type { VaultStatus } from '../../shared/vault';
import {
  closeVault,
  createVault,
  ensureProjectId,
  openVault,
  projectIdOf,
  type Vault,
} from './anonymize/vault';
import { AutoLock } from './autoLock';
import { prepareWorker } from './jobs/runner';
import { RecentProjects } from './recentProjects';
import { rawKey } from './store/cipher';
import { closeProject, openProject, createProject, projectName, type Project } from './store/projectFile';
import { requireAcceptablePassphrase } from './store/encryptedFile';
import { FailuresOnDisk, sharedFailuresFile, UnlockThrottle } from './store/unlockThrottle';

export type { PathPurpose } from '../../shared/project';

/** What the host (the desktop app, the loopback harness, the CLI) lends the engine. */
export interface EnginePorts {
  /** Shows the host's file dialog; null when the evaluator cancels. */
  choosePath(purpose: PathPurpose): Promise<string | null>;
  /** The app's own settings folder (recent projects live there). */
  settingsDir: string;
  /** Who acts, as the audit log records it: the channel, never a person's name. */
  actor: string;
  /** Seconds since the evaluator last did anything, for auto-lock. */
  idleSeconds: () => number;
  onProgress?: (event: ProgressEvent) => void;
  onLocked?: () => void;
  /**
   * Start the job worker when a project is unlocked, so the first import does not wait for it to load (the
   * window: yes, the default). A command-line run does one thing and ends: it starts the worker only if a job
   * needs one.
   */
  warmJobWorker?: boolean;
  /**
   * Where wrong passphrases are counted. By default the file every Confidant process of this user shares (the
   * app's and the CLI's alike), so a new process cannot start the count again.
   */
  unlockFailuresFile?: string;
}

export const DEFAULT_AUTO_LOCK_MINUTES = 10;

/**
 * One evaluator's working session: which project is unlocked, which files the evaluator has chosen (the window
 * may only name those), and the auto-lock. The passphrase is held only while the project is open, so background
 * jobs can open their own connections; locking drops it. The re-identification vault, when the evaluator unlocks
 * it, is held the same way beside the project, never written anywhere, and closed whenever the project locks.
 */
export class Session {
  private project: Project | undefined;
  private passphrase: string | undefined;
  /** The passphrase's raw key for background jobs (store/cipher.ts), derived at the first job. */
  private jobKey: string | undefined;
  private lockedPath: string | undefined;
  private busy = false;
  private pendingLock: 'requested' | 'automatic' | undefined;
  private readonly grantedPaths = new Set<string>();
  private readonly throttle: UnlockThrottle;
  private vault: { file: Vault; passphrase: string } | undefined;
  /** The vault chosen for a project in this session, offered again (locked) when that project is unlocked. */
  private chosenVault: { projectPath: string; vaultPath: string } | undefined;
  readonly recent: RecentProjects;
  readonly autoLock: AutoLock;

  constructor(readonly ports: EnginePorts) {
    this.recent = new RecentProjects(ports.settingsDir);
    this.throttle = new UnlockThrottle(new FailuresOnDisk(ports.unlockFailuresFile ?? sharedFailuresFile()));
    this.autoLock = new AutoLock({ idleSeconds: ports.idleSeconds, lock: () => this.lock(true) });
  }

  grant(file: string): string {
    const resolved = path.resolve(file);
    this.grantedPaths.add(resolved);
    return resolved;
  }

  /** The window may name only files the evaluator chose in a dialog or that are on the recent list. */
  requireGranted(file: string): string {
    const resolved = path.resolve(file);
    if (!this.grantedPaths.has(resolved)) {
      throw new ConfidantError('PATH_NOT_GRANTED', 'Choose the file with the Open or Save dialog first.');
    }
    return resolved;
  }

  status(): ProjectStatus {
    if (this.project) {
      return {
        state: 'open',
        path: this.project.path,
        name: this.project.name,
        autoLockMinutes: this.autoLockMinutes(),
      };
    }
    if (this.lockedPath)
      return { state: 'locked', path: this.lockedPath, name: projectName(this.lockedPath) };
    return { state: 'none' };
  }

  requireProject(): Project {
    if (this.busy)
      throw new ConfidantError(
        'PROJECT_BUSY',
        'The project is busy with a background job. Try again when it ends.',
      );
    if (!this.project) throw new ConfidantError('NO_PROJECT_OPEN', 'Open or unlock a project first.');
    return this.project;
  }

  requirePassphrase(): string {
    this.requireProject();
    return this.passphrase as string;
  }

  /** What a background job keys its connection with: the passphrase's raw key, derived once per unlock. */
  requireJobKey(): string {
    const project = this.requireProject();
    this.jobKey ??= rawKey(project.path, this.passphrase as string);
    return this.jobKey;
  }

  async create(file: string, passphrase: string): Promise<ProjectStatus> {
    this.lock();
    this.adopt(createProject(file, passphrase, this.ports.actor), passphrase);
    return this.status();
  }

  /** How long unlocking `file` will wait because of earlier wrong passphrases (in any Confidant process). */
  unlockWaitMs(file: string): number {
    return this.throttle.waitMs(path.resolve(file));
  }

  async open(file: string, passphrase: string): Promise<ProjectStatus> {
    this.lock();
    const project = await this.throttle.attempt(file, () => openProject(file, passphrase, this.ports.actor));
    this.adopt(project, passphrase);
    return this.status();
  }

  private adopt(project: Project, passphrase: string): void {
    if (passphrase !== this.passphrase) this.jobKey = undefined;
    if (this.ports.warmJobWorker !== false) prepareWorker();
    this.project = project;
    this.passphrase = passphrase;
    this.lockedPath = undefined;
    this.recent.remember(project.path);
    this.autoLock.watch(this.autoLockMinutes());
  }

  autoLockMinutes(): number {
    const value = this.project?.db
      .prepare("SELECT value FROM project_setting WHERE key = 'auto_lock_minutes'")
      .pluck()
      .get() as string | undefined;
    return value === undefined ? DEFAULT_AUTO_LOCK_MINUTES : Number(value);
  }

  setAutoLockMinutes(minutes: number): void {
    this.requireProject()
      .db.prepare(
        "INSERT INTO project_setting (key, value) VALUES ('auto_lock_minutes', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(String(minutes));
    this.autoLock.watch(minutes);
  }

  /**
   * Closes the connection and forgets the passphrase; the path stays so the start screen can offer to unlock.
   * While a background job has the file (a rekey, an import), the lock waits for it and happens as it ends.
   */
  lock(automatic = false): ProjectStatus {
    this.autoLock.stop();
    if (this.busy) {
      this.pendingLock = this.pendingLock === 'automatic' || automatic ? 'automatic' : 'requested';
      return this.status();
    }
    this.closeVault();
    if (this.project) {
      this.lockedPath = this.project.path;
      closeProject(this.project, this.ports.actor);
      this.project = undefined;
      this.passphrase = undefined;
      this.jobKey = undefined;
      if (automatic) this.ports.onLocked?.();
    }
    return this.status();
  }

  /**
   * Runs work that needs the project file to itself (a rekey): the connection is closed for the duration and
   * reopened afterwards, with `passphraseAfter` if the work succeeded and the old passphrase if it failed. Work
   * that leaves the passphrase as it was reopens with `sameKey`, the raw key, to skip the key derivation.
   */
  async whileReleased<T>(
    work: (file: string) => Promise<T>,
    passphraseAfter: string,
    sameKey?: string,
  ): Promise<T> {
    const project = this.requireProject();
    let passphrase = this.passphrase as string;
    this.autoLock.stop();
    project.db.close();
    this.project = undefined;
    this.busy = true;
    try {
      const result = await work(project.path);
      passphrase = passphraseAfter;
      return result;
    } finally {
      this.busy = false;
      const key = sameKey !== undefined && passphrase === passphraseAfter ? sameKey : passphrase;
      this.adopt(openProject(project.path, key, this.ports.actor, { audit: false }), passphrase);
      const pending = this.pendingLock;
      this.pendingLock = undefined;
      if (pending) this.lock(pending === 'automatic');
    }
  }

  vaultStatus(): VaultStatus {
    if (this.vault) return { state: 'open', path: this.vault.file.path };
    const chosen = this.chosenVault;
    if (chosen && this.project && chosen.projectPath === this.project.path)
      return { state: 'locked', path: chosen.vaultPath };
    return { state: 'none' };
  }

  /** A vault of its own passphrase, which must be as strong as a project's and not the project's. */
  createVault(file: string, passphrase: string): VaultStatus {
    const project = this.requireProject();
    requireAcceptablePassphrase(passphrase);
    if (passphrase === this.passphrase) {
      throw new ConfidantError(
        'WEAK_PASSPHRASE',
        "The vault needs a passphrase of its own, not the project's: whoever holds only the project passphrase must not be able to re-identify anyone.",
      );
    }
    this.closeVault();
    this.adoptVault(createVault(file, passphrase, ensureProjectId(project.db)), passphrase);
    return this.vaultStatus();
  }

  async openVault(file: string, passphrase: string): Promise<VaultStatus> {
    const project = this.requireProject();
    this.closeVault();
    const vault = await this.throttle.attempt(file, () =>
      openVault(file, passphrase, projectIdOf(project.db)),
    );
    this.adoptVault(vault, passphrase);
    return this.vaultStatus();
  }

  private adoptVault(file: Vault, passphrase: string): void {
    this.vault = { file, passphrase };
    this.chosenVault = { projectPath: this.requireProject().path, vaultPath: file.path };
  }

  /** Closes the vault and forgets its passphrase; it stays chosen, so the window can offer to unlock it. */
  closeVault(): VaultStatus {
    if (this.vault) closeVault(this.vault.file);
    this.vault = undefined;
    return this.vaultStatus();
  }

  requireVault(): Vault {
    this.requireProject();
    if (!this.vault) throw new ConfidantError('NO_VAULT_OPEN', 'Unlock the re-identification vault first.');
    return this.vault.file;
  }

  /** What a background import needs to keep identities in the vault: nothing while it is locked. */
  vaultForJob(): { path: string; passphrase: string } | undefined {
    return this.vault && { path: this.vault.file.path, passphrase: this.vault.passphrase };
  }

  newJobId(): string {
    return randomUUID();
  }
}
