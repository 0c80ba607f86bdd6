import type { Clock } from '@bbws/shared-util';

/**
 * The one clock of the tests. By default it runs with real time and tests move it forward (expiry,
 * TTLs, leases); `TestClock.frozen(at)` stands still at a moment until a test moves it.
 */
export class TestClock implements Clock {
  private offsetMs = 0;

  private constructor(private frozenAt: number | null) {}

  /** Real time, movable. */
  static running(): TestClock {
    return new TestClock(null);
  }

  /** Stands at `at` (now by default) until advanced or set. */
  static frozen(at: Date | string = new Date()): TestClock {
    return new TestClock(new Date(at).getTime());
  }

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    if (this.frozenAt === null) this.offsetMs += ms;
    else this.frozenAt += ms;
  }

  /** Jumps to a moment; a running clock keeps running from there. */
  set(at: Date): void {
    if (this.frozenAt === null) this.offsetMs = at.getTime() - Date.now();
    else this.frozenAt = at.getTime();
  }
}
