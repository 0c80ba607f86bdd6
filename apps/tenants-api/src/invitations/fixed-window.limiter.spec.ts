import { TestClock } from '@bbws/testing-factories';
import { FixedWindowLimiter } from './fixed-window.limiter';

describe('FixedWindowLimiter', () => {
  const clock = TestClock.frozen('2026-01-01T00:00:00Z');

  it('allows max hits per key in a window, then refuses with the seconds left, then starts over', () => {
    const limiter = new FixedWindowLimiter(3, 60_000, clock);
    expect([1, 2, 3].map(() => limiter.hit('1.2.3.4').allowed)).toEqual([true, true, true]);
    clock.advance(15_000);
    expect(limiter.hit('1.2.3.4')).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 45 });
    expect(limiter.hit('5.6.7.8').allowed).toBe(true);
    clock.advance(45_000);
    expect(limiter.hit('1.2.3.4')).toEqual({ allowed: true, limit: 3, remaining: 2, resetSeconds: 60 });
  });
});
