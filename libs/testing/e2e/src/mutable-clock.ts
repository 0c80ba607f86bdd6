import type { Clock } from '@bbws/shared-util';

/** A clock that runs with real time but that tests can move forward (expiry, TTLs, leases). */
export class MutableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Jumps to a moment; time keeps running from there. */
  set(date: Date): void {
    this.offsetMs = date.getTime() - Date.now();
  }
}
