/**
 * The local CloudBase's clock: real time plus an offset that tests move forward
 * (`POST /api/_emulator/clock { advanceMs }`), so "after 30 minutes" and "tomorrow" need no waiting.
 * The database (serverDate) and the function runtime (Date inside workers) both read it.
 */
export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
