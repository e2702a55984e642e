/**
 * Locks the open project after the evaluator has been idle for the configured minutes (0 = never).
 * How idleness is measured is the host's business: the desktop app asks the operating system for input idle
 * time; the loopback harness counts seconds since the last call.
 */
export interface AutoLockOptions {
  idleSeconds: () => number;
  lock: () => void;
  checkEverySeconds?: number;
}

export function shouldAutoLock(idleSeconds: number, autoLockMinutes: number): boolean {
  return autoLockMinutes > 0 && idleSeconds >= autoLockMinutes * 60;
}

export class AutoLock {
  private timer: ReturnType<typeof setInterval> | undefined;
  private minutes = 0;
  constructor(private readonly options: AutoLockOptions) {}

  /** Starts (or restarts) watching with the project's setting; 0 stops watching. */
  watch(minutes: number): void {
    this.stop();
    this.minutes = minutes;
    if (minutes <= 0) return;
    const every = (this.options.checkEverySeconds ?? 15) * 1000;
    this.timer = setInterval(() => this.check(), every);
    this.timer.unref?.();
  }

  check(): void {
    if (shouldAutoLock(this.options.idleSeconds(), this.minutes)) {
      this.stop();
      this.options.lock();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
