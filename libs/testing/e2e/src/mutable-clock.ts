import type { Clock } from '@bbws/shared-util';

/** A clock tests move by hand (expiry, TTLs, leases). Starts at the real time. */
export class MutableClock implements Clock {
  private current: Date;

  constructor(start: Date = new Date()) {
    this.current = start;
  }

  now(): Date {
    return new Date(this.current);
  }

  set(date: Date): void {
    this.current = date;
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
