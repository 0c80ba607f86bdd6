import { LRUCache } from 'lru-cache';
import type { Clock } from '@bbws/shared-util';

export interface LimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends (the Retry-After of a refusal). */
  resetSeconds: number;
}

/**
 * At most `max` hits per key per window, counted in this process (bounded memory: least recently
 * seen keys are forgotten first). Time comes from the injected clock, so tests can move it.
 */
export class FixedWindowLimiter {
  private readonly windows: LRUCache<string, { start: number; count: number }>;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
    capacity = 50_000,
  ) {
    this.windows = new LRUCache({ max: capacity });
  }

  hit(key: string): LimitDecision {
    const now = this.clock.now().getTime();
    let window = this.windows.get(key);
    if (!window || now >= window.start + this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    return {
      allowed: window.count <= this.max,
      limit: this.max,
      remaining: Math.max(0, this.max - window.count),
      resetSeconds,
    };
  }
}
