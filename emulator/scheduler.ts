import type { Clock } from './clock';

export interface JobReport {
  label: string;
  dueAt: number;
  ok: boolean;
  detail?: unknown;
}

interface Job {
  label: string;
  dueAt: number;
  run: () => Promise<unknown>;
}

/**
 * Work that happens "later" in emulator time: timer triggers and payment-notification retries.
 * Jobs run when the emulator clock reaches them: on a wall-clock tick (auto mode), and right away when a
 * test moves the clock, so `advance 30 minutes` returns only after what those 30 minutes would have done.
 */
export class Scheduler {
  private jobs: Job[] = [];
  private draining: Promise<JobReport[]> = Promise.resolve([]);
  private ticker?: NodeJS.Timeout;

  constructor(private readonly clock: Clock) {}

  schedule(label: string, dueAt: number, run: () => Promise<unknown>): void {
    this.jobs.push({ label, dueAt, run });
  }

  /** Cancels every job whose label starts with the prefix. */
  cancel(labelPrefix: string): void {
    this.jobs = this.jobs.filter((job) => !job.label.startsWith(labelPrefix));
  }

  pending(): Array<{ label: string; dueAt: number }> {
    return this.jobs.map(({ label, dueAt }) => ({ label, dueAt })).sort((a, b) => a.dueAt - b.dueAt);
  }

  /** Runs, one after another and earliest first, every job due by the clock now; resolves with what ran. */
  runDue(): Promise<JobReport[]> {
    this.draining = this.draining.then(
      () => this.drain(),
      () => this.drain(),
    );
    return this.draining;
  }

  /** Wall-clock ticking, so a dev server's timers fire without anyone moving the clock. */
  start(intervalMs: number): void {
    this.stop();
    this.ticker = setInterval(() => void this.runDue(), intervalMs);
    this.ticker.unref();
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }

  clear(): void {
    this.jobs = [];
  }

  private async drain(): Promise<JobReport[]> {
    const reports: JobReport[] = [];
    for (;;) {
      const now = this.clock.now();
      const due = this.jobs.filter((job) => job.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt)[0];
      if (!due) return reports;
      this.jobs.splice(this.jobs.indexOf(due), 1);
      try {
        reports.push({ label: due.label, dueAt: due.dueAt, ok: true, detail: await due.run() });
      } catch (error) {
        reports.push({ label: due.label, dueAt: due.dueAt, ok: false, detail: (error as Error).message });
      }
    }
  }
}
